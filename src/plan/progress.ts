/**
 * Is an indicator on track? The method, after Open SDG's: compare the progress made since
 * the baseline with the progress needed by now to reach the next target on time.
 *
 *   needed = (target - baseline) * (elapsed / span)   elapsed, span in days from the baseline date
 *   made   = latest - baseline                         (signs flipped for "decrease")
 *   ratio  = made / needed
 *
 * green: the target is already met, or ratio >= 0.95; yellow: ratio >= 0.5; red: below.
 * The next target is the 2025 one until the end of 2025, then the 2028 one. Without a
 * baseline in the plan, the first measured value is the baseline. With only one value and
 * no baseline the trajectory is unknown: green if the target is met, otherwise yellow.
 * grey: no value yet, or no numeric target.
 */
import type { Light } from "../core/api/plan.ts";
import type { Plan, PlanIndicator } from "../core/plan.ts";

/** The lights are the API contract's (src/core/api/plan.ts). */
export type { Light };

export interface Observation {
  value: number;
  /** YYYY-MM-DD */
  measuredOn: string;
}

export interface IndicatorProgress {
  light: Light;
  latest: Observation | null;
  target: { value: number; year: number } | null;
  /** Where the trajectory says the value should be by the latest measurement. */
  expected: number | null;
  ratio: number | null;
}

export const ON_TRACK_RATIO = 0.95;
export const LAGGING_RATIO = 0.5;

const LIGHT_ORDER: Record<Light, number> = { red: 3, yellow: 2, green: 1, grey: 0 };

/** The worst of several lights (grey counts only when nothing else is known). */
export function worstLight(lights: readonly Light[]): Light {
  return lights.reduce<Light>((worst, light) => (LIGHT_ORDER[light] > LIGHT_ORDER[worst] ? light : worst), "grey");
}

function nextTarget(indicator: PlanIndicator, on: string): { value: number; year: number } | null {
  const year = Number(on.slice(0, 4));
  if (indicator.target2025 !== undefined && year <= 2025) return { value: indicator.target2025, year: 2025 };
  if (indicator.target2028 !== undefined) return { value: indicator.target2028, year: 2028 };
  return indicator.target2025 !== undefined ? { value: indicator.target2025, year: 2025 } : null;
}

const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** True when a value reaches the target the way the indicator counts (at least, at most, exactly). */
export function meetsTarget(indicator: PlanIndicator, value: number, target: number): boolean {
  if (indicator.direction === "decrease" || indicator.comparator === "<=") return value <= target;
  if (indicator.comparator === "=") return Math.abs(value - target) < 1e-9;
  return value >= target;
}

export function indicatorProgress(indicator: PlanIndicator, observations: readonly Observation[], plan: Pick<Plan, "period">): IndicatorProgress {
  const sorted = [...observations].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  const latest = sorted[sorted.length - 1] ?? null;
  const target = latest ? nextTarget(indicator, latest.measuredOn) : (nextTarget(indicator, `${plan.period.start}-01-01`));
  if (!latest || !target) return { light: "grey", latest, target, expected: null, ratio: null };
  if (meetsTarget(indicator, latest.value, target.value)) return { light: "green", latest, target, expected: target.value, ratio: 1 };
  const baseline = indicator.baseline
    ? { value: indicator.baseline.value, measuredOn: `${indicator.baseline.year}-12-31` }
    : sorted.length > 1 ? sorted[0]! : null;
  if (!baseline) return { light: "yellow", latest, target, expected: null, ratio: null };
  const span = days(`${target.year}-12-31`) - days(baseline.measuredOn);
  const elapsed = days(latest.measuredOn) - days(baseline.measuredOn);
  const sign = indicator.direction === "decrease" ? -1 : 1;
  const needed = sign * (target.value - baseline.value) * Math.min(1, Math.max(0, elapsed / span));
  const made = sign * (latest.value - baseline.value);
  const expected = baseline.value + sign * needed;
  if (needed <= 0) return { light: made >= 0 ? "green" : "yellow", latest, target, expected, ratio: null };
  const ratio = made / needed;
  const light: Light = ratio >= ON_TRACK_RATIO ? "green" : ratio >= LAGGING_RATIO ? "yellow" : "red";
  return { light, latest, target, expected, ratio };
}
