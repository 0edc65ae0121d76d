/**
 * Getting there by bus and on foot (plan tasks 22, 23): timetables from GTFS or OSM bus lines,
 * school buses and journey planning. Other domains and the composition root reach it only
 * through this file.
 */
export { transitDomain, type TransitDomainDeps } from "./transit-domain.ts";
export { transitMigrations } from "./migrations.ts";
export { TransitNetworks } from "./transit-service.ts";
export { importGtfs, importOsmBusLines, type GtfsRefusal, type OsmBusOptions } from "./transit-import.ts";
export { type ImportSummary, hasFeed } from "./transit-store.ts";
export { readOsmLinesFile, type OsmLinesFile } from "./osm-lines-file.ts";
export { describeProblem } from "./gtfs-fields.ts";
export { syntheticGtfs } from "./synthetic-feed.ts";
export { runTransitImport } from "./transit-cli.ts";
