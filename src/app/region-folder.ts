/**
 * Loads a city from its data folder (data/regions/<id>/): region.json, and when present
 * divisions.csv with counties.geojson, and places.csv (sites in WGS-84). This is how a
 * new city brings its own files: the same folder layout, no code.
 */
import fs from "node:fs";
import path from "node:path";
import { regionSchema } from "../core/region.ts";
import { importSitesFile } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import { type RegionDirectory, readDivisionFiles, replaceDivisions, upsertRegion } from "../regions/index.ts";

export interface RegionFolderResult {
  regionId: string;
  divisions: number;
  places: number;
}

export async function loadRegionFolder(db: Database, directory: RegionDirectory, folder: string): Promise<RegionFolderResult> {
  const region = regionSchema.parse(JSON.parse(fs.readFileSync(path.join(folder, "region.json"), "utf8")));
  let divisionCount = 0;
  const divisionsFile = path.join(folder, "divisions.csv");
  await db.transaction(async (tx) => {
    await upsertRegion(tx, region, false);
    if (!fs.existsSync(divisionsFile)) return;
    const parsed = readDivisionFiles(region.id, divisionsFile, path.join(folder, "counties.geojson"));
    if (!parsed.ok) {
      const first = parsed.problems[0]!;
      throw new Error(`${divisionsFile} row ${first.row}, ${first.field}: ${first.message}`);
    }
    await replaceDivisions(tx, region.id, parsed.divisions);
    divisionCount = parsed.divisions.length;
  });
  await directory.reload(db);
  let places = 0;
  const placesFile = path.join(folder, "places.csv");
  if (fs.existsSync(placesFile)) {
    const result = await importSitesFile(db, placesFile, {
      regionId: region.id,
      crs: "wgs84",
      source: `Tongxing data/regions/${region.id}`,
      licence: "see data/regions/" + region.id + "/README.md",
      countyAt: (id, lon, lat) => directory.countyAt(id, lon, lat),
    });
    if (!result.ok) {
      const first = result.errors[0]!;
      throw new Error(`${placesFile} row ${first.row}, ${first.field}: ${first.message}`);
    }
    places = result.places;
  }
  return { regionId: region.id, divisions: divisionCount, places };
}
