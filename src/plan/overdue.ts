/**
 * What is late, unit by unit: for the most recent periods, every report a unit owes (it
 * leads the task) that is not submitted, with its reminder colour. Due-soon reports are
 * listed yellow so units are reminded before the deadline, overdue ones red (escalation).
 * Periods that ended before the city began reporting in the system (reporting-start.ts) are
 * not owed. Each unit's list runs oldest first, so it is also the order to catch up in.
 */
import { type PeriodKind, daysLate, dueDate, owedFrom, periodsUntil, reminderOf } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import type { Report } from "./report-store.ts";

/** How many recent periods are chased; older gaps are the evaluation's business. */
export const CHASED_PERIODS = 4;

export interface OwedReport {
  taskNumber: number;
  period: string;
  due: string;
  state: Report["state"] | null;
  reminder: "yellow" | "red";
  /** Days past the due date (0 while it is not yet due). */
  daysLate: number;
}

export interface UnitArrears {
  unitId: string;
  name: string;
  overdue: number;
  dueSoon: number;
  owed: OwedReport[];
}

/** `reportingStarts` (YYYY-MM-DD): periods that ended before it are not owed; by default the plan's first day. */
export function overdueReports(book: PlanBook, reports: readonly Report[], today: string, kind: PeriodKind, reportingStarts = `${book.plan.period.start}-01-01`): UnitArrears[] {
  const periods = periodsUntil(book.plan.period.start, today, kind).slice(-CHASED_PERIODS - 1).filter((p) => owedFrom(p, reportingStarts));
  const stateOf = new Map(reports.map((r) => [`${r.unitId}|${r.taskNumber}|${r.period}`, r.state]));
  const byUnit = new Map<string, UnitArrears>();
  for (const period of periods) {
    for (const task of book.plan.tasks) {
      for (const unitId of book.reportingUnits(task)) {
        const state = stateOf.get(`${unitId}|${task.number}|${period.id}`) ?? null;
        // The current period is owed only once its deadline comes near.
        if (period.end >= today && reminderOf(period, state, today) === "green") continue;
        const reminder = reminderOf(period, state, today);
        if (reminder === "green") continue;
        const unit = byUnit.get(unitId) ?? { unitId, name: book.unit(unitId)?.name ?? unitId, overdue: 0, dueSoon: 0, owed: [] };
        unit.owed.push({ taskNumber: task.number, period: period.id, due: dueDate(period), state, reminder, daysLate: daysLate(period, today) });
        if (reminder === "red") unit.overdue++;
        else unit.dueSoon++;
        byUnit.set(unitId, unit);
      }
    }
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || (a.unitId < b.unitId ? -1 : 1));
}
