/**
 * Coverage over HTTP on the real Monaco sample, signed in as staff: presets, shares,
 * what-if with an added and a closed site, suggestions, exports, and the error contract.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "walking maps of hengyang 2026";

describe.each(testDialects())("coverage API on %s", (dialect) => {
  let t: TestServer;
  let cookie = "";
  const get = async (path: string) => {
    const response = await fetch(t.base + path, { headers: { cookie } });
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, type, body: type.includes("json") ? await response.json() : Buffer.from(await response.arrayBuffer()) };
  };
  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    expect((await addUser(t.server.db, { username: "planner", role: "leader", name: "规划师" })).ok).toBe(true);
    const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "planner", password: PASSWORD }) });
    cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("needs a staff sign-in", async () => {
    expect((await fetch(`${t.base}/api/coverage?region=monaco&standard=playground-5`)).status).toBe(401);
  });

  it("lists the GB 50180 presets", async () => {
    const { body } = await get("/api/coverage/standards");
    expect((body as { standards: Array<{ id: string; metres: number }> }).standards.find((s) => s.id === "kindergarten-5")!.metres).toBe(300);
  });

  it("computes playground coverage by walking minutes, rising with the threshold", async () => {
    const five = (await get("/api/coverage?region=monaco&kind=playground&minutes=5")).body as { buildings: { share: number }; sites: number; areas: number; proxy: string };
    const fifteen = (await get("/api/coverage?region=monaco&kind=playground&minutes=15")).body as { buildings: { share: number } };
    expect(five.sites).toBeGreaterThanOrEqual(5);
    expect(five.areas).toBeGreaterThan(500);
    expect(five.proxy).toMatch(/residential/);
    expect(fifteen.buildings.share).toBeGreaterThan(five.buildings.share);
  });

  it("breaks coverage down by the extract's districts and communities (Monaco's quarters)", async () => {
    const result = (await get("/api/coverage?region=monaco&kind=playground&minutes=10")).body as { byDistrict: Array<{ district: string }>; byCommunity: Array<{ community: string; buildings: { total: number; share: number } }> };
    // Monaco's own boundary is cut by the extract's edge, so it has quarters but no district row.
    expect(result.byDistrict).toEqual([]);
    const names = result.byCommunity.map((c) => c.community);
    expect(names).toEqual(expect.arrayContaining(["Monte-Carlo", "La Condamine", "Fontvieille"]));
    expect(result.byCommunity.every((c) => c.buildings.share >= 0 && c.buildings.share <= 1)).toBe(true);
  });

  it("answers what-if: a suggested site raises coverage, closing every site drops it to nothing", async () => {
    const base = (await get("/api/coverage?region=monaco&kind=playground&minutes=10")).body as { buildings: { covered: number; share: number } };
    const suggest = (await get("/api/coverage/suggest?region=monaco&kind=playground&minutes=10&k=2")).body as { suggestions: Array<{ lon: number; lat: number; gainM2: number }> };
    expect(suggest.suggestions).toHaveLength(2);
    expect(suggest.suggestions[0]!.gainM2).toBeGreaterThanOrEqual(suggest.suggestions[1]!.gainM2);
    const s = suggest.suggestions[0]!;
    const added = (await get(`/api/coverage?region=monaco&kind=playground&minutes=10&site=${s.lat},${s.lon}`)).body as { buildings: { share: number }; land: { covered: number } };
    expect(added.buildings.share).toBeGreaterThanOrEqual(base.buildings.share);
    const places = (await t.get("/api/places?region=monaco&category=play")).body as { features: Array<{ id: string; properties: { kind: string } }> };
    const ids = places.features.filter((f) => f.properties.kind === "playground").map((f) => f.id);
    const closed = (await get(`/api/coverage?region=monaco&kind=playground&minutes=10&remove=${encodeURIComponent(ids.join(","))}`)).body as { sites: number; buildings: { covered: number } };
    expect(closed.sites).toBe(0);
    expect(closed.buildings.covered).toBe(0);
  });

  it("exports the layer as GeoJSON and the table as CSV and xlsx", async () => {
    const layer = (await get("/api/coverage?region=monaco&standard=playground-5&format=geojson")).body as { features: Array<{ properties: { covered: boolean; minutes: number | null } }> };
    expect(layer.features.some((f) => f.properties.covered)).toBe(true);
    expect(layer.features.some((f) => !f.properties.covered)).toBe(true);
    const streets = (await get("/api/coverage?region=monaco&standard=playground-5&format=streets")).body as { features: Array<{ geometry: { type: string }; properties: { minutes: number } }> };
    expect(streets.features.length).toBeGreaterThan(1000);
    expect(streets.features.every((f) => f.geometry.type === "LineString" && f.properties.minutes <= 15)).toBe(true);
    expect(streets.features.some((f) => f.properties.minutes < 1)).toBe(true);
    const csv = (await get("/api/coverage?region=monaco&standard=playground-5&format=csv")).body as Buffer;
    expect(csv.toString("utf8")).toContain("覆盖率");
    const xlsx = (await get("/api/coverage?region=monaco&standard=playground-5&format=xlsx")).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    expect(workbook.getWorksheet("居住区")!.rowCount).toBeGreaterThan(500);
  });

  it("refuses bad input with a 4xx and the field", async () => {
    expect((await get("/api/coverage?region=monaco&kind=castle&minutes=5")).body).toMatchObject({ field: "kind" });
    expect((await get("/api/coverage?region=monaco&kind=playground&minutes=99")).body).toMatchObject({ field: "minutes" });
    expect((await get("/api/coverage?region=monaco&kind=playground&minutes=5&site=here")).body).toMatchObject({ field: "site" });
    // Positions are lat,lon everywhere; a longitude of 200 is none.
    expect((await get("/api/coverage?region=monaco&kind=playground&minutes=5&site=43.7350,200")).body).toMatchObject({ field: "site" });
    // The old spelling (lon,lat under add=) is refused, naming the new one.
    const old = await get("/api/coverage?region=monaco&kind=playground&minutes=5&add=7.4200,43.7350");
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ code: "invalid_parameter", field: "add" });
    expect((old.body as { message: string }).message).toContain("site=lat,lon");
    expect((await get("/api/coverage?region=monaco&kind=playground&minutes=5&unknown=1")).body).toMatchObject({ field: "unknown" });
    expect((await get("/api/coverage?region=nowhere&kind=playground&minutes=5")).status).toBe(404);
    expect((await get("/api/coverage?region=hengyang&kind=playground&minutes=5")).status).toBe(404);
  });
});
