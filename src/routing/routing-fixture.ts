/** The Monaco street network and routing data, built once per test file. */
import path from "node:path";
import { readOsmFile } from "../osm/index.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { buildRoutingData, type RoutingData } from "./routing-data.ts";
import { buildStreetNetwork } from "./street-network.ts";

export const MONACO_PBF = path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf");

let cached: RoutingData | null = null;

export function monacoRouting(): RoutingData {
  cached ??= buildRoutingData("monaco", buildStreetNetwork(readOsmFile(MONACO_PBF)));
  return cached;
}

/** A deterministic pseudo-random generator (Park-Miller), so failures can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}
