/** Indicator values are checked by the kind the plan's unit gives each indicator, not by its name. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Plan, type PlanIndicator, planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { indicatorKind, valueProblem } from "./indicator-kinds.ts";

const plan: Plan = planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8")));
const indicator = (id: string) => plan.indicators.find((i) => i.id === id)!;

describe("indicatorKind", () => {
  it("reads the kind from the unit", () => {
    expect(["%", "‰", "个/千人", "次/年", "所", "个", "人", "项", "处", "km"].map(indicatorKind)).toEqual(["percent", "permille", "rate", "rate", "count", "count", "count", "count", "count", "number"]);
    // Every indicator of the plan has a kind that bounds it below.
    for (const i of plan.indicators) expect(valueProblem(i, -1), i.id).not.toBeNull();
  });
});

describe("valueProblem", () => {
  const rate = indicator("preschool-gross-enrolment-rate");
  it("refuses 150 % for an enrolment rate, in Chinese and English, and takes 92.5", () => {
    expect(valueProblem(rate, 150)).toEqual({ zh: expect.stringMatching(/学前三年教育毛入园率.*百分比.*0–100/), en: expect.stringMatching(/percentage: between 0 and 100, got 150/) });
    expect(valueProblem(rate, 92.5)).toBeNull();
  });

  it("wants whole numbers for counts and allows fractions for rates per thousand", () => {
    const count = plan.indicators.find((i) => i.unit === "所")!;
    expect(valueProblem(count, 2.5)?.en).toMatch(/whole number/);
    expect(valueProblem(count, 3)).toBeNull();
    const perThousand = plan.indicators.find((i) => i.unit === "个/千人")!;
    expect(valueProblem(perThousand, 4.5)).toBeNull();
  });

  it("widens a bound the plan itself goes beyond", () => {
    const growth: PlanIndicator = { ...rate, target2028: 120 };
    expect(valueProblem(growth, 110)).toBeNull();
    expect(valueProblem(growth, 121)).not.toBeNull();
  });
});
