/**
 * The OpenAPI paths of search, routing, the plan and its supervision, staff accounts,
 * demonstration sites and coverage, merged into the document served at /api/openapi.json.
 * Who may call each is in access-table.ts; openapi.ts adds it to each operation.
 */
import { CATEGORY_IDS } from "../core/categories.ts";
import { FACILITY_IDS } from "../core/facilities.ts";
import { KIND_LABELS } from "../core/kinds.ts";
import { ACCESS_STANDARDS, MAX_ACCESS_MINUTES, MIN_ACCESS_MINUTES } from "../core/life-circles.ts";
import { LIMITS } from "../core/limits.ts";
import { PROFILE_IDS } from "../routing/index.ts";
import { MAX_QUERY_LENGTH } from "../search/index.ts";
import { fileBody, jsonBody } from "./openapi-bodies.ts";
import { type DraftPaths, UUID, created, file, json, ok, path, query, refusal } from "./openapi-parts.ts";

/** Enums that live in the plan domain; openapi.integration.test.ts checks these copies. */
export const REPORT_STATES = ["draft", "submitted", "returned", "approved"] as const;
export const EVALUATION_STAGES = ["mid-term", "final"] as const;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const flag = { type: "string", enum: ["true", "false", "1", "0"] };
const searchParameters = [
  query("q", `What was typed: Chinese, pinyin, initials or English, 1–${MAX_QUERY_LENGTH} characters`, { type: "string", minLength: 1, maxLength: MAX_QUERY_LENGTH }, "公园", true),
  query("lat", "User latitude (WGS-84), with lon", { type: "number", minimum: -90, maximum: 90 }, 26.89),
  query("lon", "User longitude (WGS-84), with lat", { type: "number", minimum: -180, maximum: 180 }, 112.57),
  query("limit", "Most hits (search 20, suggest 8 by default)", { type: "integer", minimum: 1, maximum: 50 }, 20),
  query("category", "Comma-separated categories (any of)", { type: "string", maxLength: 500, "x-items": CATEGORY_IDS }, "play"),
  query("facility", "Comma-separated facilities (all of)", { type: "string", maxLength: 500, "x-items": FACILITY_IDS }, "changing_table"),
  query("age", "A child's age in years", { type: "integer", minimum: 0, maximum: LIMITS.maxAge }, 6),
  query("open_now", "Only places open now", flag, "false"),
  query("district", "A county's 6-digit division code", { type: "string", pattern: "^\\d{6}$" }, "430405"),
  query("region", "Region id", { type: "string", pattern: "^[a-z][a-z0-9-]{1,39}$" }, "hengyang"),
];
const reportId = path("id", "Report id", "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23", UUID);
const stage = query("stage", "Which evaluation", { type: "string", enum: EVALUATION_STAGES, default: "mid-term" }, "mid-term");
const report = json("The report", { type: "object", properties: { report: { $ref: "#/components/schemas/Report" } } });
const coverageParameters = [
  query("region", "Region id", { type: "string", pattern: "^[a-z0-9-]{2,40}$" }, "monaco", true),
  query("standard", "A GB 50180 preset: its kinds and minutes replace kind and minutes", { type: "string", enum: ACCESS_STANDARDS.map((s) => s.id) }, undefined),
  query("kind", "Comma-separated kinds of place, when no standard", { type: "string", maxLength: 200, "x-items": Object.keys(KIND_LABELS) }, "playground"),
  query("minutes", "Walking minutes at a child's pace, when no standard", { type: "number", minimum: MIN_ACCESS_MINUTES, maximum: MAX_ACCESS_MINUTES }, 10),
  query("add", "Proposed sites, lon,lat;lon,lat (at most 10)", { type: "string", maxLength: 400 }, "7.4200,43.7350"),
  query("remove", "Place ids to close, comma-separated", { type: "string", maxLength: 4000 }, "osm:n1"),
];

/** Search, routing, the plan, staff accounts, reports, sites, the audit trail and coverage. */
export const MORE_PATHS: DraftPaths = {
  "/api/search": { get: { summary: "Search places by name, pinyin, initials, synonyms; ranked by text, distance, demonstration, open now", parameters: searchParameters, responses: ok("Hits, or a kind fallback", "SearchResult") } },
  "/api/suggest": { get: { summary: "Suggestions while typing (the same parameters as search)", parameters: searchParameters, responses: ok("Suggestions") } },
  "/api/route": {
    get: {
      summary: "Child-safe route (GeoJSON) with instructions and warnings",
      parameters: [
        query("from", "Start as lat,lon", { type: "string", maxLength: 60 }, "43.7384,7.4246", true),
        query("to", "End as lat,lon", { type: "string", maxLength: 60 }, "43.7311,7.4197", true),
        query("profile", "Who travels", { type: "string", enum: PROFILE_IDS, default: "child-walk" }, "child-walk"),
        query("lang", "Language of instructions", { type: "string", enum: ["zh", "en"], default: "zh" }, "zh"),
        query("alternatives", "Also return alternative routes", { ...flag, default: "false" }, "true"),
      ],
      responses: { ...ok("FeatureCollection of routes, safest first", "FeatureCollection"), ...refusal("404", "no_route: no route of this profile connects the points") },
    },
  },
  "/api/plan": { get: { summary: "The action plan: goals > actions > tasks with units and indicators", responses: { ...ok("Plan"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/tasks/{number}": { get: { summary: "One task with its text, milestones, units and indicators", parameters: [path("number", "Task number", 5, { type: "integer", minimum: 1, maximum: 1000 })], responses: ok("Task") } },
  "/api/plan/indicators": { get: { summary: "Indicators with 2025 and 2028 targets", responses: { ...ok("Indicators"), ...refusal("404", "No plan loaded") } } },
  "/api/units": { get: { summary: "Lead and participating units, with the tasks each leads", responses: { ...ok("Units"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/progress": { get: { summary: "Public progress: traffic lights and approved indicator values", responses: { ...ok("Progress"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/dashboard": { get: { summary: "Supervision dashboard", responses: { ...ok("Dashboard"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/overdue": { get: { summary: "Reports due soon or overdue, by unit", responses: { ...ok("Overdue"), ...refusal("404", "No plan loaded") } } },
  "/api/plan/evaluation.xlsx": { get: { summary: "Mid-term or final evaluation workbook", parameters: [stage], responses: { "200": file("Workbook", XLSX) } } },
  "/api/plan/evaluation.html": { get: { summary: "Printable evaluation report", parameters: [stage], responses: { "200": file("Page", "text/html") } } },
  "/api/plan/evaluation.pdf": { get: { summary: "Evaluation report as PDF, printed by Chromium", parameters: [stage], responses: { "200": file("PDF", "application/pdf"), ...refusal("503", "No Chromium on the server: use evaluation.html") } } },
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
      parameters: [
        query("period", "e.g. 2025-Q3, 2025-H2, 2025", { type: "string", maxLength: 10 }, "2026-Q3"),
        query("unit", "Unit id", { type: "string", maxLength: 80 }, "city-education-bureau"),
        query("state", "Report state", { type: "string", enum: REPORT_STATES }, "submitted"),
        query("task", "Task number", { type: "integer", minimum: 1, maximum: 1000 }, 5),
      ],
      responses: ok("Reports"),
    },
    post: { summary: "Start the caller's unit's report on a task for a period", requestBody: jsonBody("newReport", "Task and period"), responses: { ...created("The report"), ...refusal("409", "The unit already has this report") } },
  },
  "/api/reports/{id}": {
    get: { summary: "One report with values and attachments; 404 when the caller may not read it", parameters: [reportId], responses: { "200": report } },
    put: { summary: "Write status, narrative and values (the unit's reporter, draft or returned)", parameters: [reportId], requestBody: jsonBody("reportContent", "The report's content"), responses: { "200": report, ...refusal("409", "Not a draft or returned report") } },
  },
  "/api/reports/{id}/submit": { post: { summary: "Submit (the unit's reporter)", parameters: [reportId], requestBody: jsonBody("reportDecision", "An optional comment", false), responses: { "200": report, ...refusal("409", "Not a draft or returned report") } } },
  "/api/reports/{id}/return": { post: { summary: "Return with a comment (reviewer)", parameters: [reportId], requestBody: jsonBody("reportDecision", "What needs to change"), responses: { "200": report, ...refusal("409", "Not a submitted report") } } },
  "/api/reports/{id}/approve": { post: { summary: "Approve (reviewer)", parameters: [reportId], requestBody: jsonBody("reportDecision", "An optional comment", false), responses: { "200": report, ...refusal("409", "Not a submitted report") } } },
  "/api/reports/{id}/history": { get: { summary: "Submissions and decisions with snapshots", parameters: [reportId], responses: ok("History") } },
  "/api/reports/{id}/attachments": {
    post: {
      summary: "Attach evidence: PDF, PNG, JPEG, XLSX or DOCX, checked by its first bytes",
      parameters: [reportId, { name: "X-File-Name", in: "header", required: true, description: "The file name, percent-encoded UTF-8", schema: { type: "string" }, example: "%E8%AF%81%E6%98%8E.pdf" }],
      requestBody: fileBody(`The file, at most ${MAX_EVIDENCE_BYTES / 1048576} MB`, ["application/octet-stream"]),
      responses: { "201": report, ...refusal("409", "Not a draft or returned report") },
    },
  },
  "/api/reports/{id}/attachments/{attachment}": { get: { summary: "Download evidence", parameters: [reportId, path("attachment", "Attachment id", "5b2f7a9c-1d3e-4f60-8a7b-9c0d1e2f3a4b", UUID)], responses: { "200": file("The file", "application/octet-stream") } } },
  "/api/sites/rubrics": { get: { summary: "Demonstration-site rubrics per site type", responses: ok("Rubrics") } },
  "/api/sites/assessments": {
    get: { summary: "Assessments, optionally of one place", parameters: [query("placeId", "Place id", { type: "string", minLength: 1, maxLength: 200 }, "osm:w123")], responses: ok("Assessments") },
    post: { summary: "Score a place on its rubric; a pass certifies it", requestBody: jsonBody("assessment", "Every criterion's score"), responses: created("The assessment") },
  },
  "/api/audit": {
    get: {
      summary: "The audit trail, newest first",
      parameters: [query("target", "e.g. report:<id>", { type: "string", maxLength: 120 }, "user:3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23"), query("limit", "Most entries", { type: "integer", minimum: 1, maximum: 1000, default: 100 }, 100)],
      responses: ok("Entries"),
    },
  },
  "/api/coverage": {
    get: {
      summary: "Who lives within a walk of kinds of place: shares overall, per district and community, with what-if",
      parameters: [...coverageParameters, query("format", "json (summary), geojson (areas), streets, csv or xlsx", { type: "string", enum: ["json", "geojson", "streets", "csv", "xlsx"], default: "json" }, "json")],
      responses: { ...ok("Summary, or the export named by format"), ...refusal("404", "Region unknown, or without street network and residential areas") },
    },
  },
  "/api/coverage/suggest": {
    get: {
      summary: "The k best new sites (greedy maximal covering)",
      parameters: [...coverageParameters, query("k", "How many sites", { type: "integer", minimum: 1, maximum: 10, default: 3 }, 3)],
      responses: { ...ok("Suggestions"), ...refusal("404", "Region unknown, or without street network and residential areas") },
    },
  },
  "/api/coverage/standards": { get: { summary: "The GB 50180 presets and the population proxy", responses: ok("Standards") } },
};
