/**
 * The working group's dashboard, for every plan role: the period being chased, tasks counted by
 * light, goals > actions > tasks with lights and who has reported, each unit's reports
 * (expected, submitted, approved, overdue), the overdue list for those who chase it, and
 * one indicator's chart against its target.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./dashboard-messages.ts";
import { indicatorPicker, uniqueIndicators } from "../../shared/plan-ui/index.ts";
import { lateLine, lightBadge, lightCounts, periodBanner } from "../../shared/plan-ui/index.ts";
import { planTree } from "../../shared/plan-ui/index.ts";
import { stateText } from "../../shared/plan-ui/index.ts";
import { type OverdueIdea, fetchDashboard, fetchOverdue, fetchOverdueIdeas, type StaffTaskView, type UnitArrears, type UnitRow } from "./dashboard-api.ts";
import { type StaffContext, unitName } from "../accounts/staff-context.ts";
import { EVALUATION_READERS, OVERDUE_READERS } from "../accounts/staff-permissions.ts";
import { evaluationLinks } from "./evaluation-links.ts";

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", "aria-labelledby": id }, el("h3", { id, class: "section-title" }, title), ...body);
}

/** Under each task: how many of its reporting units have reported, or the one unit's state. */
function reportingLine(context: StaffContext, task: StaffTaskView): HTMLElement | null {
  const rows = task.reporting;
  if (rows.length === 0) return null;
  // A red task says why: which unit is late, with which period, by how many days.
  const why = lateLine(task.late, (id) => unitName(context, id));
  if (rows.length === 1) return el("span", { class: "tree-task-meta" }, `${unitName(context, rows[0]!.unitId)} · ${stateText(rows[0]!.state)}`, why ? el("br") : null, why);
  const done = rows.filter((r) => r.state === "submitted" || r.state === "approved").length;
  return el("span", { class: "tree-task-meta" }, t("reportedOf", { done, total: rows.length }), why ? el("br") : null, why);
}

function unitTable(units: readonly UnitRow[]): HTMLElement {
  const head = el("tr", {}, ...[t("unit"), t("expected"), t("submittedCount"), t("approvedCount"), t("overdueCount"), t("light")].map((h) => el("th", { scope: "col" }, h)));
  const rows = units.map((u) =>
    el(
      "tr",
      { "data-unit": u.unitId },
      el("th", { scope: "row" }, u.name),
      ...[u.expected, u.submitted, u.approved, u.overdue].map((n) => el("td", { class: "number" }, String(n))),
      el("td", {}, lightBadge(u.light)),
    ),
  );
  return el("div", { class: "table-wrap" }, el("table", { class: "data-table unit-table" }, el("thead", {}, head), el("tbody", {}, ...rows)));
}

function overdueList(units: readonly UnitArrears[]): HTMLElement {
  if (units.length === 0) return el("p", { class: "empty-note" }, t("nothingOverdue"));
  const items = units.map((u) =>
    el(
      "li",
      { class: "overdue-unit", "data-unit": u.unitId },
      el("div", { class: "overdue-head" }, el("strong", {}, u.name), el("span", { class: "muted" }, t("overdueSummary", { overdue: u.overdue, soon: u.dueSoon }))),
      el(
        "ul",
        { class: "owed" },
        ...u.owed.map((o) =>
          el(
            "li",
            { class: "owed-item", "data-reminder": o.reminder },
            lightBadge(o.reminder === "red" ? "red" : "yellow"),
            ` ${t("owedItem", { task: o.taskNumber, period: o.period, due: o.due })} · ${stateText(o.state)}`,
            o.daysLate ? ` · ${t("daysLate", { n: o.daysLate })}` : "",
          ),
        ),
      ),
    ),
  );
  // A long list scrolls in its own box; it takes focus so keyboards can scroll it too. Its name
  // is its own, not its section's: two landmarks of one name cannot be told apart.
  return el("div", { class: "overdue-scroll", tabindex: 0, role: "region", "aria-label": t("overdueScroll") }, el("ul", { class: "overdue-list" }, ...items));
}

/** Ideas unanswered past the deadline, longest waiting first, each linking to its card on the map. */
function overdueIdeaList(ideas: readonly OverdueIdea[]): HTMLElement {
  if (ideas.length === 0) return el("p", { class: "empty-note" }, t("nothingOverdueIdeas"));
  const items = [...ideas].sort((a, b) => b.daysWaiting - a.daysWaiting).map((idea) =>
    el(
      "li",
      { class: "owed-item", "data-idea": idea.ideaId },
      lightBadge("red"),
      " ",
      el("a", { href: `/?idea=${encodeURIComponent(idea.ideaId)}` }, idea.title),
      ` · ${t("overdueIdeaItem", { unit: idea.unitName ?? t("overdueIdeaUnsent"), days: idea.daysWaiting })}`,
    ),
  );
  return el("ul", { class: "owed" }, ...items);
}

/** Renders the dashboard into `slot`. */
export async function showDashboard(context: StaffContext, slot: HTMLElement): Promise<void> {
  const chases = OVERDUE_READERS.includes(context.user.role);
  const evaluates = EVALUATION_READERS.includes(context.user.role);
  const [dashboard, overdue, ideas] = await Promise.all([fetchDashboard(), chases ? fetchOverdue() : Promise.resolve(null), chases ? fetchOverdueIdeas().catch(() => null) : Promise.resolve(null)]);
  const period = dashboard.period;
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, t("dashboardTitle")),
    period ? periodBanner(period, dashboard.reportingStarts) : el("p", { class: "period-note" }, t("noClosedPeriod")),
    evaluates ? section("dash-evaluation", t("evaluationTitle"), evaluationLinks()) : null,
    section("dash-counts", t("tasksProgress"), lightCounts(dashboard.counts), el("p", { class: "legend-note" }, t("lightLegend"))),
    section("dash-tree", t("goalsAndActions"), planTree(dashboard.goals, { open: true, extra: (task) => reportingLine(context, task) })),
    el("div", { class: "dash-columns" }, section("dash-units", t("unitReports"), unitTable(dashboard.units)), overdue ? section("dash-overdue", t("overdueTitle"), overdueList(overdue)) : null),
    ideas ? section("dash-overdue-ideas", t("overdueIdeasTitle"), overdueIdeaList(ideas)) : null,
    section("dash-indicator", t("indicatorTrend"), indicatorPicker(uniqueIndicators(dashboard.goals), "dash-indicator-select")),
  );
}
