/**
 * The SQL of live status: a change is one row appended to `place_status_changes`; the
 * current status is the newest row of each facet; "what happened after id n" reads rows in
 * id order. On PostgreSQL a writer takes a transaction lock before its insert, so a row
 * with a smaller id is never committed after one with a larger id: a reader that has seen
 * id n and reads "id > n" misses nothing.
 */
import type { StatusFacet } from "../core/api/live-vocabulary.ts";
import type { Database } from "../platform/database/database.ts";

/** One change as stored. */
export interface StatusRow {
  id: number;
  placeId: string;
  regionId: string;
  facet: StatusFacet;
  /** The opening state, the crowding level or the notice text; null clears the facet. */
  value: string | null;
  reason: string | null;
  until: string | null;
  setAt: string;
  setBy: string | null;
}

/** A change to store: a row without its id. */
export type NewStatusRow = Omit<StatusRow, "id">;

/** The advisory lock key of status writers (any fixed number; "live" in ASCII). */
const WRITE_LOCK = 0x6c697665;
const SELECT = "SELECT id, place_id, region_id, facet, value, reason, until, set_at, set_by FROM place_status_changes";

type RawRow = {
  id: number | string;
  place_id: string;
  region_id: string;
  facet: StatusFacet;
  value: string | null;
  reason: string | null;
  until: string | null;
  set_at: string;
  set_by: string | null;
};

const fromRaw = (r: RawRow): StatusRow => ({
  id: Number(r.id), placeId: r.place_id, regionId: r.region_id, facet: r.facet, value: r.value, reason: r.reason, until: r.until, setAt: r.set_at, setBy: r.set_by,
});

/** Appends a change and answers its id. */
export async function insertChange(db: Database, row: NewStatusRow): Promise<number> {
  return db.transaction(async (tx) => {
    if (db.dialect === "postgres") await tx.all("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK]);
    const inserted = await tx.all<{ id: number | string }>(
      "INSERT INTO place_status_changes (place_id, region_id, facet, value, reason, until, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [row.placeId, row.regionId, row.facet, row.value, row.reason, row.until, row.setAt, row.setBy],
    );
    return Number(inserted[0]!.id);
  });
}

/** The changes after `id`, oldest first, at most `limit`. */
export async function changesAfter(db: Database, id: number, limit: number, regionId?: string): Promise<StatusRow[]> {
  const rows = regionId === undefined
    ? await db.all<RawRow>(`${SELECT} WHERE id > ? ORDER BY id LIMIT ?`, [id, limit])
    : await db.all<RawRow>(`${SELECT} WHERE id > ? AND region_id = ? ORDER BY id LIMIT ?`, [id, regionId, limit]);
  return rows.map(fromRaw);
}

/** The newest change of each facet of each place whose change has not expired (or never does), oldest first. */
export async function latestChanges(db: Database, now: Date): Promise<StatusRow[]> {
  const rows = await db.all<RawRow>(
    `${SELECT} WHERE id IN (SELECT MAX(id) FROM place_status_changes GROUP BY place_id, facet) AND (until IS NULL OR until > ?) ORDER BY id`,
    [now.toISOString()],
  );
  return rows.map(fromRaw);
}

/** The highest id stored (0 when none). */
export async function lastChangeId(db: Database): Promise<number> {
  const rows = await db.all<{ id: number | string | null }>("SELECT MAX(id) AS id FROM place_status_changes");
  return Number(rows[0]?.id ?? 0);
}

/** A place's changes, newest first. */
export async function placeHistory(db: Database, placeId: string, limit: number): Promise<StatusRow[]> {
  return (await db.all<RawRow>(`${SELECT} WHERE place_id = ? ORDER BY id DESC LIMIT ?`, [placeId, limit])).map(fromRaw);
}

/** A region's changes made since `since`, oldest first. */
export async function regionChangesSince(db: Database, regionId: string, since: Date): Promise<StatusRow[]> {
  return (await db.all<RawRow>(`${SELECT} WHERE region_id = ? AND set_at >= ? ORDER BY id`, [regionId, since.toISOString()])).map(fromRaw);
}
