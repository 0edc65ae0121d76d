/**
 * The period being chased in words ("本期：2026-Q3…，报送截止 2026-10-15 · 已逾期 48 天", or
 * "暂无数据" when it ended before the city began reporting in the system) and, under a red
 * task, why it is red: which unit is late with which period and by how many days.
 */
import { el } from "../dom.ts";
import { t } from "./plan-ui-messages.ts";

/** The period of GET /api/plan/dashboard and /api/plan/progress. */
export interface ChasedPeriod {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly due: string;
  /** Days past the due date; 0 before it (or when nothing is owed). */
  readonly daysLate?: number;
  /** False when the period ended before reporting started: no data, not late. */
  readonly owed?: boolean;
}

/** A late report under a red task. */
export interface LateReport {
  readonly unitId: string;
  readonly name: string;
  readonly period: string;
  readonly daysLate: number;
}

/** The period note: the period, its deadline and how late it is, or why it has no data. */
export function periodBanner(period: ChasedPeriod, reportingStarts: string | undefined): HTMLElement {
  if (period.owed === false && reportingStarts) {
    return el("p", { class: "period-note", "data-owed": "false" }, t("periodNotOwed", { date: reportingStarts, period: period.id }));
  }
  const late = period.daysLate ?? 0;
  return el(
    "p",
    { class: "period-note", "data-owed": "true" },
    t("periodBanner", { period: period.id, start: period.start, end: period.end, due: period.due }),
    late > 0 ? el("strong", { class: "period-late" }, ` · ${t("periodLate", { n: late })}`) : null,
  );
}

/** Why a task is red: its late reports (at most three named), or nothing. */
export function lateLine(late: readonly LateReport[] | undefined, unitName: (id: string, name: string) => string = (_id, name) => name): HTMLElement | null {
  if (!late || late.length === 0) return null;
  const shown = late.slice(0, 3).map((l) => t("lateReport", { unit: unitName(l.unitId, l.name), period: l.period, n: l.daysLate }));
  if (late.length > 3) shown.push(t("lateMore", { n: late.length - 3 }));
  return el("span", { class: "tree-task-late" }, shown.join("；"));
}
