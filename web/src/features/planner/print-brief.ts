/**
 * The one-page brief the print button makes (A4, see planner.css @media print): what was
 * analysed, a snapshot of the map, the shares now and with the plan, the plan's changes,
 * the district table, the legend's bands and the population proxy. Built fresh before each
 * print, so it always matches the screen.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./planner-messages.ts";
import { bandList } from "./map-legend.ts";
import { chartRows, districtTable, hasChanges, pointsText, proposedText, type PanelModel } from "./planner-panel.ts";
import { percentText } from "./share-chart.ts";

/** What the brief says beyond the panel's model. */
export interface BriefInput {
  readonly model: PanelModel;
  readonly region: string;
  readonly standard: string;
  readonly minutes: number;
  /** The map as a PNG data URL, or null when it could not be copied. */
  readonly snapshot: string | null;
  readonly date: string;
}

function sharesTable(model: PanelModel): HTMLElement {
  const row = (key: "buildings" | "land"): HTMLElement =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, t(key === "buildings" ? "shareBuildings" : "shareLand")),
      el("td", { class: "number" }, percentText(model.baseline[key])),
      el("td", { class: "number" }, percentText(model.current[key])),
      el("td", { class: "number" }, pointsText(model.baseline[key], model.current[key])),
    );
  const head = el("tr", {}, el("th", { scope: "col" }, t("plannerCoverageTitle")), el("th", { scope: "col" }, t("plannerNow")), el("th", { scope: "col" }, t("plannerPlan")), el("th", { scope: "col" }, "Δ"));
  return el("table", { class: "data-table brief-shares" }, el("thead", {}, head), el("tbody", {}, row("buildings"), row("land")));
}

function changes(model: PanelModel): HTMLElement {
  if (!hasChanges(model)) return el("p", {}, t("plannerNoChanges"));
  // The name says where; the coordinates stay in the brief for whoever goes to survey the site.
  const proposed = model.added.map(([lon, lat], i) => el("li", {}, `${proposedText(model, i)} (${lon.toFixed(5)}, ${lat.toFixed(5)})`));
  const closed = model.closed.map((site) => el("li", {}, t("closedItem", { name: site.name })));
  return el("ul", { class: "brief-changes" }, ...proposed, ...closed);
}

/** Fills `target` with the brief. */
export function renderBrief(target: HTMLElement, input: BriefInput): void {
  const { model } = input;
  replaceChildren(
    target,
    el("h1", { class: "brief-title" }, `${t("plannerTitle")} · ${input.standard}`),
    el("p", { class: "brief-meta" }, t("plannerBriefMeta", { region: input.region, standard: input.standard, date: input.date })),
    input.snapshot ? el("img", { class: "brief-map", src: input.snapshot, alt: t("coverageMap") }) : null,
    el(
      "div",
      { class: "brief-columns" },
      el("div", {}, sharesTable(model), el("p", { class: "brief-sites" }, t("sitesSummary", { sites: model.current.sites, areas: model.current.areas, uncovered: model.current.uncovered })), el("h2", {}, t("plannerChanges")), changes(model)),
      el("div", {}, el("h2", {}, t("districtTitle")), districtTable(chartRows(model)), el("h2", {}, t("plannerLegendTitle")), bandList(input.minutes)),
    ),
    model.basis ? el("p", { class: "brief-note" }, t("plannerBasis", { basis: model.basis })) : null,
    el("p", { class: "brief-note" }, t("populationProxy")),
  );
}
