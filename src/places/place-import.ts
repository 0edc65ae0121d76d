/**
 * Imports into the places table, all or nothing: a file with any bad row changes
 * nothing and the result lists what is wrong; a good file replaces what the same source
 * brought into the region before, in one transaction.
 */
import { randomUUID } from "node:crypto";
import type { CoordinateSystem } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import type { OsmElement } from "./osm/osm-elements.ts";
import { type OsmNotice, placesFromOsm } from "./osm/osm-places.ts";
import { deletePlacesFromSource, upsertPlaces } from "./place-store.ts";
import { readTableFile } from "./import/read-table.ts";
import { type RowError, placesFromRows } from "./import/table-rows.ts";

export interface ImportTarget {
  regionId: string;
  source: string;
  licence: string;
  /** Fills districtCode for places without one (point in the region's county polygons). */
  countyAt: (regionId: string, lon: number, lat: number) => string | null;
}

export type ImportResult =
  | { ok: true; importId: string; places: number; notices: OsmNotice[] }
  | { ok: false; errors: RowError[] };

function withDistricts(places: Place[], target: ImportTarget): Place[] {
  return places.map((p) => (p.districtCode ? p : { ...p, districtCode: target.countyAt(p.regionId, p.lon, p.lat) }));
}

async function replaceFromSource(
  db: Database,
  target: ImportTarget,
  places: readonly Place[],
  format: string,
  fileName: string,
): Promise<string> {
  const importId = randomUUID();
  await db.transaction(async (tx: Queryable) => {
    await deletePlacesFromSource(tx, target.regionId, target.source);
    await upsertPlaces(tx, places);
    await tx.run(
      "INSERT INTO imports (id, region_id, format, file_name, places, finished_at) VALUES (?, ?, ?, ?, ?, ?)",
      [importId, target.regionId, format, fileName, places.length, new Date().toISOString()],
    );
  });
  return importId;
}

/** Imports the child-friendly places found in OSM elements (already read from a file). */
export async function importOsmPlaces(
  db: Database,
  elements: readonly OsmElement[],
  target: ImportTarget,
  fileName: string,
): Promise<ImportResult> {
  const { places, notices } = placesFromOsm(elements, { ...target, importedAt: new Date().toISOString() });
  const importId = await replaceFromSource(db, target, withDistricts(places, target), "osm", fileName);
  return { ok: true, importId, places: places.length, notices };
}

/** Imports a CSV, xlsx or GeoJSON file of sites whose coordinates are in `crs`. */
export async function importSitesFile(
  db: Database,
  file: string,
  target: ImportTarget & { crs: CoordinateSystem },
): Promise<ImportResult> {
  const read = await readTableFile(file);
  if (!read.ok) return read;
  const converted = placesFromRows(read.rows, { ...target, importedAt: new Date().toISOString() });
  if (!converted.ok) return converted;
  const places = withDistricts(converted.places, target);
  const importId = await replaceFromSource(db, target, places, "table", file.split("/").pop() ?? file);
  return { ok: true, importId, places: places.length, notices: [] };
}
