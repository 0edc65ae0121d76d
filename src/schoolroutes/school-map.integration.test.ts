/**
 * The parents' printable school-route map over HTTP on the real Monaco sample, signed in as
 * staff: the page (with its map, figures and crossings), the PDF and the PNG printed by the
 * real Chromium (skipped where there is none), the what-if note, and the error contract, on
 * SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import type { SchoolAnswer, SchoolRoutesAnswer } from "../core/api/schoolroutes.ts";
import { chromiumPath } from "../platform/printer.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "a map for every family 2026";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(testDialects())("school-route map on %s", (dialect) => {
  let t: TestServer;
  let cookie = "";
  const get = async (path: string, signedIn = true) => {
    const response = await fetch(t.base + path, { headers: signedIn ? { cookie } : {} });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };
  let school: SchoolAnswer;
  let query = "";
  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    expect((await addUser(t.server.db, { username: "mapmaker", role: "leader", name: "制图" })).ok).toBe(true);
    const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "mapmaker", password: PASSWORD }) });
    cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const all = JSON.parse((await get("/api/schoolroutes?region=monaco&limit=1000")).body.toString()) as SchoolRoutesAnswer;
    const id = all.schools.find((s) => s.name === "École de la Condamine")!.id;
    query = `region=monaco&school=${id}`;
    school = JSON.parse((await get(`/api/schoolroutes/school?${query}`)).body.toString()) as SchoolAnswer;
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("serves the printable page: the map with every walk, the figures and the crossings with advice", async () => {
    const { status, headers, body } = await get(`/api/schoolroutes/school.html?${query}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/html");
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = body.toString("utf8");
    expect(page).toContain("École de la Condamine");
    expect(page).toContain("<svg");
    expect((page.match(/<path class="walk"/g) ?? []).length).toBe(school.routes.features.length);
    expect((page.match(/<g class="crossing /g) ?? []).length).toBe(school.crossings.length);
    expect(page).toContain("© OpenStreetMap contributors, ODbL");
    expect(page).toMatch(/footprint/);
    const first = school.crossings[0]!;
    const advice = { signals: "等绿灯再过", zebra: "走斑马线，先看左右来车", unmarked: "这里没有过街设施，请家长陪同", none: "这里没有过街设施，请家长陪同" }[first.control];
    expect(page).toContain(advice);
    expect(page).not.toContain("含假设改造");
  });

  it("says so when the map shows what-if changes", async () => {
    const [lon, lat] = school.crossings[0]!.position;
    const page = (await get(`/api/schoolroutes/school.html?${query}&signal=${lat},${lon}`)).body.toString("utf8");
    expect(page).toContain("含假设改造");
    expect(page).toContain("改造前安全路线占比");
  });

  it.skipIf(!chromiumPath())("prints the page as a PDF", async () => {
    const { status, headers, body } = await get(`/api/schoolroutes/school.pdf?${query}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/pdf");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="school-route-(node|way)-\d+\.pdf"$/);
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  }, 90_000);

  it.skipIf(!chromiumPath())("takes the map as a PNG of A4 landscape proportions", async () => {
    const { status, headers, body } = await get(`/api/schoolroutes/school.png?${query}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("image/png");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="school-route-(node|way)-\d+\.png"$/);
    expect(body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1600, 1131]);
  }, 90_000);

  it("needs a staff sign-in before reading the question, and names unknown schools", async () => {
    for (const extension of ["html", "pdf", "png"]) {
      expect((await get(`/api/schoolroutes/school.${extension}?${query}`, false)).status).toBe(401);
      expect((await get(`/api/schoolroutes/school.${extension}?region=monaco&school=../x`, false)).status).toBe(401);
      expect((await get(`/api/schoolroutes/school.${extension}?region=monaco&school=node/1`)).status).toBe(404);
    }
    const bad = await get("/api/schoolroutes/school.pdf?region=monaco&school=../x");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ field: "school" });
  });
});
