/** The regions domain's tables: regions and their administrative divisions. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run; a migration is never edited once released, a change is a new one. */
export const regionMigrations: readonly Migration[] = [
  {
    domain: "regions",
    name: "0001-regions-and-divisions",
    legacyVersion: 1,
    common: `
      CREATE TABLE regions (
        id TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
        center_lon REAL NOT NULL, center_lat REAL NOT NULL, zoom REAL NOT NULL,
        attribution TEXT NOT NULL,
        has_basemap INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE divisions (
        code TEXT PRIMARY KEY,
        region_id TEXT NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        level TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        center_lon REAL, center_lat REAL,
        geometry TEXT
      );
      CREATE INDEX divisions_region ON divisions(region_id, level);`,
  },
];
