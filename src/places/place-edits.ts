/**
 * Staff fixes to a place after a data-quality report: opening hours, facilities, position,
 * or removal. The fixed place passes the same schema as an imported one, is written in
 * the database from the row as it is there (read under lock), and the catalog reloads, so
 * map, search and coverage see it at once (other instances through the change feed).
 * A removed place is deleted when nothing refers to it, else kept marked removed (its
 * reviews, corrections and ideas keep their place). A later import of the same source
 * overwrites the fix, and brings back a removed place it still has (the source should be
 * fixed too).
 */
import { type PlaceFix, placeFixSchema } from "../core/api/places.ts";
import { checkOpeningHours } from "../core/opening-hours.ts";
import { type Place, placeSchema } from "../core/place.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import type { PlaceCatalog } from "./place-catalog.ts";
import { lockPlace, removePlace, upsertPlaces } from "./place-store.ts";

export { placeFixSchema, type PlaceFix };

export type FixResult = { ok: true; place: Place | null } | { ok: false; field: string; message: string; gone?: true };

/**
 * Applies a fix in the transaction `tx`, from the place's row read under lock: only the
 * fields the fix names change, so a fix made on another instance a moment before (its move,
 * its hours) is never overwritten by a stale copy, and a place another instance removed
 * stays removed (answered as not found). The caller reloads the catalog after commit.
 */
export async function applyPlaceFixIn(tx: Queryable, dialect: "sqlite" | "postgres", placeId: string, fix: PlaceFix): Promise<FixResult> {
  const place = await lockPlace(tx, dialect, placeId);
  if (!place) return { ok: false, field: "placeId", message: "no such place", gone: true };
  if (fix.remove) {
    await removePlace(tx, placeId);
    return { ok: true, place: null };
  }
  if (fix.openingHours) {
    const problem = checkOpeningHours(fix.openingHours);
    if (problem) return { ok: false, field: "fix.openingHours", message: problem };
  }
  const moved = fix.lon !== undefined && fix.lat !== undefined;
  const candidate = {
    ...place,
    openingHours: fix.openingHours === undefined ? place.openingHours : fix.openingHours || null,
    facilities: fix.facilities ?? place.facilities,
    lon: fix.lon ?? place.lon,
    lat: fix.lat ?? place.lat,
    precision: moved ? "exact" as const : place.precision,
    locationNote: moved ? null : place.locationNote,
    updatedAt: new Date().toISOString(),
  };
  const checked = placeSchema.safeParse(candidate);
  if (!checked.success) return { ok: false, field: `fix.${checked.error.issues[0]?.path.join(".") ?? ""}`, message: checked.error.issues[0]?.message ?? "invalid" };
  await upsertPlaces(tx, [checked.data]);
  return { ok: true, place: checked.data };
}

/** Applies a fix in a transaction of its own and reloads the catalog (map, search, coverage). */
export async function applyPlaceFix(db: Database, catalog: PlaceCatalog, placeId: string, fix: PlaceFix): Promise<FixResult> {
  const result = await db.transaction((tx) => applyPlaceFixIn(tx, db.dialect, placeId, fix));
  if (result.ok) await catalog.reload(db);
  return result;
}
