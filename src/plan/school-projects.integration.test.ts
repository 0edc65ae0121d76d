/**
 * School-route projects (学径改造) over real HTTP on each database: a district reporter
 * creates its county's project, changes it, adds a before photo (stored without its EXIF),
 * completes it, and the task-22 summary, the dashboard's indicator and the analysis's
 * changes all count it; a stale version is a 409; units are checked against the plan; and
 * the roles: nobody (401), a moderator (403), another unit's reporter (403), the unit's
 * reporter and an administrator (allowed).
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { completedSchoolRouteChanges } from "./index.ts";

const PASSWORD = "lantern-Quarry-9-orbit-Pebble!";
const ZHUHUI = "zhuhui-district";
const SIGNAL = { measure: "signal", lon: 112.6205, lat: 26.8951, note: "校门口路口" };

interface Answer {
  status: number;
  body: Record<string, unknown> & { project?: Record<string, unknown> & { id: string; version: number; photos: Array<{ id: string; stage: string }> } };
}

describe.each(testDialects())("school-route projects on %s", (dialect) => {
  let t: TestServer;
  const cookies = new Map<string, string>();
  let projectId = "";

  async function ask(who: string, method: string, path: string, body?: unknown, type = "application/json"): Promise<Answer & { raw: Buffer; type: string | null }> {
    const binary = Buffer.isBuffer(body);
    const response = await fetch(t.base + path, {
      method,
      headers: { "x-tongxing-request": "1", ...(cookies.get(who) ? { cookie: cookies.get(who)! } : {}), ...(body === undefined ? {} : { "content-type": type }) },
      body: body === undefined ? undefined : binary ? new Uint8Array(body) : JSON.stringify(body),
    });
    const raw = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type");
    return { status: response.status, body: contentType?.startsWith("application/json") ? JSON.parse(raw.toString("utf8")) : {}, raw, type: contentType };
  }

  const newProject = (unitId: string) => ({ region: "hengyang", schoolId: "way/176131190", schoolName: "珠晖区实验小学", unitId, title: "实验小学门前路口改造", measures: [SIGNAL], budgetYuan: 380000, plannedStart: "2025-03-01", plannedEnd: "2025-08-31" });

  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    const people: Array<[string, string, string | undefined]> = [["admin", "admin", undefined], ["moderator", "moderator", undefined], ["zhuhui", "reporter", ZHUHUI], ["urban", "reporter", "city-urban-management-bureau"]];
    for (const [name, role, unit] of people) {
      const created = await addUser(t.server.db, { username: `sp${name}`, role, name, unit });
      expect(created.ok, created.message).toBe(true);
      const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: `sp${name}`, password: PASSWORD }) });
      expect(login.status).toBe(200);
      cookies.set(name, login.headers.get("set-cookie")!.split(";")[0]!);
    }
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("refuses nobody with 401 and a moderator with 403", async () => {
    expect((await ask("", "GET", "/api/plan/school-projects")).status).toBe(401);
    expect((await ask("", "POST", "/api/plan/school-projects", newProject(ZHUHUI))).status).toBe(401);
    expect((await ask("moderator", "GET", "/api/plan/school-projects/summary")).status).toBe(403);
    expect((await ask("moderator", "POST", "/api/plan/school-projects", newProject(ZHUHUI))).status).toBe(403);
  });

  it("lets a unit's reporter create its own project, in its own county, and no other unit's", async () => {
    const created = await ask("zhuhui", "POST", "/api/plan/school-projects", newProject(ZHUHUI));
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({ unitId: ZHUHUI, countyCode: "430405", status: "planned", version: 1, measures: [SIGNAL], budgetYuan: 380000, photos: [] });
    projectId = created.body.project!.id;
    const foreign = await ask("zhuhui", "POST", "/api/plan/school-projects", newProject("city-urban-management-bureau"));
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: "forbidden" });
    const otherCounty = await ask("zhuhui", "POST", "/api/plan/school-projects", { ...newProject(ZHUHUI), countyCode: "430406" });
    expect(otherCounty.body).toMatchObject({ code: "invalid_parameter", field: "countyCode" });
  });

  it("checks units against the plan, in both languages", async () => {
    const unknown = await ask("admin", "POST", "/api/plan/school-projects?lang=en", newProject("no-such-unit"));
    expect(unknown).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "unitId", message: 'the plan has no unit "no-such-unit"' } });
    const notTask = await ask("admin", "POST", "/api/plan/school-projects", newProject("city-health-commission"));
    expect(notTask).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "unitId", message: expect.stringContaining("不承担第 22 项任务") } });
    const badBody = await ask("admin", "POST", "/api/plan/school-projects", { ...newProject(ZHUHUI), measures: [{ measure: "bridge", lon: 1, lat: 2 }] });
    expect(badBody.status).toBe(400);
    expect(badBody.body.field).toBe("measures.0.measure");
  });

  it("changes a project only at its current version, and only by its unit or the working group", async () => {
    const other = await ask("urban", "PATCH", `/api/plan/school-projects/${projectId}`, { version: 1, status: "in_progress" });
    expect(other.status).toBe(403);
    const started = await ask("zhuhui", "PATCH", `/api/plan/school-projects/${projectId}`, { version: 1, status: "in_progress" });
    expect(started.status).toBe(200);
    expect(started.body.project).toMatchObject({ status: "in_progress", version: 2 });
    const stale = await ask("admin", "PATCH", `/api/plan/school-projects/${projectId}`, { version: 1, title: "旧版本的改名" });
    expect(stale).toMatchObject({ status: 409, body: { code: "conflict", field: "version" } });
    const unfinished = await ask("zhuhui", "PATCH", `/api/plan/school-projects/${projectId}?lang=en`, { version: 2, status: "completed" });
    expect(unfinished).toMatchObject({ status: 400, body: { field: "completedOn", message: "a completed project needs its completion date" } });
  });

  it("stores a before photo without its EXIF and serves it to staff", async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } }).jpeg().withExif({ IFD0: { Make: "RoadCam", Artist: "SecretArtist" } }).toBuffer();
    expect(jpeg.includes("SecretArtist")).toBe(true);
    expect((await ask("urban", "POST", `/api/plan/school-projects/${projectId}/photos?stage=before`, jpeg, "image/jpeg")).status).toBe(403);
    expect((await ask("zhuhui", "POST", `/api/plan/school-projects/${projectId}/photos?stage=during`, jpeg, "image/jpeg")).body).toMatchObject({ field: "stage" });
    expect((await ask("zhuhui", "POST", `/api/plan/school-projects/${projectId}/photos?stage=before`, Buffer.from("not an image"), "image/jpeg")).status).toBe(400);
    const added = await ask("zhuhui", "POST", `/api/plan/school-projects/${projectId}/photos?stage=before`, jpeg, "image/jpeg");
    expect(added.status).toBe(201);
    expect(added.body.project).toMatchObject({ version: 3, photos: [{ stage: "before", mediaType: "image/jpeg" }] });
    const photo = await ask("admin", "GET", `/api/plan/school-projects/${projectId}/photos/${added.body.project!.photos[0]!.id}`);
    expect(photo.status).toBe(200);
    expect(photo.type).toBe("image/jpeg");
    expect(photo.raw.includes("SecretArtist")).toBe(false);
    expect((await sharp(photo.raw).metadata()).width).toBe(64);
  });

  it("counts a completed project toward task 22 and the analysis", async () => {
    const done = await ask("admin", "PATCH", `/api/plan/school-projects/${projectId}`, { version: 3, status: "completed", completedOn: "2025-08-30" });
    expect(done.status).toBe(200);
    expect(done.body.project).toMatchObject({ status: "completed", completedOn: "2025-08-30", version: 4 });
    const summary = await ask("admin", "GET", "/api/plan/school-projects/summary?region=hengyang");
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ region: "hengyang", city: { completed: 1, target: 40, targetYear: 2028, indicatorId: "school-route-projects" }, byStatus: { completed: 1, planned: 0 } });
    const counties = summary.body["counties"] as Array<{ countyCode: string; completed: number; met: boolean; target: number }>;
    expect(counties.find((c) => c.countyCode === "430405")).toMatchObject({ unitId: ZHUHUI, completed: 1, target: 1, met: true });
    expect(counties.filter((c) => c.completed === 0).length).toBeGreaterThan(5);
    // The units a project may belong to: the task's carriers, a district group's members included, not the others.
    const unitIds = summary.body["unitIds"] as string[];
    expect(unitIds).toContain(ZHUHUI);
    // city-health-commission carries no school-route task: the server refuses it ("checks units against the plan"), the form leaves it out.
    expect(unitIds).not.toContain("city-health-commission");
    expect((await ask("admin", "GET", "/api/plan/school-projects?status=completed&unit=zhuhui-district")).body["projects"]).toHaveLength(1);
    expect((await ask("admin", "GET", "/api/plan/school-projects?region=monaco")).body["projects"]).toHaveLength(0);
    expect(await completedSchoolRouteChanges(t.server.db, "hengyang")).toEqual([{ lon: SIGNAL.lon, lat: SIGNAL.lat, control: "signals" }]);
    expect(await completedSchoolRouteChanges(t.server.db, "monaco")).toEqual([]);
    const audit = (await ask("admin", "GET", `/api/audit?target=school-project:${projectId}`)).body["entries"] as Array<{ action: string }>;
    expect(audit.map((a) => a.action).sort()).toEqual(["school-project.completed", "school-project.create", "school-project.in_progress", "school-project.photo"]);
  });

  it("gives the dashboard's task-22 indicators the computed counts", async () => {
    const dashboard = (await ask("admin", "GET", "/api/plan/dashboard")).body as unknown as { goals: Array<{ actions: Array<{ tasks: Array<{ number: number; indicators: Array<{ id: string; series: Array<{ value: number; districtUnitId: string | null }> }> }> }> }> };
    const task = dashboard.goals.flatMap((g) => g.actions).flatMap((a) => a.tasks).find((x) => x.number === 22)!;
    expect(task.indicators.find((i) => i.id === "school-route-projects")!.series).toEqual([expect.objectContaining({ value: 1, districtUnitId: null })]);
    expect(task.indicators.find((i) => i.id === "school-route-projects-per-county")!.series).toEqual([expect.objectContaining({ value: 1, districtUnitId: ZHUHUI })]);
  });
});
