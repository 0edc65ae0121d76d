/**
 * A unit report's state and task status in words and as a badge, and its times, as the
 * dashboard, the district view, the review queue and the report pages all show them.
 */
import { el } from "../dom.ts";
import { getLanguage, pick } from "../i18n.ts";
import type { ReportState, TaskStatus } from "./plan-data.ts";
import { REPORT_STATE_LABELS, TASK_STATUS_LABELS } from "./plan-ui-messages.ts";

/** A report's state in words, or "not started" for a report not yet created. */
export function stateText(state: ReportState | null): string {
  return pick(REPORT_STATE_LABELS[state ?? "none"] ?? { zh: state ?? "", en: state ?? "" });
}

/** A badge for a report's state; `data-state` carries it for tests and colours. */
export function stateBadge(state: ReportState | null): HTMLElement {
  return el("span", { class: "state-badge", "data-state": state ?? "none" }, stateText(state));
}

/** A task status in words. */
export function taskStatusText(status: TaskStatus): string {
  return pick(TASK_STATUS_LABELS[status] ?? { zh: status, en: status });
}

/** A timestamp as local date and time in the current language. */
export function timeText(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = getLanguage() === "zh" ? "zh-CN" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
