/**
 * A region's residential areas, extracted from its OSM extract at import and kept beside
 * the routing data (DATA_DIR/access/<region>.json), so a start reads them in one go.
 */
import fs from "node:fs";
import path from "node:path";
import type { OsmElement } from "../osm/index.ts";
import { type AdminArea, adminAreas } from "./admin-areas.ts";
import { type ResidentialArea, residentialAreas } from "./residential-areas.ts";

export interface AccessData {
  areas: ResidentialArea[];
  /** OSM districts and communities of the extract, for the coverage tables. */
  boundaries: AdminArea[];
}

/** 2: OSM administrative boundaries kept with the residential areas. */
const FORMAT_VERSION = 2;

/** The format is in the name, so a data directory from an older version is rebuilt, not misread. */
export function accessFile(dataDir: string, regionId: string): string {
  return path.join(dataDir, "access", `${regionId}.format${FORMAT_VERSION}.json`);
}

export function saveResidentialAreas(dataDir: string, regionId: string, elements: readonly OsmElement[]): number {
  const areas = residentialAreas(elements);
  const file = accessFile(dataDir, regionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify({ version: FORMAT_VERSION, regionId, areas, boundaries: adminAreas(elements) }));
  fs.renameSync(`${file}.partial`, file);
  return areas.length;
}

export function loadAccessData(dataDir: string, regionId: string): AccessData | null {
  const file = accessFile(dataDir, regionId);
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { version: number } & AccessData;
  return stored.version === FORMAT_VERSION ? { areas: stored.areas, boundaries: stored.boundaries } : null;
}
