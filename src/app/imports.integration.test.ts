/**
 * Importers against the real databases: a good spreadsheet lands whole with its
 * coordinates converted, a bad one changes nothing, and the running catalog picks up
 * changes without a restart. Also the CLI, as a city integrator runs it.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gcj02ToBd09, wgs84ToGcj02 } from "../core/geo.ts";
import { countPlaces, importSitesFile } from "../places/index.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { openDatabase } from "./database.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { parseDivisions, replaceDivisions } from "../regions/index.ts";
import { type TestServer, startTestServer } from "./test-server.ts";

const run = promisify(execFile);
/** Text encoded as GBK by Debian's iconv, as Excel on a Chinese Windows saves a CSV. */
const gbk = (text: string): Buffer => execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text });

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
    regionId: "hengyang", crs, source: "市教育局 test", licence: "test", replace: false,
    countyAt: (id: string, lon: number, lat: number) => t.server.directory.countyAt(id, lon, lat),
  });
  const sourceCount = async (source: string) =>
    Number((await t.server.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM places WHERE source = ?", [source]))[0]!.n);

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

  it("refuses an empty file and an import that would remove places, unless told to replace", async () => {
    const source = { ...target("wgs84"), source: "市卫健委 test" };
    const two = path.join(dir, "two.csv");
    fs.writeFileSync(two, "id,name_zh,categories,lon,lat\nwj-1,甲诊所,health,112.6,26.9\nwj-2,乙诊所,health,112.61,26.91\n");
    expect(await importSitesFile(t.server.db, two, source)).toMatchObject({ ok: true, places: 2, removed: 0 });
    const header = path.join(dir, "header.csv");
    fs.writeFileSync(header, "id,name_zh,categories,lon,lat\n");
    expect(await importSitesFile(t.server.db, header, { ...source, replace: true })).toMatchObject({
      ok: false, errors: [{ row: 0, field: "file", message: "header.csv has no data rows (it is empty or holds only a header)" }],
    });
    expect(await sourceCount(source.source)).toBe(2);
    const one = path.join(dir, "one.csv");
    fs.writeFileSync(one, "id,name_zh,categories,lon,lat\nwj-2,乙诊所,health,112.61,26.91\n");
    expect(await importSitesFile(t.server.db, one, source)).toMatchObject({ ok: false, wouldRemove: 1, errors: [{ field: "source", message: expect.stringContaining("would remove 1 place") }] });
    expect(await sourceCount(source.source)).toBe(2);
    expect(await importSitesFile(t.server.db, one, { ...source, replace: true })).toMatchObject({ ok: true, places: 1, removed: 1 });
    expect(await sourceCount(source.source)).toBe(1);
  });

  it("imports a GBK-encoded spreadsheet with its Chinese intact", async () => {
    const file = path.join(dir, "gbk.csv");
    fs.writeFileSync(file, gbk("id,name_zh,categories,address,lon,lat\ngbk-1,蒸湘区儿童公园,play,衡阳市蒸湘区（解放西路）,112.58,26.89\n"));
    expect(await importSitesFile(t.server.db, file, { ...target("wgs84"), source: "gbk test" })).toMatchObject({ ok: true, places: 1, encoding: "gb18030" });
    const [row] = await t.server.db.all<{ name_zh: string; address: string }>("SELECT name_zh, address FROM places WHERE id = ?", ["gbk-1"]);
    expect(row).toEqual({ name_zh: "蒸湘区儿童公园", address: "衡阳市蒸湘区（解放西路）" });
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

  it("refuses a header-only file, says how many places an import would remove, and removes them only with --replace", async () => {
    const places = async () => {
      const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined });
      const [row] = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM places WHERE source = ?", ["园林局"]);
      await db.close();
      return Number(row!.n);
    };
    const parks = path.join(dataDir, "parks.csv");
    fs.writeFileSync(parks, `name_zh,categories,lon,lat\n${[1, 2, 3].map((i) => `公园${i},leisure,-122.28${i},37.81`).join("\n")}\n`);
    const args = ["--region", "oakland", "--crs", "wgs84", "--source", "园林局"];
    expect((await cli("import", "sites", parks, ...args)).stdout).toMatch(/Imported 3 places into oakland/);
    const header = path.join(dataDir, "header-only.csv");
    fs.writeFileSync(header, "name_zh,categories,lon,lat\n");
    await expect(cli("import", "sites", header, ...args, "--replace")).rejects.toMatchObject({
      code: 1, stdout: "", stderr: expect.stringContaining("Nothing was imported: header-only.csv has no data rows"),
    });
    expect(await places()).toBe(3);
    fs.writeFileSync(parks, "name_zh,categories,lon,lat\n公园1,leisure,-122.281,37.81\n");
    await expect(cli("import", "sites", parks, ...args)).rejects.toMatchObject({
      code: 1, stderr: expect.stringMatching(/would remove 2 places that source "园林局" brought into oakland[\s\S]*--replace/),
    });
    expect(await places()).toBe(3);
    expect((await cli("import", "sites", parks, ...args, "--replace")).stdout).toMatch(/Imported 1 places into oakland; removed 2 places/);
    expect(await places()).toBe(1);
  });

  it("imports a GBK-encoded CSV and says it converted it; refuses bytes it cannot read, naming the file", async () => {
    const file = path.join(dataDir, "gbk-parks.csv");
    fs.writeFileSync(file, gbk("name_zh,categories,lon,lat\n南湖公园,leisure,-122.29,37.81\n"));
    const { stdout } = await cli("import", "sites", file, "--region", "oakland", "--crs", "wgs84");
    expect(stdout).toMatch(/Imported 1 places into oakland \(the file was GB18030 text, converted\)/);
    const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(await db.all("SELECT name_zh FROM places WHERE source = ?", ["gbk-parks.csv"])).toEqual([{ name_zh: "南湖公园" }]);
    await db.close();
    const binary = path.join(dataDir, "photo.csv");
    fs.writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x80, 0xff]));
    await expect(cli("import", "sites", binary, "--region", "oakland", "--crs", "wgs84")).rejects.toMatchObject({
      code: 1, stderr: expect.stringContaining("photo.csv is not text in UTF-8, UTF-16 (with BOM) or GBK/GB18030"),
    });
  });

  it("says an OSM file is broken instead of crashing", async () => {
    const file = path.join(dataDir, "broken.osm.pbf");
    fs.writeFileSync(file, "not a pbf at all");
    await expect(cli("import", "osm", file, "--region", "broken")).rejects.toMatchObject({ stderr: expect.stringContaining("Not a valid OSM file") });
  });
});
