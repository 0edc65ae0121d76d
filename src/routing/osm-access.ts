/**
 * Who may use a way, read as OSM means it: the most specific tag with a value that decides
 * wins (`foot` over `access` for walkers; `bicycle` over `vehicle` over `access` for
 * bikes); `private`, `no`, `delivery` (and `agricultural`, `forestry`) shut a way,
 * `yes`, `designated`, `permissive` (and `destination`, `customers`, `official`) open it;
 * any other value decides nothing and the next, less specific tag is read. With no tag
 * deciding, the road class does (walkers keep off trunk roads, bikes off steps).
 */
import type { OsmTags } from "../osm/index.ts";

const SHUT = new Set(["private", "no", "delivery", "agricultural", "forestry"]);
const OPEN = new Set(["yes", "designated", "permissive", "destination", "customers", "official"]);

/** The first of `keys` whose value decides, as open (true) or shut (false); null when none decides. */
export function decidedAccess(tags: OsmTags, keys: readonly string[]): boolean | null {
  for (const key of keys) {
    const value = tags[key]?.split(";")[0]?.trim();
    if (value === undefined) continue;
    if (SHUT.has(value)) return false;
    if (OPEN.has(value)) return true;
  }
  return null;
}

/** Whether people may walk the way. */
export function walkable(tags: OsmTags, roadClass: string): boolean {
  return decidedAccess(tags, ["foot", "access"]) ?? roadClass !== "trunk";
}

/** Whether bikes may ride (or be pushed along) the way. */
export function rideable(tags: OsmTags, roadClass: string): boolean {
  return decidedAccess(tags, ["bicycle", "vehicle", "access"]) ?? roadClass !== "steps";
}
