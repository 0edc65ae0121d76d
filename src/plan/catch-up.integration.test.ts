/**
 * Issue 15 over real HTTP: a fresh install shows no task late (periods before the city began
 * reporting in the system are no data); once reporting has started, a unit sees every owed
 * report oldest first and can start each one; a red task says which unit is late, with which
 * period and by how many days; an impossible indicator value (150 % for an enrolment rate) is
 * refused with a 400 that names the field, in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { addUser } from "../app/plan-commands.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "correct horse battery";

async function session(base: string, username: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "x-tongxing-request": "1" }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, {
      method,
      headers: { cookie, "x-tongxing-request": "1", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

type Owed = { taskNumber: number; period: string; due: string; daysLate: number; reminder: string; reportId: string | null };

describe.each(testDialects())("catching up on reports on %s", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    for (const [username, role, unit] of [["school", "reporter", "city-education-bureau"], ["reviewer", "reviewer", undefined]] as const) {
      expect((await addUser(t.server.db, { username, role, name: username, unit })).ok).toBe(true);
    }
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("shows no task late on a fresh install: earlier periods are no data", async () => {
    const { body } = await t.get("/api/plan/progress");
    const progress = body as { counts: Record<string, number>; reportingStarts: string; period: { owed: boolean } };
    expect(progress.counts["red"]).toBe(0);
    expect(progress.counts["grey"]).toBe(35);
    expect(progress.period.owed).toBe(false);
    const school = await session(t.base, "school");
    expect((await school("GET", "/api/reports/owed")).body["owed"]).toEqual([]);
  });

  it("lets a unit start every owed report, oldest first, once reporting has started", async () => {
    await t.server.db.run("UPDATE plans SET first_loaded_on = ?", ["2025-07-01"]);
    await t.server.plan.reload();
    const school = await session(t.base, "school");
    const { status, body } = await school("GET", "/api/reports/owed");
    expect(status).toBe(200);
    const owed = body["owed"] as Owed[];
    expect(body["reportingStarts"]).toBe("2025-07-01");
    const periods = [...new Set(owed.map((o) => o.period))];
    expect(periods.length).toBeGreaterThan(1);
    expect(periods).toEqual([...periods].sort());
    expect(owed[0]!.reminder).toBe("red");
    expect(owed[0]!.daysLate).toBeGreaterThan(0);
    for (const o of owed.filter((o) => o.taskNumber === 5)) {
      const created = await school("POST", "/api/reports", { taskNumber: o.taskNumber, period: o.period });
      expect(created.status, `${o.taskNumber} ${o.period}`).toBe(201);
    }
    const after = (await school("GET", "/api/reports/owed")).body["owed"] as Owed[];
    expect(after.filter((o) => o.taskNumber === 5).every((o) => o.reportId !== null)).toBe(true);
  });

  it("says on a red task which unit is late, with which period and by how many days", async () => {
    const { body } = await t.get("/api/plan/progress");
    const progress = body as { period: { id: string; daysLate: number }; goals: Array<{ actions: Array<{ tasks: Array<{ number: number; light: string; late: Array<{ name: string; period: string; daysLate: number }> }> }> }> };
    const five = progress.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks)).find((task) => task.number === 5)!;
    expect(five.light).toBe("red");
    expect(five.late).toContainEqual({ unitId: "city-education-bureau", name: "市教育局", period: progress.period.id, daysLate: progress.period.daysLate });
  });

  it("refuses 150 % for an enrolment rate with a 400 naming the field, in Chinese and English", async () => {
    const school = await session(t.base, "school");
    const reports = (await school("GET", "/api/reports?task=5")).body["reports"] as Array<{ id: string }>;
    const id = reports[0]!.id;
    const content = { taskStatus: "on_track", narrative: "入园率", values: [{ indicatorId: "preschool-gross-enrolment-rate", districtUnitId: null, value: 150, measuredOn: "2025-09-30" }] };
    const zh = await school("PUT", `/api/reports/${id}`, content);
    expect(zh.status).toBe(400);
    expect(zh.body).toMatchObject({ code: "invalid_parameter", field: "values.0.value", message: expect.stringContaining("学前三年教育毛入园率（%）是百分比") });
    const en = await school("PUT", `/api/reports/${id}?lang=en`, content);
    expect(en.body["message"]).toMatch(/percentage: between 0 and 100, got 150/);
    const fine = await school("PUT", `/api/reports/${id}`, { ...content, values: [{ ...content.values[0]!, value: 93.5 }] });
    expect(fine.status).toBe(200);
  });
});
