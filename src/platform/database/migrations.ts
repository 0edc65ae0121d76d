/**
 * Schema migrations, applied in order at start and recorded in schema_migrations.
 * Each step is portable SQL plus, where PostGIS adds something SQLite cannot have
 * (a geography column with a GiST index), a dialect-specific part.
 */
import type { Database } from "./database.ts";

interface Migration {
  readonly id: number;
  readonly name: string;
  readonly common: string;
  readonly sqlite?: string;
  readonly postgres?: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "regions, divisions, places, imports",
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
      CREATE INDEX divisions_region ON divisions(region_id, level);
      CREATE TABLE places (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        name_zh TEXT, name_en TEXT, name_pinyin TEXT,
        categories TEXT NOT NULL,
        kind TEXT NOT NULL,
        facilities TEXT NOT NULL,
        age_min INTEGER, age_max INTEGER,
        opening_hours TEXT,
        address TEXT,
        district_code TEXT, community_code TEXT,
        demonstration_type TEXT, demonstration_year INTEGER,
        lon REAL NOT NULL, lat REAL NOT NULL,
        precision TEXT NOT NULL,
        location_note TEXT,
        source TEXT NOT NULL, licence TEXT NOT NULL, source_id TEXT, imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX places_region ON places(region_id);
      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL,
        format TEXT NOT NULL,
        file_name TEXT NOT NULL,
        places INTEGER NOT NULL,
        finished_at TEXT NOT NULL
      );`,
    sqlite: `
      CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
      CREATE TRIGGER places_rtree_insert AFTER INSERT ON places BEGIN
        INSERT INTO places_rtree VALUES (new.rowid, new.lon, new.lon, new.lat, new.lat);
      END;
      CREATE TRIGGER places_rtree_update AFTER UPDATE OF lon, lat ON places BEGIN
        UPDATE places_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
        WHERE id = new.rowid;
      END;
      CREATE TRIGGER places_rtree_delete AFTER DELETE ON places BEGIN
        DELETE FROM places_rtree WHERE id = old.rowid;
      END;`,
    postgres: `
      CREATE EXTENSION IF NOT EXISTS postgis;
      ALTER TABLE places ADD COLUMN geom geography(Point, 4326)
        GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED;
      CREATE INDEX places_geom ON places USING gist(geom);`,
  },
  {
    id: 2,
    name: "other names of places, for search",
    common: "ALTER TABLE places ADD COLUMN name_alt TEXT NOT NULL DEFAULT '[]'",
  },
];

/** Applies every migration the database has not seen yet, each in its own transaction. */
export async function migrate(db: Database): Promise<number> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set((await db.all<{ id: number }>("SELECT id FROM schema_migrations")).map((r) => Number(r.id)));
  let applied = 0;
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    const extra = db.dialect === "sqlite" ? migration.sqlite : migration.postgres;
    await db.transaction(async (tx) => {
      await tx.exec(migration.common + (extra ?? ""));
      await tx.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)", [
        migration.id,
        migration.name,
        new Date().toISOString(),
      ]);
    });
    applied++;
  }
  return applied;
}
