/**
 * The supervision dashboard, computed from the plan and the reports: a traffic light for
 * every goal, action and task, per unit and per district views, and the series of each
 * indicator. Only approved reports count as data; report deadlines count for every report.
 * A task's light is the worst of its indicators' lights (see progress.ts), its units'
 * reminder colours for the last closed period (periods.ts) and the status they reported.
 * A period that ended before the city began reporting in the system (reporting-start.ts)
 * owes nothing: its reports are "no data" (grey), not late. Every red task says why: which
 * unit is late with which period and by how many days, or which indicator lags.
 */
import type { ParticipationFigures } from "./participation.ts";
import type { PlanIndicator, PlanTask } from "../core/plan.ts";
import { type IndicatorProgress, type Light, type Observation, indicatorProgress, worstLight } from "./progress.ts";
import { type Period, type PeriodKind, daysLate, dueDate, owedFrom, periodsUntil, reminderOf } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import type { Report, ReportValue } from "./report-store.ts";

export interface IndicatorView extends IndicatorProgress {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  scope: PlanIndicator["scope"];
  /** Per district, for indicators set per county. */
  districts: Array<{ unitId: string } & IndicatorProgress>;
  series: Array<Observation & { districtUnitId: string | null }>;
}

export interface TaskView {
  number: number;
  title: string;
  titleEn: string;
  light: Light;
  leadUnitIds: string[];
  reporting: Array<{ unitId: string; period: string; state: Report["state"] | null; reminder: Light; taskStatus: Report["taskStatus"] | null; daysLate: number }>;
  /** Why the light is red: each late report (unit, period, days past due). Public: units are offices, not people. */
  late: Array<{ unitId: string; name: string; period: string; daysLate: number }>;
  indicators: IndicatorView[];
}

export interface Dashboard {
  planId: string;
  today: string;
  /** The last period that has ended: the one whose reports are being chased. */
  period: (Period & { due: string; daysLate: number; owed: boolean }) | null;
  /** The day the city began reporting in the system; periods ending before it have no data. */
  reportingStarts: string;
  counts: Record<Light, number>;
  goals: Array<{ id: string; number: number; title: string; titleEn: string; light: Light; actions: Array<{ id: string; number: number; title: string; titleEn: string; light: Light; tasks: TaskView[] }> }>;
  units: Array<{ unitId: string; name: string; expected: number; submitted: number; approved: number; overdue: number; light: Light }>;
  /** Children's ideas (participation.ts), when the voice domain gives them. */
  participation?: ParticipationFigures;
}

const STATUS_LIGHT: Record<Report["taskStatus"], Light> = { not_started: "grey", on_track: "green", completed: "green", at_risk: "yellow", delayed: "red" };

function observationsByIndicator(reports: readonly Report[], extra: readonly ReportValue[]): Map<string, Array<ReportValue>> {
  const out = new Map<string, ReportValue[]>();
  const approved = reports.filter((r) => r.state === "approved").map((r) => r.values);
  for (const list of [...approved, extra]) {
    for (const value of list) {
      const list = out.get(value.indicatorId) ?? [];
      list.push(value);
      out.set(value.indicatorId, list);
    }
  }
  return out;
}

function indicatorView(book: PlanBook, indicator: PlanIndicator, values: readonly ReportValue[]): IndicatorView {
  const cityWide = values.filter((v) => v.districtUnitId === null);
  const byDistrict = new Map<string, ReportValue[]>();
  for (const v of values) {
    if (!v.districtUnitId) continue;
    const list = byDistrict.get(v.districtUnitId) ?? [];
    list.push(v);
    byDistrict.set(v.districtUnitId, list);
  }
  const districts = [...byDistrict].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unitId, list]) => ({ unitId, ...indicatorProgress(indicator, list, book.plan) }));
  const own = indicatorProgress(indicator, cityWide, book.plan);
  // Set per county: the city is as far along as its slowest district that has reported.
  const light = indicator.scope !== "city" && districts.length > 0 ? worstLight(districts.map((d) => d.light)) : own.light;
  return {
    id: indicator.id, name: indicator.name, nameEn: indicator.nameEn, unit: indicator.unit, scope: indicator.scope,
    ...own, light, districts,
    series: [...values].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1)).map((v) => ({ value: v.value, measuredOn: v.measuredOn, districtUnitId: v.districtUnitId })),
  };
}

/**
 * `certified` are the values demonstration-site certification produces (site-assessments.ts);
 * they count like approved report values.
 */
export function buildDashboard(book: PlanBook, reports: readonly Report[], options: { today: string; periodKind: PeriodKind; certified?: readonly ReportValue[]; reportingStarts?: string }): Dashboard {
  const { today } = options;
  const reportingStarts = options.reportingStarts ?? `${book.plan.period.start}-01-01`;
  const closed = periodsUntil(book.plan.period.start, today, options.periodKind).filter((p) => p.end < today);
  const period = closed[closed.length - 1] ?? null;
  const owed = period !== null && owedFrom(period, reportingStarts);
  const values = observationsByIndicator(reports, (options.certified ?? []).filter((v) => v.measuredOn <= today));
  const reportOf = new Map(reports.map((r) => [`${r.unitId}|${r.taskNumber}|${r.period}`, r]));
  const latestApproved = new Map<string, Report>();
  for (const r of reports) {
    const key = `${r.unitId}|${r.taskNumber}`;
    if (r.state === "approved" && (!latestApproved.get(key) || latestApproved.get(key)!.period < r.period)) latestApproved.set(key, r);
  }
  const units = new Map<string, Dashboard["units"][number]>();
  const taskView = (task: PlanTask): TaskView => {
    const reporting = period ? book.reportingUnits(task).map((unitId) => {
      const report = reportOf.get(`${unitId}|${task.number}|${period.id}`) ?? null;
      // Before the city reported in the system a missing report is no data; one sent anyway still counts.
      const reminder: Light = owed || report ? reminderOf(period, report?.state ?? null, today) : "grey";
      const row = units.get(unitId) ?? { unitId, name: book.unit(unitId)?.name ?? unitId, expected: 0, submitted: 0, approved: 0, overdue: 0, light: "grey" as Light };
      if (owed) row.expected++;
      if (report?.state === "submitted") row.submitted++;
      if (report?.state === "approved") row.approved++;
      if (reminder === "red") row.overdue++;
      row.light = worstLight([row.light, reminder]);
      units.set(unitId, row);
      const late = reminder === "red" ? daysLate(period, today) : 0;
      return { unitId, period: period.id, state: report?.state ?? null, reminder, taskStatus: latestApproved.get(`${unitId}|${task.number}`)?.taskStatus ?? null, daysLate: late };
    }) : [];
    const late = reporting.filter((r) => r.reminder === "red").map((r) => ({ unitId: r.unitId, name: book.unit(r.unitId)?.name ?? r.unitId, period: r.period, daysLate: r.daysLate }));
    const indicators = task.indicatorIds.map((id) => indicatorView(book, book.indicator(id)!, values.get(id) ?? []));
    const light = worstLight([...indicators.map((i) => i.light), ...reporting.map((r) => r.reminder), ...reporting.map((r) => (r.taskStatus ? STATUS_LIGHT[r.taskStatus] : "grey"))]);
    return { number: task.number, title: task.title, titleEn: task.titleEn, light, leadUnitIds: task.leadUnitIds, reporting, late, indicators };
  };
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  const goals = book.plan.goals.map((goal) => {
    const actions = book.plan.actions.filter((a) => a.goalId === goal.id).map((action) => {
      const tasks = book.plan.tasks.filter((t) => t.actionId === action.id).map(taskView);
      for (const t of tasks) counts[t.light]++;
      return { id: action.id, number: action.number, title: action.title, titleEn: action.titleEn, light: worstLight(tasks.map((t) => t.light)), tasks };
    });
    return { id: goal.id, number: goal.number, title: goal.title, titleEn: goal.titleEn, light: worstLight(actions.map((a) => a.light)), actions };
  });
  return {
    planId: book.plan.id,
    today,
    period: period ? { ...period, due: dueDate(period), daysLate: owed ? daysLate(period, today) : 0, owed } : null,
    reportingStarts,
    counts,
    goals,
    units: [...units.values()].sort((a, b) => b.overdue - a.overdue || (a.unitId < b.unitId ? -1 : 1)),
  };
}
