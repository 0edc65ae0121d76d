/**
 * What the first start does on an empty database: load every city folder under
 * data/regions and import the bundled OSM sample. Later starts find it all done and skip it.
 *
 * "Done" is a load's own record, written in the same transaction as its last step, never
 * the mere presence of a region: a start killed part-way (power cut, OOM killer, an
 * impatient Ctrl-C) leaves a load unrecorded, and the next start does it again whole.
 * A new instance on a database that has the loads builds only its own files (tiles,
 * routing and coverage data), never importing the sample into the shared database again.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../platform/config.ts";
import { REPO_ROOT } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { accessFile } from "../access/index.ts";
import { loadBundledPlans } from "../plan/index.ts";
import { importFinished } from "../places/index.ts";
import type { RegionDirectory } from "../regions/index.ts";
import { routingFile } from "../routing/index.ts";
import { buildOsmDataFiles, importOsmExtract } from "./osm-extract.ts";
import { loadRegionFolder, regionFolderLoaded } from "./region-folder.ts";

export const REGIONS_DATA_DIR = path.join(REPO_ROOT, "data/regions");
export const PLANS_DATA_DIR = path.join(REPO_ROOT, "data/plans");
export const SAMPLE_REGION_ID = "monaco";

type Say = (line: string) => void;

/** The files the sample's import writes into the data directory; it is done only when all exist. */
export function sampleFiles(dataDir: string): string[] {
  return [
    path.join(dataDir, "tiles", `${SAMPLE_REGION_ID}.mbtiles`),
    routingFile(dataDir, SAMPLE_REGION_ID),
    accessFile(dataDir, SAMPLE_REGION_ID),
  ];
}

async function loadRegionFolders(db: Database, directory: RegionDirectory, say: Say): Promise<void> {
  for (const entry of fs.existsSync(REGIONS_DATA_DIR) ? fs.readdirSync(REGIONS_DATA_DIR).sort() : []) {
    const folder = path.join(REGIONS_DATA_DIR, entry);
    if (!fs.existsSync(path.join(folder, "region.json")) || (await regionFolderLoaded(db, entry))) continue;
    if (directory.get(entry)) say(`Region ${entry} was not loaded completely (an earlier start stopped part-way); loading it again`);
    const result = await loadRegionFolder(db, directory, folder, { replace: true });
    if (!result.ok) throw new Error(`${folder}: ${result.errors[0]!.message}`);
    say(`Loaded region ${result.regionId}: ${result.divisions} divisions, ${result.places} places`);
  }
}

async function loadSample(db: Database, directory: RegionDirectory, config: Config, say: Say): Promise<void> {
  const finished = await importFinished(db, SAMPLE_REGION_ID, "osm");
  if (finished && sampleFiles(config.DATA_DIR).every((file) => fs.existsSync(file))) return;
  const options = {
    regionId: SAMPLE_REGION_ID,
    name: { zh: "摩纳哥（OSM 示例）", en: "Monaco (OSM sample)" },
    timeZone: "Europe/Monaco",
    dataDir: config.DATA_DIR,
    replace: true,
  };
  if (finished && fs.existsSync(config.TONGXING_SAMPLE_OSM)) {
    // Another instance (or an earlier data folder) saved the sample in this database; its
    // places may have been fixed or removed since. This instance builds its own files only.
    const tiles = await buildOsmDataFiles(config.TONGXING_SAMPLE_OSM, options);
    say(`Built this instance's files of the OSM sample (${tiles} basemap tiles); its places are already in the database`);
    return;
  }
  if (!fs.existsSync(config.TONGXING_SAMPLE_OSM)) {
    say(`The OSM sample ${config.TONGXING_SAMPLE_OSM} is not here, so only the bundled regions are served.`);
    say("Import any city's OpenStreetMap extract with: npm run tongxing -- import osm <file.osm.pbf> --region <id> --name-zh <名称> --name-en <Name>");
    return;
  }
  if (directory.get(SAMPLE_REGION_ID) && !finished) say("The OSM sample was not imported completely (an earlier start stopped part-way); importing it again");
  const result = await importOsmExtract(db, directory, config.TONGXING_SAMPLE_OSM, options);
  if (!result.ok) throw new Error(`${config.TONGXING_SAMPLE_OSM}: ${result.errors[0]!.message}`);
  say(`Imported the OSM sample: ${result.places} places, ${result.tiles} basemap tiles`);
}

export async function bootstrapData(db: Database, directory: RegionDirectory, config: Config, say: Say): Promise<void> {
  await loadRegionFolders(db, directory, say);
  await loadBundledPlans(db, PLANS_DATA_DIR, say);
  await loadSample(db, directory, config, say);
}
