/**
 * The one link from the shared plan widgets to the plan client (features/progress/plan-api.ts):
 * its types and pure helpers, re-exported, plus the vocabulary of unit reports (states and task
 * statuses, as src/plan/report-workflow.ts names them) that the staff features share.
 */
export {
  LIGHTS,
  allTasks,
  fetchPlanTree,
  hasGoalTree,
  planTasks,
  type ActionView,
  type GoalView,
  type IndicatorView,
  type Light,
  type Observation,
  type PlanIndicator,
  type PlanTaskSummary,
  type PlanTree,
  type TaskView,
} from "../../features/progress/plan-api.ts";

/** The states of a report, as src/plan/report-workflow.ts names them. */
export const REPORT_STATES = ["draft", "submitted", "returned", "approved"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** What a unit says of its task's progress. */
export const TASK_STATUSES = ["not_started", "on_track", "at_risk", "delayed", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
