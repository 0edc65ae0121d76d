/** The regions domain: cities and the OSM sample, their divisions and boundaries. */
export { RegionDirectory, countyContaining, type RegionWithBasemap } from "./region-directory.ts";
export { regionsDomain, type RegionsDomainDeps } from "./region-routes.ts";
export { loadRegions, replaceDivisions, upsertRegion, type Division } from "./region-store.ts";
export { parseDivisions, readDivisionFiles, type DivisionProblem } from "./division-import.ts";
export { regionMigrations } from "./migrations.ts";
