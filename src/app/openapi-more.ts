/**
 * The OpenAPI paths of search, routing, plan supervision, staff accounts and demonstration
 * sites, merged into the document served at /api/openapi.json. Staff paths need the
 * tx_session cookie from POST /api/auth/login; their changes need `X-Tongxing-Request: 1`.
 */
const q = (name: string, description: string, schema: object = { type: "string" }, required = false) => ({ name, in: "query", required, description, schema });
const p = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const ok = (description: string, type = "application/json") => ({ "200": { description, content: { [type]: {} } } });
const staffErrors = { "401": { description: "Not signed in" }, "403": { description: "Role or unit may not" }, "400": { description: "Invalid input {code, message, field}" } };
const body = (description: string, type = "application/json") => ({ required: true, description, content: { [type]: {} } });
const staff = { security: [{ session: [] }] };

export const MORE_PATHS = {
  "/api/search": { get: { summary: "Search places by name, pinyin, initials, synonyms; ranked by text, distance, demonstration, open now", parameters: [q("q", "What was typed", {}, true), q("lat", "User latitude", { type: "number" }), q("lon", "User longitude", { type: "number" }), q("limit", "At most 50", { type: "integer" }), q("category", "Comma-separated categories")], responses: ok("Hits, or a kind fallback") } },
  "/api/suggest": { get: { summary: "Suggestions while typing", parameters: [q("q", "What was typed so far", {}, true), q("lat", "Latitude", { type: "number" }), q("lon", "Longitude", { type: "number" })], responses: ok("Suggestions") } },
  "/api/route": { get: { summary: "Child-safe route (GeoJSON) with instructions and warnings", parameters: [q("from", "lat,lon", {}, true), q("to", "lat,lon", {}, true), q("profile", "child-walk | stroller | child-bike | adult-walk"), q("lang", "zh | en"), q("alternatives", "Number of alternatives", { type: "integer" })], responses: ok("Route") } },
  "/api/plan": { get: { summary: "The action plan: goals > actions > tasks with units and indicators", responses: ok("Plan") } },
  "/api/plan/tasks/{number}": { get: { summary: "One task with its text, milestones, units and indicators", parameters: [p("number", "Task number")], responses: ok("Task") } },
  "/api/plan/indicators": { get: { summary: "Indicators with 2025 and 2028 targets", responses: ok("Indicators") } },
  "/api/units": { get: { summary: "Lead and participating units, with the tasks each leads", responses: ok("Units") } },
  "/api/plan/progress": { get: { summary: "Public progress: traffic lights and approved indicator values", responses: ok("Progress") } },
  "/api/plan/dashboard": { get: { ...staff, summary: "Supervision dashboard (staff)", responses: { ...ok("Dashboard"), ...staffErrors } } },
  "/api/plan/overdue": { get: { ...staff, summary: "Reports due soon or overdue, by unit", responses: { ...ok("Overdue"), ...staffErrors } } },
  "/api/plan/evaluation.xlsx": { get: { ...staff, summary: "Mid-term or final evaluation workbook", parameters: [q("stage", "mid-term | final")], responses: { ...ok("Workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ...staffErrors } } },
  "/api/plan/evaluation.html": { get: { ...staff, summary: "Printable evaluation report", parameters: [q("stage", "mid-term | final")], responses: { ...ok("Page", "text/html"), ...staffErrors } } },
  "/api/plan/evaluation.pdf": { get: { ...staff, summary: "Evaluation report as PDF (503 without Chromium)", parameters: [q("stage", "mid-term | final")], responses: { ...ok("PDF", "application/pdf"), ...staffErrors } } },
  "/api/plan/export.xlsx": { get: { ...staff, summary: "Units, reports and indicator values as a workbook", responses: { ...ok("Workbook"), ...staffErrors } } },
  "/api/plan/import/values": { post: { ...staff, summary: "Import indicator values (all-or-nothing)", requestBody: body("The workbook (sheet 指标值)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), responses: { ...ok("Counts"), ...staffErrors } } },
  "/api/auth/login": { post: { summary: "Sign in; sets the session cookie. 423 when locked, 429 when too many attempts", requestBody: body("{username, password}"), responses: ok("The user") } },
  "/api/auth/logout": { post: { summary: "Sign out", responses: ok("Signed out") } },
  "/api/auth/me": { get: { ...staff, summary: "The signed-in user", responses: ok("The user") } },
  "/api/staff/users": {
    get: { ...staff, summary: "Staff accounts (administrators)", responses: { ...ok("Users"), ...staffErrors } },
    post: { ...staff, summary: "Create a staff account (administrators)", requestBody: body("{username, displayName, role, unitId, password}"), responses: { "201": { description: "Created" }, ...staffErrors } },
  },
  "/api/reports": {
    get: { ...staff, summary: "Reports the caller may see", parameters: [q("period", "e.g. 2025-Q3"), q("state", "draft | submitted | returned | approved"), q("task", "Task number", { type: "integer" }), q("unit", "Unit id")], responses: { ...ok("Reports"), ...staffErrors } },
    post: { ...staff, summary: "Start a unit's report {taskNumber, period}", requestBody: body("{taskNumber, period}"), responses: { "201": { description: "Created" }, "409": { description: "Already exists" }, ...staffErrors } },
  },
  "/api/reports/{id}": {
    get: { ...staff, summary: "One report with values and attachments", parameters: [p("id", "Report id")], responses: { ...ok("Report"), ...staffErrors } },
    put: { ...staff, summary: "Write status, narrative and values", parameters: [p("id", "Report id")], requestBody: body("{taskStatus, narrative, values}"), responses: { ...ok("Report"), ...staffErrors } },
  },
  "/api/reports/{id}/submit": { post: { ...staff, summary: "Submit (unit reporter)", parameters: [p("id", "Report id")], responses: { ...ok("Report"), ...staffErrors } } },
  "/api/reports/{id}/return": { post: { ...staff, summary: "Return with a comment (reviewer)", parameters: [p("id", "Report id")], requestBody: body("{comment}"), responses: { ...ok("Report"), ...staffErrors } } },
  "/api/reports/{id}/approve": { post: { ...staff, summary: "Approve (reviewer)", parameters: [p("id", "Report id")], responses: { ...ok("Report"), ...staffErrors } } },
  "/api/reports/{id}/history": { get: { ...staff, summary: "Submissions and decisions with snapshots", parameters: [p("id", "Report id")], responses: { ...ok("History"), ...staffErrors } } },
  "/api/reports/{id}/attachments": { post: { ...staff, summary: "Attach evidence (pdf, png, jpg, xlsx, docx; 10 MB); name in X-File-Name", parameters: [p("id", "Report id")], requestBody: body("The file", "application/octet-stream"), responses: { "201": { description: "Attached" }, ...staffErrors } } },
  "/api/reports/{id}/attachments/{attachment}": { get: { ...staff, summary: "Download evidence", parameters: [p("id", "Report id"), p("attachment", "Attachment id")], responses: { ...ok("The file", "application/octet-stream"), ...staffErrors } } },
  "/api/sites/rubrics": { get: { summary: "Demonstration-site rubrics per site type", responses: ok("Rubrics") } },
  "/api/sites/assessments": {
    get: { ...staff, summary: "Assessments, optionally of one place", parameters: [q("placeId", "Place id")], responses: { ...ok("Assessments"), ...staffErrors } },
    post: { ...staff, summary: "Score a place; passing certifies it", requestBody: body("{placeId, siteType, scores, comment, assessedOn}"), responses: { "201": { description: "Recorded" }, ...staffErrors } },
  },
  "/api/audit": { get: { ...staff, summary: "The audit trail (administrators)", parameters: [q("target", "e.g. report:<id>"), q("limit", "At most 1000", { type: "integer" })], responses: { ...ok("Entries"), ...staffErrors } } },
} as const;

export const SECURITY_SCHEMES = { session: { type: "apiKey", in: "cookie", name: "tx_session" } } as const;
