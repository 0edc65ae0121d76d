/**
 * Imports one city's OSM extract end to end: the region (created from the data's extent
 * when new), its child-friendly places, its basemap tiles, routing data and residential
 * areas, and its bus lines. Used by `tongxing import osm` and by the first start for the samples.
 */
import fs from "node:fs";
import path from "node:path";
import { saveResidentialAreas } from "../access/index.ts";
import { basemapFeatures, buildBasemapTiles } from "../basemap/index.ts";
import { type BBox, bboxOf } from "../core/geo.ts";
import type { Region } from "../core/region.ts";
import { type OsmElement, readOsmFile } from "../osm/index.ts";
import {
  type ImportFailure, type ImportResult, type ImportTarget,
  checkOsmPlaces, countRemovals, removalRefusal, savePlaces,
} from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import { type RegionDirectory, upsertRegion } from "../regions/index.ts";
import { buildRoutingDataOnCores, buildStreetNetwork, saveRoutingData } from "../routing/index.ts";
import { saveSchoolData } from "../schoolroutes/index.ts";
import { importOsmBusLines } from "../transit/index.ts";

export interface OsmExtractOptions {
  regionId: string;
  name: { zh: string; en: string };
  timeZone: string;
  dataDir: string;
  /** Whether places this extract's source brought before and it no longer has may be removed. */
  replace: boolean;
}

export const OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)";

/** A zoom that shows the whole bbox on a phone screen about 360 CSS pixels wide. */
export function zoomFor(bbox: BBox): number {
  const span = Math.max(bbox[2] - bbox[0], (bbox[3] - bbox[1]) * 1.5, 1e-4);
  return Math.max(2, Math.min(16, Math.floor(Math.log2((360 / span) * (360 / 256)))));
}

/** The bbox grown by a fraction of its size on every side, so tiles do not end at its edge. */
function padded(bbox: BBox, fraction: number): BBox {
  const dx = (bbox[2] - bbox[0]) * fraction;
  const dy = (bbox[3] - bbox[1]) * fraction;
  return [bbox[0] - dx, bbox[1] - dy, bbox[2] + dx, bbox[3] + dy];
}

/**
 * The extent of the streets: an extract also holds far-away nodes of boundary relations,
 * so the nodes of highway ways are taken, trimmed of the outer 0.5% on each side.
 */
export function streetExtent(elements: readonly OsmElement[]): BBox | undefined {
  const wanted = new Set<number>();
  for (const e of elements) if (e.type === "way" && e.tags["highway"]) for (const ref of e.refs) wanted.add(ref);
  const lons: number[] = [];
  const lats: number[] = [];
  for (const e of elements) {
    if (e.type !== "node" || (wanted.size > 0 && !wanted.has(e.id))) continue;
    lons.push(e.lon);
    lats.push(e.lat);
  }
  if (lons.length === 0) return undefined;
  lons.sort((a, b) => a - b);
  lats.sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return bboxOf([[at(lons, 0.005), at(lats, 0.005)], [at(lons, 0.995), at(lats, 0.995)]]);
}

/** A finished import also says how many basemap tiles it cut and bus lines it saved (null: bus lines not imported). */
export type OsmExtractResult = (Extract<ImportResult, { ok: true }> & { tiles: number; busLines: number | null }) | ImportFailure;

/**
 * The extract's bus (and tram, metro, ferry) lines, from its route relations with estimated
 * headways, replacing the region's timetable in a transaction of their own once the places
 * are saved. The number of lines saved, or null when the extract has none (nothing changes).
 * A start stopped between the two finds the lines missing and imports them (bootstrap.ts).
 */
export async function saveBusLines(db: Database, regionId: string, elements: string | readonly OsmElement[], timeZone: string, fileName: string): Promise<number | null> {
  const summary = await importOsmBusLines(db, regionId, elements, { timeZone, fileName });
  return summary ? summary.routes : null;
}

/**
 * Writes the region's files in the data directory: basemap tiles, routing data and
 * residential areas, school-route facts. Each file is written under a temporary name and renamed into place,
 * so a file of the final name is always whole. Returns the number of tiles.
 */
async function buildDataFiles(elements: readonly OsmElement[], bbox: BBox, options: OsmExtractOptions): Promise<number> {
  const tilesDir = path.join(options.dataDir, "tiles");
  fs.mkdirSync(tilesDir, { recursive: true });
  const tiles = buildBasemapTiles(path.join(tilesDir, `${options.regionId}.mbtiles`), options.regionId, basemapFeatures(elements), padded(bbox, 0.25), OSM_ATTRIBUTION);
  const network = buildStreetNetwork(elements);
  saveRoutingData(options.dataDir, await buildRoutingDataOnCores(options.regionId, network));
  saveResidentialAreas(options.dataDir, options.regionId, elements);
  saveSchoolData(options.dataDir, options.regionId, elements, network);
  return tiles;
}

/**
 * Writes only this instance's files of an extract whose region and places another instance
 * already saved in the shared database: nothing in the database changes.
 */
export async function buildOsmDataFiles(file: string, options: OsmExtractOptions): Promise<number> {
  const elements = readOsmFile(file);
  const bbox = streetExtent(elements);
  if (!bbox) throw new Error(`${file} holds no nodes`);
  return buildDataFiles(elements, bbox, options);
}

/**
 * Reads the extract, checks its places (an import that would remove places of this source
 * is refused here, before any file is touched, unless `replace`), writes the files, and
 * saves the region with its places and the import record in one transaction: until that
 * commits, the region's OSM import is not finished (`importFinished(…, "osm")`). Last come
 * its bus lines (`saveBusLines`).
 */
export async function importOsmExtract(
  db: Database,
  directory: RegionDirectory,
  file: string,
  options: OsmExtractOptions,
): Promise<OsmExtractResult> {
  const elements = readOsmFile(file);
  const bbox = streetExtent(elements);
  if (!bbox) throw new Error(`${file} holds no nodes`);
  const region: Region = directory.get(options.regionId) ?? {
    id: options.regionId,
    name: options.name,
    timeZone: options.timeZone,
    bbox,
    center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2],
    zoom: zoomFor(bbox),
    attribution: OSM_ATTRIBUTION,
  };
  const target: ImportTarget = {
    regionId: options.regionId,
    source: `OpenStreetMap ${path.basename(file)}`,
    licence: "ODbL 1.0",
    countyAt: (regionId, lon, lat) => directory.countyAt(regionId, lon, lat),
    replace: options.replace,
  };
  const checked = checkOsmPlaces(elements, target);
  const removing = await countRemovals(db, target, checked.places);
  if (removing > 0 && !options.replace) return removalRefusal(target, removing);
  const tiles = await buildDataFiles(elements, bbox, options);
  const saved = await db.transaction(async (tx) => {
    await upsertRegion(tx, region, true);
    const result = await savePlaces(tx, target, checked, { format: "osm", fileName: path.basename(file) });
    // Only when places of the source were added since the check above: nothing is kept.
    if (!result.ok) throw new Error(result.errors[0]!.message);
    return result;
  });
  await directory.reload(db);
  const busLines = await saveBusLines(db, options.regionId, elements, region.timeZone, path.basename(file));
  return { ...saved, tiles, busLines };
}
