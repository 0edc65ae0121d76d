/**
 * The authorization matrix of plan supervision over real HTTP, generated from
 * PLAN_PERMISSIONS: every permission's routes asked by every staff role and by nobody. A
 * role in the permission's row gets past the guard (whatever the request then deserves);
 * any other role gets 403 in the house shape, and no session gets 401.
 */
import { VENUE_TEST_PLACE } from "../app/test-actors.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { STAFF_ROLES, type StaffRole } from "../core/staff-roles.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { PLAN_PERMISSIONS, type PlanPermission } from "./index.ts";

const PASSWORD = "lantern-Quarry-9-orbit-Pebble!";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UNIT = "city-urban-management-bureau";

interface Sample {
  method: string;
  path: string;
  body?: unknown;
  type?: string;
}

/** The report and evidence file the samples ask about: the reporter's unit's, submitted. */
interface Fixture {
  report: string;
  attachment: string;
}

/**
 * Requests that exercise each permission. They are chosen so that a role holding the
 * permission is refused by nothing but the request itself (a bad body, a report in the
 * wrong state), never by its role, and so that none changes anything.
 */
const SAMPLES: Record<PlanPermission, (f: Fixture) => Sample[]> = {
  "reports.read": (f) => [
    { method: "GET", path: "/api/reports" },
    { method: "GET", path: `/api/reports/${f.report}` },
    { method: "GET", path: `/api/reports/${f.report}/history` },
    { method: "GET", path: `/api/reports/${f.report}/attachments/${f.attachment}` },
  ],
  "reports.write": (f) => [
    { method: "POST", path: "/api/reports", body: {} },
    { method: "PUT", path: `/api/reports/${f.report}`, body: { taskStatus: "on_track", narrative: "x", values: [] } },
    { method: "POST", path: `/api/reports/${f.report}/submit`, body: {} },
    { method: "POST", path: `/api/reports/${f.report}/attachments`, body: PDF, type: "application/octet-stream" },
  ],
  "reports.decide": (f) => [
    { method: "POST", path: `/api/reports/${f.report}/return`, body: {} },
    { method: "POST", path: `/api/reports/${f.report}/approve`, body: { comment: 5 } },
  ],
  "dashboard.read": () => [{ method: "GET", path: "/api/plan/dashboard" }],
  "overdue.read": () => [{ method: "GET", path: "/api/plan/overdue" }],
  "evaluations.read": () => ["xlsx", "html", "pdf"].map((kind) => ({ method: "GET", path: `/api/plan/evaluation.${kind}?stage=none` })),
  "values.export": () => [{ method: "GET", path: "/api/plan/export.xlsx" }],
  "values.import": () => [{ method: "POST", path: "/api/plan/import/values", body: Buffer.from("not a workbook"), type: XLSX }],
  "sites.read": () => [{ method: "GET", path: "/api/sites/assessments" }],
  "sites.assess": () => [{ method: "POST", path: "/api/sites/assessments", body: {} }],
  "audit.read": () => [{ method: "GET", path: "/api/audit" }],
};

async function ask(base: string, cookie: string, sample: Sample): Promise<{ status: number; body: unknown }> {
  const raw = Buffer.isBuffer(sample.body);
  const response = await fetch(base + sample.path, {
    method: sample.method,
    headers: {
      "x-tongxing-request": "1",
      ...(cookie ? { cookie } : {}),
      ...(sample.body === undefined ? {} : { "content-type": sample.type ?? "application/json" }),
      ...(raw ? { "x-file-name": "evidence.pdf" } : {}),
    },
    body: sample.body === undefined ? undefined : raw ? new Uint8Array(sample.body as Buffer) : JSON.stringify(sample.body),
  });
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : text };
}

describe.each(testDialects())("plan permissions on %s", (dialect) => {
  let t: TestServer;
  const cookies = new Map<StaffRole, string>();
  const fixture: Fixture = { report: "", attachment: "" };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    for (const role of STAFF_ROLES) {
      const created = await addUser(t.server.db, { username: `plan${role}`, role, name: `plan${role}`, unit: role === "reporter" ? UNIT : undefined, ...(role === "venue" ? { places: VENUE_TEST_PLACE } : {}) });
      expect(created.ok, created.message).toBe(true);
      const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: `plan${role}`, password: PASSWORD }) });
      expect(login.status).toBe(200);
      cookies.set(role, login.headers.get("set-cookie")!.split(";")[0]!);
    }
    const as = (role: StaffRole, sample: Sample) => ask(t.base, cookies.get(role)!, sample);
    const period = ((await as("admin", { method: "GET", path: "/api/plan/dashboard" })).body as { period: { id: string } }).period.id;
    const created = await as("reporter", { method: "POST", path: "/api/reports", body: { taskNumber: 26, period } });
    fixture.report = (created.body as { report: { id: string } }).report.id;
    await as("reporter", { method: "PUT", path: `/api/reports/${fixture.report}`, body: { taskStatus: "on_track", narrative: "公园改造进行中", values: [] } });
    const attached = await as("reporter", { method: "POST", path: `/api/reports/${fixture.report}/attachments`, body: PDF, type: "application/octet-stream" });
    fixture.attachment = (attached.body as { report: { attachments: Array<{ id: string }> } }).report.attachments[0]!.id;
    expect((await as("reporter", { method: "POST", path: `/api/reports/${fixture.report}/submit`, body: {} })).status).toBe(200);
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("grants moderators nothing of plan supervision: they work on children's content", () => {
    for (const roles of Object.values(PLAN_PERMISSIONS)) expect(roles).not.toContain("moderator");
  });

  for (const [permission, roles] of Object.entries(PLAN_PERMISSIONS) as Array<[PlanPermission, readonly StaffRole[]]>) {
    for (const role of STAFF_ROLES) {
      const allowed = roles.includes(role);
      it(`${permission} for ${role}: ${allowed ? "past the guard" : "403"}`, async () => {
        for (const sample of SAMPLES[permission](fixture)) {
          const { status, body } = await ask(t.base, cookies.get(role)!, sample);
          const seen = { request: `${sample.method} ${sample.path}`, status };
          if (allowed) {
            expect(seen.status, seen.request).not.toBe(401);
            expect(seen.status, seen.request).not.toBe(403);
          } else {
            expect(seen).toEqual({ request: seen.request, status: 403 });
            expect(body).toEqual({ code: "forbidden", message: expect.stringContaining("的权限"), field: null });
          }
        }
      });
    }
    it(`${permission} without a session: 401`, async () => {
      for (const sample of SAMPLES[permission](fixture)) {
        const { status, body } = await ask(t.base, "", sample);
        expect({ request: `${sample.method} ${sample.path}`, status }).toEqual({ request: `${sample.method} ${sample.path}`, status: 401 });
        expect(body).toMatchObject({ code: "unauthenticated" });
      }
    });
  }
});
