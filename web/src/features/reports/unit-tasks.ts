/**
 * The unit reporter's list: every task the unit leads or takes part in, for the last closed
 * period, with the task's light, the unit's report state and one button to start or open
 * the report. Lead tasks come first: those are the reports the unit is chased for.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./reports-messages.ts";
import { lightBadge } from "../../shared/plan-ui/index.ts";
import { allTasks, planTasks, type PlanTaskSummary } from "../../shared/plan-ui/index.ts";
import { stateBadge } from "../../shared/plan-ui/index.ts";
import { createReport, listReports, type Report } from "./reports-api.ts";
import { fetchDashboard, type StaffTaskView } from "../dashboard/dashboard-api.ts";
import { type StaffContext, unitAndGroups, unitName } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

function taskRow(context: StaffContext, task: PlanTaskSummary, lead: boolean, view: StaffTaskView | undefined, report: Report | undefined, period: string): HTMLElement {
  const button = el("button", { type: "button", class: `button ${report ? "button-quiet" : "button-primary"} task-action` }, report ? (report.state === "draft" || report.state === "returned" ? t("continueReport") : t("openReport")) : t("startReport"));
  button.addEventListener("click", () => {
    if (report) return context.go({ name: "report", id: report.id });
    button.disabled = true;
    createReport(task.number, period)
      .then((created) => context.go({ name: "report", id: created.id }))
      .catch((error: unknown) => {
        button.disabled = false;
        context.say(errorText(error), "warning");
      });
  });
  return el(
    "li",
    { class: "unit-task", "data-task": task.number },
    el("span", { class: "tree-number", "aria-hidden": "true" }, String(task.number)),
    el(
      "div",
      { class: "unit-task-text" },
      el("h3", { class: "unit-task-title" }, `${task.number}. ${pick({ zh: task.title, en: task.titleEn })}`),
      el("p", { class: "unit-task-meta" }, el("span", { class: "role-tag", "data-lead": lead }, lead ? t("leadUnit") : t("participatingUnit")), view ? lightBadge(view.light) : null, stateBadge(report?.state ?? null)),
    ),
    button,
  );
}

/** Renders the unit's tasks into `slot`. */
export async function showUnitTasks(context: StaffContext, slot: HTMLElement): Promise<void> {
  const unitId = context.user.unitId ?? "";
  const dashboard = await fetchDashboard();
  const period = dashboard.period;
  if (!period) {
    replaceChildren(slot, el("p", { class: "empty-note" }, t("noClosedPeriod")));
    return;
  }
  const reports = await listReports({ period: period.id });
  const mine = new Set(unitAndGroups(context, unitId));
  const views = new Map(allTasks(dashboard.goals).map((task) => [task.number, task]));
  const carried = planTasks(context.tree)
    .map((task) => ({ task, lead: task.leadUnits.some((u) => mine.has(u.id)), part: task.participatingUnits.some((u) => mine.has(u.id)) }))
    .filter((row) => row.lead || row.part)
    .sort((a, b) => Number(b.lead) - Number(a.lead) || a.task.number - b.task.number);
  const rows = carried.map(({ task, lead }) => taskRow(context, task, lead, views.get(task.number), reports.find((r) => r.taskNumber === task.number), period.id));
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, t("unitTasksTitle", { unit: unitName(context, unitId) })),
    el("p", { class: "period-note" }, t("periodDue", { period: period.id, start: period.start, end: period.end, due: period.due })),
    rows.length > 0 ? el("ul", { class: "unit-tasks" }, ...rows) : el("p", { class: "empty-note" }, t("noUnitTasks")),
  );
}
