/**
 * Reports and supervision over HTTP, for signed-in staff:
 *   GET  /api/reports?period=&unit=&state=&task=     what the caller may see
 *   GET  /api/reports/owed?unit=                     what a unit still owes, oldest first (a reporter: its own)
 *   POST /api/reports                                a unit starts its report {taskNumber, period}
 *   GET  /api/reports/{id}, PUT /api/reports/{id}    read, write {taskStatus, narrative, values}
 *   POST /api/reports/{id}/submit|return|approve     the workflow {comment}
 *   GET  /api/reports/{id}/history                   every submission and decision, with snapshots
 *   POST /api/reports/{id}/attachments               evidence: the raw file, its name in X-File-Name
 *   GET  /api/reports/{id}/attachments/{attachment}  download
 *   GET  /api/plan/dashboard, /api/plan/overdue      the working group's views
 *   GET  /api/plan/evaluation.xlsx|html|pdf?stage=   mid-term or final evaluation report
 *   GET  /api/plan/export.xlsx, POST /api/plan/import/values   spreadsheets in and out
 * Each handler parses, checks the role, calls one function of ReportService or
 * SupervisionService and presents its answer.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import { evaluationQuery, reportListQuery } from "../core/api/plan.ts";
import { ApiError, type ErrorBody, say } from "../platform/errors.ts";
import { requestLanguage } from "../platform/http/language.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { Dashboard } from "./dashboard.ts";
import { MAX_EVIDENCE_BYTES } from "./evidence-files.ts";
import { planRoles } from "./plan-permissions.ts";
import type { ReportService } from "./report-service.ts";
import type { SupervisionService } from "./supervision-service.ts";
import { attachmentParams, uuidParams } from "../core/api/paths.ts";

export interface ReportRouteContext {
  guard: StaffGuard;
  service: ReportService;
  supervision: SupervisionService;
  dashboard: () => Promise<Dashboard | null>;
}

const idParams = uuidParams("Report id");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Reports as a Fastify plugin (registered by the plan domain, plan-supervision.ts). */
export async function reportRoutes(app: FastifyInstance, context: ReportRouteContext): Promise<void> {
  const { guard, service } = context;

  app.get("/api/reports", async (request) => {
    const user = await guard.require(request, planRoles("reports.read"));
    return { reports: await service.list(user, parseRequest(reportListQuery, request.query)) };
  });

  app.post("/api/reports", async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.write"));
    return reply.code(201).send({ report: await service.create(user, request.body) });
  });

  app.get("/api/reports/owed", async (request) => {
    const user = await guard.require(request, planRoles("reports.read"));
    const { unit } = parseRequest(reportListQuery.pick({ unit: true }), request.query);
    return service.owed(user, unit);
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
    return { history: await service.history(user, parseRequest(idParams, request.params).id) };
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/reports/:id/attachments", mediaTypes: ["application/octet-stream"], bodyLimit: MAX_EVIDENCE_BYTES, authorize: (request) => guard.require(request, planRoles("reports.write")) }, async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.write"));
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say("请直接发送文件本身（application/octet-stream）", "send the file itself as application/octet-stream"));
    let name: string;
    try {
      name = decodeURIComponent(String(request.headers["x-file-name"] ?? ""));
    } catch {
      throw ApiError.invalid("x-file-name", say("文件名须为百分号编码的 UTF-8（encodeURIComponent）", "the file name must be percent-encoded UTF-8 (encodeURIComponent)"));
    }
    return reply.code(201).send({ report: await service.attach(user, parseRequest(idParams, request.params).id, name, request.body) });
  });

  app.get("/api/reports/:id/attachments/:attachment", async (request, reply) => {
    const user = await guard.require(request, planRoles("reports.read"));
    const params = parseRequest(attachmentParams, request.params);
    const { meta, content } = await service.attachment(user, params.id, params.attachment);
    return reply
      .type(meta.mediaType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
      .header("x-content-type-options", "nosniff")
      .send(content);
  });

}

/** The working group's views of the whole plan as a Fastify plugin (registered by the plan domain). */
export async function supervisionRoutes(app: FastifyInstance, context: ReportRouteContext): Promise<void> {
  const { guard, supervision } = context;

  app.get("/api/plan/dashboard", async (request) => {
    await guard.require(request, planRoles("dashboard.read"));
    const dashboard = await context.dashboard();
    if (!dashboard) throw ApiError.notFound(say("行动计划", "action plan"));
    return dashboard;
  });

  app.get("/api/plan/overdue", async (request) => {
    await guard.require(request, planRoles("overdue.read"));
    return supervision.overdue();
  });

  const stageOf = async (request: FastifyRequest) => {
    await guard.require(request, planRoles("evaluations.read"));
    return parseRequest(evaluationQuery, request.query).stage;
  };
  const download = (stage: string, extension: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`儿童友好城市建设${stage === "final" ? "终期" : "中期"}评估.${extension}`)}`;

  app.get("/api/plan/evaluation.xlsx", async (request, reply) => {
    const stage = await stageOf(request);
    const workbook = await supervision.evaluationWorkbook(stage);
    return reply.type(XLSX_TYPE).header("content-disposition", download(stage, "xlsx")).send(workbook);
  });

  app.get("/api/plan/evaluation.html", async (request, reply) => {
    const page = await supervision.evaluationPage(await stageOf(request));
    return reply.type("text/html; charset=utf-8").header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'").send(page);
  });

  app.get("/api/plan/evaluation.pdf", async (request, reply) => {
    const stage = await stageOf(request);
    const printed = await supervision.evaluationPdf(stage);
    if (!printed.ok && printed.reason === "no_chromium") throw new ApiError(503, "unavailable", say("服务器上没有 Chromium，无法生成 PDF；请打开可打印网页版再打印", "no Chromium on this server to print with; open evaluation.html and print it"));
    if (!printed.ok) {
      const wait = printed.retryAfterSeconds;
      const text = say(`正在打印其他评估报告，请 ${wait} 秒后再试，或打开可打印网页版打印`, `other evaluations are being printed; try again in ${wait} s, or open evaluation.html and print it`);
      const body: ErrorBody = { code: "unavailable", message: text[requestLanguage(request)], field: null };
      return reply.code(503).header("retry-after", String(printed.retryAfterSeconds)).send(body);
    }
    return reply.type("application/pdf").header("content-disposition", download(stage, "pdf")).send(printed.pdf);
  });

  app.get("/api/plan/export.xlsx", async (request, reply) => {
    await guard.require(request, planRoles("values.export"));
    const workbook = await supervision.exportValues();
    return reply
      .type(XLSX_TYPE)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("儿童友好城市建设报送数据.xlsx")}`)
      .send(workbook);
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/plan/import/values", mediaTypes: [XLSX_TYPE], bodyLimit: MAX_EVIDENCE_BYTES, authorize: (request) => guard.require(request, planRoles("values.import")) }, async (request, reply) => {
    const user = await guard.require(request, planRoles("values.import"));
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请直接发送工作簿本身（${XLSX_TYPE}）`, `send the workbook itself as ${XLSX_TYPE}`));
    const imported = await supervision.importValues(user, request.body);
    if (!imported.ok) {
      const first = imported.problems[0]!;
      return reply.code(400).send({ code: "invalid_parameter", message: `row ${first.row}, ${first.column}: ${first.message}; nothing was imported`, field: first.column, problems: imported.problems });
    }
    const { ok: _ok, ...result } = imported;
    return result;
  });
}
