/**
 * The transit domain's tables: one row per region with its timetable (from GTFS or OSM bus
 * lines) as a compact blob every instance loads, its counts for people and tools, and the
 * import log.
 */
import type { Migration } from "../platform/database/migrations.ts";

export const transitMigrations: readonly Migration[] = [
  {
    domain: "transit",
    name: "0001-transit-feeds",
    common: `
      CREATE TABLE transit_imports (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL,
        source TEXT NOT NULL,
        file_name TEXT NOT NULL,
        stops INTEGER NOT NULL,
        routes INTEGER NOT NULL,
        trips INTEGER NOT NULL,
        finished_at TEXT NOT NULL
      );`,
    sqlite: `
      CREATE TABLE transit_feeds (
        region_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        stops INTEGER NOT NULL, routes INTEGER NOT NULL, trips INTEGER NOT NULL,
        first_date INTEGER NOT NULL, last_date INTEGER NOT NULL,
        estimated INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        data BLOB NOT NULL
      );`,
    postgres: `
      CREATE TABLE transit_feeds (
        region_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        stops INTEGER NOT NULL, routes INTEGER NOT NULL, trips INTEGER NOT NULL,
        first_date INTEGER NOT NULL, last_date INTEGER NOT NULL,
        estimated INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        data BYTEA NOT NULL
      );`,
  },
];
