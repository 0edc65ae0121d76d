/**
 * Client of the public plan API: the plan tree (GET /api/plan) and the city's progress
 * (GET /api/plan/progress). The progress shapes are the contract's (src/core/api/plan.ts,
 * types only, so zod stays out of the browser); each answer is checked for the lists the
 * pages walk before it is used.
 */
import type { ActionView as ContractAction, GoalView as ContractGoal, IndicatorView, Observation, Progress, TaskView } from "../../../../src/core/api/plan.ts";
import { ApiError, getJson, isRecord } from "../../shared/api.ts";

export { LIGHTS, type Light } from "../../../../src/core/api/vocabulary.ts";
export type { IndicatorView, Observation, Progress, TaskView };

/** An action with its tasks; the staff dashboard's tasks carry more (`reporting`). */
export type ActionView<T extends TaskView = TaskView> = Omit<ContractAction, "tasks"> & { readonly tasks: readonly T[] };

/** A goal with its actions. */
export type GoalView<T extends TaskView = TaskView> = Omit<ContractGoal, "actions"> & { readonly actions: ReadonlyArray<ActionView<T>> };

/** A unit named in the plan, as GET /api/plan lists it under a task. */
export interface UnitName {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

/** A task of the plan tree with its lead and participating units. */
export interface PlanTaskSummary {
  readonly number: number;
  readonly title: string;
  readonly titleEn: string;
  readonly leadUnits: readonly UnitName[];
  readonly participatingUnits: readonly UnitName[];
  readonly indicatorIds: readonly string[];
}

/** An indicator as the plan states it, with its targets. */
export interface PlanIndicator {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly scope: string;
  readonly target2025?: number;
  readonly target2028?: number;
}

/** The answer of GET /api/plan, reduced to what the pages use. */
export interface PlanTree {
  readonly plan: {
    readonly id: string;
    readonly city: { readonly zh: string; readonly en: string };
    readonly title: { readonly zh: string; readonly en: string };
    readonly period: { readonly start: number; readonly end: number };
    readonly goals: ReadonlyArray<{ readonly actions: ReadonlyArray<{ readonly tasks: readonly PlanTaskSummary[] }> }>;
  };
  readonly indicators: readonly PlanIndicator[];
}

/** True when a JSON value has goals > actions > tasks lists, as the progress answers do. */
export function hasGoalTree(body: unknown): body is { goals: unknown[] } {
  if (!isRecord(body) || !Array.isArray(body.goals)) return false;
  return body.goals.every((g) => isRecord(g) && Array.isArray(g.actions) && g.actions.every((a) => isRecord(a) && Array.isArray(a.tasks)));
}

/** GET /api/plan/progress. */
export async function fetchProgress(signal?: AbortSignal): Promise<Progress> {
  const body = await getJson("/api/plan/progress", signal);
  if (!hasGoalTree(body) || !isRecord((body as Record<string, unknown>).counts)) {
    throw new ApiError(500, "bad_response", "progress answer has no goals or counts");
  }
  return body as unknown as Progress;
}

/** GET /api/plan. */
export async function fetchPlanTree(signal?: AbortSignal): Promise<PlanTree> {
  const body = await getJson("/api/plan", signal);
  if (!isRecord(body) || !hasGoalTree(body.plan) || !Array.isArray(body.indicators)) {
    throw new ApiError(500, "bad_response", "plan answer has no goal tree or indicators");
  }
  return body as unknown as PlanTree;
}

/** Every task of a goal tree, in plan order. */
export function allTasks<T extends TaskView>(goals: ReadonlyArray<GoalView<T>>): T[] {
  return goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));
}

/** Every task of the plan tree, in plan order. */
export function planTasks(tree: PlanTree): PlanTaskSummary[] {
  return tree.plan.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));
}
