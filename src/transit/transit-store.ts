/**
 * The transit tables: a region's feed is replaced whole in one transaction (an import is
 * all or nothing), with a line in the import log; every instance loads all feeds at start
 * and again when transit_feeds changes.
 */
import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../platform/database/database.ts";
import { decodeFeed, encodeFeed } from "./feed-codec.ts";
import type { TransitFeed } from "./feed.ts";

/** What an import stored. */
export interface ImportSummary {
  regionId: string;
  source: TransitFeed["source"];
  stops: number;
  routes: number;
  trips: number;
  firstDate: number;
  lastDate: number;
  estimated: boolean;
}

/** Replaces the region's feed (and logs the import) in one transaction. */
export async function saveFeed(db: Database, regionId: string, feed: TransitFeed, fileName: string): Promise<ImportSummary> {
  const data = encodeFeed(feed);
  const estimated = feed.frequencies.some((f) => f.estimated);
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    await tx.run("DELETE FROM transit_feeds WHERE region_id = ?", [regionId]);
    await tx.run(
      "INSERT INTO transit_feeds (region_id, source, time_zone, stops, routes, trips, first_date, last_date, estimated, imported_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [regionId, feed.source, feed.timeZone, feed.stops.length, feed.routes.length, feed.trips.length, feed.firstDate, feed.lastDate, estimated ? 1 : 0, now, data],
    );
    await tx.run(
      "INSERT INTO transit_imports (id, region_id, source, file_name, stops, routes, trips, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [randomUUID(), regionId, feed.source, fileName.slice(0, 200), feed.stops.length, feed.routes.length, feed.trips.length, now],
    );
  });
  return { regionId, source: feed.source, stops: feed.stops.length, routes: feed.routes.length, trips: feed.trips.length, firstDate: feed.firstDate, lastDate: feed.lastDate, estimated };
}

/** Every region's feed. */
export async function loadFeeds(db: Queryable): Promise<Map<string, TransitFeed>> {
  const rows = await db.all<{ region_id: string; data: Buffer | Uint8Array }>("SELECT region_id, data FROM transit_feeds ORDER BY region_id");
  return new Map(rows.map((r) => [r.region_id, decodeFeed(Buffer.from(r.data))]));
}

/** Whether the region has a feed (first start imports OSM bus lines only when not). */
export async function hasFeed(db: Queryable, regionId: string): Promise<boolean> {
  const rows = await db.all("SELECT 1 AS one FROM transit_feeds WHERE region_id = ?", [regionId]);
  return rows.length > 0;
}
