/**
 * What OSM says about each place a child crosses a road, beyond the routing profile's three
 * kinds: signals, zebra (or other markings), a crossing mapped without markings, or a
 * junction where nothing is mapped at all; a refuge island; traffic calming on the road
 * near it; and the surveillance cameras of the extract. Read once from the OSM elements,
 * indexed by the street network's vertices (osmNodeIds).
 */
import { CROSSING_CONTROLS } from "../core/api/schoolroutes.ts";
import type { OsmElement, OsmTags } from "../osm/index.ts";
import type { StreetNetwork } from "../routing/index.ts";

/** How a child crosses at a vertex, from best to worst protected (the index is stored). */
export { CROSSING_CONTROLS as CONTROLS };
export type Control = (typeof CROSSING_CONTROLS)[number];
export const SIGNALS = 0;
export const ZEBRA = 1;
export const UNMARKED = 2;
export const NONE = 3;

export interface CrossingFacts {
  /** CONTROLS index per vertex. */
  control: Uint8Array;
  /** 1 where the crossing has a refuge island. */
  island: Uint8Array;
  /** 1 where the vertex carries traffic calming (a hump, a table, a chicane...). */
  calming: Uint8Array;
  /** Surveillance cameras, lon/lat interleaved. */
  cameras: Float64Array;
}

/** The control a crossing node's tags describe (OSM crossing=*, highway=traffic_signals, markings). */
export function controlOf(tags: OsmTags): number {
  const crossing = tags["crossing"];
  if (tags["highway"] === "traffic_signals" || crossing === "traffic_signals" || tags["crossing:signals"] === "yes") return SIGNALS;
  const markings = tags["crossing:markings"];
  if (crossing === "zebra" || crossing === "marked" || tags["crossing_ref"] === "zebra") return ZEBRA;
  if (markings !== undefined && markings !== "no") return ZEBRA;
  // In OSM, crossing=uncontrolled is a marked crossing without signals, unless markings say no.
  if (crossing === "uncontrolled" && markings !== "no") return ZEBRA;
  if (crossing === "no") return NONE;
  if (crossing !== undefined || tags["highway"] === "crossing") return UNMARKED;
  return NONE;
}

const hasIsland = (tags: OsmTags) => tags["crossing:island"] === "yes" || tags["traffic_calming"] === "island" || tags["crossing"] === "island";
const isCamera = (tags: OsmTags) => tags["man_made"] === "surveillance" && (tags["surveillance:type"] ?? "camera") === "camera";

export function crossingFacts(elements: readonly OsmElement[], network: StreetNetwork): CrossingFacts {
  const n = network.osmNodeIds.length;
  const vertexOf = new Map<number, number>();
  network.osmNodeIds.forEach((id, v) => vertexOf.set(id, v));
  const control = new Uint8Array(n).fill(NONE);
  const island = new Uint8Array(n);
  const calming = new Uint8Array(n);
  const cameras: number[] = [];
  for (const e of elements) {
    if (e.type !== "node") continue;
    if (isCamera(e.tags)) cameras.push(e.lon, e.lat);
    const v = vertexOf.get(e.id);
    if (v === undefined) continue;
    control[v] = controlOf(e.tags);
    if (hasIsland(e.tags)) island[v] = 1;
    if (e.tags["traffic_calming"] !== undefined && e.tags["traffic_calming"] !== "no") calming[v] = 1;
  }
  return { control, island, calming, cameras: Float64Array.from(cameras) };
}
