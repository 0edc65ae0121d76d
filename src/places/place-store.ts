/**
 * Places in SQL. The database is the source of truth; the in-memory index is rebuilt from
 * `loadAllPlaces` at start and after every change. A removed place that reviews,
 * corrections or ideas still refer to (their foreign keys forbid deleting it) stays as a
 * row with `removed_at` set, and nothing here serves it: not loaded, not locked for a fix,
 * not counted.
 */
import type { CategoryId } from "../core/categories.ts";
import type { FacilityId } from "../core/facilities.ts";
import type { DemonstrationType, Place, Precision } from "../core/place.ts";
import { type Database, type Queryable, ReferenceConflictError, type SqlValue } from "../platform/database/database.ts";

const COLUMNS = [
  "id", "region_id", "name_zh", "name_en", "name_pinyin", "name_alt", "categories", "kind", "facilities",
  "age_min", "age_max", "opening_hours", "address", "district_code", "community_code",
  "demonstration_type", "demonstration_year", "lon", "lat", "precision", "location_note",
  "source", "licence", "source_id", "imported_at", "updated_at",
] as const;

interface PlaceRow {
  id: string; region_id: string; name_zh: string | null; name_en: string | null; name_pinyin: string | null; name_alt: string;
  categories: string; kind: string; facilities: string; age_min: number | null; age_max: number | null;
  opening_hours: string | null; address: string | null; district_code: string | null; community_code: string | null;
  demonstration_type: string | null; demonstration_year: number | null; lon: number; lat: number;
  precision: string; location_note: string | null; source: string; licence: string; source_id: string | null;
  imported_at: string; updated_at: string;
}

function toValues(p: Place): SqlValue[] {
  return [
    p.id, p.regionId, p.name.zh, p.name.en, p.name.pinyin, JSON.stringify(p.name.alt), JSON.stringify(p.categories), p.kind,
    JSON.stringify(p.facilities), p.ageMin, p.ageMax, p.openingHours, p.address, p.districtCode,
    p.communityCode, p.demonstration?.type ?? null, p.demonstration?.year ?? null, p.lon, p.lat,
    p.precision, p.locationNote, p.provenance.source, p.provenance.licence, p.provenance.sourceId,
    p.provenance.importedAt, p.updatedAt,
  ];
}

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function fromRow(r: PlaceRow): Place {
  return {
    id: r.id,
    regionId: r.region_id,
    name: { zh: r.name_zh, en: r.name_en, pinyin: r.name_pinyin, alt: JSON.parse(r.name_alt) as string[] },
    categories: JSON.parse(r.categories) as CategoryId[],
    kind: r.kind,
    facilities: JSON.parse(r.facilities) as FacilityId[],
    ageMin: nullableNumber(r.age_min),
    ageMax: nullableNumber(r.age_max),
    openingHours: r.opening_hours,
    address: r.address,
    districtCode: r.district_code,
    communityCode: r.community_code,
    demonstration:
      r.demonstration_type === null
        ? null
        : { type: r.demonstration_type as DemonstrationType, year: Number(r.demonstration_year) },
    lon: Number(r.lon),
    lat: Number(r.lat),
    precision: r.precision as Precision,
    locationNote: r.location_note,
    provenance: { source: r.source, licence: r.licence, sourceId: r.source_id, importedAt: r.imported_at },
    updatedAt: r.updated_at,
  };
}

const UPSERT_SQL = `INSERT INTO places (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(", ")}, removed_at = NULL`;

/**
 * Inserts places, or updates them in place by id (what refers to them keeps referring). A
 * removed place written again (its source has it again) is served again.
 */
export async function upsertPlaces(db: Queryable, places: readonly Place[]): Promise<void> {
  for (const place of places) await db.run(UPSERT_SQL, toValues(place));
}

/** How a removal went: the row deleted, or kept and marked removed because rows refer to it. */
export type Removal = "deleted" | "marked";

/**
 * Removes a place inside the transaction `tx`: deleted when nothing refers to it, else
 * marked removed (the foreign keys of reviews, corrections and ideas refuse the delete, and
 * a savepoint undoes just that statement). Which tables refer to places is the keys'
 * business; this needs no list of them.
 */
export async function removePlace(tx: Queryable, placeId: string): Promise<Removal> {
  await tx.run("SAVEPOINT place_removal");
  try {
    await tx.run("DELETE FROM places WHERE id = ?", [placeId]);
    await tx.run("RELEASE SAVEPOINT place_removal");
    return "deleted";
  } catch (error) {
    if (!(error instanceof ReferenceConflictError)) throw error;
    await tx.run("ROLLBACK TO SAVEPOINT place_removal");
    await tx.run("RELEASE SAVEPOINT place_removal");
  }
  const now = new Date().toISOString();
  await tx.run("UPDATE places SET removed_at = ?, updated_at = ? WHERE id = ?", [now, now, placeId]);
  return "marked";
}

/**
 * Whether a place is served, removed (kept for what refers to it), or not in the database:
 * what a new review, correction or idea checks in its own transaction before referring to
 * it, since a removed place still satisfies the foreign key.
 */
export async function placeState(db: Queryable, placeId: string): Promise<"served" | "removed" | "missing"> {
  const rows = await db.all<{ removed_at: string | null }>("SELECT removed_at FROM places WHERE id = ?", [placeId]);
  if (!rows[0]) return "missing";
  return rows[0].removed_at === null ? "served" : "removed";
}

/** The ids of the places one source brought into a region and nothing removed since. */
export async function placeIdsFromSource(db: Queryable, regionId: string, source: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>("SELECT id FROM places WHERE region_id = ? AND source = ? AND removed_at IS NULL", [regionId, source]);
  return rows.map((r) => r.id);
}

/** What one finished import brought: a row of the imports table. */
export interface ImportRecord {
  id: string;
  regionId: string;
  /** "table", "osm", or "region" for a whole region folder. */
  format: string;
  fileName: string;
  places: number;
}

/**
 * Records a finished import. Written in the import's own transaction, as its last step, so
 * the record exists exactly when everything the import wrote does.
 */
export async function recordImport(db: Queryable, record: ImportRecord): Promise<void> {
  await db.run(
    "INSERT INTO imports (id, region_id, format, file_name, places, finished_at) VALUES (?, ?, ?, ?, ?, ?)",
    [record.id, record.regionId, record.format, record.fileName, record.places, new Date().toISOString()],
  );
}

/** Whether an import of this format (and file name, when given) into the region ever finished. */
export async function importFinished(db: Queryable, regionId: string, format: string, fileName?: string): Promise<boolean> {
  const rows = await db.all(
    `SELECT 1 AS found FROM imports WHERE region_id = ? AND format = ?${fileName === undefined ? "" : " AND file_name = ?"} LIMIT 1`,
    fileName === undefined ? [regionId, format] : [regionId, format, fileName],
  );
  return rows.length > 0;
}

export async function loadAllPlaces(db: Queryable): Promise<Place[]> {
  const rows = await db.all<PlaceRow & Record<string, unknown>>(`SELECT ${COLUMNS.join(", ")} FROM places WHERE removed_at IS NULL ORDER BY id`);
  return rows.map(fromRow);
}

/**
 * One place as the database has it now, locked until the transaction `tx` ends (PostgreSQL
 * `FOR UPDATE`; SQLite's write transaction already excludes every other writer), or null
 * when it is gone or removed. A fix starts from this row, never from an instance's memory.
 */
export async function lockPlace(tx: Queryable, dialect: "sqlite" | "postgres", placeId: string): Promise<Place | null> {
  const rows = await tx.all<PlaceRow & Record<string, unknown>>(`SELECT ${COLUMNS.join(", ")}, removed_at FROM places WHERE id = ?${dialect === "postgres" ? " FOR UPDATE" : ""}`, [placeId]);
  return rows[0] && rows[0]["removed_at"] === null ? fromRow(rows[0]) : null;
}

/** The places served (removed ones are not). */
export async function countPlaces(db: Queryable): Promise<number> {
  const [row] = await db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM places WHERE removed_at IS NULL");
  return Number(row?.n ?? 0);
}

/** Marks a place as a certified demonstration site of a type and year, or clears it. */
export async function setDemonstration(db: Queryable, placeId: string, demonstration: { type: DemonstrationType; year: number } | null): Promise<void> {
  await db.run("UPDATE places SET demonstration_type = ?, demonstration_year = ?, updated_at = ? WHERE id = ?", [
    demonstration?.type ?? null, demonstration?.year ?? null, new Date().toISOString(), placeId,
  ]);
}

/** Removes a place a data-quality report showed is gone, in a transaction of its own (see `removePlace`). */
export async function deletePlace(db: Database, placeId: string): Promise<Removal> {
  return db.transaction((tx) => removePlace(tx, placeId));
}
