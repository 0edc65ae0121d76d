/**
 * A region's residential areas, extracted from its OSM extract at import and kept beside
 * the routing data (DATA_DIR/access/<region>.json), so a start reads them in one go.
 */
import fs from "node:fs";
import path from "node:path";
import type { OsmElement } from "../places/index.ts";
import { type ResidentialArea, residentialAreas } from "./residential-areas.ts";

export function accessFile(dataDir: string, regionId: string): string {
  return path.join(dataDir, "access", `${regionId}.json`);
}

export function saveResidentialAreas(dataDir: string, regionId: string, elements: readonly OsmElement[]): number {
  const areas = residentialAreas(elements);
  const file = accessFile(dataDir, regionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify({ version: 1, regionId, areas }));
  fs.renameSync(`${file}.partial`, file);
  return areas.length;
}

export function loadResidentialAreas(dataDir: string, regionId: string): ResidentialArea[] | null {
  const file = accessFile(dataDir, regionId);
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { version: number; areas: ResidentialArea[] };
  return stored.version === 1 ? stored.areas : null;
}
