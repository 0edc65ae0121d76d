/**
 * The trajectory method of progress.ts on hand-made indicators with round numbers, and on
 * real indicators of the Hengyang plan.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Plan, type PlanIndicator, planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { LAGGING_RATIO, ON_TRACK_RATIO, type Observation, indicatorProgress, worstLight } from "./progress.ts";

const hengyang: Plan = planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8")));
const PERIOD = { period: { start: 2024, end: 2028 } };

function realIndicator(id: string): PlanIndicator {
  const found = hengyang.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id} in the Hengyang plan`);
  return found;
}

/** An indicator that should rise from 0 (end of 2024) to 100 by the end of 2025. */
function indicator(overrides: Partial<PlanIndicator> = {}): PlanIndicator {
  return {
    id: "test-indicator", taskNumbers: [1], name: "测试指标", nameEn: "Test indicator", unit: "%",
    direction: "increase", baseline: { value: 0, year: 2024 }, target2025: 100, scope: "city", comparator: ">=",
    sourceText: "测试", ...overrides,
  };
}

const seen = (value: number, measuredOn: string): Observation => ({ value, measuredOn });

describe("indicatorProgress: increase", () => {
  it("is grey with no observation, naming the target of the plan's first year", () => {
    const progress = indicatorProgress(indicator(), [], PERIOD);
    expect(progress).toEqual({ light: "grey", latest: null, target: { value: 100, year: 2025 }, expected: null, ratio: null });
  });

  it("is green, yellow or red at the ratio thresholds once the whole span has elapsed", () => {
    // Measured on the target date, all of the way (100) is needed.
    const at = (value: number) => indicatorProgress(indicator(), [seen(value, "2025-12-31")], PERIOD);
    expect(at(95)).toMatchObject({ light: "green", ratio: ON_TRACK_RATIO, expected: 100 });
    expect(at(94.9).light).toBe("yellow");
    expect(at(50)).toMatchObject({ light: "yellow", ratio: LAGGING_RATIO });
    expect(at(49.9).light).toBe("red");
    expect(at(-5).light).toBe("red");
  });

  it("needs only the elapsed share of the way part-way through the span", () => {
    // 2025-07-02 is 183 of the 365 days from the 2024 baseline to the end of 2025.
    const progress = indicatorProgress(indicator(), [seen(40, "2025-07-02")], PERIOD);
    expect(progress.expected).toBeCloseTo((100 * 183) / 365, 9);
    expect(progress.ratio).toBeCloseTo(40 / ((100 * 183) / 365), 9);
    expect(progress.light).toBe("yellow");
    expect(indicatorProgress(indicator(), [seen(48, "2025-07-02")], PERIOD).light).toBe("green");
  });

  it("is green with ratio 1 as soon as the target is met, whatever the trajectory", () => {
    const progress = indicatorProgress(indicator(), [seen(100, "2025-01-05")], PERIOD);
    expect(progress).toMatchObject({ light: "green", ratio: 1, expected: 100, latest: { value: 100, measuredOn: "2025-01-05" } });
  });

  it("judges the latest observation, whatever order they come in", () => {
    const progress = indicatorProgress(indicator(), [seen(30, "2025-12-31"), seen(99, "2025-06-30"), seen(10, "2025-03-31")], PERIOD);
    expect(progress.latest).toEqual(seen(30, "2025-12-31"));
    expect(progress.light).toBe("red");
  });

  it("takes the first observation as the baseline when the plan has none", () => {
    const noBaseline = indicator({ baseline: undefined });
    // From 20 at the end of 2024 to 100 by the end of 2025: at its end 80 more were needed.
    const onTrack = indicatorProgress(noBaseline, [seen(96, "2025-12-31"), seen(20, "2024-12-31")], PERIOD);
    expect(onTrack).toMatchObject({ light: "green", expected: 100, ratio: 76 / 80 });
    const lagging = indicatorProgress(noBaseline, [seen(20, "2024-12-31"), seen(59, "2025-12-31")], PERIOD);
    expect(lagging).toMatchObject({ light: "red", ratio: 39 / 80 });
  });

  it("with one value and no baseline: yellow when the target is not met, green when it is", () => {
    const noBaseline = indicator({ baseline: undefined });
    expect(indicatorProgress(noBaseline, [seen(99, "2025-06-30")], PERIOD)).toMatchObject({ light: "yellow", ratio: null, expected: null });
    expect(indicatorProgress(noBaseline, [seen(100, "2025-06-30")], PERIOD)).toMatchObject({ light: "green", ratio: 1 });
  });

  it("does not demand progress before the baseline date, but flags going backwards", () => {
    // Measured before the end of the baseline year: nothing is needed yet.
    expect(indicatorProgress(indicator({ baseline: { value: 50, year: 2024 } }), [seen(50, "2024-06-30")], PERIOD)).toMatchObject({ light: "green", ratio: null });
    expect(indicatorProgress(indicator({ baseline: { value: 50, year: 2024 } }), [seen(49, "2024-06-30")], PERIOD)).toMatchObject({ light: "yellow", ratio: null });
  });
});

describe("indicatorProgress: decrease", () => {
  /** From 10 at the end of 2024 down to 5 by the end of 2025. */
  const falling = indicator({ direction: "decrease", comparator: "<=", baseline: { value: 10, year: 2024 }, target2025: 5 });
  const at = (value: number) => indicatorProgress(falling, [seen(value, "2025-12-31")], PERIOD);

  it("counts a fall as progress, with the same thresholds", () => {
    expect(at(5.25)).toMatchObject({ light: "green", ratio: 0.95, expected: 5 });
    expect(at(7.5)).toMatchObject({ light: "yellow", ratio: 0.5 });
    expect(at(8).light).toBe("red");
  });

  it("is red when the value rises, and green once it is at or below the target", () => {
    expect(at(11).light).toBe("red");
    expect(at(11).ratio).toBeLessThan(0);
    expect(at(5)).toMatchObject({ light: "green", ratio: 1 });
    expect(at(1)).toMatchObject({ light: "green", ratio: 1 });
  });

  it("works on the real neonatal mortality rate (2028 target of 3 per mille, no baseline)", () => {
    const neonatal = realIndicator("neonatal-mortality-rate");
    expect(neonatal).toMatchObject({ direction: "decrease", target2028: 3 });
    expect(neonatal.baseline).toBeUndefined();
    // From 5 at the end of 2024: 730 of the 1461 days to the end of 2028 have passed by the end of 2026.
    const needed = 2 * (730 / 1461);
    const run = (latest: number) => indicatorProgress(neonatal, [seen(5, "2024-12-31"), seen(latest, "2026-12-31")], hengyang);
    expect(run(4)).toMatchObject({ light: "green", target: { value: 3, year: 2028 } });
    expect(run(4).ratio).toBeCloseTo(1 / needed, 9);
    expect(run(4).expected).toBeCloseTo(5 - needed, 9);
    expect(run(4.5).light).toBe("yellow");
    expect(run(4.6).light).toBe("red");
    expect(run(2.9)).toMatchObject({ light: "green", ratio: 1 });
  });
});

describe("indicatorProgress: which target", () => {
  const twoTargets = indicator({ target2025: 50, target2028: 100 });

  it("aims at the 2025 target until the end of 2025, then at the 2028 one", () => {
    expect(indicatorProgress(twoTargets, [seen(10, "2025-12-31")], PERIOD).target).toEqual({ value: 50, year: 2025 });
    expect(indicatorProgress(twoTargets, [seen(10, "2026-01-01")], PERIOD).target).toEqual({ value: 100, year: 2028 });
    // 60 meets the 2025 target but not the 2028 one.
    expect(indicatorProgress(twoTargets, [seen(60, "2025-12-31")], PERIOD)).toMatchObject({ light: "green", ratio: 1 });
    expect(indicatorProgress(twoTargets, [seen(60, "2026-01-01")], PERIOD).ratio).not.toBe(1);
  });

  it("aims at the 2028 target all along when there is no 2025 one", () => {
    const later = indicator({ target2025: undefined, target2028: 100 });
    expect(indicatorProgress(later, [seen(10, "2025-03-31")], PERIOD).target).toEqual({ value: 100, year: 2028 });
    expect(indicatorProgress(later, [], PERIOD).target).toEqual({ value: 100, year: 2028 });
  });

  it("keeps the 2025 target after 2025 when there is no 2028 one", () => {
    const real = realIndicator("preschool-gross-enrolment-rate");
    expect(real.target2028).toBeUndefined();
    const progress = indicatorProgress(real, [seen(91, "2027-03-31")], hengyang);
    expect(progress.target).toEqual({ value: 92, year: 2025 });
    expect(progress.light).toBe("yellow");
    expect(indicatorProgress(real, [seen(92, "2027-03-31")], hengyang).light).toBe("green");
  });

  it("is grey without a numeric target, however many values there are", () => {
    const homes = realIndicator("childrens-homes");
    expect(homes.target2025 ?? homes.target2028).toBeUndefined();
    const progress = indicatorProgress(homes, [seen(2777, "2024-12-31"), seen(2800, "2025-12-31")], hengyang);
    expect(progress).toMatchObject({ light: "grey", target: null, latest: seen(2800, "2025-12-31") });
  });
});

describe("worstLight", () => {
  it("orders red over yellow over green, and grey only when nothing is known", () => {
    expect(worstLight([])).toBe("grey");
    expect(worstLight(["grey", "grey"])).toBe("grey");
    expect(worstLight(["grey", "green"])).toBe("green");
    expect(worstLight(["green", "yellow", "grey"])).toBe("yellow");
    expect(worstLight(["yellow", "red", "green"])).toBe("red");
    expect(worstLight(["red", "grey"])).toBe("red");
  });
});
