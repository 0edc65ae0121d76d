/**
 * The unit reporter's list. First what the unit owes: every report due soon or overdue, for
 * every period since the city began reporting in the system, oldest first, each with its
 * deadline, how many days it is late and one button to start or continue it. Below, folded
 * away, the unit's other tasks for the last closed period (open a report, or report early).
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./reports-messages.ts";
import { lightBadge, periodBanner } from "../../shared/plan-ui/index.ts";
import { allTasks, planTasks, type PlanTaskSummary } from "../../shared/plan-ui/index.ts";
import { stateBadge } from "../../shared/plan-ui/index.ts";
import { createReport, fetchOwed, listReports, type OwedReport, type Report } from "./reports-api.ts";
import { fetchDashboard, type StaffTaskView } from "../dashboard/dashboard-api.ts";
import { type StaffContext, findTask, unitAndGroups, unitName } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

/** The button that opens a started report or starts one for (task, period). */
function reportButton(context: StaffContext, taskNumber: number, period: string, report: { id: string; state: Report["state"] } | null, primary: boolean): HTMLElement {
  const label = report ? (report.state === "draft" || report.state === "returned" ? t("continueReport") : t("openReport")) : t("startReport");
  const button = el("button", { type: "button", class: `button ${primary && (!report || report.state === "draft" || report.state === "returned") ? "button-primary" : "button-quiet"} task-action` }, label);
  button.addEventListener("click", () => {
    if (report) return context.go({ name: "report", id: report.id });
    button.disabled = true;
    createReport(taskNumber, period)
      .then((created) => context.go({ name: "report", id: created.id }))
      .catch((error: unknown) => {
        button.disabled = false;
        context.say(errorText(error), "warning");
      });
  });
  return button;
}

function taskHeading(task: PlanTaskSummary | undefined, taskNumber: number): HTMLElement {
  return el("h3", { class: "unit-task-title" }, task ? `${task.number}. ${pick({ zh: task.title, en: task.titleEn })}` : String(taskNumber));
}

function owedRow(context: StaffContext, owed: OwedReport): HTMLElement {
  const late = owed.reminder === "red";
  return el(
    "li",
    { class: "unit-task owed-task", "data-task": owed.taskNumber, "data-period": owed.period, "data-reminder": owed.reminder },
    el("span", { class: "tree-number", "aria-hidden": "true" }, String(owed.taskNumber)),
    el(
      "div",
      { class: "unit-task-text" },
      taskHeading(findTask(context, owed.taskNumber), owed.taskNumber),
      el(
        "p",
        { class: "unit-task-meta" },
        lightBadge(late ? "red" : "yellow"),
        el("span", { class: "owed-period" }, t("owedDue", { period: owed.period, due: owed.due })),
        el("strong", { class: "owed-late" }, late ? t("owedLate", { n: owed.daysLate }) : t("owedSoon")),
        stateBadge(owed.state),
      ),
    ),
    reportButton(context, owed.taskNumber, owed.period, owed.reportId && owed.state ? { id: owed.reportId, state: owed.state } : null, true),
  );
}

function otherRow(context: StaffContext, task: PlanTaskSummary, lead: boolean, view: StaffTaskView | undefined, report: Report | undefined, period: string): HTMLElement {
  return el(
    "li",
    { class: "unit-task", "data-task": task.number, "data-period": period },
    el("span", { class: "tree-number", "aria-hidden": "true" }, String(task.number)),
    el(
      "div",
      { class: "unit-task-text" },
      taskHeading(task, task.number),
      el("p", { class: "unit-task-meta" }, el("span", { class: "role-tag", "data-lead": lead }, lead ? t("leadUnit") : t("participatingUnit")), view ? lightBadge(view.light) : null, el("span", {}, t("otherPeriod", { period })), stateBadge(report?.state ?? null)),
    ),
    reportButton(context, task.number, period, report ?? null, false),
  );
}

/** Renders the unit's owed reports and, folded, its other tasks into `slot`. */
export async function showUnitTasks(context: StaffContext, slot: HTMLElement): Promise<void> {
  const unitId = context.user.unitId ?? "";
  const [dashboard, owed] = await Promise.all([fetchDashboard(), fetchOwed()]);
  const period = dashboard.period;
  const reports = period ? await listReports({ period: period.id }) : [];
  const mine = new Set(unitAndGroups(context, unitId));
  const views = new Map(allTasks(dashboard.goals).map((task) => [task.number, task]));
  const owedTasks = new Set(owed.filter((o) => o.period === period?.id).map((o) => o.taskNumber));
  const others = planTasks(context.tree)
    .map((task) => ({ task, lead: task.leadUnits.some((u) => mine.has(u.id)), part: task.participatingUnits.some((u) => mine.has(u.id)) }))
    .filter((row) => (row.lead || row.part) && !owedTasks.has(row.task.number))
    .sort((a, b) => Number(b.lead) - Number(a.lead) || a.task.number - b.task.number);
  const otherRows = period ? others.map(({ task, lead }) => otherRow(context, task, lead, views.get(task.number), reports.find((r) => r.taskNumber === task.number), period.id)) : [];
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, t("unitTasksTitle", { unit: unitName(context, unitId) })),
    period ? periodBanner(period, dashboard.reportingStarts) : el("p", { class: "period-note" }, t("noClosedPeriod")),
    el(
      "section",
      { class: "owed-section", "aria-labelledby": "owed-title" },
      el("h3", { id: "owed-title", class: "section-title" }, t("owedTitle", { n: owed.length })),
      owed.length > 0 ? el("ul", { class: "unit-tasks owed-tasks" }, ...owed.map((o) => owedRow(context, o))) : el("p", { class: "empty-note" }, t("owedNone")),
    ),
    otherRows.length > 0
      ? el("details", { class: "other-tasks" }, el("summary", { class: "other-tasks-summary" }, t("otherTasks", { n: otherRows.length })), el("ul", { class: "unit-tasks" }, ...otherRows))
      : others.length === 0 && owed.length === 0 ? el("p", { class: "empty-note" }, t("noUnitTasks")) : null,
  );
}
