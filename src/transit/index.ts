/**
 * Getting there by bus and on foot (plan tasks 22, 23): timetables from GTFS or OSM bus lines,
 * school buses and journey planning. Other domains and the composition root reach it only
 * through this file.
 */
export { transitDomain, type TransitDomainDeps } from "./transit-domain.ts";
export { transitMigrations } from "./migrations.ts";
