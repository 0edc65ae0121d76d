/** /api/search and /api/suggest over HTTP on both databases with the real sample data. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

type Feature = { id: string; geometry: { coordinates: [number, number] }; properties: { name: { zh: string | null; en: string | null }; categories: string[]; kind: string; distanceM?: number } };
interface SearchBody {
  count: number;
  features: Feature[];
  fallback: { categories: string[]; features: unknown[] } | null;
  elsewhere: { region: string; count: number; features: Feature[] } | null;
}
interface Suggestion { id: string; icon: string; districtName: string | null; distanceM: number | null; matched: boolean }
interface SuggestBody { suggestions: Suggestion[]; elsewhere: { region: string; count: number; suggestions: Suggestion[] } | null }

const MONACO = "lat=43.7350&lon=7.4200";

describe.each(testDialects())("search API on %s", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.stop();
  });
  const search = async (q: string, extra = "") => (await t.get(`/api/search?q=${encodeURIComponent(q)}${extra}`)).body as SearchBody;

  it.each(["南湖公园", "南湖", "nanhugongyuan", "nan hu", "nhgy", "南湖gy", "nan湖", "Nanhu Park", "nanhu prak"])("finds 南湖公园 first for %s", async (q) => {
    const body = await search(q);
    expect(body.features[0]?.id).toBe("hengyang-nanhu-park");
  });

  it("reads traditional characters", async () => {
    expect((await search("婦幼")).features[0]?.id).toBe("hengyang-maternal-child-hospital");
  });

  it("understands everyday words and ranks the nearest first", async () => {
    const body = await search("滑滑梯", `&${MONACO}`);
    expect(body.count).toBeGreaterThan(3);
    for (const f of body.features.slice(0, 5)) expect(f.properties.categories).toContain("play");
    const distances = body.features.slice(0, 3).map((f) => f.properties.distanceM!);
    expect(distances[0]).toBeLessThanOrEqual(distances[2]!);
  });

  it("combines filters with the text", async () => {
    const body = await search("jardin", `&category=play&${MONACO}`);
    for (const f of body.features) expect(f.properties.categories).toContain("play");
    const all = await search("jardin", `&${MONACO}`);
    expect(all.count).toBeGreaterThan(body.count);
  });

  it("says kindly when nothing matches and offers the nearest of the guessed category", async () => {
    const body = await search("喂奶", `&${MONACO}`);
    expect(body.count).toBe(0);
    expect(body.fallback?.categories).toContain("services");
    expect(body.fallback?.features.length).toBeGreaterThan(0);
  });

  it("suggests from the first character with icon, district and distance", async () => {
    const { body } = await t.get(`/api/suggest?q=${encodeURIComponent("南")}&lat=26.84&lon=112.61`);
    const first = (body as SuggestBody).suggestions[0]!;
    expect(first).toMatchObject({ id: "hengyang-nanhu-park", icon: "park", districtName: "雁峰区", matched: true });
    expect(first.distanceM).toBeLessThan(1000);
  });

  it("picks up a new place without a restart", async () => {
    await t.server.db.run(
      "INSERT INTO places (id, region_id, name_zh, name_en, name_pinyin, categories, kind, facilities, lon, lat, precision, source, licence, imported_at, updated_at) VALUES ('hengyang-test-slide', 'hengyang', '彩虹滑梯乐园', NULL, 'cai hong hua ti le yuan', '[\"play\"]', 'playground', '[]', 112.6, 26.9, 'exact', 'test', 'test', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    expect((await search("chlt")).features[0]?.id).not.toBe("hengyang-test-slide");
    await t.server.catalog.reload(t.server.db);
    expect((await search("chhtly")).features[0]?.id).toBe("hengyang-test-slide");
  });

  it.each([
    ["", 400],
    ["x".repeat(10_000), 400],
  ])("refuses q=%# with %d", async (q, status) => {
    const { status: got, body } = await t.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(got).toBe(status);
    expect(body).toMatchObject({ code: "invalid_parameter", field: "q" });
  });

  it.each(["😀😀", "\u0001\u0002", "%ud800", "' OR 1=1 --", ".*+?[(", "%F0%9F"])("answers hostile input %s safely", async (q) => {
    const raw = q.startsWith("%") ? q : encodeURIComponent(q);
    const { status, body } = await t.get(`/api/search?q=${raw}`);
    expect([200, 400]).toContain(status);
    if (status === 200) expect((body as SearchBody).features).toBeInstanceOf(Array);
    else expect(body).toMatchObject({ code: "invalid_parameter" });
  });

  /** "lat=..&lon=.." at a place of the sample, found by its id. */
  const at = async (id: string) => {
    const [lon, lat] = ((await t.get(`/api/places/${encodeURIComponent(id)}`)).body as Feature).geometry.coordinates;
    return `lat=${lat}&lon=${lon}`;
  };
  const SPA = "osm:n5606923199";
  const JARDIN = "osm:n1864130268";

  it("ranks playgrounds above the spa next to the person for 游乐场 and its typos", async () => {
    const nearSpa = await at(SPA);
    for (const q of ["游乐场", "游乐厂", "playground"]) {
      const body = await search(q, `&region=monaco&${nearSpa}`);
      const kinds = body.features.map((f) => f.properties.kind);
      expect(kinds.slice(0, 5).every((k) => k === "playground" || k === "play_equipment"), `${q}: ${kinds.join(",")}`).toBe(true);
      expect(kinds.indexOf("swimming_pool") === -1 || kinds.indexOf("swimming_pool") > kinds.lastIndexOf("playground")).toBe(true);
    }
  });

  it.each(["ylc", "youlechang"])("reaches Jardin des Enfants through its kind's pinyin: %s", async (q) => {
    const body = await search(q, `&region=monaco&${await at(JARDIN)}`);
    expect(body.features[0]?.id).toBe(JARDIN);
  });

  it("offers Hengyang's 南湖公园 to a search in Monaco, in search and in suggestions", async () => {
    const body = await search("南湖公园", `&region=monaco&${MONACO}`);
    expect(body.elsewhere).toMatchObject({ region: "hengyang", count: 1 });
    expect(body.elsewhere?.features[0]?.id).toBe("hengyang-nanhu-park");
    expect(body.elsewhere?.features[0]?.properties.distanceM).toBeUndefined();
    const { body: suggest } = await t.get(`/api/suggest?q=${encodeURIComponent("南湖公园")}&region=monaco&${MONACO}`);
    expect((suggest as SuggestBody).elsewhere?.suggestions[0]?.id).toBe("hengyang-nanhu-park");
    expect((await search("公园", `&region=monaco&${MONACO}`)).elsewhere).toBeNull();
    expect((await search("南湖公园", "&region=hengyang")).elsewhere).toBeNull();
  });

  it("measures distances from the person only; a focus ranks without distances", async () => {
    const focused = await search("jardin", "&region=monaco&focus_lat=43.7350&focus_lon=7.4200");
    expect(focused.count).toBeGreaterThan(0);
    for (const f of focused.features) expect(f.properties.distanceM).toBeUndefined();
    const person = await search("jardin", `&region=monaco&focus_lat=43.7350&focus_lon=7.4200&${await at(JARDIN)}`);
    const jardin = person.features.find((f) => f.id === JARDIN);
    expect(jardin?.properties.distanceM).toBeLessThan(1);
    const { status } = await t.get("/api/search?q=park&focus_lat=43.7");
    expect(status).toBe(400);
  });

  it("says an unknown region in the request's language", async () => {
    const zh = await t.get("/api/search?q=park&region=nowhere");
    expect(zh.status).toBe(400);
    expect(JSON.stringify(zh.body)).toContain("没有“nowhere”这个地区");
    const en = await t.get("/api/search?q=park&region=nowhere&lang=en");
    expect(JSON.stringify(en.body)).toContain('no region \\"nowhere\\"');
  });

  it("refuses half a location", async () => {
    const { status, body } = await t.get("/api/search?q=park&lat=43.7");
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: "lat" });
  });
});
