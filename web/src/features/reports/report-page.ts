/**
 * One report on its own page. The unit's reporter edits it while it is a draft or sent
 * back; everyone else (and the reporter once it is submitted) reads it: status, narrative,
 * values, evidence and history. A reviewer or the working group decides on a submitted
 * report here: send it back with a comment, or approve it.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./reports-messages.ts";
import { reportEditor } from "./report-editor.ts";
import { stateBadge, taskStatusText, timeText } from "../../shared/plan-ui/index.ts";
import { type PreviousValues, attachmentList, block, historyList, previousValues, reviewComment, valuesTable } from "./report-parts.ts";
import { decideReport, fetchHistory, fetchReport, listReports, type Report } from "./reports-api.ts";
import { periodEnd, type StaffContext, taskTitle, today, unitName } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

function decisionForm(context: StaffContext, report: Report, done: (report: Report) => void): HTMLElement {
  const comment = el("textarea", { id: "review-comment", class: "textarea", rows: 4, maxlength: 2000, placeholder: t("reviewHint") });
  const message = el("p", { class: "form-message", role: "status", "aria-live": "polite" });
  const decide = async (action: "return" | "approve"): Promise<void> => {
    if (action === "return" && comment.value.trim() === "") {
      message.textContent = t("commentNeeded");
      comment.focus();
      return;
    }
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    try {
      const decided = await decideReport(report.id, action, comment.value.trim());
      context.say(action === "approve" ? t("reportApproved") : t("reportReturned"));
      done(decided);
    } catch (error) {
      message.textContent = errorText(error);
      for (const button of form.querySelectorAll("button")) button.disabled = false;
    }
  };
  const back = el("button", { type: "button", class: "button button-warning", id: "return-report" }, t("returnReport"));
  const approve = el("button", { type: "button", class: "button button-primary", id: "approve-report" }, t("approveReport"));
  back.addEventListener("click", () => void decide("return"));
  approve.addEventListener("click", () => void decide("approve"));
  const form = el(
    "form",
    { class: "decision-form", id: "decision-form" },
    el("label", { for: "review-comment", class: "field-label" }, t("reviewComment")),
    comment,
    el("div", { class: "form-actions" }, back, approve),
    message,
  );
  form.addEventListener("submit", (event) => event.preventDefault());
  return block(t("decision"), form);
}

function details(context: StaffContext, report: Report, previous: PreviousValues): HTMLElement[] {
  return [
    block(t("taskStatus"), el("p", { class: "report-status" }, taskStatusText(report.taskStatus))),
    block(t("narrative"), el("p", { class: "report-narrative" }, report.narrative || t("noNarrative"))),
    block(t("indicatorValues"), valuesTable(context, report, previous)),
    block(t("evidence"), attachmentList(report)),
  ];
}

/** Renders report `id` into `slot`, re-rendering itself after every change. */
export async function showReport(context: StaffContext, slot: HTMLElement, id: string): Promise<void> {
  const [report, history] = await Promise.all([fetchReport(id), fetchHistory(id)]);
  // Beside each number: the unit's value in its last approved report on the task.
  const previous = report.values.length > 0 ? previousValues(await listReports({ task: report.taskNumber, unit: report.unitId }), report) : new Map();
  const refresh = (): void => void showReport(context, slot, id).catch((error: unknown) => context.say(errorText(error), "warning"));
  const { user } = context;
  const editable = user.role === "reporter" && user.unitId === report.unitId && (report.state === "draft" || report.state === "returned");
  const deciding = (user.role === "reviewer" || user.role === "admin") && report.state === "submitted";
  const back = el("a", { href: user.role === "reporter" ? "#tasks" : "#queue", class: "back-link" }, t("back"));
  const period = { end: periodEnd(report.period) ?? today(), today: today() };
  const body: Array<HTMLElement | null> = editable
    ? [reportEditor(context, report, period, refresh)]
    : [reviewComment(report), ...details(context, report, previous), deciding ? decisionForm(context, report, refresh) : null];
  replaceChildren(
    slot,
    el(
      "article",
      { class: "report-page", "data-report": report.id, "data-state": report.state },
      back,
      el("div", { class: "report-head" }, el("h2", { class: "view-title", tabindex: -1 }, taskTitle(context, report.taskNumber)), stateBadge(report.state)),
      el(
        "p",
        { class: "report-meta" },
        `${unitName(context, report.unitId)} · ${t("periodLabel", { period: report.period })}`,
        report.revision > 0 ? ` · ${t("revision", { n: report.revision })}` : "",
        report.submittedAt ? ` · ${t("submittedAt", { time: timeText(report.submittedAt) })}` : "",
      ),
      ...body,
      block(t("history"), historyList(history)),
    ),
  );
}
