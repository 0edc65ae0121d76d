/**
 * Staff fixes to a place after a data-quality report: opening hours, facilities, position,
 * or removal. The fixed place passes the same schema as an imported one, is written in
 * the database and the catalog reloads, so map, search and coverage see it at once.
 * A later import of the same source overwrites the fix (the source should be fixed too).
 */
import { type PlaceFix, placeFixSchema } from "../core/api/places.ts";
import { checkOpeningHours } from "../core/opening-hours.ts";
import { type Place, placeSchema } from "../core/place.ts";
import type { Database } from "../platform/database/database.ts";
import type { PlaceCatalog } from "./place-catalog.ts";
import { deletePlace, upsertPlaces } from "./place-store.ts";

export { placeFixSchema, type PlaceFix };

export type FixResult = { ok: true; place: Place | null } | { ok: false; field: string; message: string };

export async function applyPlaceFix(db: Database, catalog: PlaceCatalog, placeId: string, fix: PlaceFix): Promise<FixResult> {
  const place = catalog.index.get(placeId);
  if (!place) return { ok: false, field: "placeId", message: "no such place" };
  if (fix.remove) {
    await deletePlace(db, placeId);
    await catalog.reload(db);
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
  await upsertPlaces(db, [checked.data]);
  await catalog.reload(db);
  return { ok: true, place: checked.data };
}
