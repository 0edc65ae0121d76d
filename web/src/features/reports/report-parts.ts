/**
 * Pieces of a report shown on the report page and editor: the values as a table, the
 * evidence files as download links, the reviewer's comment and the history of submissions
 * and decisions. Its state and task status in words are in shared/plan-ui/report-badges.ts.
 */
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./reports-messages.ts";
import { REPORT_ACTION_LABELS } from "../../shared/plan-ui/plan-ui-messages.ts";
import { formatValue, taskStatusText, timeText } from "../../shared/plan-ui/index.ts";
import { attachmentUrl, type Report, type ReportEvent, type ReportValue } from "./reports-api.ts";
import { type StaffContext, unitName } from "../accounts/staff-context.ts";

function indicatorName(context: StaffContext, id: string): string {
  const indicator = context.tree.indicators.find((i) => i.id === id);
  return indicator ? `${pick({ zh: indicator.name, en: indicator.nameEn })} (${indicator.unit})` : id;
}

/** The value each indicator (and district) had in the unit's last approved report before this one. */
export type PreviousValues = ReadonlyMap<string, { value: number; period: string }>;

export const valueKey = (v: Pick<ReportValue, "indicatorId" | "districtUnitId">): string => `${v.indicatorId}|${v.districtUnitId ?? ""}`;

/** The previous values from the unit's other reports on the task: the latest approved period before `period`. */
export function previousValues(reports: readonly Report[], report: Pick<Report, "id" | "unitId" | "period">): PreviousValues {
  const out = new Map<string, { value: number; period: string }>();
  const earlier = reports.filter((r) => r.id !== report.id && r.unitId === report.unitId && r.state === "approved" && r.period < report.period).sort((a, b) => (a.period < b.period ? -1 : 1));
  for (const r of earlier) for (const v of r.values) out.set(valueKey(v), { value: v.value, period: r.period });
  return out;
}

function targetText(context: StaffContext, id: string): string {
  const indicator = context.tree.indicators.find((i) => i.id === id);
  if (!indicator) return "—";
  const parts = [indicator.target2025 !== undefined ? `${formatValue(indicator.target2025)}（2025）` : null, indicator.target2028 !== undefined ? `${formatValue(indicator.target2028)}（2028）` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(" / ") : "—";
}

/** The report's values as a table: indicator, district, value, the target and the previous value beside it, date measured. */
export function valuesTable(context: StaffContext, report: Pick<Report, "values">, previous: PreviousValues = new Map()): HTMLElement {
  if (report.values.length === 0) return el("p", { class: "muted" }, t("noValues"));
  const rows = report.values.map((v) => {
    const before = previous.get(valueKey(v));
    return el(
      "tr",
      { "data-indicator": v.indicatorId },
      el("th", { scope: "row" }, indicatorName(context, v.indicatorId)),
      el("td", {}, v.districtUnitId ? unitName(context, v.districtUnitId) : t("cityWide")),
      el("td", { class: "number value-cell" }, formatValue(v.value)),
      el("td", { class: "number target-cell" }, targetText(context, v.indicatorId)),
      el("td", { class: "number previous-cell" }, before ? `${formatValue(before.value)}（${before.period}）` : t("noPrevious")),
      el("td", {}, v.measuredOn),
    );
  });
  const numeric = new Set([2, 3, 4]);
  const head = el("tr", {}, ...[t("indicator"), t("district"), t("value"), t("targetColumn"), t("previousColumn"), t("measuredOn")].map((h, i) => el("th", { scope: "col", class: numeric.has(i) ? "number" : null }, h)));
  return el("div", { class: "table-wrap" }, el("table", { class: "data-table values-table" }, el("thead", {}, head), el("tbody", {}, ...rows)));
}

/** The evidence files as download links with their sizes. */
export function attachmentList(report: Report): HTMLElement {
  if (report.attachments.length === 0) return el("p", { class: "muted" }, t("noAttachments"));
  const items = report.attachments.map((a) =>
    el(
      "li",
      { class: "attachment" },
      el("a", { href: attachmentUrl(report.id, a.id), download: a.fileName, class: "attachment-link" }, a.fileName),
      el("span", { class: "muted" }, ` · ${Math.max(1, Math.round(a.bytes / 1024))} KB`),
    ),
  );
  return el("ul", { class: "attachments" }, ...items);
}

/** The reviewer's comment, prominent while the report is returned. */
export function reviewComment(report: Report): HTMLElement | null {
  if (!report.reviewComment) return null;
  const returned = report.state === "returned";
  return el(
    "div",
    { class: "review-comment", "data-state": report.state, role: returned ? "alert" : null },
    el("strong", {}, returned ? t("returnedComment") : t("reviewerComment")),
    el("p", { class: "review-comment-text" }, report.reviewComment),
  );
}

/** Every submission and decision, newest first, with comments and what was submitted. */
export function historyList(events: readonly ReportEvent[]): HTMLElement {
  if (events.length === 0) return el("p", { class: "muted" }, t("noHistory"));
  const items = [...events].reverse().map((e) =>
    el(
      "li",
      { class: "history-item", "data-action": e.action },
      el("div", { class: "history-head" }, el("strong", {}, pick(REPORT_ACTION_LABELS[e.action] ?? { zh: e.action, en: e.action })), el("span", { class: "muted" }, ` · ${t("revision", { n: e.revision })} · ${timeText(e.at)}`)),
      e.comment ? el("p", { class: "history-comment" }, e.comment) : null,
      e.action === "submit" ? el("p", { class: "history-snapshot muted" }, `${taskStatusText(e.snapshot.taskStatus)} · ${e.snapshot.narrative}`) : null,
    ),
  );
  return el("ol", { class: "history" }, ...items);
}

/** A titled block of a report page. */
export function block(title: string, ...children: Array<Node | null>): HTMLElement {
  return el("section", { class: "report-block" }, el("h3", { class: "block-title" }, title), ...children);
}
