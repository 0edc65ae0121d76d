/**
 * Reports and supervision over HTTP, for signed-in staff:
 *   GET  /api/reports?period=&unit=&state=&task=     what the caller may see
 *   POST /api/reports                                a unit starts its report {taskNumber, period}
 *   GET  /api/reports/{id}, PUT /api/reports/{id}    read, write {taskStatus, narrative, values}
 *   POST /api/reports/{id}/submit|return|approve     the workflow {comment}
 *   GET  /api/reports/{id}/history                   every submission and decision, with snapshots
 *   POST /api/reports/{id}/attachments               evidence: the raw file, its name in X-File-Name
 *   GET  /api/reports/{id}/attachments/{attachment}  download
 *   GET  /api/plan/dashboard, /api/plan/overdue      the working group's views
 *   GET  /api/plan/evaluation.xlsx|html|pdf?stage=   mid-term or final evaluation report
 *   GET  /api/plan/export.xlsx, POST /api/plan/import/values   spreadsheets in and out
 *   GET  /api/audit                                  the audit trail (administrators)
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { type StaffGuard, readAudit } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, type ErrorBody } from "../platform/errors.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { Dashboard } from "./dashboard.ts";
import { type EvidenceFolder, MAX_EVIDENCE_BYTES } from "./evidence-files.ts";
import type { PlanBook } from "./plan-book.ts";
import { planRoles } from "./plan-permissions.ts";
import type { ReportService } from "./report-service.ts";
import type { ReportStore } from "./report-store.ts";
import { REPORT_STATES, mayRead } from "./report-workflow.ts";
import type { PdfPrinter } from "../platform/print-pdf.ts";
import { EVALUATION_STAGES, buildEvaluation } from "./evaluation.ts";
import { evaluationPage } from "./evaluation-page.ts";
import { evaluationWorkbook } from "./evaluation-workbook.ts";
import { overdueReports } from "./overdue.ts";
import { exportPlanWorkbook, importValues, readValuesWorkbook } from "./plan-workbooks.ts";
import { type PeriodKind, cityToday } from "./periods.ts";
import { requirePlan } from "./plan-routes.ts";

export interface ReportRouteContext {
  db: Database;
  guard: StaffGuard;
  service: ReportService;
  store: ReportStore;
  evidence: EvidenceFolder;
  book: () => PlanBook | null;
  dashboard: () => Promise<Dashboard | null>;
  periodKind: PeriodKind;
  /** Prints evaluations one at a time and keeps each stage's last PDF. */
  printer: PdfPrinter;
}

const idParams = z.object({ id: z.uuid() });
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const listQuery = z.object({
  period: z.string().max(10).optional(),
  unit: z.string().max(80).optional(),
  state: z.enum(REPORT_STATES).optional(),
  task: z.coerce.number().int().min(1).max(1000).optional(),
}).strict();

export function registerReportRoutes(app: FastifyInstance, context: ReportRouteContext): void {
  const { guard, service, store } = context;

  app.get("/api/reports", async (request) => {
    const user = await guard.require(request, planRoles("reports.read"));
    const book = requirePlan(context.book());
    const q = parseRequest(listQuery, request.query);
    const unitId = user.role === "reporter" ? (user.unitId ?? "") : q.unit;
    const reports = await store.list({ planId: book.plan.id, period: q.period, unitId, state: q.state, taskNumber: q.task });
    return { reports: reports.filter((r) => mayRead(user, r)) };
  });

  app.post("/api/reports", async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.write"));
    return reply.code(201).send({ report: await service.create(user, request.body) });
  });

  app.get("/api/reports/:id", async (request) => {
    const user = await guard.require(request, planRoles("reports.read"));
    return { report: await service.read(user, parseRequest(idParams, request.params).id) };
  });

  app.put("/api/reports/:id", async (request) => {
    const user = await guard.require(request, planRoles("reports.write"));
    return { report: await service.write(user, parseRequest(idParams, request.params).id, request.body) };
  });

  for (const action of ["submit", "return", "approve"] as const) {
    app.post(`/api/reports/:id/${action}`, async (request) => {
      const user = await guard.require(request, planRoles(action === "submit" ? "reports.write" : "reports.decide"));
      return { report: await service.decide(user, parseRequest(idParams, request.params).id, action, request.body) };
    });
  }

  app.get("/api/reports/:id/history", async (request) => {
    const user = await guard.require(request, planRoles("reports.read"));
    const report = await service.read(user, parseRequest(idParams, request.params).id);
    return { history: await store.history(report.id) };
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/reports/:id/attachments", mediaTypes: ["application/octet-stream"], bodyLimit: MAX_EVIDENCE_BYTES, authorize: (request) => guard.require(request, planRoles("reports.write")) }, async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.write"));
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", "send the file itself as application/octet-stream");
    let name: string;
    try {
      name = decodeURIComponent(String(request.headers["x-file-name"] ?? ""));
    } catch {
      throw ApiError.invalid("x-file-name", "the file name must be percent-encoded UTF-8 (encodeURIComponent)");
    }
    return reply.code(201).send({ report: await service.attach(user, parseRequest(idParams, request.params).id, name, request.body) });
  });

  app.get("/api/reports/:id/attachments/:attachment", async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.read"));
    const params = parseRequest(z.object({ id: z.uuid(), attachment: z.uuid() }), request.params);
    const report = await service.read(user, params.id);
    const meta = report.attachments.find((a) => a.id === params.attachment);
    const content = meta ? context.evidence.read(meta.sha256) : null;
    if (!meta || !content) throw ApiError.notFound("attachment");
    return reply
      .type(meta.mediaType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
      .header("x-content-type-options", "nosniff")
      .send(content);
  });

  app.get("/api/plan/dashboard", async (request) => {
    await guard.require(request, planRoles("dashboard.read"));
    const dashboard = await context.dashboard();
    if (!dashboard) throw ApiError.notFound("action plan");
    return dashboard;
  });

  app.get("/api/plan/overdue", async (request) => {
    await guard.require(request, planRoles("overdue.read"));
    const book = requirePlan(context.book());
    const today = cityToday();
    return { today, units: overdueReports(book, await store.list({ planId: book.plan.id }), today, context.periodKind) };
  });

  const evaluationQuery = z.object({ stage: z.enum(EVALUATION_STAGES).default("mid-term") }).strict();
  const evaluationOf = async (request: FastifyRequest) => {
    await guard.require(request, planRoles("evaluations.read"));
    const book = requirePlan(context.book());
    const { stage } = parseRequest(evaluationQuery, request.query);
    const reports = await store.list({ planId: book.plan.id });
    return { book, evaluation: buildEvaluation(book, reports, { stage, today: cityToday(), periodKind: context.periodKind }) };
  };
  const download = (stage: string, extension: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`儿童友好城市建设${stage === "final" ? "终期" : "中期"}评估.${extension}`)}`;

  app.get("/api/plan/evaluation.xlsx", async (request, reply) => {
    const { book, evaluation } = await evaluationOf(request);
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", download(evaluation.stage, "xlsx"))
      .send(await evaluationWorkbook(book, evaluation));
  });

  app.get("/api/plan/evaluation.html", async (request, reply) => {
    const { book, evaluation } = await evaluationOf(request);
    return reply.type("text/html; charset=utf-8").header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'").send(evaluationPage(book, evaluation));
  });

  app.get("/api/plan/evaluation.pdf", async (request, reply) => {
    const { book, evaluation } = await evaluationOf(request);
    const printed = await context.printer.print(`${book.plan.id}:${evaluation.stage}`, evaluationPage(book, evaluation));
    if (!printed.ok && printed.reason === "no_chromium") throw new ApiError(503, "unavailable", "no Chromium on this server to print with; open evaluation.html and print it");
    if (!printed.ok) {
      const body: ErrorBody = { code: "unavailable", message: `other evaluations are being printed; try again in ${printed.retryAfterSeconds} s, or open evaluation.html and print it`, field: null };
      return reply.code(503).header("retry-after", String(printed.retryAfterSeconds)).send(body);
    }
    return reply.type("application/pdf").header("content-disposition", download(evaluation.stage, "pdf")).send(printed.pdf);
  });

  app.get("/api/plan/export.xlsx", async (request, reply) => {
    await guard.require(request, planRoles("values.export"));
    const book = requirePlan(context.book());
    const reports = (await store.list({ planId: book.plan.id })).filter((r) => r.state !== "draft");
    return reply
      .type(XLSX_TYPE)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("儿童友好城市建设报送数据.xlsx")}`)
      .send(await exportPlanWorkbook(book, reports));
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/plan/import/values", mediaTypes: [XLSX_TYPE], bodyLimit: MAX_EVIDENCE_BYTES, authorize: (request) => guard.require(request, planRoles("values.import")) }, async (request, reply) => {
    const user = await guard.require(request, planRoles("values.import"));
    const book = requirePlan(context.book());
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", `send the workbook itself as ${XLSX_TYPE}`);
    const read = await readValuesWorkbook(request.body, book, context.periodKind, cityToday());
    if (!read.ok) {
      const first = read.problems[0]!;
      return reply.code(400).send({ code: "invalid_parameter", message: `row ${first.row}, ${first.column}: ${first.message}; nothing was imported`, field: first.column, problems: read.problems });
    }
    const result = await importValues(context.db, store, book, user, read.rows);
    if ("conflict" in result) throw ApiError.conflict(`${result.conflict}; nothing was imported`);
    return result;
  });

  app.get("/api/audit", async (request) => {
    await guard.require(request, planRoles("audit.read"));
    const q = parseRequest(z.object({ target: z.string().max(120).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict(), request.query);
    return { entries: await readAudit(context.db, { target: q.target, limit: q.limit }) };
  });
}
