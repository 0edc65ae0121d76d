/**
 * Client of the staff API: sign-in, the session, unit reports and their workflow, evidence
 * files, the dashboard and the overdue list. The session lives in an HttpOnly cookie the
 * browser sends by itself; every change carries `x-tongxing-request: 1`, which the server
 * demands so that a form on another site cannot act for a signed-in user.
 */
import type { StaffRole } from "../../../../src/core/staff-roles.ts";
import { ApiError, getJson, isRecord, sendJson } from "../../shared/api.ts";
import { hasGoalTree, type GoalView, type Light, type TaskView } from "../progress/plan-api.ts";

/** The states of a report, as src/plan/report-workflow.ts names them. */
export const REPORT_STATES = ["draft", "submitted", "returned", "approved"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** What a unit says of its task's progress. */
export const TASK_STATUSES = ["not_started", "on_track", "at_risk", "delayed", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The signed-in member of staff. */
export interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly unitId: string | null;
}

/** One indicator value of a report. */
export interface ReportValue {
  readonly indicatorId: string;
  readonly districtUnitId: string | null;
  readonly value: number;
  readonly measuredOn: string;
}

/** An evidence file of a report. */
export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly uploadedAt: string;
}

/** A unit's report on one task for one period. */
export interface Report {
  readonly id: string;
  readonly unitId: string;
  readonly taskNumber: number;
  readonly period: string;
  readonly state: ReportState;
  readonly taskStatus: TaskStatus;
  readonly narrative: string;
  readonly revision: number;
  readonly reviewComment: string | null;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly values: readonly ReportValue[];
  readonly attachments: readonly Attachment[];
}

/** A submission or decision in a report's history, with what was submitted then. */
export interface ReportEvent {
  readonly revision: number;
  readonly action: "submit" | "return" | "approve" | "create" | "edit";
  readonly userId: string;
  readonly at: string;
  readonly comment: string | null;
  readonly snapshot: { readonly taskStatus: TaskStatus; readonly narrative: string; readonly values: readonly ReportValue[] };
}

/** What the unit writes: status, narrative, values. */
export interface ReportContent {
  readonly taskStatus: TaskStatus;
  readonly narrative: string;
  readonly values: readonly ReportValue[];
}

/** Who reports on a task for the period, and how far they are. */
export interface Reporting {
  readonly unitId: string;
  readonly period: string;
  readonly state: ReportState | null;
  readonly reminder: Light;
  readonly taskStatus: TaskStatus | null;
}

/** A task of the staff dashboard. */
export interface StaffTaskView extends TaskView {
  readonly reporting: readonly Reporting[];
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
  readonly period: { readonly id: string; readonly start: string; readonly end: string; readonly due: string } | null;
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
  readonly owed: ReadonlyArray<{ readonly taskNumber: number; readonly period: string; readonly due: string; readonly state: ReportState | null; readonly reminder: "yellow" | "red" }>;
}

/** A unit of the plan, from GET /api/units. */
export interface PlanUnit {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: string;
  readonly memberOf?: string;
}

/** Sends a change (POST/PUT) as JSON, or a file as raw bytes; an error answer becomes an ApiError. */
/** A staff change: JSON (an empty object when there is no body), or a file as octet-stream. */
function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  if (body instanceof Blob) return sendJson(method, path, body, { "content-type": "application/octet-stream", ...headers });
  return sendJson(method, path, body ?? {}, headers);
}

function field<T>(body: unknown, key: string, check: (value: unknown) => boolean): T {
  if (!isRecord(body) || !check(body[key])) throw new ApiError(500, "bad_response", `answer has no ${key}`);
  return body[key] as T;
}

const isReport = (value: unknown): boolean => isRecord(value) && typeof value.id === "string" && Array.isArray(value.values);
const isUser = (value: unknown): boolean => isRecord(value) && typeof value.role === "string" && typeof value.username === "string";

/** The signed-in user, or null when nobody is (401). */
export async function fetchMe(): Promise<StaffUser | null> {
  try {
    return field<StaffUser>(await getJson("/api/auth/me"), "user", isUser);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** POST /api/auth/login. */
export async function signIn(username: string, password: string): Promise<StaffUser> {
  return field<StaffUser>(await send("POST", "/api/auth/login", { username, password }), "user", isUser);
}

/** POST /api/auth/logout. */
export async function signOut(): Promise<void> {
  await send("POST", "/api/auth/logout");
}

/** GET /api/reports with optional filters. */
export async function listReports(filter: { period?: string; state?: ReportState; task?: number } = {}): Promise<Report[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  return field<Report[]>(await getJson(`/api/reports?${params}`), "reports", Array.isArray);
}

/** GET /api/reports/{id}. */
export async function fetchReport(id: string): Promise<Report> {
  return field<Report>(await getJson(`/api/reports/${encodeURIComponent(id)}`), "report", isReport);
}

/** GET /api/reports/{id}/history. */
export async function fetchHistory(id: string): Promise<ReportEvent[]> {
  return field<ReportEvent[]>(await getJson(`/api/reports/${encodeURIComponent(id)}/history`), "history", Array.isArray);
}

/** POST /api/reports: the unit starts its report on a task for a period. */
export async function createReport(taskNumber: number, period: string): Promise<Report> {
  return field<Report>(await send("POST", "/api/reports", { taskNumber, period }), "report", isReport);
}

/** PUT /api/reports/{id}. */
export async function saveReport(id: string, content: ReportContent): Promise<Report> {
  return field<Report>(await send("PUT", `/api/reports/${encodeURIComponent(id)}`, content), "report", isReport);
}

/** POST /api/reports/{id}/submit|return|approve with an optional comment. */
export async function decideReport(id: string, action: "submit" | "return" | "approve", comment = ""): Promise<Report> {
  return field<Report>(await send("POST", `/api/reports/${encodeURIComponent(id)}/${action}`, { comment }), "report", isReport);
}

/** POST /api/reports/{id}/attachments: the file itself, its name in X-File-Name. */
export async function attachFile(id: string, file: File): Promise<Report> {
  const answer = await send("POST", `/api/reports/${encodeURIComponent(id)}/attachments`, file, { "x-file-name": encodeURIComponent(file.name) });
  return field<Report>(answer, "report", isReport);
}

/** Where an evidence file downloads from (the session cookie authorises it). */
export function attachmentUrl(reportId: string, attachmentId: string): string {
  return `/api/reports/${encodeURIComponent(reportId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** GET /api/plan/dashboard. */
export async function fetchDashboard(): Promise<Dashboard> {
  const body = await getJson("/api/plan/dashboard");
  if (!hasGoalTree(body) || !Array.isArray((body as Record<string, unknown>).units)) throw new ApiError(500, "bad_response", "dashboard answer has no goals or units");
  return body as unknown as Dashboard;
}

/** GET /api/plan/overdue (administrators, reviewers and leaders). */
export async function fetchOverdue(): Promise<UnitArrears[]> {
  return field<UnitArrears[]>(await getJson("/api/plan/overdue"), "units", Array.isArray);
}

/** GET /api/units. */
export async function fetchUnits(): Promise<PlanUnit[]> {
  return field<PlanUnit[]>(await getJson("/api/units"), "units", Array.isArray);
}
