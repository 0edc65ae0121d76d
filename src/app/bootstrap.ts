/**
 * What the first start does on an empty database: load every city folder under
 * data/regions and import the bundled OSM sample. Later starts find it all done and skip it.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../platform/config.ts";
import { REPO_ROOT } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { accessFile } from "../access/index.ts";
import { loadBundledPlans } from "../plan/index.ts";
import type { RegionDirectory } from "../regions/index.ts";
import { routingFile } from "../routing/index.ts";
import { importOsmExtract } from "./osm-extract.ts";
import { loadRegionFolder } from "./region-folder.ts";

export const REGIONS_DATA_DIR = path.join(REPO_ROOT, "data/regions");
export const PLANS_DATA_DIR = path.join(REPO_ROOT, "data/plans");
export const SAMPLE_REGION_ID = "monaco";

export async function bootstrapData(
  db: Database,
  directory: RegionDirectory,
  config: Config,
  say: (line: string) => void,
): Promise<void> {
  for (const entry of fs.existsSync(REGIONS_DATA_DIR) ? fs.readdirSync(REGIONS_DATA_DIR).sort() : []) {
    const folder = path.join(REGIONS_DATA_DIR, entry);
    if (!fs.existsSync(path.join(folder, "region.json")) || directory.get(entry)) continue;
    const result = await loadRegionFolder(db, directory, folder);
    say(`Loaded region ${result.regionId}: ${result.divisions} divisions, ${result.places} places`);
  }
  await loadBundledPlans(db, PLANS_DATA_DIR, say);
  const tiles = path.join(config.DATA_DIR, "tiles", `${SAMPLE_REGION_ID}.mbtiles`);
  const built = [tiles, routingFile(config.DATA_DIR, SAMPLE_REGION_ID), accessFile(config.DATA_DIR, SAMPLE_REGION_ID)];
  if (directory.get(SAMPLE_REGION_ID) && built.every((file) => fs.existsSync(file))) return;
  if (!fs.existsSync(config.TONGXING_SAMPLE_OSM)) {
    say(`The OSM sample ${config.TONGXING_SAMPLE_OSM} is not here, so only the bundled regions are served.`);
    say("Import any city's OpenStreetMap extract with: npm run tongxing -- import osm <file.osm.pbf> --region <id> --name-zh <名称> --name-en <Name>");
    return;
  }
  const result = await importOsmExtract(db, directory, config.TONGXING_SAMPLE_OSM, {
    regionId: SAMPLE_REGION_ID,
    name: { zh: "摩纳哥（OSM 示例）", en: "Monaco (OSM sample)" },
    timeZone: "Europe/Monaco",
    dataDir: config.DATA_DIR,
  });
  if (result.ok) say(`Imported the OSM sample: ${result.places} places, ${result.tiles} basemap tiles`);
}
