/**
 * Every domain of Tongxing, once: its tables, its retention rules, its routes and what its
 * routes are given. The order is the order tables are made in (a domain after those its
 * tables reference: places after regions; reviews and safety after accounts). Adding a
 * domain is its folder under src/ and one entry here.
 */
import { accessDomain } from "../access/index.ts";
import { accountMigrations, accountRetentionRules, accountsDomain } from "../accounts/index.ts";
import { basemapDomain } from "../basemap/index.ts";
import { eventMigrations, eventsDomain } from "../events/index.ts";
import { favouriteMigrations, favouritesDomain, favouriteTargets } from "../favourites/index.ts";
import { liveDomain, liveMigrations, liveRetentionRules } from "../live/index.ts";
import { guideMigrations, guideRetentionRules, guidesDomain } from "../guides/index.ts";
import { planDomain, planMigrations } from "../plan/index.ts";
import { placeFeatureJson, placeMigrations, placesDomain } from "../places/index.ts";
import { type Domain, domain } from "../platform/domain.ts";
import { regionMigrations, regionsDomain } from "../regions/index.ts";
import { reviewMigrations, reviewRetentionRules, reviewsDomain } from "../reviews/index.ts";
import { routingDomain } from "../routing/index.ts";
import { schoolRouteMigrations, schoolroutesDomain } from "../schoolroutes/index.ts";
import { safetyDomain, safetyMigrations, safetyRetentionRules } from "../safety/index.ts";
import { searchDomain } from "../search/index.ts";
import { transitDomain, transitMigrations } from "../transit/index.ts";
import { voiceDomain, voiceMigrations, voiceRetentionRules } from "../voice/index.ts";
import type { Services } from "./domains.ts";

export const DOMAINS: ReadonlyArray<Domain<Services>> = [
  domain({ name: "regions", migrations: regionMigrations, changes: { tables: ["regions", "divisions"], reload: (s: Services) => s.directory.reload(s.db) }, plugin: regionsDomain, options: (s: Services) => ({ directory: s.directory, defaultRegion: s.defaultRegion, facts: { placeCount: (id: string) => s.catalog.countIn(id), hasRoutes: (id: string) => s.routed.has(id), hasCoverage: (id: string) => s.covered.has(id) } }) }),
  domain({ name: "places", migrations: placeMigrations, changes: { tables: ["places"], reload: (s: Services) => s.catalog.reload(s.db) }, plugin: placesDomain, options: (s: Services) => ({ catalog: s.catalog, hasRegion: s.hasRegion, timeZoneOf: s.timeZoneOf, divisionName: s.divisionName, closedNow: (placeId: string, now: Date) => s.liveStatus.closedNow(placeId, now) }) }),
  domain({ name: "basemap", plugin: basemapDomain, options: (s: Services) => ({ tiles: s.tiles }) }),
  domain({ name: "routing", plugin: routingDomain, options: (s: Services) => ({ planner: s.planner }) }),
  domain({ name: "search", plugin: searchDomain, options: (s: Services) => ({ search: s.search, hasRegion: s.hasRegion, timeZoneOf: s.timeZoneOf, divisionName: s.divisionName, featureJson: searchFeatureJson(s), closedNow: (placeId: string, now: Date) => s.liveStatus.closedNow(placeId, now) }) }),
  domain({ name: "accounts", migrations: accountMigrations, retentionRules: accountRetentionRules, plugin: accountsDomain, options: (s: Services) => ({ db: s.db, accounts: s.accounts, staff: s.staff, members: s.members, memberGuard: s.memberGuard, isUnit: (id: string) => s.plan.book?.unit(id) !== undefined, isPlace: (id: string) => s.catalog.index.get(id) !== undefined, screenNickname: s.screenNickname }) }),
  domain({ name: "plan", migrations: planMigrations, changes: { tables: ["plans", "school_route_projects"], reload: async (s: Services) => { await s.plan.reload(); await s.schoolRoutes.reloadProjects(); } }, plugin: planDomain, options: (s: Services) => ({ plan: s.plan, guard: s.staff }) }),
  domain({ name: "access", plugin: accessDomain, options: (s: Services) => ({ guard: s.staff, coverage: s.coverage, hasRegion: s.hasRegion }) }),
  domain({ name: "reviews", migrations: reviewMigrations, retentionRules: reviewRetentionRules, plugin: reviewsDomain, options: (s: Services) => ({ db: s.db, reviews: s.reviews, catalog: s.catalog, guard: s.guard, memberStore: s.members, members: s.memberGuard, staff: s.staff }) }),
  domain({ name: "safety", migrations: safetyMigrations, retentionRules: safetyRetentionRules, plugin: safetyDomain, options: (s: Services) => ({ guard: s.guard, moderation: s.moderation, staff: s.staff, members: s.memberGuard, db: s.db }) }),
  domain({ name: "voice", migrations: voiceMigrations, retentionRules: voiceRetentionRules, plugin: voiceDomain, options: (s: Services) => ({ db: s.db, guard: s.guard, moderation: s.moderation, staff: s.staff, members: s.memberGuard, memberStore: s.members, plan: s.plan, catalog: s.catalog, planner: s.planner, hasRegion: s.hasRegion, divisionName: s.divisionName }) }),
  domain({ name: "schoolroutes", migrations: schoolRouteMigrations, changes: { tables: ["school_catchments"], reload: (s: Services) => s.schoolRoutes.reloadCatchments(s.db) }, plugin: schoolroutesDomain, options: (s: Services) => ({ guard: s.staff, schoolRoutes: s.schoolRoutes, hasRegion: s.hasRegion, districtOf: (regionId: string, lon: number, lat: number) => s.directory.divisionName(s.directory.countyAt(regionId, lon, lat)), printer: s.printer }) }),
  domain({ name: "transit", migrations: transitMigrations, changes: { tables: ["transit_feeds"], reload: (s: Services) => s.transit.reload(s.db) }, plugin: transitDomain, options: (s: Services) => ({ db: s.db, planner: s.planner, catalog: s.catalog, staff: s.staff, hasRegion: s.hasRegion, timeZoneOf: s.timeZoneOf, transit: s.transit }) }),
  domain({ name: "guides", migrations: guideMigrations, retentionRules: guideRetentionRules, plugin: guidesDomain, options: (s: Services) => ({ db: s.db, guard: s.guard, moderation: s.moderation, staff: s.staff, members: s.memberGuard, memberStore: s.members, catalog: s.catalog, planner: s.planner, transit: s.transit, timeZoneOf: s.timeZoneOf, unitName: (id: string) => s.plan.book?.unit(id)?.name ?? null }) }),
  domain({ name: "live", migrations: liveMigrations, retentionRules: liveRetentionRules, changes: { tables: ["place_status_changes"], reload: (s: Services) => s.liveStatus.catchUp() }, plugin: liveDomain, options: (s: Services) => ({ db: s.db, live: s.liveStatus, staff: s.staff, hasRegion: s.hasRegion, timeZoneOf: s.timeZoneOf, placeOf: (id: string) => s.catalog.index.get(id) ?? null }) }),
  domain({ name: "events", migrations: eventMigrations, plugin: eventsDomain, options: (s: Services) => ({ db: s.db, guard: s.guard, moderation: s.moderation, staff: s.staff, catalog: s.catalog, hasRegion: s.hasRegion, timeZoneOf: s.timeZoneOf, divisionName: s.divisionName, districtOf: (regionId: string, lon: number, lat: number) => s.directory.divisionName(s.directory.countyAt(regionId, lon, lat)), plan: s.plan, planRegion: s.defaultRegion }) }),
  domain({ name: "favourites", migrations: favouriteMigrations, plugin: favouritesDomain, options: (s: Services) => ({ db: s.db, members: s.memberGuard, describe: favouriteTargets(s.catalog.index) }) }),
];

/** Search answers places as the places domain writes them, with the distance and match added. */
function searchFeatureJson(s: Services): Parameters<typeof searchDomain>[1]["featureJson"] {
  return (place, distanceM, extra) => placeFeatureJson(place, { now: new Date(), timeZoneOf: s.timeZoneOf, divisionName: s.divisionName }, distanceM, extra);
}
