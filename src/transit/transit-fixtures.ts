/** Test fixtures of the transit domain: the shared sample feeds and how to read them. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../platform/config.ts";
import type { TransitFeed } from "./feed.ts";
import { parseGtfs } from "./gtfs-parse.ts";
import { readZip } from "./zip-reader.ts";

/** The MTA S48 weekday subset (New York, a real published feed). */
export const S48_ZIP = path.resolve(REPO_ROOT, "../shared/data/gtfs/mta-bus-si-S48-weekday-subset.gtfs.zip");
/** The OSM extracts with bus relations. */
export const OSM_DIR = path.resolve(REPO_ROOT, "../shared/data/osm");

/** A feed from its files, throwing when it is refused. */
export function feedOf(files: Map<string, () => Buffer>): TransitFeed {
  const parsed = parseGtfs(files);
  if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.feed;
}

/** The S48 feed. */
export function s48Feed(): TransitFeed {
  return feedOf(readZip(readFileSync(S48_ZIP)));
}
