/**
 * Imports one city's OSM extract end to end: the region (created from the data's extent
 * when new), its child-friendly places, and its basemap tiles. Used by `tongxing import osm`
 * and by the first start for the bundled sample.
 */
import fs from "node:fs";
import path from "node:path";
import { basemapFeatures, buildBasemapTiles } from "../basemap/index.ts";
import { type BBox, bboxOf } from "../core/geo.ts";
import type { Region } from "../core/region.ts";
import { type ImportResult, importOsmPlaces, readOsmFile } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import { type RegionDirectory, upsertRegion } from "../regions/index.ts";

export interface OsmExtractOptions {
  regionId: string;
  name: { zh: string; en: string };
  timeZone: string;
  dataDir: string;
}

export const OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)";

/** A zoom that shows the whole bbox on a phone screen. */
export function zoomFor(bbox: BBox): number {
  const span = Math.max(bbox[2] - bbox[0], (bbox[3] - bbox[1]) * 1.5, 1e-4);
  return Math.max(2, Math.min(16, Math.floor(Math.log2(360 / span)) - 1));
}

export async function importOsmExtract(
  db: Database,
  directory: RegionDirectory,
  file: string,
  options: OsmExtractOptions,
): Promise<ImportResult & { tiles: number }> {
  const elements = readOsmFile(file);
  const bbox = bboxOf(elements.flatMap((e) => (e.type === "node" ? [[e.lon, e.lat] as const] : [])));
  if (!bbox) throw new Error(`${file} holds no nodes`);
  const existing = directory.get(options.regionId);
  const region: Region = existing ?? {
    id: options.regionId,
    name: options.name,
    timeZone: options.timeZone,
    bbox,
    center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2],
    zoom: zoomFor(bbox),
    attribution: OSM_ATTRIBUTION,
  };
  const tilesDir = path.join(options.dataDir, "tiles");
  fs.mkdirSync(tilesDir, { recursive: true });
  const tiles = buildBasemapTiles(path.join(tilesDir, `${options.regionId}.mbtiles`), options.regionId, basemapFeatures(elements), bbox, OSM_ATTRIBUTION);
  await upsertRegion(db, region, true);
  await directory.reload(db);
  const result = await importOsmPlaces(db, elements, {
    regionId: options.regionId,
    source: `OpenStreetMap ${path.basename(file)}`,
    licence: "ODbL 1.0",
    countyAt: (regionId, lon, lat) => directory.countyAt(regionId, lon, lat),
  }, path.basename(file));
  if (!result.ok) return result as ImportResult & { tiles: number };
  return { ...result, tiles };
}
