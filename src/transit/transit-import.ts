/**
 * The two ways transit data enters a region, each all or nothing: a GTFS zip (validated;
 * a bad row names file, line, column and reason and nothing changes) and OSM route
 * relations with estimated headways (what first start calls for a sample region, and
 * `tongxing import osm-bus`). Both replace the region's feed in one transaction.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { OsmElement } from "../osm/index.ts";
import { readOsmFile } from "../osm/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { FeedProblem } from "./gtfs-csv.ts";
import { parseGtfs } from "./gtfs-parse.ts";
import { osmTransitFeed } from "./osm-bus.ts";
import type { OsmLinesFile } from "./osm-lines-file.ts";
import { type ImportSummary, saveFeed } from "./transit-store.ts";
import { ZipFormatError, readZip } from "./zip-reader.ts";

/** A refused GTFS import: its problems (at most 50 listed) and how many there were. */
export interface GtfsRefusal {
  problems: FeedProblem[];
  total: number;
}

/** Imports a GTFS zip (a path or its bytes) into the region, or answers why not (nothing stored). */
export async function importGtfs(db: Database, regionId: string, zip: string | Buffer, fileName = typeof zip === "string" ? basename(zip) : "feed.zip"): Promise<ImportSummary | GtfsRefusal> {
  let files;
  try {
    files = readZip(typeof zip === "string" ? readFileSync(zip) : zip);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    return { problems: [{ file: fileName, line: 0, column: null, zh: `不是可读的 ZIP 文件：${error.message}`, en: `not a readable ZIP: ${error.message}` }], total: 1 };
  }
  let parsed;
  try {
    parsed = parseGtfs(files);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    return { problems: [{ file: fileName, line: 0, column: null, zh: `ZIP 里的文件读不出：${error.message}`, en: `a file in the ZIP cannot be read: ${error.message}` }], total: 1 };
  }
  if ("problems" in parsed) return parsed;
  return saveFeed(db, regionId, parsed.feed, fileName);
}

/** What importOsmBusLines is told: the region's time zone and, optionally, the city file's settings. */
export type OsmBusOptions = OsmLinesFile & { timeZone: string; fileName?: string };

/**
 * Imports the bus (and metro, tram, ferry…) lines of an OSM extract into the region, with
 * headways and hours from `options` (estimates). `source` is a file path or elements already
 * read (first start reads the extract once for all domains). Answers null, storing nothing,
 * when the extract has no usable line.
 */
export async function importOsmBusLines(db: Database, regionId: string, source: string | readonly OsmElement[], options: OsmBusOptions): Promise<(ImportSummary & { skipped: number }) | null> {
  const elements = typeof source === "string" ? readOsmFile(source) : source;
  const built = osmTransitFeed(elements, options);
  if (built.lines === 0) return null;
  const summary = await saveFeed(db, regionId, built.feed, options.fileName ?? (typeof source === "string" ? basename(source) : "osm"));
  return { ...summary, skipped: built.skipped };
}
