/**
 * Loads a city from its data folder (data/regions/<id>/): region.json, and when present
 * divisions.csv with counties.geojson, and places.csv (sites in WGS-84). This is how a
 * new city brings its own files: the same folder layout, no code.
 *
 * Every file is read and checked before anything is written; then the region, its
 * divisions, its places and the record that the folder was loaded go into the database in
 * one transaction. A load stopped at any point (a crash, a kill) leaves nothing behind, and
 * `regionFolderLoaded` stays false until a load has run to its end.
 */
import { z } from "zod";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { regionSchema } from "../core/region.ts";
import { type ImportFailure, type ImportTarget, checkSitesFile, countRemovals, importFinished, recordImport, removalRefusal, savePlaces } from "../places/index.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { type Division, type RegionDirectory, countyContaining, readDivisionFiles, replaceDivisions, upsertRegion } from "../regions/index.ts";

/** The imports-table format of a whole region folder's load. */
export const REGION_FOLDER_FORMAT = "region";

export interface RegionFolderOptions {
  /** Whether places the folder's source brought before and its places.csv lacks may be removed. */
  replace: boolean;
}

export type RegionFolderResult =
  | { ok: true; regionId: string; divisions: number; places: number; removed: number; kept: number }
  | ImportFailure;

/**
 * Whether a load of the region's folder ran to its end. Loads made before the folder's own
 * record existed ended with the import of places.csv, so that record counts for them.
 */
export async function regionFolderLoaded(db: Queryable, regionId: string): Promise<boolean> {
  return (await importFinished(db, regionId, REGION_FOLDER_FORMAT)) || (await importFinished(db, regionId, "table", "places.csv"));
}

function problemIn(file: string, problem: { row: number; field: string; message: string }): Error {
  return new Error(`${file}${problem.row > 0 ? ` row ${problem.row}` : ""}, ${problem.field}: ${problem.message}`);
}

/** Where a folder's places come from and on what terms (region.json `places`), as cards show it. */
const folderPlacesProvenance = z.object({ places: z.object({ source: z.string().min(1).max(200), licence: z.string().min(1).max(200) }).optional() });

/** The folder's divisions with their county polygons, or null when it has no divisions.csv. */
function readFolderDivisions(folder: string, regionId: string): Division[] | null {
  const divisionsFile = path.join(folder, "divisions.csv");
  if (!fs.existsSync(divisionsFile)) return null;
  const parsed = readDivisionFiles(regionId, divisionsFile, path.join(folder, "counties.geojson"));
  if (!parsed.ok) throw problemIn(divisionsFile, parsed.problems[0]!);
  return parsed.divisions;
}

export async function loadRegionFolder(
  db: Database,
  directory: RegionDirectory,
  folder: string,
  options: RegionFolderOptions,
): Promise<RegionFolderResult> {
  const regionJson: unknown = JSON.parse(fs.readFileSync(path.join(folder, "region.json"), "utf8"));
  const region = regionSchema.parse(regionJson);
  const provenance = folderPlacesProvenance.safeParse(regionJson).data?.places;
  const divisions = readFolderDivisions(folder, region.id);
  const counties = divisions ?? directory.countiesOf(region.id);
  const target: ImportTarget = {
    regionId: region.id,
    source: provenance?.source ?? `Tongxing data/regions/${region.id}`,
    licence: provenance?.licence ?? "见该地区数据说明 / see the region's data notes",
    countyAt: (_regionId, lon, lat) => countyContaining(counties, lon, lat),
    replace: options.replace,
  };
  const placesFile = path.join(folder, "places.csv");
  const checked = fs.existsSync(placesFile) ? await checkSitesFile(placesFile, { ...target, crs: "wgs84" }) : null;
  if (checked && !checked.ok) throw problemIn(placesFile, checked.errors[0]!);
  const places = checked?.places ?? [];
  const result = await db.transaction(async (tx): Promise<RegionFolderResult> => {
    const removing = await countRemovals(tx, target, places);
    if (removing > 0 && !options.replace) return removalRefusal(target, removing);
    await upsertRegion(tx, region, false);
    if (divisions) await replaceDivisions(tx, region.id, divisions);
    const saved = checked ? await savePlaces(tx, target, checked, { format: "table", fileName: "places.csv" }) : null;
    if (saved && !saved.ok) throw new Error(saved.errors[0]!.message);
    await recordImport(tx, { id: randomUUID(), regionId: region.id, format: REGION_FOLDER_FORMAT, fileName: path.basename(folder), places: places.length });
    return { ok: true, regionId: region.id, divisions: divisions?.length ?? 0, places: places.length, removed: saved?.removed ?? 0, kept: saved?.kept ?? 0 };
  });
  await directory.reload(db);
  return result;
}
