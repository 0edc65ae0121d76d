/**
 * The mid-term and final evaluations (中期评估, 终期评估) as data, from which the workbook
 * and the printable page are made. The mid-term evaluation measures against the 2025
 * targets with the data approved up to the end of 2025; the final one against the 2028
 * targets with the data up to the end of 2028 (or up to today, while that is earlier).
 */
import type { ActivityFigures } from "./activities.ts";
import type { ParticipationFigures } from "./participation.ts";
import type { PlanIndicator } from "../core/plan.ts";
import { buildDashboard, type Dashboard } from "./dashboard.ts";
import type { PeriodKind } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import { type Light, indicatorProgress, meetsTarget } from "./progress.ts";
import type { Report } from "./report-store.ts";
import { EVALUATION_STAGES } from "../core/api/plan.ts";

/** The stages are the API contract's (src/core/api/plan.ts). */
export { EVALUATION_STAGES };
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

export interface IndicatorResult {
  indicator: PlanIndicator;
  target: number | null;
  latest: { value: number; measuredOn: string } | null;
  /** Target met by the cut-off: true, false, or null when there is no value or no target. */
  achieved: boolean | null;
  light: Light;
  ratio: number | null;
}

export interface Evaluation {
  stage: EvaluationStage;
  title: string;
  cutOff: string;
  targetYear: number;
  generatedOn: string;
  dashboard: Dashboard;
  indicators: IndicatorResult[];
  summary: { tasks: Record<Light, number>; indicatorsAchieved: number; indicatorsWithData: number; indicatorsWithTarget: number };
  /** Children's ideas adopted and the median days to answer, when the voice domain gives them. */
  participation?: ParticipationFigures;
  /** Task 12's free and low-cost activities held, when the events domain gives them. */
  activities?: { taskNumber: number; figures: ActivityFigures };
}

export function buildEvaluation(book: PlanBook, reports: readonly Report[], options: { stage: EvaluationStage; today: string; periodKind: PeriodKind; reportingStarts?: string }): Evaluation {
  const targetYear = options.stage === "mid-term" ? 2025 : book.plan.period.end;
  const end = `${targetYear}-12-31`;
  const cutOff = options.today < end ? options.today : end;
  // Reports are counted as they stood at the cut-off: values measured after it are left out.
  const upToCutOff = reports.map((r) => ({ ...r, values: r.values.filter((v) => v.measuredOn <= cutOff) }));
  const dashboard = buildDashboard(book, upToCutOff.filter((r) => r.period <= `${targetYear}-Q4`), { today: cutOff, periodKind: options.periodKind, ...(options.reportingStarts ? { reportingStarts: options.reportingStarts } : {}) });
  const indicators = book.plan.indicators.map((indicator): IndicatorResult => {
    const values = upToCutOff.filter((r) => r.state === "approved").flatMap((r) => r.values.filter((v) => v.indicatorId === indicator.id && v.districtUnitId === null));
    const progress = indicatorProgress(indicator, values, book.plan);
    const target = options.stage === "mid-term" ? (indicator.target2025 ?? null) : (indicator.target2028 ?? indicator.target2025 ?? null);
    const latest = progress.latest;
    return { indicator, target, latest, achieved: latest && target !== null ? meetsTarget(indicator, latest.value, target) : null, light: progress.light, ratio: progress.ratio };
  });
  return {
    stage: options.stage,
    title: `${book.plan.title.zh}${options.stage === "mid-term" ? "中期评估报告" : "终期评估报告"}`,
    cutOff,
    targetYear,
    generatedOn: options.today,
    dashboard,
    indicators,
    summary: {
      tasks: dashboard.counts,
      indicatorsAchieved: indicators.filter((i) => i.achieved === true).length,
      indicatorsWithData: indicators.filter((i) => i.latest !== null).length,
      indicatorsWithTarget: indicators.filter((i) => i.target !== null).length,
    },
  };
}
