/**
 * Client of the public plan API: the plan tree (GET /api/plan) and the city's progress
 * (GET /api/plan/progress). The shapes mirror src/plan/dashboard.ts, which the browser may
 * not import; each answer is checked for the lists the pages walk before it is used.
 */
import { ApiError, getJson, isRecord } from "../../shared/api.ts";

/** A traffic light: on track, warning, behind, or no data yet. */
export type Light = "green" | "yellow" | "red" | "grey";

/** The lights from best to worst data, the order counts and legends use. */
export const LIGHTS: readonly Light[] = ["green", "yellow", "red", "grey"];

/** One measured value of an indicator. */
export interface Observation {
  readonly value: number;
  readonly measuredOn: string;
}

/** An indicator's progress: its latest approved value, next target and light. */
export interface IndicatorView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly scope: string;
  readonly light: Light;
  readonly latest: Observation | null;
  readonly target: { readonly value: number; readonly year: number } | null;
  readonly expected: number | null;
  readonly series: ReadonlyArray<Observation & { readonly districtUnitId: string | null }>;
}

/** A task's light; staff answers add who reports on it (`reporting`). */
export interface TaskView {
  readonly number: number;
  readonly title: string;
  readonly titleEn: string;
  readonly light: Light;
  readonly leadUnitIds: readonly string[];
  readonly indicators: readonly IndicatorView[];
}

/** An action with its tasks. */
export interface ActionView<T extends TaskView = TaskView> {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly titleEn: string;
  readonly light: Light;
  readonly tasks: readonly T[];
}

/** A goal with its actions. */
export interface GoalView<T extends TaskView = TaskView> {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly titleEn: string;
  readonly light: Light;
  readonly actions: ReadonlyArray<ActionView<T>>;
}

/** The answer of GET /api/plan/progress: approved data only, no unit details. */
export interface Progress {
  readonly planId: string;
  readonly today: string;
  readonly counts: Readonly<Record<Light, number>>;
  readonly goals: readonly GoalView[];
}

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
