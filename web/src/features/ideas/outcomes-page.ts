/**
 * The public "what happened to our ideas" page (ideas.html): how many ideas children shared,
 * how many were adopted and done, how long the first answer takes (median days) and how many
 * waited past the city's deadline; counts at each step, by unit in charge and by district;
 * and the ideas that are done with their before and after photos. Figures come from
 * GET /api/ideas/accountability; nothing here names a child.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../family/family.css";
import "./ideas.css";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, initLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { dateText, PATH } from "./idea-format.ts";
import { kindMark, stageName, type IdeaStage } from "./idea-kinds.ts";
import { type Accountability, fetchAccountability } from "./ideas-api.ts";
import { BULB_SVG, withPicture } from "./idea-icons.ts";
import { ot } from "./outcomes-messages.ts";
import "./outcomes.css";

initLanguage();
const main = byId("ideas-outcomes");
mountPageFrame(byId("page-header"), "ideas", () => ot("outcomesTitle"));

let figures: Accountability | null = null;
const STAGES: readonly IdeaStage[] = [...PATH, "not_adopted"];

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", "aria-labelledby": id }, el("h2", { id, class: "section-title" }, title), ...body);
}

function tile(name: string, value: string, label: string): HTMLElement {
  return el("li", { class: "outcome-tile", "data-figure": name }, el("span", { class: "outcome-count" }, value), el("span", { class: "outcome-label" }, label));
}

function countTable(rows: Accountability["byUnit"], caption: string): HTMLElement {
  if (rows.length === 0) return el("p", { class: "muted" }, ot("noFigure"));
  const head = el("tr", {}, ...(["colName", "colTotal", "colAnswered", "colAdopted", "colDone", "colOverdue"] as const).map((key) => el("th", { scope: "col" }, ot(key))));
  const body = rows.map((row) => el("tr", {}, el("th", { scope: "row" }, row.name), ...[row.total, row.answered, row.adopted, row.done, row.overdue].map((n) => el("td", {}, String(n)))));
  // A phone scrolls the table sideways: the region takes focus so a keyboard can too.
  return el("div", { class: "table-scroll", tabindex: 0 }, el("table", { class: "outcome-table" }, el("caption", { class: "visually-hidden" }, caption), el("thead", {}, head), el("tbody", {}, ...body)));
}

function stageBars(byStage: Accountability["byStage"]): HTMLElement {
  const most = Math.max(1, ...STAGES.map((s) => byStage[s] ?? 0));
  return el("ul", { class: "stage-bars" }, ...STAGES.map((stage) => {
    const n = byStage[stage] ?? 0;
    return el("li", { class: "stage-bar", "data-stage": stage },
      el("span", { class: "stage-badge", "data-stage": stage }, stageName(stage)),
      el("span", { class: "stage-bar-track", "aria-hidden": "true" }, el("span", { class: "stage-bar-fill", style: `width:${Math.round((n / most) * 100)}%` })),
      el("span", { class: "stage-bar-count" }, String(n)));
  }));
}

function doneCard(item: Accountability["done"][number]): HTMLElement {
  const photo = (src: string | null, label: "before" | "after"): HTMLElement | null =>
    src ? el("figure", { class: "done-photo" }, el("img", { src, alt: `${item.title} · ${ot(label)}`, loading: "lazy", width: 240, height: 180 }), el("figcaption", {}, ot(label))) : null;
  return el("li", { class: "done-card", "data-idea": item.id },
    el("p", { class: "idea-kind" }, kindMark(item.kind), el("strong", {}, item.title)),
    el("p", { class: "muted" }, ot("doneOn", { date: dateText(item.doneAt, getLanguage()) }), item.unitName ? ` · ${item.unitName}` : ""),
    el("div", { class: "done-photos" }, photo(item.before, "before"), photo(item.after, "after")));
}

function render(): void {
  if (!figures) return;
  const f = figures;
  replaceChildren(
    main,
    el("div", { class: "page-hero" },
      el("p", { class: "hero-kicker" }, ot("outcomesKicker")),
      el("h1", { class: "hero-title" }, ot("outcomesTitle")),
      el("p", { class: "hero-note" }, ot("outcomesNote", { days: f.deadlineDays })),
      withPicture("a", { class: "button button-primary outcome-share", href: `/?lang=${getLanguage()}` }, BULB_SVG, ot("shareIdea"))),
    el("ul", { class: "outcome-tiles", "aria-label": ot("outcomesTitle") },
      tile("total", String(f.total), ot("totalIdeas")),
      tile("adopted", String(f.adopted), ot("adoptedIdeas")),
      tile("done", String(f.byStage.done ?? 0), ot("doneIdeas")),
      tile("median", f.medianDaysToFirstAnswer === null ? ot("noFigure") : ot("medianValue", { n: Math.round(f.medianDaysToFirstAnswer * 10) / 10 }), ot("medianDays")),
      tile("overdue", String(f.overdue), ot("overdueIdeas"))),
    section("outcome-stages", ot("byStage"), stageBars(f.byStage)),
    section("outcome-done", ot("doneList"), f.done.length === 0 ? el("p", { class: "muted" }, ot("noneDone")) : el("ul", { class: "done-list" }, ...f.done.map(doneCard))),
    section("outcome-units", ot("byUnit"), countTable(f.byUnit, ot("byUnit"))),
    section("outcome-districts", ot("byDistrict"), countTable(f.byDistrict, ot("byDistrict"))),
  );
  main.dataset.status = "ready";
}

async function start(): Promise<void> {
  try {
    figures = await fetchAccountability(new URLSearchParams(location.search).get("region") ?? undefined);
    render();
  } catch (error) {
    main.dataset.status = "error";
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, ot("loadFailed")));
    console.error(error);
  }
}

onLanguageChange(render);
void start();
