/**
 * Imports into the places table, all or nothing. An import is checked first (a file with
 * any bad row changes nothing and the result lists what is wrong), then saved in one
 * transaction that brings the region's places from the same source up to the new data and
 * records the import as its last step: a place the data still has is updated in place by
 * its id (its reviews, corrections and ideas keep it; a staff fix of its fields is
 * overwritten by the source's, as before), a new one is inserted, and one the data no
 * longer has is removed: deleted when nothing refers to it, else kept and marked removed
 * (served nowhere, as a place staff removed). An import that would remove places of its
 * source is refused, saying how many, unless the caller asked to replace them.
 */
import { randomUUID } from "node:crypto";
import type { CoordinateSystem } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import type { OsmElement } from "../osm/index.ts";
import { type OsmNotice, placesFromOsm } from "./osm/osm-places.ts";
import { placeIdsFromSource, recordImport, removePlace, upsertPlaces } from "./place-store.ts";
import { readTableFile } from "./import/read-table.ts";
import { type RowError, placesFromRows } from "./import/table-rows.ts";
import type { TextEncodingName } from "./import/text-encoding.ts";

export interface ImportTarget {
  regionId: string;
  source: string;
  licence: string;
  /** Fills districtCode for places without one (point in the region's county polygons). */
  countyAt: (regionId: string, lon: number, lat: number) => string | null;
  /**
   * Whether places this source brought into the region before, and the new data no longer
   * has, may be removed. Without it such an import is refused and changes nothing.
   */
  replace: boolean;
}

export interface ImportFailure {
  ok: false;
  errors: RowError[];
  /** Set when the import was refused because it would remove this many places without `replace`. */
  wouldRemove?: number;
}

/** Places read and checked, ready to save; nothing is written yet. */
export type CheckedPlaces =
  | { ok: true; places: Place[]; notices: OsmNotice[]; encoding?: TextEncodingName }
  | ImportFailure;

export type ImportResult =
  | {
    ok: true;
    importId: string;
    places: number;
    /** Places of the source that the new data no longer has, now removed. */
    removed: number;
    /** Of those, how many stay in the database marked removed, because reviews, corrections or ideas refer to them. */
    kept: number;
    notices: OsmNotice[];
    /** The character encoding a text file was read in (a GBK file is converted). */
    encoding?: TextEncodingName;
  }
  | ImportFailure;

/** Where saved places came from, for the imports record. */
export interface ImportOrigin {
  format: "table" | "osm";
  fileName: string;
}

function withDistricts(places: Place[], target: ImportTarget): Place[] {
  return places.map((p) => (p.districtCode ? p : { ...p, districtCode: target.countyAt(p.regionId, p.lon, p.lat) }));
}

/** The places of the target's source (not yet removed) that the new places lack. */
async function missingFromSource(db: Queryable, target: ImportTarget, places: readonly Place[]): Promise<string[]> {
  const kept = new Set(places.map((p) => p.id));
  return (await placeIdsFromSource(db, target.regionId, target.source)).filter((id) => !kept.has(id));
}

/** How many places of the target's source the new places lack: what saving them would remove. */
export async function countRemovals(db: Queryable, target: ImportTarget, places: readonly Place[]): Promise<number> {
  return (await missingFromSource(db, target, places)).length;
}

/** The refusal of an import that would remove places without `replace`. */
export function removalRefusal(target: ImportTarget, removing: number): ImportFailure {
  const message = `would remove ${removing} place${removing === 1 ? "" : "s"} that source "${target.source}" brought into ${target.regionId} before and the new data lacks`;
  return { ok: false, wouldRemove: removing, errors: [{ row: 0, field: "source", message }] };
}

/**
 * Saves checked places inside the caller's transaction `tx`: updates and inserts by id,
 * removes what the source no longer has (deleted, or marked removed when referred to), and
 * records the import last. Refused (nothing written) when that would remove places and the
 * target does not say `replace`.
 */
export async function savePlaces(
  tx: Queryable,
  target: ImportTarget,
  checked: Extract<CheckedPlaces, { ok: true }>,
  origin: ImportOrigin,
): Promise<ImportResult> {
  const missing = await missingFromSource(tx, target, checked.places);
  if (missing.length > 0 && !target.replace) return removalRefusal(target, missing.length);
  const importId = randomUUID();
  await upsertPlaces(tx, checked.places);
  let kept = 0;
  for (const id of missing) if ((await removePlace(tx, id)) === "marked") kept++;
  await recordImport(tx, { id: importId, regionId: target.regionId, format: origin.format, fileName: origin.fileName, places: checked.places.length });
  return { ok: true, importId, places: checked.places.length, removed: missing.length, kept, notices: checked.notices, ...(checked.encoding ? { encoding: checked.encoding } : {}) };
}

/** The child-friendly places found in OSM elements (already read from a file), checked. */
export function checkOsmPlaces(elements: readonly OsmElement[], target: ImportTarget): Extract<CheckedPlaces, { ok: true }> {
  const { places, notices } = placesFromOsm(elements, { ...target, importedAt: new Date().toISOString() });
  return { ok: true, places: withDistricts(places, target), notices };
}

/** Reads and checks a CSV, xlsx or GeoJSON file of sites whose coordinates are in `crs`. */
export async function checkSitesFile(file: string, target: ImportTarget & { crs: CoordinateSystem }): Promise<CheckedPlaces> {
  const read = await readTableFile(file);
  if (!read.ok) return read;
  const converted = placesFromRows(read.rows, { ...target, importedAt: new Date().toISOString() });
  if (!converted.ok) return converted;
  return { ok: true, places: withDistricts(converted.places, target), notices: [], encoding: read.encoding };
}

/** Imports a CSV, xlsx or GeoJSON file of sites whose coordinates are in `crs`. */
export async function importSitesFile(
  db: Database,
  file: string,
  target: ImportTarget & { crs: CoordinateSystem },
): Promise<ImportResult> {
  const checked = await checkSitesFile(file, target);
  if (!checked.ok) return checked;
  const fileName = file.split("/").pop() ?? file;
  return db.transaction((tx) => savePlaces(tx, target, checked, { format: "table", fileName }));
}
