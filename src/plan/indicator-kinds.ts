/**
 * What kind of number an indicator is, read from its unit in the plan (never from its name),
 * and the values that kind allows:
 *   "%"  (or ％)            a percentage: 0–100
 *   "‰"                    per mille: 0–1000
 *   "x/y" ("个/千人", "次/年") a rate: any number ≥ 0
 *   one measure word ("所", "个", "人", "项", "处"…): a count: a whole number ≥ 0
 *   anything else          a number ≥ 0 unless the plan's own baseline or targets are negative
 * A bound the plan itself goes beyond (a target of 120 %) is widened to include it.
 */
import type { PlanIndicator } from "../core/plan.ts";
import { type Localized, say } from "../platform/errors.ts";

export type IndicatorKind = "percent" | "permille" | "rate" | "count" | "number";

/** One CJK character: a measure word (量词) such as 所, 个, 人, 项, 处, 家, 座, 张. */
const MEASURE_WORD = /^\p{Script=Han}$/u;

export function indicatorKind(unit: string): IndicatorKind {
  const u = unit.trim();
  if (u === "%" || u === "％") return "percent";
  if (u === "‰") return "permille";
  if (u.includes("/")) return "rate";
  if (MEASURE_WORD.test(u)) return "count";
  return "number";
}

export interface ValueRule {
  kind: IndicatorKind;
  min: number | null;
  max: number | null;
  integer: boolean;
}

/** The values an indicator accepts, from its unit and widened by its own baseline and targets. */
export function valueRule(indicator: Pick<PlanIndicator, "unit" | "baseline" | "target2025" | "target2028">): ValueRule {
  const kind = indicatorKind(indicator.unit);
  const known = [indicator.baseline?.value, indicator.target2025, indicator.target2028].filter((v): v is number => v !== undefined);
  const max = kind === "percent" ? 100 : kind === "permille" ? 1000 : null;
  const planMin = Math.min(0, ...known);
  return {
    kind,
    min: planMin < 0 ? null : 0,
    max: max === null ? null : Math.max(max, ...known),
    integer: kind === "count",
  };
}

/** Why a value does not fit its indicator, in both languages, or null when it does. */
export function valueProblem(indicator: PlanIndicator, value: number): Localized | null {
  const rule = valueRule(indicator);
  const name = `${indicator.name}（${indicator.unit}）`;
  const nameEn = `${indicator.nameEn} (${indicator.unit})`;
  if (!Number.isFinite(value)) return say(`${name}必须是数字`, `${nameEn} must be a number`);
  if (rule.integer && !Number.isInteger(value)) return say(`${name}是个数，必须是整数`, `${nameEn} is a count: it must be a whole number`);
  if (rule.min !== null && value < rule.min) return say(`${name}不能小于 ${rule.min}`, `${nameEn} cannot be below ${rule.min}`);
  if (rule.max !== null && value > rule.max) {
    return rule.kind === "percent"
      ? say(`${name}是百分比，应在 ${rule.min ?? 0}–${rule.max} 之间，收到 ${value}`, `${nameEn} is a percentage: between ${rule.min ?? 0} and ${rule.max}, got ${value}`)
      : say(`${name}应在 ${rule.min ?? 0}–${rule.max} 之间，收到 ${value}`, `${nameEn} must be between ${rule.min ?? 0} and ${rule.max}, got ${value}`);
  }
  return null;
}
