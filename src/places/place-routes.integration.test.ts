/**
 * The places API over real HTTP, on SQLite and on PostgreSQL/PostGIS, with the real
 * bundled Hengyang data and the real Monaco OSM sample.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

interface Collection {
  type: string;
  count: number;
  truncated: boolean;
  features: Array<{ id: string; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> & { categories: string[]; facilities: string[]; distanceM?: number } }>;
}

describe.each(testDialects())("places API on %s", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("reports health with the database in use", async () => {
    const { status, body } = await t.get("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: dialect });
    expect((body as { places: number }).places).toBeGreaterThan(50);
  });

  it("lists both bundled regions with their place counts", async () => {
    const { body } = await t.get("/api/regions");
    const regions = (body as { regions: Array<{ id: string; placeCount: number; hasBasemap: boolean; timeZone: string }> }).regions;
    const byId = Object.fromEntries(regions.map((r) => [r.id, r]));
    expect(byId["hengyang"]).toMatchObject({ hasBasemap: false, timeZone: "Asia/Shanghai" });
    expect(byId["hengyang"]!.placeCount).toBeGreaterThanOrEqual(8);
    expect(byId["monaco"]).toMatchObject({ hasBasemap: true, timeZone: "Europe/Monaco" });
    expect(byId["monaco"]!.placeCount).toBeGreaterThan(50);
    // Monaco has OSM streets and residential areas; Hengyang's bundled data has neither.
    expect(byId["monaco"]).toMatchObject({ routes: true, coverage: true });
    expect(byId["hengyang"]).toMatchObject({ routes: false, coverage: false });
  });

  it("serves Hengyang's 12 county boundaries", async () => {
    const { body } = await t.get("/api/regions/hengyang/boundaries");
    const collection = body as { features: Array<{ properties: { name: string } }> };
    expect(collection.features).toHaveLength(12);
    expect(collection.features.map((f) => f.properties.name)).toContain("雁峰区");
  });

  it("returns the plan's named places in Hengyang with district-level locations", async () => {
    const { body } = await t.get("/api/places?region=hengyang");
    const names = (body as Collection).features.map((f) => (f.properties["name"] as { zh: string }).zh);
    expect(names).toEqual(expect.arrayContaining(["南湖公园", "酃湖公园", "西湖公园", "平湖公园"]));
    const park = (body as Collection).features.find((f) => (f.properties["name"] as { zh: string }).zh === "南湖公园")!;
    expect(park.properties).toMatchObject({ precision: "district", regionId: "hengyang" });
    expect(park.properties["districtName"]).toMatch(/区|县|市/);
    expect((park.properties["name"] as { pinyin: string }).pinyin).toBe("nan hu gong yuan");
  });

  it("finds Monaco's playgrounds in a bbox, all of them play places inside it", async () => {
    const bbox = [7.40, 43.72, 7.44, 43.76];
    const { status, body } = await t.get(`/api/places?bbox=${bbox.join(",")}&category=play`);
    expect(status).toBe(200);
    const c = body as Collection;
    expect(c.type).toBe("FeatureCollection");
    expect(c.count).toBeGreaterThanOrEqual(10);
    for (const f of c.features) {
      expect(f.properties.categories).toContain("play");
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= bbox[0]! && lon <= bbox[2]! && lat >= bbox[1]! && lat <= bbox[3]!).toBe(true);
    }
  });

  it("combines category and facility filters (all facilities must be present)", async () => {
    const all = (await t.get("/api/places?region=monaco")).body as Collection;
    const filtered = (await t.get("/api/places?region=monaco&facility=wheelchair")).body as Collection;
    const expected = all.features.filter((f) => f.properties.facilities.includes("wheelchair"));
    expect(filtered.count).toBe(expected.length);
    expect(filtered.count).toBeLessThan(all.count);
  });

  it("says how many playgrounds open_now left out for unknown hours, and lets them in with unknown=include", async () => {
    const strict = (await t.get("/api/places?region=monaco&category=play&open_now=true")).body as Collection & { leftOut: { total: number; unknownHours: number; unknownFacilities: number } };
    const playgrounds = ((await t.get("/api/places?region=monaco&category=play")).body as Collection).features
      .filter((f) => f.properties["kind"] === "playground");
    const unknownHours = playgrounds.filter((f) => (f.properties["open"] as { state: string }).state === "unknown");
    expect(unknownHours.length).toBeGreaterThanOrEqual(10);
    expect(strict.leftOut.unknownHours).toBeGreaterThanOrEqual(unknownHours.length);
    expect(strict.leftOut).toMatchObject({ unknownFacilities: 0 });
    const relaxed = (await t.get("/api/places?region=monaco&category=play&open_now=true&unknown=include")).body as Collection & { leftOut?: unknown };
    expect(relaxed.leftOut).toBeUndefined();
    expect(relaxed.count).toBe(strict.count + strict.leftOut.total);
    expect(relaxed.features.map((f) => f.id)).toEqual(expect.arrayContaining(unknownHours.map((f) => f.id)));
  });

  it("counts places with no facility recorded as unknown, not absent, for a facility filter", async () => {
    const all = ((await t.get("/api/places?region=monaco")).body as Collection).features;
    const none = all.filter((f) => f.properties.facilities.length === 0).length;
    const strict = (await t.get("/api/places?region=monaco&facility=toilets")).body as Collection & { leftOut: { unknownFacilities: number; unknownHours: number } };
    expect(strict.leftOut).toEqual({ total: none, unknownHours: 0, unknownFacilities: none });
    const relaxed = (await t.get("/api/places?region=monaco&facility=toilets&unknown=include")).body as Collection;
    expect(relaxed.count).toBe(strict.count + none);
    // No filter that unknowns could fail: no leftOut at all.
    expect((await t.get("/api/places?region=monaco&category=play")).body).not.toHaveProperty("leftOut");
  });

  it("explains a bad places query in the reader's language", async () => {
    const zh = await t.get("/api/places?region=atlantis");
    expect((zh.body as { message: string }).message).toMatch(/没有这个地区/);
    const en = await fetch(`${t.base}/api/places?region=atlantis`, { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(((await en.json()) as { message: string }).message).toMatch(/no region/);
    const missing = await t.get("/api/places/osm:n999999999999");
    expect((missing.body as { message: string }).message).toMatch(/找不到地点/);
  });

  it("returns the k nearest places, nearest first, with distances", async () => {
    const { body } = await t.get("/api/places/nearby?lat=43.7384&lon=7.4246&k=5");
    const c = body as Collection;
    expect(c.features).toHaveLength(5);
    const distances = c.features.map((f) => f.properties.distanceM!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[0]).toBeLessThan(1000);
  });

  it("returns one place by id and 404 for an unknown one", async () => {
    const list = (await t.get("/api/places?region=monaco&limit=1")).body as Collection;
    const id = list.features[0]!.id;
    const one = await t.get(`/api/places/${encodeURIComponent(id)}`);
    expect(one.status).toBe(200);
    expect((one.body as { id: string }).id).toBe(id);
    const missing = await t.get("/api/places/osm:n999999999999");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "not_found" });
  });

  it.each([
    ["/api/places", "bbox"],
    ["/api/places?bbox=1,2,3", "bbox"],
    ["/api/places?bbox=7.44,43.72,7.40,43.76", "bbox"],
    ["/api/places?bbox=NaN,1,2,3", "bbox"],
    ["/api/places?bbox=0,0,50,50", "bbox"],
    ["/api/places?bbox=-200,0,1,1", "bbox"],
    ["/api/places?region=monaco&category=unicorns", "category"],
    ["/api/places?region=monaco&facility=jacuzzi", "facility"],
    ["/api/places?region=monaco&age=-1", "age"],
    ["/api/places?region=monaco&limit=0", "limit"],
    ["/api/places?region=monaco&limit=999999", "limit"],
    ["/api/places?region=atlantis", "region"],
    ["/api/places?region=monaco&open_now=maybe", "open_now"],
    ["/api/places/nearby?lat=91&lon=0", "lat"],
    ["/api/places/nearby?lat=abc&lon=0", "lat"],
    ["/api/places/nearby?lat=1e999&lon=0", "lat"],
    ["/api/places/nearby?lat=43.7&lon=7.4&k=1000", "k"],
    ["/api/places/nearby?lon=7.4", "lat"],
    ["/api/places/DROP%20TABLE%20places", "id"],
    ["/api/regions/NOT%20VALID/boundaries", "id"],
  ])("answers %s with a 400 naming %s", async (url, field) => {
    const { status, body, headers } = await t.get(url);
    expect(status).toBe(400);
    expect(headers.get("content-type")).toContain("application/json");
    expect(body).toMatchObject({ code: "invalid_parameter", field });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const { status, body } = await t.get("/api/nothing-here");
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: "not_found" });
  });

  it("describes itself in OpenAPI", async () => {
    const { body } = await t.get("/api/openapi.json");
    const doc = body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/places", "/api/places/nearby", "/api/places/{id}", "/api/regions", "/api/search", "/api/route", "/api/plan", "/api/reports", "/api/places/{id}/reviews", "/api/moderation/queue", "/api/family/children"]));
    // Every documented operation exists on the server, so the document cannot promise a path that is gone.
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations as object)) {
        const url = route.replace(/\{(\w+)\}/g, ":$1");
        expect(t.server.app.hasRoute({ method: method.toUpperCase() as "GET", url }), `${method} ${route}`).toBe(true);
      }
    }
  });

  it("serves gzip vector tiles for Monaco and 204 elsewhere", async () => {
    const tile = await fetch(`${t.base}/tiles/14/8529/5974.mvt`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
    expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await fetch(`${t.base}/tiles/14/0/0.mvt`)).status).toBe(204);
    expect((await fetch(`${t.base}/tiles/3/9/0.mvt`)).status).toBe(400);
  });

  it("serves pictures of the tiles for a phone's first view: WebP of 512 or 1024 pixels, 204 where empty, 400 on a bad address", async () => {
    const sharp = (await import("sharp")).default;
    for (const [ratio, side] of [["", 512], ["?ratio=2", 1024]] as const) {
      const picture = await fetch(`${t.base}/tiles/14/8529/5974.webp${ratio}`);
      expect(picture.status).toBe(200);
      expect(picture.headers.get("content-type")).toBe("image/webp");
      const image = sharp(Buffer.from(await picture.arrayBuffer()));
      expect(await image.metadata()).toMatchObject({ format: "webp", width: side, height: side });
      // Drawn, not blank: a street tile of Monaco has many colours (land use, roads, buildings).
      const { data } = await image.raw().toBuffer({ resolveWithObject: true });
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 3 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      expect(colours.size).toBeGreaterThan(20);
    }
    expect((await fetch(`${t.base}/tiles/14/0/0.webp`)).status).toBe(204);
    expect((await fetch(`${t.base}/tiles/15/0/0.webp`)).status).toBe(204);
    const bad = await fetch(`${t.base}/tiles/14/8529/5974.webp?ratio=3`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_parameter", field: "ratio" });
    expect((await fetch(`${t.base}/tiles/3/9/0.webp`)).status).toBe(400);
  });
});
