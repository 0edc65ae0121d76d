/** The places domain's tables: places (with the dialect's spatial index) and the import log. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run, after the regions domain's (places reference regions). */
export const placeMigrations: readonly Migration[] = [
  {
    domain: "places",
    name: "0001-places-and-imports",
    legacyVersion: 1,
    common: `
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
    domain: "places",
    name: "0002-other-names",
    legacyVersion: 2,
    common: `
      ALTER TABLE places ADD COLUMN name_alt TEXT NOT NULL DEFAULT '[]'`,
  },
  {
    // Reviews, corrections and ideas refer to places by foreign key (issue 16). A place they
    // refer to is never deleted: removing it (a staff fix, an import whose source dropped
    // it) stamps removed_at, and nothing serves it any more; one nothing refers to is deleted.
    domain: "places",
    name: "0003-removed-places",
    common: `
      ALTER TABLE places ADD COLUMN removed_at TEXT;
      CREATE INDEX places_source ON places(region_id, source);`,
  },
];
