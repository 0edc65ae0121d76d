/**
 * First start: without the OSM sample the bundled city still serves and the user is told
 * how to import; a load that fails or is killed part-way leaves nothing half-saved, and the
 * next start finishes what an interrupted one left undone, a sample's bus lines included.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { basemapFeatures, buildBasemapTiles } from "../basemap/index.ts";
import { regionSchema } from "../core/region.ts";
import { readOsmFile } from "../osm/index.ts";
import { checkOsmPlaces, checkSitesFile } from "../places/index.ts";
import { type Config, loadConfig } from "../platform/config.ts";
import { openDatabase } from "./database.ts";
import { createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { RegionDirectory, upsertRegion } from "../regions/index.ts";
import { hasFeed } from "../transit/index.ts";
import { REGIONS_DATA_DIR, SAMPLE_REGION_ID, sampleFiles } from "./bootstrap.ts";
import { loadRegionFolder } from "./region-folder.ts";
import { startServer } from "./server.ts";

const HENGYANG = path.join(REGIONS_DATA_DIR, "hengyang");
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const freshDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** The configuration with TONGXING_SAMPLES set (config.ts may not carry the setting yet: samples.ts reads it either way). */
function withSamples(config: Config, samples: string): Config {
  return Object.assign(config, { TONGXING_SAMPLES: samples });
}

describe("first start", () => {
  it("works without the OSM sample and says how to import an extract", async () => {
    const dataDir = freshDir("tongxing-nosample-");
    const lines: string[] = [];
    const config = withSamples(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_SAMPLE_OSM: path.join(dataDir, "missing.osm.pbf") }), "monaco");
    const server = await startServer(config, { buildWeb: false, say: (line) => lines.push(line) });
    try {
      const regions = (await (await fetch(`${server.url}/api/regions`)).json()) as { regions: Array<{ id: string }> };
      expect(regions.regions.map((r) => r.id)).toEqual(["hengyang"]);
      expect(lines.join("\n")).toMatch(/import osm/);
      expect((await fetch(`${server.url}/tiles/14/8529/5974.mvt`)).status).toBe(204);
    } finally {
      await server.close();
    }
    // A second start finds everything in place and loads nothing again.
    const again: string[] = [];
    const second = await startServer(config, { buildWeb: false, say: (line) => again.push(line) });
    await second.close();
    expect(again.some((l) => l.startsWith("Loaded region"))).toBe(false);
  });
});

describe("a sample's bus lines", () => {
  it("are imported on the next start when a start stopped after the places and before them", async () => {
    const dataDir = freshDir("tongxing-buslines-");
    const config = withSamples(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" }), "monaco");
    const first: string[] = [];
    await (await startServer(config, { buildWeb: false, say: (line) => first.push(line) })).close();
    expect(first.find((line) => line.startsWith("Imported the OSM sample:"))).toMatch(/, \d+ bus lines$/);
    // What a start killed between the places' transaction and the lines' leaves behind.
    const db = await openDatabase(config);
    await db.run("DELETE FROM transit_feeds WHERE region_id = ?", [SAMPLE_REGION_ID]);
    expect(await hasFeed(db, SAMPLE_REGION_ID)).toBe(false);
    await db.close();
    const again: string[] = [];
    const second = await startServer(config, { buildWeb: false, say: (line) => again.push(line) });
    try {
      expect(again).toEqual([expect.stringMatching(/^Imported the bus lines of the OSM sample: \d+ lines$/)]);
      const stops = (await (await fetch(`${second.url}/api/transit/stops?bbox=7.40,43.72,7.44,43.76`)).json()) as { features: unknown[] };
      expect(stops.features.length).toBeGreaterThan(10);
    } finally {
      await second.close();
    }
  });
});

/** Files of the names the sample's import writes, readable but empty: tiles without a tile, data of an old format. */
function writeStandIns([tiles, routing, access]: string[]): void {
  for (const file of [tiles!, routing!, access!]) fs.mkdirSync(path.dirname(file), { recursive: true });
  buildBasemapTiles(tiles!, SAMPLE_REGION_ID, basemapFeatures([]), [7.40, 43.72, 7.44, 43.76], "stand-in");
  fs.writeFileSync(routing!, v8.serialize({ version: 0 }));
  fs.writeFileSync(access!, JSON.stringify({ version: 0 }));
}

describe.each(testDialects())("a first start stopped part-way, on %s", (dialect) => {
  it("saves nothing of a region folder whose places cannot be loaded", async () => {
    const folder = freshDir("tongxing-folder-");
    for (const file of ["region.json", "divisions.csv", "counties.geojson"]) fs.copyFileSync(path.join(HENGYANG, file), path.join(folder, file));
    fs.writeFileSync(path.join(folder, "places.csv"), "name_zh,categories,lon,lat\n南湖公园,leisure,112.61,26.84\n坏公园,leisure,abc,26.9\n");
    const database = await createTestDatabase(dialect);
    const db = await openDatabase({ DATA_DIR: freshDir("tongxing-folder-data-"), DATABASE_URL: database.url });
    try {
      await expect(loadRegionFolder(db, new RegionDirectory(), folder, { replace: true })).rejects.toThrow(/places\.csv row 2, lon/);
      expect(await db.all("SELECT id FROM regions")).toEqual([]);
      expect(await db.all("SELECT code FROM divisions")).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });

  it("finishes on the next start the loads a killed first start left half done", async () => {
    const dataDir = freshDir("tongxing-halfdone-");
    const database = await createTestDatabase(dialect);
    const config = withSamples(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(database.url ? { DATABASE_URL: database.url } : {}) }), "monaco");
    // What a start killed between a load's steps left: each region saved without its
    // places, and the sample's files already written (here readable stand-ins with no data).
    const db = await openDatabase(config);
    const hengyang = regionSchema.parse(JSON.parse(fs.readFileSync(path.join(HENGYANG, "region.json"), "utf8")));
    await upsertRegion(db, hengyang, false);
    await upsertRegion(db, { ...hengyang, id: SAMPLE_REGION_ID, timeZone: "Europe/Monaco", bbox: [7.40, 43.72, 7.44, 43.76], center: [7.42, 43.74] }, true);
    await db.close();
    writeStandIns(sampleFiles(dataDir));
    const target = { source: "expected", licence: "expected", countyAt: () => null, replace: true };
    const hengyangPlaces = await checkSitesFile(path.join(HENGYANG, "places.csv"), { ...target, regionId: "hengyang", crs: "wgs84" });
    const monacoPlaces = checkOsmPlaces(readOsmFile(config.TONGXING_SAMPLE_OSM), { ...target, regionId: SAMPLE_REGION_ID });
    const lines: string[] = [];
    const server = await startServer(config, { buildWeb: false, say: (line) => lines.push(line) });
    try {
      expect(server.catalog.countIn("hengyang")).toBe(hengyangPlaces.ok && hengyangPlaces.places.length);
      expect(server.catalog.countIn(SAMPLE_REGION_ID)).toBe(monacoPlaces.places.length);
      expect(lines).toContain("Region hengyang was not loaded completely (an earlier start stopped part-way); loading it again");
      expect(lines).toContain("The OSM sample was not imported completely (an earlier start stopped part-way); importing it again");
      expect((await (await fetch(`${server.url}/tiles/14/8529/5974.mvt`)).arrayBuffer()).byteLength).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    const again: string[] = [];
    const second = await startServer(config, { buildWeb: false, say: (line) => again.push(line) });
    expect(second.catalog.countIn(SAMPLE_REGION_ID)).toBe(monacoPlaces.places.length);
    await second.close();
    await database.drop();
    expect(again.filter((line) => /region|sample/i.test(line))).toEqual([]);
  });
});
