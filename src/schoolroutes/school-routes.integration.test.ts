/**
 * The school-route analysis over HTTP on the real Monaco sample, signed in as staff: the
 * schools and their catchments, the ranked crossings, what-if (a crossing signalised raises
 * the safe share of the schools whose walks cross it), one school's walks, the exports and
 * the error contract, on SQLite and PostgreSQL.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { signedInAdult } from "../app/test-actors.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import type { SchoolAnswer, SchoolRoutesAnswer } from "../core/api/schoolroutes.ts";
import { replaceCatchments } from "./catchments.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "safe walks to every school 2026";

describe.each(testDialects())("school routes API on %s", (dialect) => {
  let t: TestServer;
  let cookie = "";
  const get = async (path: string) => {
    const response = await fetch(t.base + path, { headers: { cookie } });
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, type, body: type.includes("json") ? await response.json() : Buffer.from(await response.arrayBuffer()) };
  };
  let base: SchoolRoutesAnswer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    expect((await addUser(t.server.db, { username: "schoolplanner", role: "leader", name: "规划师" })).ok).toBe(true);
    const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "schoolplanner", password: PASSWORD }) });
    cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    base = (await get("/api/schoolroutes?region=monaco&limit=1000")).body as SchoolRoutesAnswer;
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("needs a staff sign-in", async () => {
    expect((await fetch(`${t.base}/api/schoolroutes?region=monaco`)).status).toBe(401);
  });

  it("finds Monaco's schools from OSM with catchments that add up, and leaves the university out", () => {
    const names = base.schools.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["École de Fontvieille", "École de la Condamine", "Lycée Albert-1er"]));
    expect(names.some((n) => /大學/.test(n))).toBe(false);
    expect(base.homesAre).toBe("buildings");
    expect(base.proxy).toMatch(/footprint/);
    for (const s of base.schools) {
      expect(s.safeShare === null || (s.safeShare >= 0 && s.safeShare <= 1)).toBe(true);
      if (s.homes > 0) expect(s.areaM2).toBeGreaterThan(0);
    }
    expect(base.schools.filter((s) => s.kind === "primary").reduce((sum, s) => sum + s.homes, 0)).toBeGreaterThan(500);
  });

  it("ranks crossings by score, each an OSM node on the walks of named schools", () => {
    expect(base.crossings.length).toBeGreaterThan(20);
    base.crossings.forEach((c, i) => {
      expect(c.rank).toBe(i + 1);
      expect(c.id).toMatch(/^node\/\d+$/);
      if (i > 0) expect(c.score).toBeLessThanOrEqual(base.crossings[i - 1]!.score);
      expect(c.schools.length).toBeGreaterThan(0);
    });
    expect(base.crossings[0]!.control).not.toBe("signals");
  });

  it("raises the safe share of the schools behind a main-road crossing when it is marked signalised", async () => {
    const target = base.crossings.find((c) => c.road.main && c.control !== "signals")!;
    const [lon, lat] = target.position;
    const after = (await get(`/api/schoolroutes?region=monaco&limit=1000&signal=${lat},${lon}`)).body as SchoolRoutesAnswer;
    expect(after.whatIf!.applied[0]!.crossing).toBe(target.id);
    const moved = after.schools.filter((s) => target.schools.includes(s.id));
    expect(moved.some((s) => (s.safeShare ?? 0) > (s.baseSafeShare ?? 0))).toBe(true);
    expect(after.crossings.find((c) => c.id === target.id)?.control ?? "signals").toBe("signals");
    // The base analysis is unchanged by the what-if.
    const again = (await get("/api/schoolroutes?region=monaco&limit=1000")).body as SchoolRoutesAnswer;
    expect(again.crossings[0]).toEqual(base.crossings[0]);
  });

  it("draws one school's walks, weighted by the floor area behind them", async () => {
    const school = base.schools.find((s) => s.name === "École de la Condamine")!;
    const { status, body } = await get(`/api/schoolroutes/school?region=monaco&school=${school.id}`);
    expect(status).toBe(200);
    const answer = body as SchoolAnswer;
    expect(answer.school.id).toBe(school.id);
    expect(answer.routes.features.length).toBeGreaterThan(50);
    expect(answer.routes.features.every((f) => f.properties.areaM2 > 0)).toBe(true);
    expect(Math.max(...answer.routes.features.map((f) => f.properties.areaM2))).toBeLessThanOrEqual(school.areaM2 + 1);
    expect(answer.crossings.every((c) => c.schools.includes(school.id))).toBe(true);
    // Its catchment: every home counted for it, drawn as a point.
    expect(answer.homes).toHaveLength(school.homes);
  });

  it("counts a hazard a parent reported near a crossing: its rank rises, the school's map shows it", async () => {
    const crossing = [...base.crossings].reverse().find((c) => c.hazards === 0 && c.control !== "signals")!;
    const [lon, lat] = crossing.position;
    const parent = await signedInAdult(t, `137${String(Date.now()).slice(-8)}`, "家长");
    const posted = await parent.post("/api/ideas", { kind: "no_crossing", title: "这个路口没有斑马线", text: "孩子每天上学要从这里过马路，车很多，希望画斑马线", at: `${lat},${lon}`, region: "monaco" });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect((posted.body["idea"] as { status: string }).status).toBe("published");
    let answer = base;
    for (let i = 0; i < 40 && (answer.crossings.find((c) => c.id === crossing.id)?.hazards ?? 0) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = (await get("/api/schoolroutes?region=monaco&limit=1000")).body as SchoolRoutesAnswer;
    }
    const after = answer.crossings.find((c) => c.id === crossing.id)!;
    expect(after.hazards).toBeGreaterThanOrEqual(1);
    expect(after.score).toBeGreaterThan(crossing.score);
    const school = (await get(`/api/schoolroutes/school?region=monaco&school=${crossing.schools[0]}`)).body as SchoolAnswer;
    expect(school.hazards.map((h) => h.kind)).toContain("no_crossing");
  });

  it("exports the ranked crossings as GeoJSON, CSV and xlsx", async () => {
    const geo = await get("/api/schoolroutes?region=monaco&format=geojson&limit=10");
    expect(geo.type).toContain("application/geo+json");
    expect((geo.body as { features: unknown[] }).features).toHaveLength(10);
    const csv = await get("/api/schoolroutes?region=monaco&format=csv");
    const text = (csv.body as Buffer).toString("utf8");
    expect(text.startsWith("\uFEFF排名 rank,OSM")).toBe(true);
    expect(text.trim().split("\r\n").length).toBe(Math.min(100, base.crossings.length) + 1);
    const xlsx = await get("/api/schoolroutes?region=monaco&format=xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["过街点 crossings", "无人行道 streets", "学校 schools"]);
  });

  it("counts the homes inside a catchment the city imported, on every instance after the import", async () => {
    const school = base.schools.find((s) => s.name === "École de Fontvieille")!;
    // A box over Monte-Carlo, at the other end of Monaco from Fontvieille.
    const box = { type: "Polygon" as const, coordinates: [[[7.4230, 43.7380], [7.4330, 43.7380], [7.4330, 43.7460], [7.4230, 43.7460], [7.4230, 43.7380]]] };
    await t.server.db.transaction((tx) => replaceCatchments(tx, "monaco", [{ schoolId: school.id, name: "蒙特卡洛片区", geometry: box }]));
    let answer = base;
    for (let i = 0; i < 40 && answer.schools.find((s) => s.id === school.id)!.catchment !== "imported"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = (await get("/api/schoolroutes?region=monaco&limit=1000")).body as SchoolRoutesAnswer;
    }
    const after = answer.schools.find((s) => s.id === school.id)!;
    expect(after.catchment).toBe("imported");
    expect(after.homes).toBeGreaterThan(school.homes);
    expect(after.maxMetres!).toBeGreaterThan(1500);
    await t.server.db.transaction((tx) => replaceCatchments(tx, "monaco", []));
  });

  it("takes a completed school-route project's signal into the analysis everyone sees", async () => {
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    expect((await addUser(t.server.db, { username: "projectadmin", role: "admin", name: "管理员" })).ok).toBe(true);
    const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "projectadmin", password: PASSWORD }) });
    const admin = login.headers.get("set-cookie")!.split(";")[0]!;
    const send = async (method: string, path: string, body: unknown) => (await fetch(t.base + path, { method, headers: { cookie: admin, "content-type": "application/json", "x-tongxing-request": "1" }, body: JSON.stringify(body) })).json() as Promise<{ project: { id: string; version: number } }>;
    const target = base.crossings.find((c) => c.road.main && c.control !== "signals")!;
    const [lon, lat] = target.position;
    const created = await send("POST", "/api/plan/school-projects", { region: "monaco", schoolId: target.schools[0], schoolName: "学校", unitId: "city-education-bureau", title: "路口信号灯", measures: [{ measure: "signal", lon, lat }] });
    await send("PATCH", `/api/plan/school-projects/${created.project.id}`, { version: created.project.version, status: "completed", completedOn: "2026-11-30" });
    const share = (a: SchoolRoutesAnswer, id: string) => a.schools.find((s) => s.id === id)?.safeShare ?? 0;
    const raised = (a: SchoolRoutesAnswer) => target.schools.some((id) => share(a, id) > share(base, id));
    let answer = base;
    for (let i = 0; i < 40 && !raised(answer); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = (await get("/api/schoolroutes?region=monaco&limit=1000")).body as SchoolRoutesAnswer;
    }
    // As the what-if of the same crossing did, now without asking: the project is the base.
    expect(raised(answer)).toBe(true);
    expect(answer.crossings.find((c) => c.id === target.id)?.control ?? "signals").toBe("signals");
    expect(answer.whatIf).toBeUndefined();
  });

  it("refuses bad questions with the field named, in the person's language", async () => {
    const bad = await get("/api/schoolroutes?region=monaco&signal=abc");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "invalid_parameter", field: "signal" });
    expect((await get("/api/schoolroutes?region=monaco&colour=red")).status).toBe(400);
    const id = await get("/api/schoolroutes/school?region=monaco&school=../etc");
    expect(id.body).toMatchObject({ field: "school" });
    expect((await get("/api/schoolroutes/school?region=monaco&school=node/1")).status).toBe(404);
    const hengyang = await get("/api/schoolroutes?region=hengyang&lang=zh");
    expect(hengyang.status).toBe(404);
    expect((hengyang.body as { message: string }).message).toMatch(/街道网络/);
    expect((await get("/api/schoolroutes?region=atlantis")).status).toBe(404);
  });
});
