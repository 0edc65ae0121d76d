/**
 * The OpenAPI paths of search, routing, the plan and its supervision, staff accounts,
 * demonstration sites and coverage, merged into the document served at /api/openapi.json.
 * Who may call each is in access-table.ts; openapi.ts adds it to each operation.
 */
import { coverageQuery } from "../core/api/coverage.ts";
import { attachmentParams, taskNumberParams, uuidParams } from "../core/api/paths.ts";
import { auditQuery } from "../core/api/accounts.ts";
import { assessmentListQuery, evaluationQuery, reportListQuery } from "../core/api/plan.ts";
import { routeQuery } from "../core/api/routing.ts";
import { searchQuery } from "../core/api/search.ts";
import { fileBody, jsonBody } from "./openapi-bodies.ts";
import { type DraftPaths, created, file, json, ok, pathParameters, queryParameters, refusal, renamedParameters } from "./openapi-parts.ts";

/** The evidence limit lives in the plan domain; openapi.integration.test.ts checks this copy. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const searchParameters = queryParameters(searchQuery);
const reportId = pathParameters(uuidParams("Report id"));
const stage = queryParameters(evaluationQuery);
const report = json("The report", { type: "object", properties: { report: { $ref: "#/components/schemas/Report" } } });
const renamed = Object.entries(renamedParameters(coverageQuery)).map(([old, now]) => `${old}= is now ${now}= (400 naming it).`).join(" ");

/** Search, routing, the plan, staff accounts, reports, sites, the audit trail and coverage. */
export const MORE_PATHS: DraftPaths = {
  "/api/search": { get: { summary: "Search places by name, pinyin, initials, synonyms; ranked by text, distance, demonstration, open now", parameters: searchParameters, responses: ok("Hits, or a kind fallback", "SearchResult") } },
  "/api/suggest": { get: { summary: "Suggestions while typing (the same parameters as search)", parameters: searchParameters, responses: ok("Suggestions", "Suggestions") } },
  "/api/route": {
    get: {
      summary: "Child-safe route (GeoJSON) with instructions and warnings",
      parameters: queryParameters(routeQuery),
      responses: { ...ok("FeatureCollection of routes, safest first", "RouteCollection"), ...refusal("404", "no_route: no route of this profile connects the points") },
    },
  },
  "/api/plan": { get: { summary: "The action plan: goals > actions > tasks with units and indicators", responses: { ...ok("Plan"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/tasks/{number}": { get: { summary: "One task with its text, milestones, units and indicators", parameters: pathParameters(taskNumberParams), responses: ok("Task") } },
  "/api/plan/indicators": { get: { summary: "Indicators with 2025 and 2028 targets", responses: { ...ok("Indicators"), ...refusal("404", "No plan loaded") } } },
  "/api/units": { get: { summary: "Lead and participating units, with the tasks each leads", responses: { ...ok("Units"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/progress": { get: { summary: "Public progress: traffic lights and approved indicator values", responses: { ...ok("Traffic lights and approved values", "Progress"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/dashboard": { get: { summary: "Supervision dashboard", responses: { ...ok("Dashboard"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/overdue": { get: { summary: "Reports due soon or overdue, by unit", responses: { ...ok("Overdue"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/evaluation.xlsx": { get: { summary: "Mid-term or final evaluation workbook", parameters: stage, responses: { "200": file("Workbook", XLSX) } } },
  "/api/plan/evaluation.html": { get: { summary: "Printable evaluation report", parameters: stage, responses: { "200": file("Page", "text/html") } } },
  "/api/plan/evaluation.pdf": { get: { summary: "Evaluation report as PDF, printed by Chromium", parameters: stage, responses: { "200": file("PDF", "application/pdf"), ...refusal("503", "No Chromium on the server: use evaluation.html") } } },
  "/api/plan/export.xlsx": { get: { summary: "Units, reports and indicator values as a workbook", responses: { "200": file("Workbook", XLSX) } } },
  "/api/plan/import/values": { post: { summary: "Import indicator values from the workbook's sheet 指标值, all or nothing", requestBody: fileBody(`The workbook, at most ${MAX_EVIDENCE_BYTES / 1048576} MB`, [XLSX]), responses: { ...ok("Counts"), ...refusal("409", "A value conflicts with a report; nothing imported") } } },
  "/api/auth/login": { post: { summary: "Staff sign-in; sets the tx_session cookie", requestBody: jsonBody("staffLogin", "Username and password"), limited: true, responses: { ...ok("The user and when the session ends"), ...refusal("423", "This sign-in is paused after repeated wrong passwords from this device or address (the same answer for any name)") } } },
  "/api/auth/logout": { post: { summary: "Staff sign-out; clears the cookie", responses: ok("Signed out") } },
  "/api/auth/me": { get: { summary: "The signed-in staff user", responses: ok("The user") } },
  "/api/staff/users": {
    get: { summary: "Staff accounts", responses: ok("Users") },
    post: { summary: "Create a staff account; a reporter needs a unit, other roles none", requestBody: jsonBody("newStaffUser", "The account"), responses: created("The user") },
  },
  "/api/reports": {
    get: {
      summary: "Reports the caller may read (a reporter: its unit's)",
      parameters: queryParameters(reportListQuery),
      responses: ok("Reports"),
    },
    post: { summary: "Start the caller's unit's report on a task for a period", requestBody: jsonBody("newReport", "Task and period"), responses: { ...created("The report"), ...refusal("409", "The unit already has this report") } },
  },
  "/api/reports/owed": { get: { summary: "What a unit still owes, oldest period first, with days late and the report id once started (a reporter: its own unit; others name it with unit=)", parameters: queryParameters(reportListQuery.pick({ unit: true })), responses: ok("Owed reports") } },
  "/api/reports/{id}": {
    get: { summary: "One report with values and attachments; 404 when the caller may not read it", parameters: reportId, responses: { "200": report } },
    put: { summary: "Write status, narrative and values (the unit's reporter, draft or returned)", parameters: reportId, requestBody: jsonBody("reportContent", "The report's content"), responses: { "200": report, ...refusal("409", "Not a draft or returned report") } },
  },
  "/api/reports/{id}/submit": { post: { summary: "Submit (the unit's reporter)", parameters: reportId, requestBody: jsonBody("reportDecision", "An optional comment", false), responses: { "200": report, ...refusal("409", "Not a draft or returned report") } } },
  "/api/reports/{id}/return": { post: { summary: "Return with a comment (reviewer)", parameters: reportId, requestBody: jsonBody("reportDecision", "What needs to change"), responses: { "200": report, ...refusal("409", "Not a submitted report") } } },
  "/api/reports/{id}/approve": { post: { summary: "Approve (reviewer)", parameters: reportId, requestBody: jsonBody("reportDecision", "An optional comment", false), responses: { "200": report, ...refusal("409", "Not a submitted report") } } },
  "/api/reports/{id}/history": { get: { summary: "Submissions and decisions with snapshots", parameters: reportId, responses: ok("History") } },
  "/api/reports/{id}/attachments": {
    post: {
      summary: "Attach evidence: PDF, PNG, JPEG, XLSX or DOCX, checked by its first bytes",
      parameters: [...reportId, { name: "X-File-Name", in: "header", required: true, description: "The file name, percent-encoded UTF-8", schema: { type: "string" }, example: "%E8%AF%81%E6%98%8E.pdf" }],
      requestBody: fileBody(`The file, at most ${MAX_EVIDENCE_BYTES / 1048576} MB`, ["application/octet-stream"]),
      responses: { "201": report, ...refusal("409", "Not a draft or returned report") },
    },
  },
  "/api/reports/{id}/attachments/{attachment}": { get: { summary: "Download evidence", parameters: pathParameters(attachmentParams), responses: { "200": file("The file", "application/octet-stream") } } },
  "/api/sites/rubrics": { get: { summary: "Demonstration-site rubrics per site type", responses: ok("Rubrics") } },
  "/api/sites/assessments": {
    get: { summary: "Assessments, optionally of one place", parameters: queryParameters(assessmentListQuery), responses: ok("Assessments") },
    post: { summary: "Score a place on its rubric; a pass certifies it", requestBody: jsonBody("assessment", "Every criterion's score"), responses: created("The assessment") },
  },
  "/api/audit": {
    get: {
      summary: "The audit trail, newest first",
      parameters: queryParameters(auditQuery),
      responses: ok("Entries"),
    },
  },
  "/api/coverage": {
    get: {
      summary: "Who lives within a walk of kinds of place: shares overall, per district and community, with what-if",
      description: renamed,
      parameters: queryParameters(coverageQuery, ["k"]),
      responses: { ...ok("Summary (format=json), or the export named by format", "CoverageSummary"), ...refusal("404", "Region unknown, or without street network and residential areas") },
    },
  },
  "/api/coverage/suggest": {
    get: {
      summary: "The k best new sites (greedy maximal covering)",
      description: renamed,
      parameters: queryParameters(coverageQuery, ["format"]),
      responses: { ...ok("Suggestions"), ...refusal("404", "Region unknown, or without street network and residential areas") },
    },
  },
  "/api/coverage/standards": { get: { summary: "The GB 50180 presets and the population proxy", responses: ok("Standards") } },
};
