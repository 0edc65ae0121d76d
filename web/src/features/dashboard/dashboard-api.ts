/**
 * Client of the staff dashboard: every task with who reports on it and how far they are,
 * the units' rows, and the overdue list (administrators, reviewers and leaders).
 */
import { getJson } from "../../shared/api.ts";
import { ApiError, getField } from "../../shared/http.ts";
import { type ChasedPeriod, hasGoalTree, type GoalView, type LateReport, type Light, type ReportState, type TaskStatus, type TaskView } from "../../shared/plan-ui/index.ts";

/** Who reports on a task for the period, and how far they are. */
export interface Reporting {
  readonly unitId: string;
  readonly period: string;
  readonly state: ReportState | null;
  readonly reminder: Light;
  readonly taskStatus: TaskStatus | null;
  readonly daysLate?: number;
}

/** A task of the staff dashboard. */
export interface StaffTaskView extends TaskView {
  readonly reporting: readonly Reporting[];
  /** Why the task is red: its late reports. */
  readonly late?: readonly LateReport[];
}

/** One unit's row of the dashboard: reports expected, submitted, approved, overdue. */
export interface UnitRow {
  readonly unitId: string;
  readonly name: string;
  readonly expected: number;
  readonly submitted: number;
  readonly approved: number;
  readonly overdue: number;
  readonly light: Light;
}

/** The answer of GET /api/plan/dashboard. */
export interface Dashboard {
  readonly today: string;
  readonly period: ChasedPeriod | null;
  /** The day the city began reporting in the system. */
  readonly reportingStarts?: string;
  readonly counts: Readonly<Record<Light, number>>;
  readonly goals: ReadonlyArray<GoalView<StaffTaskView>>;
  readonly units: readonly UnitRow[];
}

/** A unit's owed reports, from GET /api/plan/overdue. */
export interface UnitArrears {
  readonly unitId: string;
  readonly name: string;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly owed: ReadonlyArray<{ readonly taskNumber: number; readonly period: string; readonly due: string; readonly state: ReportState | null; readonly reminder: "yellow" | "red"; readonly daysLate?: number }>;
}

/** GET /api/plan/dashboard. */
export async function fetchDashboard(): Promise<Dashboard> {
  const body = await getJson("/api/plan/dashboard");
  if (!hasGoalTree(body) || !Array.isArray((body as Record<string, unknown>).units)) throw new ApiError(500, "bad_response", "dashboard answer has no goals or units");
  return body as unknown as Dashboard;
}

/** GET /api/plan/overdue (administrators, reviewers and leaders). */
export const fetchOverdue = (): Promise<UnitArrears[]> => getField<UnitArrears[]>("/api/plan/overdue", "units", Array.isArray);

/** A child's or family's idea unanswered past the city's deadline, from GET /api/plan/overdue. */
export interface OverdueIdea {
  readonly ideaId: string;
  readonly title: string;
  readonly unitName: string | null;
  readonly taskNumber: number | null;
  readonly daysWaiting: number;
}

/** The overdue ideas beside the overdue reports (same readers). */
export const fetchOverdueIdeas = (): Promise<OverdueIdea[]> => getField<OverdueIdea[]>("/api/plan/overdue", "ideas", Array.isArray);
