/**
 * Unit reports in the database: one row per unit, task and period, its indicator values,
 * its evidence files, and an event per submission and decision with a snapshot of what
 * was submitted, so the history survives every re-submission.
 */
import { randomUUID } from "node:crypto";
import type { Database, Queryable, SqlValue } from "../platform/database/database.ts";
import type { ReportAction, ReportState, TaskStatus } from "./report-workflow.ts";

export interface ReportValue {
  indicatorId: string;
  /** The district the value is for; null for a city-wide value. */
  districtUnitId: string | null;
  value: number;
  measuredOn: string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface Report {
  id: string;
  planId: string;
  unitId: string;
  taskNumber: number;
  period: string;
  state: ReportState;
  taskStatus: TaskStatus;
  narrative: string;
  revision: number;
  reviewComment: string | null;
  createdBy: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  values: ReportValue[];
  attachments: AttachmentMeta[];
}

export interface ReportEvent {
  revision: number;
  action: ReportAction;
  userId: string;
  /** The person's display name, so the history reads "张三 submitted". */
  userName: string | null;
  at: string;
  comment: string | null;
  snapshot: { taskStatus: TaskStatus; narrative: string; values: ReportValue[] };
}

type ReportRow = Record<string, unknown> & {
  id: string; plan_id: string; unit_id: string; task_number: number | string; period: string; state: string; task_status: string;
  narrative: string; revision: number | string; review_comment: string | null; created_by: string; updated_at: string;
  submitted_at: string | null; decided_at: string | null;
};

export interface ReportFilter {
  planId: string;
  period?: string;
  unitId?: string;
  state?: ReportState;
  taskNumber?: number;
}

function fromRow(row: ReportRow): Report {
  return {
    id: row.id, planId: row.plan_id, unitId: row.unit_id, taskNumber: Number(row.task_number), period: row.period,
    state: row.state as ReportState, taskStatus: row.task_status as TaskStatus, narrative: row.narrative, revision: Number(row.revision),
    reviewComment: row.review_comment, createdBy: row.created_by, updatedAt: row.updated_at, submittedAt: row.submitted_at,
    decidedAt: row.decided_at, values: [], attachments: [],
  };
}

export class ReportStore {
  constructor(private readonly db: Database) {}

  /** Reports matching the filter, with their values (attachments only through get()). */
  async list(filter: ReportFilter): Promise<Report[]> {
    const where: string[] = ["plan_id = ?"];
    const params: SqlValue[] = [filter.planId];
    for (const [column, value] of [["period", filter.period], ["unit_id", filter.unitId], ["state", filter.state], ["task_number", filter.taskNumber]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.all<ReportRow>(`SELECT * FROM plan_reports WHERE ${where.join(" AND ")} ORDER BY period, task_number, unit_id`, params);
    const reports = rows.map(fromRow);
    const byId = new Map(reports.map((r) => [r.id, r]));
    const values = await this.db.all<{ report_id: string; indicator_id: string; district_unit_id: string; value: number | string; measured_on: string }>(
      `SELECT v.* FROM plan_report_values v JOIN plan_reports r ON r.id = v.report_id WHERE ${where.map((w) => `r.${w}`).join(" AND ")} ORDER BY v.indicator_id, v.district_unit_id`,
      params,
    );
    for (const v of values) byId.get(v.report_id)?.values.push({ indicatorId: v.indicator_id, districtUnitId: v.district_unit_id || null, value: Number(v.value), measuredOn: v.measured_on });
    return reports;
  }

  async get(id: string): Promise<Report | null> {
    const rows = await this.db.all<ReportRow>("SELECT * FROM plan_reports WHERE id = ?", [id]);
    if (!rows[0]) return null;
    const [report] = await this.list({ planId: rows[0].plan_id, unitId: rows[0].unit_id, period: rows[0].period, taskNumber: Number(rows[0].task_number) });
    report!.attachments = await this.attachments(id);
    return report!;
  }

  async find(planId: string, unitId: string, taskNumber: number, period: string): Promise<Report | null> {
    const [report] = await this.list({ planId, unitId, taskNumber, period });
    return report ?? null;
  }

  async create(tx: Queryable, report: { planId: string; unitId: string; taskNumber: number; period: string; createdBy: string }): Promise<string> {
    const id = randomUUID();
    await tx.run(
      `INSERT INTO plan_reports (id, plan_id, unit_id, task_number, period, state, task_status, narrative, revision, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, 'draft', 'not_started', '', 0, ?, ?)`,
      [id, report.planId, report.unitId, report.taskNumber, report.period, report.createdBy, new Date().toISOString()],
    );
    return id;
  }

  /** Replaces the report's status, narrative and values. */
  async write(tx: Queryable, id: string, content: { taskStatus: TaskStatus; narrative: string; values: readonly ReportValue[] }): Promise<void> {
    await tx.run("UPDATE plan_reports SET task_status = ?, narrative = ?, updated_at = ? WHERE id = ?", [content.taskStatus, content.narrative, new Date().toISOString(), id]);
    await tx.run("DELETE FROM plan_report_values WHERE report_id = ?", [id]);
    for (const v of content.values) {
      await tx.run("INSERT INTO plan_report_values (report_id, indicator_id, district_unit_id, value, measured_on) VALUES (?, ?, ?, ?, ?)", [id, v.indicatorId, v.districtUnitId ?? "", v.value, v.measuredOn]);
    }
  }

  /** Moves the report to a new state and records the event with a snapshot of its content. */
  async transition(tx: Queryable, report: Report, change: { action: ReportAction; state: ReportState; userId: string; comment: string | null }): Promise<void> {
    const at = new Date().toISOString();
    const revision = change.action === "submit" ? report.revision + 1 : report.revision;
    const submittedAt = change.action === "submit" ? at : report.submittedAt;
    const decidedAt = change.action === "submit" ? report.decidedAt : at;
    const comment = change.action === "return" || change.action === "approve" ? change.comment : report.reviewComment;
    await tx.run("UPDATE plan_reports SET state = ?, revision = ?, submitted_at = ?, decided_at = ?, review_comment = ?, updated_at = ? WHERE id = ?", [
      change.state, revision, submittedAt, decidedAt, comment, at, report.id,
    ]);
    const snapshot = JSON.stringify({ taskStatus: report.taskStatus, narrative: report.narrative, values: report.values });
    await tx.run("INSERT INTO plan_report_events (id, report_id, revision, action, user_id, at, comment, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
      randomUUID(), report.id, revision, change.action, change.userId, at, change.comment, snapshot,
    ]);
  }

  async history(id: string): Promise<ReportEvent[]> {
    const rows = await this.db.all<{ revision: number | string; action: string; user_id: string; display_name: string | null; at: string; comment: string | null; snapshot: string }>(
      `SELECT e.revision, e.action, e.user_id, u.display_name, e.at, e.comment, e.snapshot
       FROM plan_report_events e LEFT JOIN staff_users u ON u.id = e.user_id WHERE e.report_id = ? ORDER BY e.at, e.revision`,
      [id],
    );
    return rows.map((r) => ({ revision: Number(r.revision), action: r.action as ReportAction, userId: r.user_id, userName: r.display_name, at: r.at, comment: r.comment, snapshot: JSON.parse(r.snapshot) as ReportEvent["snapshot"] }));
  }

  async addAttachment(tx: Queryable, reportId: string, meta: Omit<AttachmentMeta, "id" | "uploadedAt">, userId: string): Promise<AttachmentMeta> {
    const attachment = { id: randomUUID(), ...meta, uploadedAt: new Date().toISOString() };
    await tx.run("INSERT INTO plan_attachments (id, report_id, file_name, media_type, bytes, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
      attachment.id, reportId, meta.fileName, meta.mediaType, meta.bytes, meta.sha256, userId, attachment.uploadedAt,
    ]);
    return attachment;
  }

  async attachments(reportId: string): Promise<AttachmentMeta[]> {
    const rows = await this.db.all<{ id: string; file_name: string; media_type: string; bytes: number | string; sha256: string; uploaded_at: string }>(
      "SELECT id, file_name, media_type, bytes, sha256, uploaded_at FROM plan_attachments WHERE report_id = ? ORDER BY uploaded_at",
      [reportId],
    );
    return rows.map((r) => ({ id: r.id, fileName: r.file_name, mediaType: r.media_type, bytes: Number(r.bytes), sha256: r.sha256, uploadedAt: r.uploaded_at }));
  }
}
