/**
 * The live-status domain's table: every change venue staff make, one row each, never
 * updated. The id only grows (SQLite AUTOINCREMENT, a PostgreSQL identity; writers take a
 * lock so ids commit in order, status-store.ts): it is the stream's event id, and "the rows
 * after id n" is what an instance or a reconnecting browser has not seen yet. The current
 * status of a place is its newest row of each facet.
 */
import type { Migration } from "../platform/database/migrations.ts";

const COLUMNS = `
  place_id TEXT NOT NULL,
  region_id TEXT NOT NULL,
  facet TEXT NOT NULL CHECK (facet IN ('opening', 'crowding', 'notice')),
  value TEXT,
  reason TEXT,
  until TEXT,
  set_at TEXT NOT NULL,
  set_by TEXT`;

export const liveMigrations: readonly Migration[] = [
  {
    domain: "live",
    name: "0001-place-status-changes",
    common: "",
    sqlite: `CREATE TABLE place_status_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, ${COLUMNS});
      CREATE INDEX place_status_changes_place ON place_status_changes (place_id, facet, id);
      CREATE INDEX place_status_changes_region ON place_status_changes (region_id, set_at);`,
    postgres: `CREATE TABLE place_status_changes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${COLUMNS});
      CREATE INDEX place_status_changes_place ON place_status_changes (place_id, facet, id);
      CREATE INDEX place_status_changes_region ON place_status_changes (region_id, set_at);`,
  },
];
