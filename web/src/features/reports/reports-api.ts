/**
 * Client of the unit reports API: reports and their workflow (submit, return, approve) and
 * evidence files. The staff session is an HttpOnly cookie the browser sends by itself;
 * shared/http.ts adds `x-tongxing-request: 1` to every change.
 */
import { field, getField, isRecord, segment, send, sendField } from "../../shared/http.ts";
import type { ReportState, TaskStatus } from "../../shared/plan-ui/index.ts";

export { REPORT_STATES, TASK_STATUSES, type ReportState, type TaskStatus } from "../../shared/plan-ui/index.ts";

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

const isReport = (value: unknown): boolean => isRecord(value) && typeof value.id === "string" && Array.isArray(value.values);

/** GET /api/reports with optional filters. */
export async function listReports(filter: { period?: string; state?: ReportState; task?: number; unit?: string } = {}): Promise<Report[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  return getField<Report[]>(`/api/reports?${params}`, "reports", Array.isArray);
}

/** GET /api/reports/{id}. */
export const fetchReport = (id: string): Promise<Report> => getField<Report>(`/api/reports/${segment(id)}`, "report", isReport);

/** GET /api/reports/{id}/history. */
export const fetchHistory = (id: string): Promise<ReportEvent[]> => getField<ReportEvent[]>(`/api/reports/${segment(id)}/history`, "history", Array.isArray);

/** POST /api/reports: the unit starts its report on a task for a period. */
export const createReport = (taskNumber: number, period: string): Promise<Report> => sendField<Report>("POST", "/api/reports", { taskNumber, period }, "report", isReport);

/** PUT /api/reports/{id}. */
export const saveReport = (id: string, content: ReportContent): Promise<Report> => sendField<Report>("PUT", `/api/reports/${segment(id)}`, content, "report", isReport);

/** POST /api/reports/{id}/submit|return|approve with an optional comment. */
export const decideReport = (id: string, action: "submit" | "return" | "approve", comment = ""): Promise<Report> =>
  sendField<Report>("POST", `/api/reports/${segment(id)}/${action}`, { comment }, "report", isReport);

/** POST /api/reports/{id}/attachments: the file itself, its name in X-File-Name. */
export async function attachFile(id: string, file: File): Promise<Report> {
  return field<Report>(await send("POST", `/api/reports/${segment(id)}/attachments`, file, { "x-file-name": encodeURIComponent(file.name) }), "report", isReport);
}

/** Where an evidence file downloads from (the session cookie authorises it). */
export function attachmentUrl(reportId: string, attachmentId: string): string {
  return `/api/reports/${segment(reportId)}/attachments/${segment(attachmentId)}`;
}

/** A report the unit owes (GET /api/reports/owed), oldest first; `reportId` once it is started. */
export interface OwedReport {
  readonly taskNumber: number;
  readonly period: string;
  readonly due: string;
  readonly state: ReportState | null;
  readonly reminder: "yellow" | "red";
  readonly daysLate: number;
  readonly reportId: string | null;
}

/** GET /api/reports/owed: what the caller's unit still owes, oldest first. */
export const fetchOwed = (): Promise<OwedReport[]> => getField<OwedReport[]>("/api/reports/owed", "owed", Array.isArray);
