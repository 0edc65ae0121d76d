/**
 * The school-route domain's tables: the catchments a city imported (one polygon per school,
 * GeoJSON geometry as text), shared by every instance. Everything else the analysis reads is
 * derived from the region's OSM extract at import (school-data.ts).
 */
import type { Migration } from "../platform/database/migrations.ts";

export const schoolRouteMigrations: readonly Migration[] = [
  {
    domain: "schoolroutes",
    name: "0001-school-catchments",
    common: `
      CREATE TABLE school_catchments (
        region_id TEXT NOT NULL,
        school_id TEXT NOT NULL,
        name TEXT,
        geometry TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (region_id, school_id)
      );`,
  },
];
