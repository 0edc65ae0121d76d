/**
 * The plan schema accepts a small sound plan and rejects each kind of broken one: duplicate or
 * missing task numbers, unknown units, goals, actions and indicators, clashing aliases.
 */
import { describe, expect, it } from "vitest";
import { type Plan, planProblems, planSchema } from "./plan.ts";

/** A small, sound plan: two goals, two actions, three tasks, three units, two indicators. */
function buildPlan(): Plan {
  const task = (number: number, actionId: string, goalId: string, indicatorIds: string[]) => ({
    number, actionId, goalId, title: `任务${number}`, titleEn: `Task ${number}`, text: `任务${number}的正文。到2025年,达到目标。`,
    leadUnitIds: ["city-education-bureau"], participatingUnitIds: ["county-districts"],
    milestones: { "2025": "到2025年,达到目标。" }, indicatorIds,
  });
  return {
    id: "sample-2024-2028",
    city: { zh: "样例市", en: "Sample" },
    title: { zh: "样例市儿童友好城市建设行动计划", en: "Sample Child-Friendly City Action Plan" },
    document: { number: "样政办发〔2024〕1号", issuedOn: "2024-12-27", issuer: "样例市人民政府办公室" },
    period: { start: 2024, end: 2028 },
    milestoneYears: [2025, 2028],
    objective: "",
    goals: [
      { id: "goal-1", number: 1, title: "目标一", titleEn: "Goal one", text: "" },
      { id: "goal-2", number: 2, title: "目标二", titleEn: "Goal two", text: "" },
    ],
    actions: [
      { id: "action-1", number: 1, goalId: "goal-1", title: "行动一", titleEn: "Action one" },
      { id: "action-2", number: 2, goalId: "goal-2", title: "行动二", titleEn: "Action two" },
    ],
    tasks: [task(1, "action-1", "goal-1", ["enrolment-rate"]), task(2, "action-2", "goal-2", []), task(3, "action-2", "goal-2", ["parks"])],
    units: [
      { id: "city-education-bureau", name: "市教育局", nameEn: "Municipal Education Bureau", aliases: [], kind: "department" },
      { id: "county-districts", name: "各县(市)区", nameEn: "All counties and districts", aliases: [], kind: "district" },
      { id: "sample-district", name: "样例区", nameEn: "Sample District", aliases: ["样区"], kind: "district", divisionCode: "430405", memberOf: "county-districts" },
    ],
    indicators: [
      { id: "enrolment-rate", taskNumbers: [1], name: "入园率", nameEn: "Enrolment rate", unit: "%", direction: "increase",
        target2025: 92, scope: "city", comparator: ">=", sourceText: "到2025年,入园率达92%。" },
      { id: "parks", taskNumbers: [3], name: "公园", nameEn: "Parks", unit: "个", direction: "increase",
        target2028: 30, scope: "per-county", comparator: ">=", sourceText: "到2028年,建设公园30个以上。" },
    ],
    source: { file: "sample.txt", note: "a test plan" },
  };
}

/** The messages planSchema gives for a plan, or [] when it accepts it. */
function messagesOf(plan: unknown): string[] {
  const result = planSchema.safeParse(plan);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("planSchema", () => {
  it("accepts a sound plan and finds no problems in it", () => {
    expect(messagesOf(buildPlan())).toEqual([]);
    expect(planProblems(buildPlan())).toEqual([]);
  });

  it("rejects duplicate and missing task numbers", () => {
    const plan = buildPlan();
    plan.tasks[2]!.number = 2;
    expect(messagesOf(plan).join("\n")).toMatch(/tasks must be numbered 1\.\.3/);
  });

  it("rejects an unknown lead or participating unit", () => {
    const plan = buildPlan();
    plan.tasks[0]!.leadUnitIds = ["city-nowhere-bureau"];
    plan.tasks[1]!.participatingUnitIds = ["county-districts", "county-districts"];
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/unknown unit city-nowhere-bureau/);
    expect(messages).toMatch(/unit county-districts listed twice/);
  });

  it("rejects duplicate unit ids and a spelling shared by two units", () => {
    const plan = buildPlan();
    plan.units.push({ ...plan.units[0]!, name: "市教育委员会" });
    plan.units[1]!.aliases = ["样区"];
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/duplicate unit id city-education-bureau/);
    expect(messages).toMatch(/样区 names more than one unit/);
  });

  it("rejects unknown goals, actions and parent units", () => {
    const plan = buildPlan();
    plan.actions[1]!.goalId = "goal-9";
    plan.tasks[0]!.actionId = "action-7";
    plan.units[2]!.memberOf = "all-townships";
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/unknown goal goal-9/);
    expect(messages).toMatch(/unknown action action-7/);
    expect(messages).toMatch(/unknown unit all-townships/);
  });

  it("rejects a task whose goal is not its action's goal", () => {
    const plan = buildPlan();
    plan.tasks[0]!.goalId = "goal-2";
    expect(messagesOf(plan).join("\n")).toMatch(/task goal goal-2 is not its action's goal goal-1/);
  });

  it("rejects an indicator list that disagrees with the indicators", () => {
    const plan = buildPlan();
    plan.tasks[1]!.indicatorIds = ["parks"];
    plan.indicators[0]!.taskNumbers = [1, 36];
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/task 2 must list exactly the indicators that name it: none/);
    expect(messages).toMatch(/unknown task 36/);
  });

  it("rejects duplicate indicator ids and an indicator with no value", () => {
    const plan = buildPlan();
    const { target2028: _dropped, ...withoutTarget } = plan.indicators[1]!;
    plan.indicators[1] = { ...withoutTarget, id: "enrolment-rate" };
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/duplicate indicator id enrolment-rate/);
    expect(messages).toMatch(/has neither a target nor a baseline/);
  });

  it("rejects milestones outside the milestone years and years outside the period", () => {
    const plan = buildPlan();
    plan.tasks[0]!.milestones = { "2026": "到2026年,达到目标。" };
    plan.milestoneYears = [2025, 2030];
    const messages = messagesOf(plan).join("\n");
    expect(messages).toMatch(/2026 is not a milestone year/);
    expect(messages).toMatch(/milestone year 2030 is outside the plan period/);
  });

  it("rejects malformed fields: ids, kinds, scopes and dates", () => {
    const plan = buildPlan();
    const broken = {
      ...plan,
      id: "Sample Plan",
      document: { ...plan.document, issuedOn: "2024年12月27日" },
      units: plan.units.map((unit, index) => (index === 0 ? { ...unit, kind: "ministry" } : unit)),
      indicators: plan.indicators.map((indicator, index) => (index === 0 ? { ...indicator, scope: "per-planet" } : indicator)),
    };
    const result = planSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["id", "document.issuedOn", "units.0.kind", "indicators.0.scope"]));
  });
});
