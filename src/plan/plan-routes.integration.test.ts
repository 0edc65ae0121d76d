/**
 * Plan supervision over real HTTP on SQLite and PostgreSQL: the public plan API, staff
 * sign-in with lockout, every role boundary of the report workflow, evidence files, the
 * history kept across re-submission, and the dashboard light that approval changes.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { addUser } from "../app/plan-commands.ts";
import { setDemonstration } from "../places/index.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "correct horse battery";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

interface Json { status: number; body: Record<string, unknown> & { code?: string; field?: string } }

/** A browser-like client that keeps its session cookie. */
function client(base: string) {
  let cookie = "";
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> => {
    const raw = Buffer.isBuffer(body);
    const response = await fetch(base + path, {
      method,
      headers: { "x-tongxing-request": "1", ...(body === undefined ? {} : { "content-type": raw ? "application/octet-stream" : "application/json" }), ...(cookie ? { cookie } : {}), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body as Buffer) : JSON.stringify(body),
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : { text } };
  };
  return {
    call,
    login: (username: string, password = PASSWORD) => call("POST", "/api/auth/login", { username, password }),
  };
}

async function createUser(t: TestServer, username: string, role: string, unit?: string): Promise<void> {
  process.env["TONGXING_PASSWORD"] = PASSWORD;
  const result = await addUser(t.server.db, { username, role, name: username, unit });
  expect(result.ok, result.message).toBe(true);
}

describe.each(testDialects())("plan supervision on %s", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    await createUser(t, "admin", "admin");
    await createUser(t, "parks", "reporter", "city-urban-management-bureau");
    await createUser(t, "school", "reporter", "city-education-bureau");
    await createUser(t, "yanfeng", "reporter", "yanfeng-district");
    await createUser(t, "reviewer", "reviewer");
    await createUser(t, "mayor", "leader");
    await createUser(t, "locked", "leader");
    // A city that has reported in the system since the plan began: every closed period is owed.
    await t.server.db.run("UPDATE plans SET first_loaded_on = ?", ["2024-01-01"]);
    await t.server.plan.reload();
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("serves the plan tree with 6 goals, 14 actions and 35 tasks", async () => {
    const { status, body } = await t.get("/api/plan");
    expect(status).toBe(200);
    const b = body as { counts: Record<string, number>; plan: { goals: Array<{ actions: Array<{ tasks: Array<{ number: number; leadUnits: Array<{ name: string }> }> }> }> } };
    expect(b.counts).toMatchObject({ goals: 6, actions: 14, tasks: 35 });
    const tasks = b.plan.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));
    expect(tasks.map((task) => task.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(tasks.find((task) => task.number === 26)!.leadUnits[0]!.name).toBe("市城市管理局");
  });

  it("serves one task with its text, milestones and indicators, and 404s a missing one", async () => {
    const { body } = await t.get("/api/plan/tasks/5");
    const task = (body as { task: { text: string; indicators: Array<{ id: string; target2025?: number }> } }).task;
    expect(task.text).toContain("学前");
    expect(task.indicators.find((i) => i.id === "preschool-gross-enrolment-rate")!.target2025).toBe(92);
    expect((await t.get("/api/plan/tasks/36")).status).toBe(404);
    expect((await t.get("/api/plan/tasks/abc")).body).toMatchObject({ code: "invalid_parameter", field: "number" });
  });

  it("lists indicators and units with the tasks each unit leads", async () => {
    const indicators = (await t.get("/api/plan/indicators")).body as { indicators: Array<{ id: string; target2028?: number }> };
    expect(indicators.indicators.find((i) => i.id === "child-friendly-parks")!.target2028).toBe(30);
    const units = (await t.get("/api/units")).body as { units: Array<{ id: string; leads: number[] }> };
    expect(units.units.find((u) => u.id === "city-urban-management-bureau")!.leads).toContain(26);
  });

  it("refuses staff APIs without a session and with a wrong password", async () => {
    expect((await t.get("/api/plan/dashboard")).status).toBe(401);
    const anonymous = client(t.base);
    expect((await anonymous.login("admin", "wrong password")).status).toBe(401);
    expect((await anonymous.login("nobody-here", "wrong password")).status).toBe(401);
    expect((await anonymous.call("POST", "/api/auth/login", { username: "admin" })).body).toMatchObject({ code: "invalid_parameter", field: "password" });
  });

  it("locks an account after five wrong passwords, even for the right one", async () => {
    const c = client(t.base);
    for (let i = 0; i < 4; i++) expect((await c.login("locked", "wrong password")).status).toBe(401);
    expect((await c.login("locked", "wrong password")).status).toBe(423);
    const right = await c.login("locked");
    expect(right.status).toBe(423);
    expect(right.body.code).toBe("account_locked");
  });

  it("lets a unit report, a reviewer return it, the unit re-submit and the reviewer approve, turning the task green", async () => {
    const parks = client(t.base);
    const reviewer = client(t.base);
    const school = client(t.base);
    expect((await parks.login("parks")).status).toBe(200);
    expect((await reviewer.login("reviewer")).status).toBe(200);
    expect((await school.login("school")).status).toBe(200);
    const admin = client(t.base);
    await admin.login("admin");
    const period = (await admin.call("GET", "/api/plan/dashboard")).body["period"] as { id: string };
    const before = await taskLight(admin, 26);
    expect(before).toBe("red");

    const created = await parks.call("POST", "/api/reports", { taskNumber: 26, period: period.id });
    expect(created.status).toBe(201);
    const id = (created.body["report"] as { id: string }).id;
    expect((await parks.call("POST", "/api/reports", { taskNumber: 26, period: period.id })).status).toBe(409);
    // Another unit can neither read nor write it; a draft is the unit's own.
    expect((await school.call("GET", `/api/reports/${id}`)).status).toBe(404);
    expect((await school.call("PUT", `/api/reports/${id}`, { taskStatus: "on_track", narrative: "x", values: [] })).status).toBe(404);
    expect((await reviewer.call("GET", `/api/reports/${id}`)).status).toBe(404);
    // Not this unit's task.
    expect((await school.call("POST", "/api/reports", { taskNumber: 26, period: period.id })).status).toBe(403);

    const content = { taskStatus: "on_track", narrative: "南湖公园儿童游乐区改造完成", values: [{ indicatorId: "child-friendly-parks", value: 12, measuredOn: "2026-09-30" }] };
    expect((await parks.call("PUT", `/api/reports/${id}`, { ...content, values: [{ indicatorId: "preschool-gross-enrolment-rate", value: 90, measuredOn: "2026-09-30" }] })).body).toMatchObject({ code: "invalid_parameter", field: "values.0.indicatorId" });
    expect((await parks.call("PUT", `/api/reports/${id}`, { ...content, values: [{ ...content.values[0], measuredOn: "2999-01-01" }] })).body).toMatchObject({ field: "values.0.measuredOn" });
    expect((await parks.call("PUT", `/api/reports/${id}`, content)).status).toBe(200);
    const attached = await parks.call("POST", `/api/reports/${id}/attachments`, PDF, { "x-file-name": encodeURIComponent("验收报告.pdf") });
    expect(attached.status).toBe(201);
    expect((await parks.call("POST", `/api/reports/${id}/attachments`, Buffer.from("MZ not a pdf"), { "x-file-name": "evil.pdf" })).body).toMatchObject({ code: "invalid_parameter", field: "file" });
    expect((await parks.call("POST", `/api/reports/${id}/attachments`, PDF, { "x-file-name": "run.exe" })).status).toBe(400);
    expect((await parks.call("POST", `/api/reports/${id}/attachments`, PDF, { "x-file-name": "%E0.pdf" })).body).toMatchObject({ field: "x-file-name" });

    // The unit cannot decide on its own report; a reviewer cannot decide on a draft or edit values.
    expect((await parks.call("POST", `/api/reports/${id}/approve`, {})).status).toBe(403);
    expect((await reviewer.call("POST", `/api/reports/${id}/approve`, {})).status).toBe(404);
    expect((await parks.call("POST", `/api/reports/${id}/submit`, {})).status).toBe(200);
    expect((await reviewer.call("PUT", `/api/reports/${id}`, content)).status).toBe(403);
    expect((await parks.call("PUT", `/api/reports/${id}`, content)).status).toBe(409);
    expect((await reviewer.call("POST", `/api/reports/${id}/return`, {})).body).toMatchObject({ field: "comment" });
    expect((await reviewer.call("POST", `/api/reports/${id}/return`, { comment: "请补充现场照片" })).body["report"]).toMatchObject({ state: "returned", reviewComment: "请补充现场照片" });

    expect((await parks.call("PUT", `/api/reports/${id}`, { ...content, narrative: "已补充照片" })).status).toBe(200);
    expect((await parks.call("POST", `/api/reports/${id}/submit`, {})).body["report"]).toMatchObject({ state: "submitted", revision: 2 });
    const leader = client(t.base);
    await leader.login("mayor");
    expect((await leader.call("POST", `/api/reports/${id}/approve`, {})).status).toBe(403);
    expect((await reviewer.call("POST", `/api/reports/${id}/approve`, { comment: "同意" })).body["report"]).toMatchObject({ state: "approved" });

    const history = (await parks.call("GET", `/api/reports/${id}/history`)).body["history"] as Array<{ action: string; revision: number; snapshot: { narrative: string } }>;
    expect(history.map((h) => h.action)).toEqual(["submit", "return", "submit", "approve"]);
    expect(history[1]).toMatchObject({ userName: "reviewer" });
    expect(history[0]!.snapshot.narrative).toBe("南湖公园儿童游乐区改造完成");
    expect(history[2]!.snapshot.narrative).toBe("已补充照片");

    const report = (await reviewer.call("GET", `/api/reports/${id}`)).body["report"] as { attachments: Array<{ id: string; fileName: string }> };
    expect(report.attachments[0]!.fileName).toBe("验收报告.pdf");
    const download = await fetch(`${t.base}/api/reports/${id}/attachments/${report.attachments[0]!.id}`, { headers: { cookie: "" } });
    expect(download.status).toBe(401);

    expect(await taskLight(admin, 26)).not.toBe("red");
    const progress = (await t.get("/api/plan/progress")).body as { goals: Array<{ actions: Array<{ tasks: Array<{ number: number; reporting?: unknown; indicators: Array<{ id: string; latest: { value: number } | null }> }> }> }> };
    const task26 = progress.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks)).find((task) => task.number === 26)!;
    expect(task26.reporting).toBeUndefined();
    expect(task26.indicators.find((i) => i.id === "child-friendly-parks")!.latest!.value).toBe(12);

    const audit = (await admin.call("GET", `/api/audit?target=report:${id}`)).body["entries"] as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["report.create", "report.edit", "report.attach", "report.submit", "report.return", "report.approve"]));
  });

  it("keeps a district reporter to its own district's values", async () => {
    const yanfeng = client(t.base);
    await yanfeng.login("yanfeng");
    const admin = client(t.base);
    await admin.login("admin");
    const period = ((await admin.call("GET", "/api/plan/dashboard")).body["period"] as { id: string }).id;
    const created = await yanfeng.call("POST", "/api/reports", { taskNumber: 26, period });
    expect(created.status).toBe(201);
    const id = (created.body["report"] as { id: string }).id;
    const value = { indicatorId: "demonstration-parks-per-county", value: 1, measuredOn: "2026-09-30" };
    expect((await yanfeng.call("PUT", `/api/reports/${id}`, { taskStatus: "on_track", narrative: "x", values: [{ ...value, districtUnitId: "shigu-district" }] })).status).toBe(403);
    expect((await yanfeng.call("PUT", `/api/reports/${id}`, { taskStatus: "on_track", narrative: "x", values: [{ ...value, districtUnitId: "yanfeng-district" }] })).status).toBe(200);
  });

  it("lists overdue reports by unit for the working group, not for reporters", async () => {
    const admin = client(t.base);
    await admin.login("admin");
    const overdue = (await admin.call("GET", "/api/plan/overdue")).body["units"] as Array<{ unitId: string; overdue: number; owed: Array<{ taskNumber: number; reminder: string }> }>;
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.every((u) => u.owed.every((o) => o.reminder === "red" || o.reminder === "yellow"))).toBe(true);
    const parks = overdue.find((u) => u.unitId === "city-urban-management-bureau");
    expect(parks?.owed.some((o) => o.taskNumber === 26 && o.reminder === "red") ?? false).toBe(true);
    const reporter = client(t.base);
    await reporter.login("school");
    expect((await reporter.call("GET", "/api/plan/overdue")).status).toBe(403);
  });

  it("generates the evaluation as a workbook, a printable page and a PDF, for the working group only", async () => {
    const admin = client(t.base);
    await admin.login("admin");
    const response = await admin.call("GET", "/api/plan/evaluation.xlsx?stage=final");
    expect(response.status).toBe(200);
    const bytes = await (await fetch(`${t.base}/api/plan/evaluation.xlsx?stage=mid-term`, { headers: { cookie: await sessionCookie(t, "admin") } })).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    // The whole server gives the plan task 12's activities (events), so their sheet is there, with its total row.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["概览", "任务", "指标", "单位报送", "儿童文体活动"]);
    const activities = workbook.getWorksheet("儿童文体活动")!;
    expect(activities.getRow(1).getCell(1).value).toBe("区县");
    expect(activities.getRow(activities.rowCount).getCell(1).value).toBe("合计");
    expect(workbook.getWorksheet("任务")!.rowCount).toBe(36);
    const indicatorNames = workbook.getWorksheet("指标")!.getColumn(1).values.slice(2);
    expect(indicatorNames).toContain("学前三年教育毛入园率");
    const page = await admin.call("GET", "/api/plan/evaluation.html?stage=mid-term");
    expect(String(page.body["text"])).toContain("中期评估报告");
    expect(String(page.body["text"])).toContain("<svg");
    expect((await admin.call("GET", "/api/plan/evaluation.html?stage=middle")).body).toMatchObject({ field: "stage" });
    const pdf = await fetch(`${t.base}/api/plan/evaluation.pdf`, { headers: { cookie: await sessionCookie(t, "admin") } });
    if (pdf.status !== 503) {
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    const reporter = client(t.base);
    await reporter.login("school");
    expect((await reporter.call("GET", "/api/plan/evaluation.xlsx")).status).toBe(403);
  });

  it("certifies a demonstration park from its assessment: badge on the map, counted in the indicators", async () => {
    const places = (await t.get("/api/places?region=hengyang")).body as { features: Array<{ id: string; properties: { name: { zh: string } } }> };
    const park = places.features.find((f) => f.properties.name.zh === "南湖公园")!;
    const rubrics = (await t.get("/api/sites/rubrics")).body as { passScore: number; rubrics: Array<{ siteType: string; criteria: Array<{ id: string; maxScore: number }> }> };
    const criteria = rubrics.rubrics.find((r) => r.siteType === "park")!.criteria;
    const full = Object.fromEntries(criteria.map((c) => [c.id, c.maxScore]));
    const reviewer = client(t.base);
    await reviewer.login("reviewer");
    const reporter = client(t.base);
    await reporter.login("parks");
    const assess = (c: ReturnType<typeof client>, scores: Record<string, number>) => c.call("POST", "/api/sites/assessments", { placeId: park.id, siteType: "park", scores, assessedOn: "2026-06-01" });
    expect((await assess(reporter, full)).status).toBe(403);
    expect((await assess(reviewer, { ...full, nonsense: 3 })).body).toMatchObject({ field: "scores.nonsense" });
    expect((await assess(reviewer, { ...full, safety: 999 })).status).toBe(400);
    const passed = await assess(reviewer, full);
    expect(passed.status).toBe(201);
    expect(passed.body["assessment"]).toMatchObject({ total: 100, passed: true, assessorName: "reviewer" });
    const listed = (await reviewer.call("GET", `/api/sites/assessments?placeId=${encodeURIComponent(park.id)}`)).body["assessments"] as Array<{ assessorName: string }>;
    expect(listed[0]!.assessorName).toBe("reviewer");
    const shown = (await t.get(`/api/places/${encodeURIComponent(park.id)}`)).body as { properties: { demonstration: { type: string; year: number } | null } };
    expect(shown.properties.demonstration).toEqual({ type: "park", year: 2026 });
    // A re-import of the places file writes the CSV's empty badge; the next start restores it.
    await setDemonstration(t.server.db, park.id, null);
    await t.server.catalog.reload(t.server.db);
    expect(await t.server.plan.reapplyCertificates((id, type) => t.server.catalog.index.get(id)?.demonstration?.type === type)).toBe(1);
    expect(((await t.get(`/api/places/${encodeURIComponent(park.id)}`)).body as typeof shown).properties.demonstration).toEqual({ type: "park", year: 2026 });
    expect(await t.server.plan.reapplyCertificates((id, type) => t.server.catalog.index.get(id)?.demonstration?.type === type)).toBe(0);
    const progress = (await t.get("/api/plan/progress")).body as { goals: Array<{ actions: Array<{ tasks: Array<{ number: number; indicators: Array<{ id: string; latest: { value: number } | null; districts: unknown[] }> }> }> }> };
    const task26 = progress.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks)).find((task) => task.number === 26)!;
    expect(task26.indicators.find((i) => i.id === "demonstration-parks-per-county")!.districts).toHaveLength(1);
    // A safety criterion at zero fails the site whatever the total, and the badge goes.
    const failed = await assess(reviewer, { ...full, safety: 0 });
    expect(failed.body["assessment"]).toMatchObject({ passed: false });
    const after = (await t.get(`/api/places/${encodeURIComponent(park.id)}`)).body as { properties: { demonstration: unknown } };
    expect(after.properties.demonstration).toBeNull();
  });

  it("imports indicator values from xlsx all-or-nothing and exports them again", async () => {
    const admin = client(t.base);
    await admin.login("admin");
    const sheetWith = async (rows: unknown[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("指标值");
      sheet.addRow(["单位 unit_id", "任务 task_number", "报告期 period", "指标 indicator_id", "区县 district_unit_id", "数值 value", "测量日期 measured_on"]);
      sheet.addRows(rows);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const good = ["city-education-bureau", 5, "2025-Q4", "preschool-gross-enrolment-rate", "", 91.2, "2025-12-31"];
    const bad = await sheetWith([good, ["city-education-bureau", 5, "2025-Q4", "child-friendly-parks", "", 3, "2025-12-31"]]);
    const refused = await admin.call("POST", "/api/plan/import/values", bad, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ field: "indicator_id" });
    expect((refused.body["problems"] as Array<{ row: number }>)[0]!.row).toBe(3);
    const before = (await admin.call("GET", "/api/reports?task=5&period=2025-Q4")).body["reports"] as unknown[];
    expect(before).toHaveLength(0);
    expect((await admin.call("POST", "/api/plan/import/values", Buffer.from("not a workbook"), { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })).status).toBe(400);
    const reviewer = client(t.base);
    await reviewer.login("reviewer");
    expect((await reviewer.call("POST", "/api/plan/import/values", await sheetWith([good]), { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })).status).toBe(403);

    const imported = await admin.call("POST", "/api/plan/import/values", await sheetWith([good]), { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(imported.body).toMatchObject({ reports: 1, values: 1 });
    const reports = (await admin.call("GET", "/api/reports?task=5&period=2025-Q4")).body["reports"] as Array<{ state: string; values: Array<{ value: number }> }>;
    expect(reports[0]).toMatchObject({ state: "approved" });
    expect(reports[0]!.values[0]!.value).toBe(91.2);

    const exported = await fetch(`${t.base}/api/plan/export.xlsx`, { headers: { cookie: await sessionCookie(t, "admin") } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const values = workbook.getWorksheet("指标值")!;
    const rows = values.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((r) => r[4] === "preschool-gross-enrolment-rate" && r[6] === 91.2)).toBe(true);
    expect(workbook.getWorksheet("单位")!.rowCount).toBeGreaterThan(40);
  });

  it("lets only an administrator create accounts, with checked input", async () => {
    const admin = client(t.base);
    await admin.login("admin");
    expect((await admin.call("POST", "/api/staff/users", { username: "x", displayName: "X", role: "leader", password: PASSWORD })).body).toMatchObject({ field: "username" });
    expect((await admin.call("POST", "/api/staff/users", { username: "newunit", displayName: "X", role: "reporter", unitId: "no-such-unit", password: PASSWORD })).body).toMatchObject({ field: "unitId" });
    expect((await admin.call("POST", "/api/staff/users", { username: "newlead", displayName: "新领导", role: "leader", password: PASSWORD })).status).toBe(201);
    const noHeader = await admin.call("POST", "/api/staff/users", { username: "newlead2", displayName: "X", role: "leader", password: PASSWORD }, { "x-tongxing-request": "0" });
    expect(noHeader.status).toBe(403);
    const reviewer = client(t.base);
    await reviewer.login("reviewer");
    expect((await reviewer.call("POST", "/api/staff/users", { username: "sneaky", displayName: "X", role: "admin", password: PASSWORD })).status).toBe(403);
  });

  it("binds venue staff to the places they run, and only venue staff", async () => {
    const admin = client(t.base);
    await admin.login("admin");
    const place = "osm:n1864130268"; // Monaco's Jardin des Enfants, a sample place
    const venue = (extra: Record<string, unknown>) => admin.call("POST", "/api/staff/users", { username: "jardin", displayName: "园长", role: "venue", password: PASSWORD, ...extra });
    expect((await venue({})).body).toMatchObject({ field: "placeIds" });
    expect((await venue({ placeIds: ["osm:n0"] })).body).toMatchObject({ field: "placeIds", message: expect.stringContaining("osm:n0") });
    expect((await admin.call("POST", "/api/staff/users", { username: "leader2", displayName: "X", role: "leader", placeIds: [place], password: PASSWORD })).body).toMatchObject({ field: "placeIds" });
    const created = await venue({ placeIds: [place, place] });
    expect(created.status).toBe(201);
    const staffer = client(t.base);
    await staffer.login("jardin");
    expect((await staffer.call("GET", "/api/auth/me")).body).toMatchObject({ user: { role: "venue", placeIds: [place] } });
    const listed = (await admin.call("GET", "/api/staff/users")).body as { users: Array<{ username: string; placeIds: string[] }> };
    expect(listed.users.find((u) => u.username === "jardin")?.placeIds).toEqual([place]);
    expect((await staffer.call("GET", "/api/plan/dashboard")).status).toBe(403);
  });
});

async function sessionCookie(t: TestServer, username: string): Promise<string> {
  const response = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: PASSWORD }) });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function taskLight(c: ReturnType<typeof client>, number: number): Promise<string> {
  const dashboard = (await c.call("GET", "/api/plan/dashboard")).body as { goals: Array<{ actions: Array<{ tasks: Array<{ number: number; light: string }> }> }> };
  return dashboard.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks)).find((task) => task.number === number)!.light;
}
