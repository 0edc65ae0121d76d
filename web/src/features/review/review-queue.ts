/**
 * The reviewer's queue: reports waiting for a decision (submitted), oldest first, and a
 * filter to look at the returned, approved or draft ones too. Each row opens the report.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./review-messages.ts";
import { REPORT_STATE_LABELS } from "../../shared/plan-ui/plan-ui-messages.ts";
import { stateBadge, timeText } from "../../shared/plan-ui/index.ts";
import { REPORT_STATES, listReports, type Report, type ReportState } from "../reports/reports-api.ts";
import { type StaffContext, taskTitle, unitName, viewHash } from "../accounts/staff-context.ts";

function row(context: StaffContext, report: Report): HTMLElement {
  return el(
    "tr",
    { "data-report": report.id, "data-task": report.taskNumber },
    el("td", {}, el("a", { href: viewHash({ name: "report", id: report.id }), class: "queue-link" }, taskTitle(context, report.taskNumber))),
    el("td", {}, unitName(context, report.unitId)),
    el("td", {}, report.period),
    el("td", {}, stateBadge(report.state)),
    el("td", {}, timeText(report.submittedAt ?? report.updatedAt)),
  );
}

/** Renders the queue into `slot`, showing reports in `state` (submitted by default). */
export async function showReviewQueue(context: StaffContext, slot: HTMLElement, state: ReportState = "submitted", refocus = false): Promise<void> {
  const reports = (await listReports({ state })).sort((a, b) => ((a.submittedAt ?? a.updatedAt) < (b.submittedAt ?? b.updatedAt) ? -1 : 1));
  const filter = el("select", { id: "queue-state", class: "select queue-filter" }, ...REPORT_STATES.map((s) => el("option", { value: s, selected: s === state }, pick(REPORT_STATE_LABELS[s]!))));
  filter.addEventListener("change", () => void showReviewQueue(context, slot, filter.value as ReportState, true));
  const head = el("tr", {}, ...[t("task"), t("unit"), t("period"), t("state"), t("updated")].map((h) => el("th", { scope: "col" }, h)));
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, t("queueTitle")),
    el("div", { class: "queue-tools" }, el("label", { for: "queue-state", class: "field-label" }, t("showState")), filter),
    reports.length === 0
      ? el("p", { class: "empty-note" }, state === "submitted" ? t("queueEmpty") : t("noReports"))
      : el("div", { class: "table-wrap" }, el("table", { class: "data-table queue-table" }, el("caption", { class: "visually-hidden" }, t("queueTitle")), el("thead", {}, head), el("tbody", {}, ...reports.map((r) => row(context, r))))),
  );
  // The filter is drawn anew with the list; keep the keyboard where it was.
  if (refocus) filter.focus({ preventScroll: true });
}
