/**
 * What the first start does on an empty database: load every city folder under
 * data/regions and import the OSM samples (Monaco, Nanjing's Xinjiekou: samples.ts) whose
 * extracts are present. Later starts find it all done and skip it.
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
import { schoolRouteFile } from "../schoolroutes/index.ts";
import { hasFeed } from "../transit/index.ts";
import { buildOsmDataFiles, importOsmExtract, saveBusLines } from "./osm-extract.ts";
import { loadRegionFolder, regionFolderLoaded } from "./region-folder.ts";
import { type Sample, samplesToLoad } from "./samples.ts";

export const REGIONS_DATA_DIR = path.join(REPO_ROOT, "data/regions");
export const PLANS_DATA_DIR = path.join(REPO_ROOT, "data/plans");
/** The first sample's region (Monaco): the one every test server loads. */
export const SAMPLE_REGION_ID = "monaco";

type Say = (line: string) => void;

/** The files a sample's import writes into the data directory; it is done only when all exist. */
export function sampleFiles(dataDir: string, regionId: string = SAMPLE_REGION_ID): string[] {
  return [
    path.join(dataDir, "tiles", `${regionId}.mbtiles`),
    routingFile(dataDir, regionId),
    accessFile(dataDir, regionId),
    schoolRouteFile(dataDir, regionId),
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

/** A sample whose places are in but whose bus lines are not (a start stopped between the two) gets them now. */
async function loadSampleBusLines(db: Database, sample: Sample, config: Config, say: Say): Promise<void> {
  const file = sample.file(config);
  if (!(await importFinished(db, sample.regionId, "osm")) || (await hasFeed(db, sample.regionId)) || !fs.existsSync(file)) return;
  const lines = await saveBusLines(db, sample.regionId, file, sample.timeZone, path.basename(file));
  if (lines !== null) say(`Imported the bus lines of the ${sample.title}: ${lines} lines`);
}

async function loadSample(db: Database, directory: RegionDirectory, sample: Sample, config: Config, say: Say): Promise<void> {
  const file = sample.file(config);
  const finished = await importFinished(db, sample.regionId, "osm");
  if (finished && sampleFiles(config.DATA_DIR, sample.regionId).every((f) => fs.existsSync(f))) return loadSampleBusLines(db, sample, config, say);
  const options = { regionId: sample.regionId, name: sample.name, timeZone: sample.timeZone, dataDir: config.DATA_DIR, replace: true };
  if (finished && fs.existsSync(file)) {
    // Another instance (or an earlier data folder) saved the sample in this database; its
    // places may have been fixed or removed since. This instance builds its own files only.
    const tiles = await buildOsmDataFiles(file, options);
    say(`Built this instance's files of the ${sample.title} (${tiles} basemap tiles); its places are already in the database`);
    return loadSampleBusLines(db, sample, config, say);
  }
  if (!fs.existsSync(file)) {
    say(`The ${sample.title} ${file} is not here, so it is not served.`);
    say("Import any city's OpenStreetMap extract with: npm run tongxing -- import osm <file.osm.pbf> --region <id> --name-zh <名称> --name-en <Name>");
    return;
  }
  if (directory.get(sample.regionId) && !finished) say(`The ${sample.title} was not imported completely (an earlier start stopped part-way); importing it again`);
  const result = await importOsmExtract(db, directory, file, options);
  if (!result.ok) throw new Error(`${file}: ${result.errors[0]!.message}`);
  say(`Imported the ${sample.title}: ${result.places} places, ${result.tiles} basemap tiles${busLinesNote(result.busLines)}`);
}

function busLinesNote(busLines: number | null): string {
  return busLines === null ? "" : `, ${busLines} bus lines`;
}

export async function bootstrapData(db: Database, directory: RegionDirectory, config: Config, say: Say): Promise<void> {
  await loadRegionFolders(db, directory, say);
  await loadBundledPlans(db, PLANS_DATA_DIR, say);
  for (const sample of samplesToLoad(config)) await loadSample(db, directory, sample, config, say);
}
