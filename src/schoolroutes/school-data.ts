/**
 * A region's school-route facts, read from its OSM extract at import and kept beside the
 * routing data (DATA_DIR/schoolroutes/<region>.format1.json): the schools and kindergartens
 * with their gates, the crossings' controls, islands and calming by OSM node id (so they join
 * the street network of the routing file whatever its vertex numbering), and the cameras.
 */
import fs from "node:fs";
import path from "node:path";
import type { OsmElement } from "../osm/index.ts";
import type { StreetNetwork } from "../routing/index.ts";
import { type CrossingFacts, NONE, crossingFacts } from "./crossing-facts.ts";
import type { School } from "./school-analysis.ts";
import { schoolsFromOsm } from "./schools-from-osm.ts";

const FORMAT_VERSION = 1;

interface Stored {
  version: number;
  regionId: string;
  schools: School[];
  /** [OSM node id, control, island, calming] for every node that is not a plain NONE/0/0. */
  nodes: Array<[number, number, number, number]>;
  cameras: number[];
}

export interface SchoolData {
  schools: School[];
  nodes: Stored["nodes"];
  cameras: Float64Array;
}

export function schoolRouteFile(dataDir: string, regionId: string): string {
  return path.join(dataDir, "schoolroutes", `${regionId}.format${FORMAT_VERSION}.json`);
}

/** Writes the file from the extract's elements and the street network built from them. */
export function saveSchoolData(dataDir: string, regionId: string, elements: readonly OsmElement[], network: StreetNetwork): number {
  const facts = crossingFacts(elements, network);
  const nodes: Stored["nodes"] = [];
  for (let v = 0; v < facts.control.length; v++) {
    if (facts.control[v] !== NONE || facts.island[v] || facts.calming[v]) nodes.push([network.osmNodeIds[v]!, facts.control[v]!, facts.island[v]!, facts.calming[v]!]);
  }
  const schools = schoolsFromOsm(elements);
  const stored: Stored = { version: FORMAT_VERSION, regionId, schools, nodes, cameras: [...facts.cameras] };
  const file = schoolRouteFile(dataDir, regionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify(stored));
  fs.renameSync(`${file}.partial`, file);
  return schools.length;
}

export function loadSchoolData(dataDir: string, regionId: string): SchoolData | null {
  const file = schoolRouteFile(dataDir, regionId);
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Stored;
  if (stored.version !== FORMAT_VERSION) return null;
  return { schools: stored.schools, nodes: stored.nodes, cameras: Float64Array.from(stored.cameras) };
}

/** The facts indexed by the network's vertices. */
export function factsFor(data: SchoolData, network: StreetNetwork): CrossingFacts {
  const n = network.osmNodeIds.length;
  const vertexOf = new Map<number, number>();
  network.osmNodeIds.forEach((id, v) => vertexOf.set(id, v));
  const control = new Uint8Array(n).fill(NONE);
  const island = new Uint8Array(n);
  const calming = new Uint8Array(n);
  for (const [id, c, i, k] of data.nodes) {
    const v = vertexOf.get(id);
    if (v === undefined) continue;
    control[v] = c;
    island[v] = i;
    calming[v] = k;
  }
  return { control, island, calming, cameras: data.cameras };
}
