/**
 * The public progress page (宣传引导): how far the city has come with its child-friendly
 * city action plan, from approved data only. Counts of tasks by light, the goals, actions
 * and tasks with their lights, each indicator against its target with a chart, and what
 * became of children's ideas (adopted, median days to a first answer, overdue), linked to
 * the "what happened to our ideas" page.
 */
import "../../shared/styles.css";
import "./progress.css";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { t } from "./progress-messages.ts";
import { indicatorCards, uniqueIndicators } from "../../shared/plan-ui/index.ts";
import { type ChasedPeriod, type LateReport, lateLine, lightCounts, periodBanner } from "../../shared/plan-ui/index.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { fetchPlanTree, fetchProgress, type PlanTree, type Progress, type TaskView } from "./plan-api.ts";
import { planTree } from "../../shared/plan-ui/index.ts";
import { type Accountability, fetchAccountability } from "../ideas/ideas-api.ts";

initLanguage();
const main = byId("progress");
mountPageFrame(byId("page-header"), "progress", () => t("progressTitle"));

/** The progress answer with the period chased and why tasks are red (src/plan/plan-routes.ts). */
type ProgressWithPeriod = Progress & { readonly period?: ChasedPeriod | null; readonly reportingStarts?: string };

let loaded: { progress: ProgressWithPeriod; tree: PlanTree; ideas: Accountability | null } | null = null;

/** Under a red task: which unit is late, with which period, by how many days. */
const whyLate = (task: TaskView) => lateLine((task as TaskView & { late?: readonly LateReport[] }).late);

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", "aria-labelledby": id }, el("h2", { id, class: "section-title" }, title), ...body);
}

/** Children's ideas as the evaluation cites them: adopted, median days to a first answer, overdue. */
function ideasSection(ideas: Accountability | null): HTMLElement | null {
  if (!ideas) return null;
  const figure = (name: string, value: string, label: string): HTMLElement =>
    el("li", { class: "light-tile", "data-figure": name }, el("span", { class: "light-tile-count" }, value), el("span", { class: "light-tile-label" }, label));
  return section("progress-ideas", t("childrenIdeas"),
    el("ul", { class: "light-tiles" },
      figure("ideas", String(ideas.total), t("ideasShared")),
      figure("adopted", String(ideas.adopted), t("ideasAdopted")),
      figure("median", ideas.medianDaysToFirstAnswer === null ? t("noDataYet") : t("daysValue", { n: Math.round(ideas.medianDaysToFirstAnswer * 10) / 10 }), t("ideasMedianDays")),
      figure("overdue", String(ideas.overdue), t("ideasOverdue", { n: ideas.deadlineDays }))),
    el("p", { class: "legend-note" }, el("a", { href: "/ideas.html" }, t("ideasMore"))));
}

function render(): void {
  if (!loaded) return;
  const { progress, tree } = loaded;
  const { city, title, period } = tree.plan;
  replaceChildren(
    main,
    el(
      "div",
      { class: "page-hero" },
      el("p", { class: "hero-kicker" }, t("progressKicker", { city: pick(city) })),
      el("h1", { class: "hero-title" }, pick(title)),
      el("p", { class: "hero-note" }, t("progressNote", { date: progress.today, start: period.start, end: period.end })),
    ),
    section("progress-counts", t("tasksProgress"), progress.period ? periodBanner(progress.period, progress.reportingStarts) : null, lightCounts(progress.counts), el("p", { class: "legend-note" }, t("lightLegend"))),
    section("progress-goals", t("goalsAndActions"), planTree(progress.goals, { extra: whyLate })),
    section("progress-indicators", t("indicatorsAndTargets"), indicatorCards(uniqueIndicators(progress.goals))),
    ideasSection(loaded.ideas),
  );
  main.dataset.status = "ready";
}

async function start(): Promise<void> {
  try {
    // The ideas' figures are a part of the page, not a reason to fail it.
    const [progress, tree, ideas] = await Promise.all([fetchProgress(), fetchPlanTree(), fetchAccountability().catch(() => null)]);
    loaded = { progress, tree, ideas };
    render();
  } catch (error) {
    main.dataset.status = "error";
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, t("loadFailed")));
    console.error(error);
  }
}

onLanguageChange(render);
void start();
