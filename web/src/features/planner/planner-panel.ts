/**
 * The side panel beside the planner's map: the shares covered now (residential buildings
 * and land), and with a what-if plan the change from now; the plan itself (suggested,
 * proposed and closed sites, with buttons to adopt, remove, reopen, reset, and to ask the
 * children near a suggested site what they want there, in a poll); the chart and
 * the district table; the exports and the print button.
 * Pure rendering from a model; the page owns the state and the actions.
 */
import { el } from "../../shared/dom.ts";
import { getLanguage, languageTag } from "../../shared/i18n.ts";
import { t } from "./planner-messages.ts";
import type { CoverageSummary, ExportFormat, LonLat, Share, Suggestion } from "./planner-api.ts";
import { percentText, shareChart, type ChartRow } from "./share-chart.ts";
import { pollSuggestionHash } from "../staff/voice-staff-rules.ts";

/** Everything the panel shows. */
export interface PanelModel {
  /** Coverage now, without the plan's changes. */
  readonly baseline: CoverageSummary;
  /** Coverage with the plan's changes (the baseline itself when there are none). */
  readonly current: CoverageSummary;
  readonly added: readonly LonLat[];
  /** A name for each proposed site (near which place, or the district), null while unknown. */
  readonly addedNames: readonly (string | null)[];
  readonly closed: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly suggestions: readonly Suggestion[] | null;
  readonly suggesting: boolean;
  /** What the coverage is of (a kind, a walk in minutes), carried into a poll started from a suggestion. */
  readonly askAbout?: { readonly kind: string | null; readonly minutes: number | null };
  /** The standard's basis (GB 50180 …) in the reader's language, or null for a custom choice. */
  readonly basis: string | null;
  readonly exports: Readonly<Record<ExportFormat, string>>;
}

/** What the panel's buttons do. */
export interface PanelActions {
  suggest(): void;
  adopt(index: number): void;
  removeProposed(index: number): void;
  reopen(id: string): void;
  reset(): void;
  print(): void;
}

/** Square metres in the current language's digits: "92,815". */
export function areaText(m2: number): string {
  return new Intl.NumberFormat(languageTag(getLanguage())).format(Math.round(m2));
}

/** The change between two shares in percentage points: "+11.3 个百分点". */
export function pointsText(before: Share, after: Share): string {
  const points = (after.share - before.share) * 100;
  const shown = Math.abs(points).toFixed(1);
  return t("pointsChange", { sign: shown === "0.0" ? "±" : points < 0 ? "−" : "+", n: shown });
}

/** True when the plan changes anything. */
export function hasChanges(model: Pick<PanelModel, "added" | "closed">): boolean {
  return model.added.length > 0 || model.closed.length > 0;
}

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "panel-section", "aria-labelledby": id }, el("h2", { id, class: "panel-heading" }, title), ...body);
}

function shareTile(key: "buildings" | "land", model: PanelModel): HTMLElement {
  const now = model.current[key];
  const before = model.baseline[key];
  const changed = hasChanges(model);
  return el(
    "div",
    { class: "share-tile", "data-kind": key },
    el("p", { class: "share-label", id: `share-${key}-label` }, t(key === "buildings" ? "shareBuildings" : "shareLand")),
    el("p", { class: "share-number", id: `share-${key}`, "data-share": now.share, "aria-describedby": `share-${key}-label` }, percentText(now)),
    el("p", { class: "share-area" }, t("shareArea", { covered: areaText(now.covered), total: areaText(now.total) })),
    changed ? el("p", { class: "share-change", "data-up": now.share >= before.share }, el("span", { class: "share-delta" }, pointsText(before, now)), " ", el("span", { class: "share-was" }, t("shareWas", { before: percentText(before) }))) : null,
  );
}

function coverageSection(model: PanelModel): HTMLElement {
  const { current } = model;
  const unsnapped = current.unsnappedSites.filter((id) => id.startsWith("proposed-")).map((id) => el("li", {}, t("unsnapped", { n: id.slice("proposed-".length) })));
  return section(
    "coverage-heading",
    t("plannerCoverageTitle"),
    el("div", { class: "share-tiles" }, shareTile("buildings", model), shareTile("land", model)),
    el("p", { class: "sites-summary" }, t("sitesSummary", { sites: current.sites, areas: current.areas, uncovered: current.uncovered })),
    unsnapped.length > 0 ? el("ul", { class: "warning-list" }, ...unsnapped) : null,
  );
}

function button(id: string, className: string, text: string, action: () => void, disabled = false): HTMLButtonElement {
  const node = el("button", { type: "button", id, class: `button ${className}`, disabled }, text);
  node.addEventListener("click", action);
  return node;
}

function suggestionList(model: PanelModel, actions: PanelActions): HTMLElement | null {
  if (model.suggesting) return el("p", { class: "muted", role: "status" }, t("suggesting"));
  if (!model.suggestions) return null;
  if (model.suggestions.length === 0) return el("p", { class: "muted" }, t("noSuggestions"));
  const items = model.suggestions.map((s, i) =>
    el(
      "li",
      { class: "plan-item suggestion-item", "data-index": i },
      el("span", { class: "plan-badge badge-suggestion", "aria-hidden": "true" }, String(i + 1)),
      el("span", { class: "plan-text" }, t("suggestionItem", { n: i + 1, gain: areaText(s.gainM2), areas: s.areas })),
      button(`adopt-${i}`, "button-quiet button-small", t("plannerAdopt"), () => actions.adopt(i)),
      // Ask the children nearby what they want there: the staff page's poll form, with this site.
      el("a", { class: "button button-quiet button-small ask-children", id: `ask-children-${i}`, href: `/staff.html${pollSuggestionHash({ lat: s.lat, lon: s.lon, ...model.askAbout })}` }, t("askChildren")),
    ),
  );
  return el("ol", { class: "plan-list suggestion-list", "aria-label": t("legendSuggestion") }, ...items);
}

/** "拟建点 1：南湖公园附近", or "拟建点 1" while its name is not known. */
export function proposedText(model: Pick<PanelModel, "addedNames">, i: number): string {
  const name = model.addedNames[i];
  return name ? t("proposedNamed", { n: i + 1, name }) : t("proposedItem", { n: i + 1 });
}

function changeList(model: PanelModel, actions: PanelActions): HTMLElement {
  if (!hasChanges(model)) return el("p", { class: "muted no-changes" }, t("plannerNoChanges"));
  const proposed = model.added.map((_, i) =>
    el(
      "li",
      { class: "plan-item proposed-item" },
      el("span", { class: "plan-badge badge-proposed", "aria-hidden": "true" }, String(i + 1)),
      el("span", { class: "plan-text" }, proposedText(model, i)),
      button(`remove-proposed-${i}`, "button-quiet button-small", t("removeProposed"), () => actions.removeProposed(i)),
    ),
  );
  const closed = model.closed.map((site) =>
    el(
      "li",
      { class: "plan-item closed-item" },
      el("span", { class: "plan-badge badge-closed", "aria-hidden": "true" }, "×"),
      el("span", { class: "plan-text" }, t("closedItem", { name: site.name })),
      button(`reopen-${site.id}`, "button-quiet button-small", t("plannerReopen"), () => actions.reopen(site.id)),
    ),
  );
  return el("ul", { class: "plan-list change-list", "aria-label": t("plannerChanges") }, ...proposed, ...closed);
}

function whatIfSection(model: PanelModel, actions: PanelActions): HTMLElement {
  return section(
    "what-if-heading",
    t("whatIfTitle"),
    el("p", { class: "panel-hint" }, t("whatIfHint")),
    el(
      "div",
      { class: "panel-actions" },
      button("suggest-sites", "button-primary", t("suggestSites"), actions.suggest, model.suggesting),
      button("reset-what-if", "button-quiet", t("resetWhatIf"), actions.reset, !hasChanges(model) && !model.suggestions),
    ),
    suggestionList(model, actions),
    changeList(model, actions),
  );
}

/** The rows of the chart and the table: all first, then each district, then each community. */
export function chartRows(model: PanelModel): ChartRow[] {
  const changed = hasChanges(model);
  const all: ChartRow = { name: t("plannerAllDistricts"), land: model.current.land, buildings: model.current.buildings, before: changed ? model.baseline : null };
  const districts = model.current.byDistrict.map((d): ChartRow => {
    const was = model.baseline.byDistrict.find((b) => b.district === d.district);
    return { name: d.district, land: d.land, buildings: d.buildings, before: changed && was ? was : null };
  });
  const communities = (model.current.byCommunity ?? []).map((c): ChartRow => {
    const was = model.baseline.byCommunity?.find((b) => b.community === c.community);
    return { name: c.community, land: c.land, buildings: c.buildings, before: changed && was ? was : null };
  });
  return [all, ...districts, ...communities];
}

function shareCell(now: Share, before: Share | null): HTMLElement {
  const text = before && before.share !== now.share ? `${percentText(before)} → ${percentText(now)}` : percentText(now);
  return el("td", { class: "number" }, text);
}

/** The district table (the whole city last, as the exports have it). */
export function districtTable(rows: readonly ChartRow[]): HTMLElement {
  const [all, ...districts] = rows;
  const body = [...districts, ...(all ? [all] : [])].map((row) =>
    el("tr", { class: row === all ? "total-row" : "" }, el("th", { scope: "row" }, row.name), shareCell(row.land, row.before?.land ?? null), shareCell(row.buildings, row.before?.buildings ?? null)),
  );
  const head = el("tr", {}, ...[t("plannerDistrict"), t("landShort"), t("buildingsShort")].map((h) => el("th", { scope: "col" }, h)));
  return el("div", { class: "table-wrap" }, el("table", { class: "data-table district-table" }, el("thead", {}, head), el("tbody", {}, ...body)));
}

function districtSection(model: PanelModel): HTMLElement {
  const rows = chartRows(model);
  const summary = rows.map((r) => `${r.name}: ${t("landShort")} ${percentText(r.land)}, ${t("buildingsShort")} ${percentText(r.buildings)}`).join(t("listSeparator"));
  return section(
    "district-heading",
    t("districtTitle"),
    shareChart(rows, `${t("plannerChartTitle")}: ${summary}`),
    districtTable(rows),
    model.current.byDistrict.length === 0 && (model.current.byCommunity ?? []).length === 0 ? el("p", { class: "muted" }, t("noDistricts")) : null,
  );
}

function exportSection(model: PanelModel, actions: PanelActions): HTMLElement {
  const link = (format: ExportFormat, label: string): HTMLElement => el("a", { class: "export-link", href: model.exports[format], download: "", "data-format": format }, label);
  return section(
    "export-heading",
    t("plannerExportTitle"),
    el("div", { class: "export-links" }, link("csv", t("exportCsv")), link("xlsx", t("exportXlsx")), link("geojson", t("exportGeojson")), button("print-brief-button", "button-quiet", t("plannerPrint"), actions.print)),
    model.basis ? el("p", { class: "panel-note" }, t("plannerBasis", { basis: model.basis })) : null,
  );
}

/** The panel's sections for a model. */
export function panelSections(model: PanelModel, actions: PanelActions): HTMLElement[] {
  return [coverageSection(model), whatIfSection(model, actions), districtSection(model), exportSection(model, actions)];
}
