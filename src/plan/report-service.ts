/**
 * What staff do with reports, each step checked three ways before anything is written:
 * the input's shape (zod), the plan (the task exists, the unit carries it, the indicator
 * belongs to it, a district reporter writes only its district's values) and the workflow
 * (role, unit and state). Every change is one transaction with its audit entry.
 */
import { recordAudit, type StaffUser } from "../accounts/index.ts";
import { decisionSchema, newReportSchema, reportContentSchema } from "../core/api/plan.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { type PeriodKind, cityToday, parsePeriod } from "./periods.ts";
import { valueProblem } from "./indicator-kinds.ts";
import { type UnitArrears, overdueReports } from "./overdue.ts";
import type { PlanBook } from "./plan-book.ts";
import { type AttachmentMeta, type Report, type ReportEvent, type ReportStore, type ReportValue } from "./report-store.ts";
import { type ReportAction, type ReportState, mayRead, nextState, refusal } from "./report-workflow.ts";
import { requirePlan } from "./supervision-service.ts";
import { checkEvidence, cleanEvidence, cleanFileName, type EvidenceStore } from "./evidence-files.ts";

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
  evidence: EvidenceStore;
  today?: () => string;
  /** When the city began reporting in the system, given the plan's reports (reporting-start.ts). */
  reportingStart?: (reports: readonly Report[]) => string;
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

  /**
   * What a unit owes, oldest first (overdue.ts): a reporter's own unit, or for those who
   * read every report the unit asked for. Each owed report that is already started names its id.
   */
  async owed(user: StaffUser, unit: string | undefined): Promise<{ today: string; reportingStarts: string; owed: Array<UnitArrears["owed"][number] & { reportId: string | null }> }> {
    const book = requirePlan(this.context.book());
    const unitId = user.role === "reporter" ? (user.unitId ?? "") : (unit ?? "");
    const all = await this.context.store.list({ planId: book.plan.id });
    const today = this.today();
    const reportingStarts = this.context.reportingStart?.(all) ?? `${book.plan.period.start}-01-01`;
    const mine = overdueReports(book, all, today, this.context.periodKind, reportingStarts).find((u) => u.unitId === unitId);
    const idOf = new Map(all.filter((r) => r.unitId === unitId).map((r) => [`${r.taskNumber}|${r.period}`, r.id]));
    const owed = (mine?.owed ?? [])
      .map((o) => ({ ...o, reportId: idOf.get(`${o.taskNumber}|${o.period}`) ?? null }))
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.taskNumber - b.taskNumber));
    return { today, reportingStarts, owed };
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
    const content = meta ? await this.context.evidence.read(meta.sha256) : null;
    if (!meta || !content) throw ApiError.notFound(say("附件", "attachment"));
    return { meta, content };
  }

  async read(user: StaffUser, id: string): Promise<Report> {
    const report = await this.context.store.get(id);
    // A report one may not read is answered like one that does not exist.
    if (!report || !mayRead(user, report)) throw ApiError.notFound(say("报告", "report"));
    return report;
  }

  async create(user: StaffUser, input: unknown): Promise<Report> {
    const { taskNumber, period } = parseRequest(newReportSchema, input);
    const book = this.book();
    const task = book.task(taskNumber);
    if (!task) throw ApiError.invalid("taskNumber", say(`行动计划没有第 ${taskNumber} 项任务`, `the plan has no task ${taskNumber}`));
    const parsedPeriod = parsePeriod(period, this.context.periodKind);
    if (!parsedPeriod) {
      const kind = this.context.periodKind;
      const example = kind === "quarter" ? "2025-Q3" : kind === "half" ? "2025-H2" : "2025";
      throw ApiError.invalid("period", say(`报送期应写成 ${example} 这样`, `a ${kind} like ${example}`));
    }
    if (parsedPeriod.start > this.today()) throw ApiError.invalid("period", say("这一期还没有开始", "that period has not started yet"));
    const unitId = user.unitId ?? "";
    this.check("create", user, { unitId, state: (await this.context.store.find(book.plan.id, unitId, taskNumber, period))?.state ?? null });
    if (!book.carries(unitId, task)) throw ApiError.forbidden(say(`第 ${taskNumber} 项任务不是本单位的任务`, `task ${taskNumber} is not one of your unit's tasks`));
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
      if (!indicator) throw ApiError.invalid(`${field}.indicatorId`, say(`行动计划没有指标“${v.indicatorId}”`, `the plan has no indicator "${v.indicatorId}"`));
      if (!indicator.taskNumbers.includes(report.taskNumber)) {
        throw ApiError.invalid(`${field}.indicatorId`, say(`“${indicator.name}”不是第 ${report.taskNumber} 项任务的指标`, `"${v.indicatorId}" is not an indicator of task ${report.taskNumber}`));
      }
      const problem = valueProblem(indicator, v.value);
      if (problem) throw ApiError.invalid(`${field}.value`, problem);
      if (v.districtUnitId !== null && !book.isDistrict(v.districtUnitId)) {
        throw ApiError.invalid(`${field}.districtUnitId`, say(`“${v.districtUnitId}”不是县市区`, `"${v.districtUnitId}" is not a county or district`));
      }
      if (user.unitId && book.isDistrict(user.unitId) && v.districtUnitId !== user.unitId) {
        const own = book.unit(user.unitId)?.name ?? user.unitId;
        throw ApiError.forbidden(say(`县市区填报员只能填报${own}的数值`, `a district reporter reports only values of ${user.unitId}`));
      }
      if (v.measuredOn > this.today()) throw ApiError.invalid(`${field}.measuredOn`, say("测量日期不能晚于今天", "the date measured is in the future"));
      const key = `${v.indicatorId}|${v.districtUnitId ?? ""}`;
      if (seen.has(key)) throw ApiError.invalid(field, say("同一指标和县市区填了两次", "the same indicator and district twice"));
      seen.add(key);
    });
  }

  /** submit, return or approve. */
  async decide(user: StaffUser, id: string, action: "submit" | "return" | "approve", input: unknown): Promise<Report> {
    const report = await this.read(user, id);
    this.check(action, user, report);
    const { comment } = parseRequest(decisionSchema, input ?? {});
    if (action === "return" && comment === "") throw ApiError.invalid("comment", say("请写明需要修改什么", "say what needs to change"));
    if (action === "submit" && report.narrative.trim() === "") throw ApiError.invalid("narrative", say("提交前请填写进展情况", "write the progress narrative before submitting"));
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
    if (!fileName) throw ApiError.invalid("x-file-name", say("文件名应为 1–120 个字符", "a file name of 1-120 characters"));
    const checked = checkEvidence(fileName, content);
    if (!checked.ok) throw ApiError.invalid("file", checked.message);
    if (report.attachments.length >= 20) throw ApiError.conflict(say("一份报告最多附 20 个文件", "a report may carry at most 20 files"));
    const stored = await cleanEvidence(checked.mediaType, content);
    if (!stored.ok) throw ApiError.invalid("file", stored.message);
    const bytes = stored.content.length;
    await this.context.db.transaction(async (tx) => {
      await this.context.evidence.save(tx, stored.sha256, stored.content);
      const saved = await this.context.store.addAttachment(tx, id, { fileName, mediaType: checked.mediaType, bytes, sha256: stored.sha256 }, user.id);
      await recordAudit(tx, { userId: user.id, action: "report.attach", target: `report:${id}`, detail: { attachment: saved.id, fileName, bytes } });
    });
    return (await this.context.store.get(id))!;
  }
}
