/**
 * The Chinese sample city: a first start asked for the Nanjing sample (TONGXING_SAMPLES)
 * loads Xinjiekou's OSM extract as region "nanjing" with its places, basemap, child-safe
 * routes whose instructions name the streets as the map does (name:zh, else name),
 * coverage, and search in characters and pinyin; a second start loads nothing again. The
 * Beijing and Changsha extracts import the same way as `tongxing import osm` does.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchoolRoutesAnswer } from "../core/api/schoolroutes.ts";
import type { JourneyAnswer } from "../core/api/transit.ts";
import { readOsmFile } from "../osm/index.ts";
import { checkOsmPlaces } from "../places/index.ts";
import { type Config, loadConfig } from "../platform/config.ts";
import { RegionDirectory } from "../regions/index.ts";
import { sampleFiles } from "./bootstrap.ts";
import { openDatabase } from "./database.ts";
import { addUser } from "./plan-commands.ts";
import { importOsmExtract } from "./osm-extract.ts";
import { type RunningServer, startServer } from "./server.ts";
import { SAMPLES, SHARED_OSM_DIR } from "./samples.ts";

const NANJING = SAMPLES.find((s) => s.regionId === "nanjing")!;
const CHAOTIANGONG = "32.0366702,118.7700995";
const LIBRARY = "32.0440377,118.7905243";

/** The tile of a position at a zoom, as MapLibre asks for it. */
function tileAt(lon: number, lat: number, zoom: number): [number, number] {
  const n = 2 ** zoom;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

interface RouteAnswer {
  features: Array<{ properties: { distanceM: number; instructions: Array<{ type: string; text: string }> } }>;
}

describe.skipIf(!fs.existsSync(NANJING.file(loadConfig({}))))("the Nanjing sample", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-nanjing-"));
  const lines: string[] = [];
  let config: Config;
  let server: RunningServer;
  const get = async <T>(pathAndQuery: string): Promise<T> => {
    const response = await fetch(server.url + pathAndQuery);
    expect(response.status, pathAndQuery).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    config = Object.assign(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { TONGXING_SAMPLES: "nanjing" });
    server = await startServer(config, { buildWeb: false, say: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is a region in Chinese and English, in Shanghai's time zone, with its places, streets and coverage", async () => {
    const { regions } = await get<{ regions: Array<Record<string, unknown>> }>("/api/regions");
    expect(regions.map((r) => r["id"])).toEqual(["hengyang", "nanjing"]);
    expect(regions[1]).toMatchObject({ name: { zh: "南京·新街口", en: "Nanjing Xinjiekou" }, timeZone: "Asia/Shanghai", hasBasemap: true, routes: true, coverage: true });
    const expected = checkOsmPlaces(readOsmFile(NANJING.file(config)), { regionId: "nanjing", source: "x", licence: "x", countyAt: () => null, replace: true });
    expect(server.catalog.countIn("nanjing")).toBe(expected.places.length);
    expect(expected.places.length).toBeGreaterThan(50);
    expect(lines.some((line) => line.startsWith(`Imported the ${NANJING.title}:`))).toBe(true);
  });

  it("serves basemap tiles of Xinjiekou", async () => {
    const [x, y] = tileAt(118.7845, 32.0414, 14);
    const tile = await fetch(`${server.url}/tiles/14/${x}/${y}.mvt`);
    expect(tile.status).toBe(200);
    expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("guides a child from 朝天宫 to 南京图书馆 by the streets' Chinese names", async () => {
    const streets = new Set<string>();
    for (const e of readOsmFile(NANJING.file(config))) {
      const name = e.type === "way" && e.tags["highway"] ? (e.tags["name:zh"] ?? e.tags["name"]) : undefined;
      if (name) streets.add(name);
    }
    for (const lang of ["zh", "en"]) {
      const answer = await get<RouteAnswer>(`/api/route?from=${CHAOTIANGONG}&to=${LIBRARY}&profile=child-walk&lang=${lang}`);
      const { distanceM, instructions } = answer.features[0]!.properties;
      expect(distanceM).toBeGreaterThan(2000);
      // Every street an instruction names is one of the extract's, written in characters.
      const named = instructions.map((step) => /([\u4e00-\u9fff·]{2,})/.exec(step.text.replace(/^(沿|右转进入|左转进入|继续沿|到达)/, ""))?.[1]).filter((n) => n !== undefined);
      expect(named.length, lang).toBeGreaterThan(5);
      const known = named.filter((name) => [...streets].some((street) => name.startsWith(street) || street.startsWith(name)));
      expect(known.length / named.length, `${lang}: ${named.join(" ")}`).toBeGreaterThan(0.8);
    }
    const zh = await get<RouteAnswer>(`/api/route?from=${CHAOTIANGONG}&to=${LIBRARY}&profile=child-walk&lang=zh`);
    expect(zh.features[0]!.properties.instructions.map((s) => s.text).join(" ")).toMatch(/进入王府大街|进入长江路|沿莫愁路/);
  });

  it("has its metro and bus lines, and plans journeys on them with the stops' Chinese names, times said to be estimates", async () => {
    expect(lines.find((line) => line.startsWith(`Imported the ${NANJING.title}:`))).toMatch(/, \d+ bus lines$/);
    const stops = await get<{ features: Array<{ properties: { name: string; lines: Array<{ name: string; mode: string }> } }> }>("/api/transit/stops?bbox=118.75,32.02,118.81,32.06");
    const byMode = (mode: string) => new Set(stops.features.flatMap((f) => f.properties.lines.filter((l) => l.mode === mode).map((l) => l.name)));
    expect([...byMode("bus")].sort()).toEqual(expect.arrayContaining(["25", "46"]));
    expect(byMode("metro").size).toBeGreaterThanOrEqual(2);
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
    const answer = await get<JourneyAnswer>(`/api/journey?from=32.0434,118.78&to=32.0514,118.7911&depart=${tomorrow}T09:00&lang=zh`);
    expect(answer).toMatchObject({ region: "nanjing", timeZone: "Asia/Shanghai" });
    const transit = answer.journeys.filter((j) => j.kind === "transit");
    expect(transit.length).toBeGreaterThan(0);
    for (const journey of transit) {
      expect(journey.estimated).toBe(true);
      expect(journey.departure.startsWith(`${tomorrow}T09:`) && journey.departure.endsWith("+08:00")).toBe(true);
      for (const leg of journey.legs) {
        if (leg.mode === "walk") continue;
        expect(leg.from.name + leg.to.name).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/);
      }
    }
  });

  it("finds Nanjing's places by characters, pinyin and initials", async () => {
    for (const [q, name] of [["朝天宫", "朝天宫"], ["chaotiangong", "朝天宫"], ["ctg", "朝天宫"], ["nanjingtushuguan", "南京图书馆"], ["图书馆", "南京图书馆"]] as const) {
      const answer = await get<{ features: Array<{ properties: { name: { zh: string | null }; regionId: string } }> }>(`/api/search?q=${encodeURIComponent(q)}&region=nanjing`);
      expect(answer.features[0]?.properties.name.zh, q).toBe(name);
    }
  });

  it("analyses the walks to its schools: Chinese names, middle schools told from primary ones, crossings ranked", async () => {
    process.env["TONGXING_PASSWORD"] = "safe walks in xinjiekou 2026";
    try {
      expect((await addUser(server.db, { username: "njplanner", role: "leader", name: "规划师" })).ok).toBe(true);
      const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "njplanner", password: "safe walks in xinjiekou 2026" }) });
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const answer = (await (await fetch(`${server.url}/api/schoolroutes?region=nanjing`, { headers: { cookie } })).json()) as SchoolRoutesAnswer;
      const kinds = new Map(answer.schools.map((school) => [school.name, school.kind]));
      expect(kinds.get("长江路小学")).toBe("primary");
      expect(kinds.get("南京五中")).toBe("secondary");
      expect(kinds.get("金陵中学")).toBe("secondary");
      expect(answer.schools.filter((school) => school.homes > 0).length).toBeGreaterThanOrEqual(8);
      expect(answer.crossings.length).toBeGreaterThan(0);
      expect(answer.crossings.some((c) => c.road.name !== null && /[\u4e00-\u9fff]/.test(c.road.name))).toBe(true);
    } finally {
      delete process.env["TONGXING_PASSWORD"];
    }
  });

  it("loads nothing again on the next start", async () => {
    const again: string[] = [];
    const second = await startServer(config, { buildWeb: false, say: (line) => again.push(line) });
    const count = second.catalog.countIn("nanjing");
    await second.close();
    expect(count).toBe(server.catalog.countIn("nanjing"));
    expect(again.filter((line) => /sample|region/i.test(line))).toEqual([]);
  });
});

describe.skipIf(!fs.existsSync(path.join(SHARED_OSM_DIR, "beijing-haidian-wudaokou-2017.osm")))("the other Chinese extracts", () => {
  it.each([
    ["beijing", "beijing-haidian-wudaokou-2017.osm", 30],
    ["changsha", "changsha-yuelu-2021-07-27.osm", 1],
  ])("%s imports as `tongxing import osm` does: places, tiles, streets and coverage data", async (regionId, file, minPlaces) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tongxing-${regionId}-`));
    const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    try {
      const directory = new RegionDirectory();
      const options = { regionId, name: { zh: regionId, en: regionId }, timeZone: "Asia/Shanghai", dataDir, replace: false };
      const result = await importOsmExtract(db, directory, path.join(SHARED_OSM_DIR, file), options);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.places).toBeGreaterThanOrEqual(minPlaces);
      expect(result.tiles).toBeGreaterThan(0);
      for (const written of sampleFiles(dataDir, regionId)) expect(fs.statSync(written).size, written).toBeGreaterThan(0);
      expect(directory.get(regionId)).toMatchObject({ timeZone: "Asia/Shanghai" });
      // A second import of the same file changes nothing and is not refused.
      const again = await importOsmExtract(db, directory, path.join(SHARED_OSM_DIR, file), options);
      expect(again.ok && again.places).toBe(result.places);
      if (regionId === "beijing") expect(result.busLines).toBeGreaterThan(0);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
