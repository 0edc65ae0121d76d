/**
 * A city's child-friendly city action plan as data: goals, actions, tasks, the units that lead
 * or take part in each task and the indicators with their milestone targets. One schema for
 * every city, so the supervision features load Hengyang's plan and any other city's alike.
 */
import { z } from "zod";

/** Slugs for plan, unit and indicator ids: lowercase ASCII words joined by hyphens. */
export const PLAN_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(PLAN_SLUG_PATTERN).max(80);
const zhText = (max: number) => z.string().trim().min(1).max(max);
const enText = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(2000).max(2100);
const bilingual = z.object({ zh: zhText(200), en: enText(300) });

/** The kinds of bodies a plan assigns work to. */
export const PLAN_UNIT_KINDS = ["department", "district", "working-group", "other"] as const;
/** How far an indicator reaches: the whole city, or each county, township, village or site. */
export const PLAN_INDICATOR_SCOPES = ["city", "per-county", "per-township", "per-village", "per-site"] as const;
/** Which way an indicator should move. */
export const PLAN_INDICATOR_DIRECTIONS = ["increase", "decrease", "maintain"] as const;
/** How a measured value is compared with the target. */
export const PLAN_INDICATOR_COMPARATORS = [">=", "<=", "="] as const;

/** A goal (目标): the top level of the plan. */
export const planGoalSchema = z.object({
  id: z.string().regex(/^goal-\d+$/),
  number: z.number().int().min(1),
  title: zhText(200),
  titleEn: enText(300),
  /** The goal's own description in the plan's objectives section; empty when there is none. */
  text: z.string().max(4000),
});

/** An action (行动) under one goal. */
export const planActionSchema = z.object({
  id: z.string().regex(/^action-\d+$/),
  number: z.number().int().min(1),
  goalId: z.string(),
  title: zhText(200),
  titleEn: enText(300),
});

/** A task (任务): the unit of supervision, with its owners, milestones and indicators. */
export const planTaskSchema = z.object({
  number: z.number().int().min(1),
  actionId: z.string(),
  goalId: z.string(),
  title: zhText(200),
  titleEn: enText(300),
  text: zhText(4000),
  leadUnitIds: z.array(slug).min(1),
  participatingUnitIds: z.array(slug),
  /** What is to be reached by each milestone year, keyed by the year ("2025"), verbatim. */
  milestones: z.record(z.string().regex(/^\d{4}$/), zhText(2000)),
  indicatorIds: z.array(slug),
});

/** A body named as lead (牵头) or participating (参与) unit, with every spelling the plan uses. */
export const planUnitSchema = z.object({
  id: slug,
  name: zhText(100),
  nameEn: enText(200),
  aliases: z.array(zhText(100)),
  kind: z.enum(PLAN_UNIT_KINDS),
  /** The NBS division code of a district unit, to tie a district reporter to it. */
  divisionCode: z.string().regex(/^\d{6}$/).optional(),
  /** The unit this one is part of, e.g. one county within "all counties and districts". */
  memberOf: slug.optional(),
});

/** A quantitative indicator with its milestone targets and the sentence it was read from. */
export const planIndicatorSchema = z.object({
  id: slug,
  taskNumbers: z.array(z.number().int().min(1)).min(1),
  name: zhText(200),
  nameEn: enText(300),
  unit: z.string().trim().min(1).max(40),
  direction: z.enum(PLAN_INDICATOR_DIRECTIONS),
  baseline: z.object({ value: z.number(), year }).optional(),
  target2025: z.number().optional(),
  target2028: z.number().optional(),
  scope: z.enum(PLAN_INDICATOR_SCOPES),
  comparator: z.enum(PLAN_INDICATOR_COMPARATORS),
  sourceText: zhText(2000),
});

const planShapeSchema = z.object({
  id: slug,
  city: bilingual,
  title: bilingual,
  document: z.object({
    number: zhText(60),
    issuedOn: z.iso.date(),
    publishedOn: z.iso.date().optional(),
    issuer: zhText(100),
  }),
  period: z.object({ start: year, end: year }),
  milestoneYears: z.array(year).min(1),
  /** The plan's objectives section (行动目标), verbatim. */
  objective: z.string().max(4000),
  goals: z.array(planGoalSchema).min(1),
  actions: z.array(planActionSchema).min(1),
  tasks: z.array(planTaskSchema).min(1),
  units: z.array(planUnitSchema).min(1),
  indicators: z.array(planIndicatorSchema),
  source: z.object({ file: zhText(300), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(), note: zhText(2000) }),
});

type PlanShape = z.infer<typeof planShapeSchema>;

/** A problem found in a plan that is well-formed field by field but not as a whole. */
export interface PlanProblem {
  path: Array<string | number>;
  message: string;
}

function duplicates<T>(values: readonly T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Records one problem at a path of the plan. */
type Report = (path: PlanProblem["path"], message: string) => void;

function checkNumbering(plan: PlanShape, report: Report): void {
  const lists = [["goals", plan.goals], ["actions", plan.actions], ["tasks", plan.tasks]] as const;
  for (const [key, items] of lists) {
    items.forEach((item, index) => {
      if (item.number !== index + 1) report([key, index, "number"], `${key} must be numbered 1..${items.length} in order, exactly once`);
    });
  }
  plan.goals.forEach((goal, index) => {
    if (goal.id !== `goal-${goal.number}`) report(["goals", index, "id"], `goal ${goal.number} must have id goal-${goal.number}`);
  });
  plan.actions.forEach((action, index) => {
    if (action.id !== `action-${action.number}`) report(["actions", index, "id"], `action ${action.number} must have id action-${action.number}`);
  });
}

function checkUnits(plan: PlanShape, report: Report): void {
  const ids = plan.units.map((unit) => unit.id);
  for (const id of duplicates(ids)) report(["units"], `duplicate unit id ${id}`);
  const spellings = plan.units.flatMap((unit) => [unit.name, ...unit.aliases]);
  for (const spelling of duplicates(spellings)) report(["units"], `unit name or alias ${spelling} names more than one unit`);
  const known = new Set(ids);
  plan.units.forEach((unit, index) => {
    if (unit.memberOf !== undefined && !known.has(unit.memberOf)) report(["units", index, "memberOf"], `unknown unit ${unit.memberOf}`);
  });
  plan.tasks.forEach((task, index) => {
    for (const key of ["leadUnitIds", "participatingUnitIds"] as const) {
      for (const id of task[key]) if (!known.has(id)) report(["tasks", index, key], `unknown unit ${id}`);
      for (const id of duplicates(task[key])) report(["tasks", index, key], `unit ${id} listed twice`);
    }
  });
}

function checkHierarchy(plan: PlanShape, report: Report): void {
  for (const year of plan.milestoneYears) {
    if (year < plan.period.start || year > plan.period.end) report(["milestoneYears"], `milestone year ${year} is outside the plan period`);
  }
  const goalIds = new Set(plan.goals.map((goal) => goal.id));
  const actionGoal = new Map(plan.actions.map((action) => [action.id, action.goalId]));
  plan.actions.forEach((action, index) => {
    if (!goalIds.has(action.goalId)) report(["actions", index, "goalId"], `unknown goal ${action.goalId}`);
  });
  plan.tasks.forEach((task, index) => {
    const goalId = actionGoal.get(task.actionId);
    if (goalId === undefined) report(["tasks", index, "actionId"], `unknown action ${task.actionId}`);
    else if (goalId !== task.goalId) report(["tasks", index, "goalId"], `task goal ${task.goalId} is not its action's goal ${goalId}`);
    for (const key of Object.keys(task.milestones)) {
      if (!plan.milestoneYears.includes(Number(key))) report(["tasks", index, "milestones", key], `${key} is not a milestone year`);
    }
  });
}

function checkIndicators(plan: PlanShape, report: Report): void {
  for (const id of duplicates(plan.indicators.map((indicator) => indicator.id))) report(["indicators"], `duplicate indicator id ${id}`);
  const taskNumbers = new Set(plan.tasks.map((task) => task.number));
  plan.indicators.forEach((indicator, index) => {
    for (const number of indicator.taskNumbers) {
      if (!taskNumbers.has(number)) report(["indicators", index, "taskNumbers"], `unknown task ${number}`);
    }
    const values = [indicator.target2025, indicator.target2028, indicator.baseline];
    if (values.every((value) => value === undefined)) report(["indicators", index], `indicator ${indicator.id} has neither a target nor a baseline`);
  });
  plan.tasks.forEach((task, index) => {
    const expected = plan.indicators.filter((indicator) => indicator.taskNumbers.includes(task.number)).map((indicator) => indicator.id);
    const same = expected.length === task.indicatorIds.length && expected.every((id) => task.indicatorIds.includes(id));
    const listed = expected.join(", ") || "none";
    if (!same) report(["tasks", index, "indicatorIds"], `task ${task.number} must list exactly the indicators that name it: ${listed}`);
  });
}

/** Every cross-reference problem of a plan: numbering, ids, units, indicators. Empty when sound. */
export function planProblems(plan: PlanShape): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  for (const check of [checkNumbering, checkUnits, checkHierarchy, checkIndicators]) check(plan, report);
  return problems;
}

/** A whole plan file, checked field by field and then as a whole (see planProblems). */
export const planSchema = planShapeSchema.superRefine((plan, ctx) => {
  for (const problem of planProblems(plan)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
});

/** A city's action plan, as stored in data/plans/<city>/plan.json. */
export type Plan = z.infer<typeof planSchema>;
/** A goal of a plan. */
export type PlanGoal = z.infer<typeof planGoalSchema>;
/** An action of a plan. */
export type PlanAction = z.infer<typeof planActionSchema>;
/** A task of a plan. */
export type PlanTask = z.infer<typeof planTaskSchema>;
/** A lead or participating unit of a plan. */
export type PlanUnit = z.infer<typeof planUnitSchema>;
/** An indicator of a plan. */
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;
