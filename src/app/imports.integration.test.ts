/**
 * Importers against the real databases: a good spreadsheet lands whole with its
 * coordinates converted, a bad one changes nothing, and the running catalog picks up
 * changes without a restart. Also the CLI, as a city integrator runs it.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gcj02ToBd09, wgs84ToGcj02 } from "../core/geo.ts";
import { countPlaces, importSitesFile } from "../places/index.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { parseDivisions, replaceDivisions } from "../regions/index.ts";
import { type TestServer, startTestServer } from "./test-server.ts";

const run = promisify(execFile);

describe.each(testDialects())("imports on %s", (dialect) => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-import-"));
  });
  afterAll(async () => {
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const target = (crs: "wgs84" | "gcj02" | "bd09") => ({
    regionId: "hengyang", crs, source: "市教育局 test", licence: "test",
    countyAt: (id: string, lon: number, lat: number) => t.server.directory.countyAt(id, lon, lat),
  });

  it("imports an xlsx in GCJ-02, converts to WGS-84 and fills the district", async () => {
    const [gLon, gLat] = wgs84ToGcj02(112.6154, 26.8406);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("幼儿园");
    sheet.addRow(["name_zh", "name_en", "categories", "facilities", "age_min", "age_max", "opening_hours", "lon", "lat"]);
    sheet.addRow(["雁峰示范幼儿园", "Yanfeng Kindergarten", "care", "toilets;shade", 3, 6, "Mo-Fr 07:30-17:30", gLon, gLat]);
    const file = path.join(dir, "sites.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await importSitesFile(t.server.db, file, target("gcj02"));
    expect(result.ok).toBe(true);
    await t.server.catalog.reload(t.server.db);
    const { body } = await t.get("/api/places/nearby?lat=26.8406&lon=112.6154&k=1&category=care");
    const feature = (body as { features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }> }).features[0]!;
    expect((feature.properties["name"] as { zh: string }).zh).toBe("雁峰示范幼儿园");
    expect(feature.geometry.coordinates[0]).toBeCloseTo(112.6154, 6);
    expect(feature.geometry.coordinates[1]).toBeCloseTo(26.8406, 6);
    expect(feature.properties["districtCode"]).toBe("430406");
    expect(feature.properties["districtName"]).toBe("雁峰区");
  });

  it("imports GeoJSON in BD-09", async () => {
    const [bLon, bLat] = gcj02ToBd09(...wgs84ToGcj02(112.62, 26.9));
    const file = path.join(dir, "rooms.geojson");
    fs.writeFileSync(file, JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point", coordinates: [bLon, bLat] }, properties: { name_zh: "火车站母婴室", categories: ["services"], kind: "baby_room", facilities: "changing_table;nursing_room" } }],
    }));
    const result = await importSitesFile(t.server.db, file, { ...target("bd09"), source: "baidu test" });
    expect(result.ok && result.places).toBe(1);
  });

  it("changes nothing when one row of a file is bad, and says which", async () => {
    const before = await countPlaces(t.server.db);
    const file = path.join(dir, "bad.csv");
    fs.writeFileSync(file, "name_zh,categories,lon,lat\n好公园,leisure,112.6,26.9\n坏公园,leisure,abc,26.9\n");
    const result = await importSitesFile(t.server.db, file, { ...target("wgs84"), source: "bad source" });
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, field: "lon" }] });
    expect(await countPlaces(t.server.db)).toBe(before);
  });

  it("rolls back a division import whose second write fails", async () => {
    const before = await t.server.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM divisions");
    const parsed = parseDivisions("hengyang", "code,level,name,parent_code\n430405,county,珠晖区,\n", null);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const broken = [...parsed.divisions, { ...parsed.divisions[0]! }];
    await expect(t.server.db.transaction((tx) => replaceDivisions(tx, "hengyang", broken))).rejects.toThrow();
    const after = await t.server.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM divisions");
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
  });
});

describe("the tongxing CLI", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-cli-"));
  const cli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" } });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("imports an OSM XML extract as a new region with tiles", async () => {
    const { stdout } = await cli("import", "osm", path.resolve(REPO_ROOT, "../shared/data/osm/west-oakland.osm"), "--region", "oakland", "--name-en", "West Oakland", "--time-zone", "America/Los_Angeles");
    expect(stdout).toMatch(/Imported \d+ places and \d+ tiles into oakland/);
    expect(fs.existsSync(path.join(dataDir, "tiles/oakland.mbtiles"))).toBe(true);
  });

  it("refuses a sites file without a coordinate system, naming the flag", async () => {
    const file = path.join(dataDir, "s.csv");
    fs.writeFileSync(file, "name_zh,categories,lon,lat\n甲,play,1,1\n");
    await expect(cli("import", "sites", file, "--region", "oakland")).rejects.toMatchObject({ stderr: expect.stringContaining("--crs") });
  });

  it("reports every bad row and exits non-zero", async () => {
    const file = path.join(dataDir, "bad.csv");
    fs.writeFileSync(file, "name_zh,categories,lon,lat\n甲,play,1,1\n乙,flying,1,1\n");
    await expect(cli("import", "sites", file, "--region", "oakland", "--crs", "wgs84")).rejects.toMatchObject({ stderr: expect.stringContaining("row 2, categories") });
  });

  it("says an OSM file is broken instead of crashing", async () => {
    const file = path.join(dataDir, "broken.osm.pbf");
    fs.writeFileSync(file, "not a pbf at all");
    await expect(cli("import", "osm", file, "--region", "broken")).rejects.toMatchObject({ stderr: expect.stringContaining("Not a valid OSM file") });
  });
});
