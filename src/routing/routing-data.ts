/**
 * A region's routing data: the street network and, per profile, its graph and contraction
 * hierarchy. Built once at import from the OSM extract and saved with V8's serializer
 * (typed arrays stay typed arrays), so a start only reads one file.
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { ContractionHelper } from "./contraction-helper.ts";
import { type Hierarchy, buildHierarchy } from "./contraction-hierarchy.ts";
import { type ProfileGraph, buildProfileGraph } from "./profile-graph.ts";
import { PROFILE_IDS, type ProfileId } from "./profiles.ts";
import type { StreetNetwork } from "./street-network.ts";

export interface RoutingData {
  regionId: string;
  network: StreetNetwork;
  graphs: Record<ProfileId, ProfileGraph>;
  hierarchies: Record<ProfileId, Hierarchy>;
}

/**
 * 2: hierarchies stored by rank (contraction order) with their arcs between ranks.
 * 3: each rank's arcs sorted by the rank at their other end (the query unpacks by binary search).
 */
const FORMAT_VERSION = 4;

/** Builds every profile's graph and hierarchy; a `helper` thread shares the witness searches. */
export function buildRoutingData(regionId: string, network: StreetNetwork, helper: ContractionHelper | null = null): RoutingData {
  const graphs = {} as Record<ProfileId, ProfileGraph>;
  const hierarchies = {} as Record<ProfileId, Hierarchy>;
  for (const profile of PROFILE_IDS) {
    graphs[profile] = buildProfileGraph(network, profile);
    hierarchies[profile] = buildHierarchy(graphs[profile], helper);
  }
  return { regionId, network, graphs, hierarchies };
}

/**
 * Street networks smaller than this build on one thread: on Monaco (8,682 vertices) the four
 * hierarchies take 0.5 s in all, and starting the helper thread alone takes 0.2-0.4 s.
 */
const HELPER_MIN_VERTICES = 50_000;

/** buildRoutingData on two threads for a big network when a helper can start (on one otherwise). */
export async function buildRoutingDataOnCores(regionId: string, network: StreetNetwork): Promise<RoutingData> {
  if (network.coords.length / 2 < HELPER_MIN_VERTICES) return buildRoutingData(regionId, network);
  const helper = await ContractionHelper.start();
  try {
    return buildRoutingData(regionId, network, helper);
  } finally {
    helper?.close();
  }
}

export function routingFile(dataDir: string, regionId: string): string {
  // The format is in the name: a data directory built by an older version has no file of
  // this name, so the start-up import rebuilds it instead of serving no routes.
  return path.join(dataDir, "routing", `${regionId}.format${FORMAT_VERSION}.v8`);
}

export function saveRoutingData(dataDir: string, data: RoutingData): void {
  const file = routingFile(dataDir, data.regionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, v8.serialize({ version: FORMAT_VERSION, data }));
  fs.renameSync(`${file}.partial`, file);
}

/** Every region's routing data found in the data directory. */
export function loadAllRoutingData(dataDir: string): RoutingData[] {
  const folder = path.join(dataDir, "routing");
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((f) => f.endsWith(".v8")).flatMap((f) => {
    const stored = v8.deserialize(fs.readFileSync(path.join(folder, f))) as { version: number; data: RoutingData };
    return stored.version === FORMAT_VERSION ? [stored.data] : [];
  });
}
