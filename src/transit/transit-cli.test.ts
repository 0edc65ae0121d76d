/**
 * `tongxing import gtfs` and `import osm-bus` as the command runs them: what is printed,
 * that a refused feed names file, line and column and stores nothing, and that the flags
 * set the estimated headways and hours.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { transitMigrations } from "./migrations.ts";
import { runTransitImport } from "./transit-cli.ts";
import { OSM_DIR, S48_ZIP } from "./transit-fixtures.ts";
import { loadFeeds } from "./transit-store.ts";
import { readZip } from "./zip-reader.ts";
import { encodeZip } from "./zip-writer.ts";

describe("transit import commands", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-transit-cli-"));
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ DATA_DIR: dir, DATABASE_URL: undefined }, transitMigrations);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports a GTFS feed and says what it stored", async () => {
    const outcome = await runTransitImport(db, "gtfs", "s48", S48_ZIP, {}, "America/New_York");
    expect(outcome).toEqual({ ok: true, lines: ["Imported GTFS transit into s48: 1 line, 94 stops, 176 trips, service 20260908–20261231"] });
  });

  it("refuses a broken feed, naming where, and keeps the feed it had", async () => {
    const files = Object.fromEntries([...readZip(fs.readFileSync(S48_ZIP))].map(([n, f]) => [n, f()]));
    const broken = path.join(dir, "broken.zip");
    fs.writeFileSync(broken, encodeZip({ ...files, "routes.txt": "route_id,route_type,route_short_name\nS48,99999,S48\n" }));
    const outcome = await runTransitImport(db, "gtfs", "s48", broken, {}, "America/New_York");
    expect(outcome.ok).toBe(false);
    expect(outcome.lines[1]).toBe('  routes.txt line 2, column route_type: "99999" is not a number within 0..1799');
    expect((await loadFeeds(db)).get("s48")!.trips).toHaveLength(176);
  });

  it("imports OSM bus lines with the headway and hours of the flags, as estimates", async () => {
    const outcome = await runTransitImport(db, "osm-bus", "monaco", path.join(OSM_DIR, "monaco-2019-09-30.osm.pbf"), { headway: "12", hours: "07:00-20:30" }, "Europe/Monaco");
    expect(outcome.ok).toBe(true);
    expect(outcome.lines[0]).toMatch(/^Imported OSM transit into monaco: \d+ lines, \d+ stops, 13 trips, .*\(headways are estimates\)$/);
    const feed = (await loadFeeds(db)).get("monaco")!;
    expect(new Set(feed.frequencies.map((f) => [f.headway, f.start, f.end, f.estimated].join()))).toEqual(new Set(["720,25200,73800,true"]));
  });

  it("refuses flags it cannot read", async () => {
    const outcome = await runTransitImport(db, "osm-bus", "monaco", path.join(OSM_DIR, "monaco-2019-09-30.osm.pbf"), { hours: "7-20" }, "Europe/Monaco");
    expect(outcome.ok).toBe(false);
    expect(outcome.lines[0]).toMatch(/^--headway is minutes/);
  });
});
