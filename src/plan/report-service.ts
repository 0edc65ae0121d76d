/**
 * What staff do with reports, each step checked three ways before anything is written:
 * the input's shape (zod), the plan (the task exists, the unit carries it, the indicator
 * belongs to it, a district reporter writes only its district's values) and the workflow
 * (role, unit and state). Every change is one transaction with its audit entry.
 */
import { recordAudit, type StaffUser } from "../accounts/index.ts";
import { decisionSchema, newReportSchema, reportContentSchema } from "../core/api/plan.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { type PeriodKind, cityToday, parsePeriod } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import { type AttachmentMeta, type Report, type ReportEvent, type ReportStore, type ReportValue } from "./report-store.ts";
import { type ReportAction, type ReportState, mayRead, nextState, refusal } from "./report-workflow.ts";
import { requirePlan } from "./supervision-service.ts";
import { checkEvidence, cleanEvidence, cleanFileName, type EvidenceFolder } from "./evidence-files.ts";

/** The bodies are the API contract's (src/core/api/plan.ts), which the web client imports too. */
export { decisionSchema, newReportSchema, reportContentSchema };

/** What a list of reports may be narrowed to (a reporter always sees its own unit's only). */
export interface ReportQuery {
  period?: string | undefined;
  unit?: string | undefined;
  state?: ReportState | undefined;
  task?: number | undefined;
}

export interface ReportServiceContext {
  db: Database;
  store: ReportStore;
  /** The plan in force; null while none is loaded. */
  book: () => PlanBook | null;
  periodKind: PeriodKind;
  evidence: EvidenceFolder;
  today?: () => string;
}

export class ReportService {
  constructor(private readonly context: ReportServiceContext) {}

  private today(): string {
    return this.context.today?.() ?? cityToday();
  }

  private check(action: ReportAction, user: StaffUser, report: { unitId: string; state: Report["state"] | null }): void {
    const refused = refusal(action, user, report);
    if (refused) throw refused.status === 403 ? ApiError.forbidden(refused.message) : ApiError.conflict(refused.message, "state");
  }

  /** The plan for writing steps; they are only reached with a plan loaded. */
  private book(): PlanBook {
    const book = this.context.book();
    if (!book) throw new Error("no plan loaded");
    return book;
  }

  /** The reports the caller may read, narrowed by the query. */
  async list(user: StaffUser, query: ReportQuery): Promise<Report[]> {
    const book = requirePlan(this.context.book());
    const unitId = user.role === "reporter" ? (user.unitId ?? "") : query.unit;
    const reports = await this.context.store.list({ planId: book.plan.id, period: query.period, unitId, state: query.state, taskNumber: query.task });
    return reports.filter((r) => mayRead(user, r));
  }

  /** Every submission and decision of a report the caller may read. */
  async history(user: StaffUser, id: string): Promise<ReportEvent[]> {
    const report = await this.read(user, id);
    return this.context.store.history(report.id);
  }

  /** One evidence file of a report the caller may read, with its stored bytes. */
  async attachment(user: StaffUser, id: string, attachmentId: string): Promise<{ meta: AttachmentMeta; content: Buffer }> {
    const report = await this.read(user, id);
    const meta = report.attachments.find((a) => a.id === attachmentId);
    const content = meta ? this.context.evidence.read(meta.sha256) : null;
    if (!meta || !content) throw ApiError.notFound("attachment");
    return { meta, content };
  }

  async read(user: StaffUser, id: string): Promise<Report> {
    const report = await this.context.store.get(id);
    // A report one may not read is answered like one that does not exist.
    if (!report || !mayRead(user, report)) throw ApiError.notFound("report");
    return report;
  }

  async create(user: StaffUser, input: unknown): Promise<Report> {
    const { taskNumber, period } = parseRequest(newReportSchema, input);
    const book = this.book();
    const task = book.task(taskNumber);
    if (!task) throw ApiError.invalid("taskNumber", `the plan has no task ${taskNumber}`);
    const parsedPeriod = parsePeriod(period, this.context.periodKind);
    if (!parsedPeriod) throw ApiError.invalid("period", `a ${this.context.periodKind} like ${this.context.periodKind === "quarter" ? "2025-Q3" : this.context.periodKind === "half" ? "2025-H2" : "2025"}`);
    if (parsedPeriod.start > this.today()) throw ApiError.invalid("period", "that period has not started yet");
    const unitId = user.unitId ?? "";
    this.check("create", user, { unitId, state: (await this.context.store.find(book.plan.id, unitId, taskNumber, period))?.state ?? null });
    if (!book.carries(unitId, task)) throw ApiError.forbidden(`task ${taskNumber} is not one of your unit's tasks`);
    const id = await this.context.db.transaction(async (tx) => {
      const created = await this.context.store.create(tx, { planId: book.plan.id, unitId, taskNumber, period, createdBy: user.id });
      await recordAudit(tx, { userId: user.id, action: "report.create", target: `report:${created}`, detail: { taskNumber, period, unitId } });
      return created;
    });
    return (await this.context.store.get(id))!;
  }

  async write(user: StaffUser, id: string, input: unknown): Promise<Report> {
    const report = await this.read(user, id);
    this.check("edit", user, report);
    const content = parseRequest(reportContentSchema, input);
    this.checkValues(user, report, content.values);
    await this.context.db.transaction(async (tx) => {
      await this.context.store.write(tx, id, content);
      await recordAudit(tx, { userId: user.id, action: "report.edit", target: `report:${id}`, detail: { taskStatus: content.taskStatus, values: content.values.length } });
    });
    return (await this.context.store.get(id))!;
  }

  private checkValues(user: StaffUser, report: Report, values: readonly ReportValue[]): void {
    const book = this.book();
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const field = `values.${i}`;
      const indicator = book.indicator(v.indicatorId);
      if (!indicator) throw ApiError.invalid(`${field}.indicatorId`, `the plan has no indicator "${v.indicatorId}"`);
      if (!indicator.taskNumbers.includes(report.taskNumber)) throw ApiError.invalid(`${field}.indicatorId`, `"${v.indicatorId}" is not an indicator of task ${report.taskNumber}`);
      if (v.districtUnitId !== null && !book.isDistrict(v.districtUnitId)) throw ApiError.invalid(`${field}.districtUnitId`, `"${v.districtUnitId}" is not a county or district`);
      if (user.unitId && book.isDistrict(user.unitId) && v.districtUnitId !== user.unitId) {
        throw ApiError.forbidden(`a district reporter reports only values of ${user.unitId}`);
      }
      if (v.measuredOn > this.today()) throw ApiError.invalid(`${field}.measuredOn`, "the date measured is in the future");
      const key = `${v.indicatorId}|${v.districtUnitId ?? ""}`;
      if (seen.has(key)) throw ApiError.invalid(field, "the same indicator and district twice");
      seen.add(key);
    });
  }

  /** submit, return or approve. */
  async decide(user: StaffUser, id: string, action: "submit" | "return" | "approve", input: unknown): Promise<Report> {
    const report = await this.read(user, id);
    this.check(action, user, report);
    const { comment } = parseRequest(decisionSchema, input ?? {});
    if (action === "return" && comment === "") throw ApiError.invalid("comment", "say what needs to change");
    if (action === "submit" && report.narrative.trim() === "") throw ApiError.invalid("narrative", "write the progress narrative before submitting");
    await this.context.db.transaction(async (tx) => {
      await this.context.store.transition(tx, report, { action, state: nextState(action, report.state), userId: user.id, comment: comment || null });
      await recordAudit(tx, { userId: user.id, action: `report.${action}`, target: `report:${id}`, detail: { comment } });
    });
    return (await this.context.store.get(id))!;
  }

  async attach(user: StaffUser, id: string, rawName: string, content: Buffer): Promise<Report> {
    const report = await this.read(user, id);
    this.check("edit", user, report);
    const fileName = cleanFileName(rawName);
    if (!fileName) throw ApiError.invalid("x-file-name", "a file name of 1-120 characters");
    const checked = checkEvidence(fileName, content);
    if (!checked.ok) throw ApiError.invalid("file", checked.message);
    if (report.attachments.length >= 20) throw ApiError.conflict("a report may carry at most 20 files");
    const stored = await cleanEvidence(checked.mediaType, content);
    if (!stored.ok) throw ApiError.invalid("file", stored.message);
    this.context.evidence.save(stored.sha256, stored.content);
    const bytes = stored.content.length;
    await this.context.db.transaction(async (tx) => {
      const saved = await this.context.store.addAttachment(tx, id, { fileName, mediaType: checked.mediaType, bytes, sha256: stored.sha256 }, user.id);
      await recordAudit(tx, { userId: user.id, action: "report.attach", target: `report:${id}`, detail: { attachment: saved.id, fileName, bytes } });
    });
    return (await this.context.store.get(id))!;
  }
}
