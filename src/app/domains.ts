/**
 * What each domain's plugin is given: the composition root builds the shared pieces once
 * (catalog, directory, tiles, routing data, the staff and member guards, the safety guard,
 * the plan, moderation with the reviews plugged in) and hands each domain only what it
 * uses. Nothing else knows all domains.
 */
import fs from "node:fs";
import path from "node:path";
import { CoverageService, accessFile, loadAccessData } from "../access/index.ts";
import { type AccountsDomainDeps, AccountStore, MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import { TileServer } from "../basemap/index.ts";
import { type PlanDomainDeps, PlanSupervision } from "../plan/index.ts";
import { PlaceCatalog, type PlaceRouteDeps, placeFeatureJson, setDemonstration } from "../places/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { type RegionDirectory, type RegionsDomainDeps } from "../regions/index.ts";
import { type ReviewsDomainDeps, ReviewStore, reviewModeration } from "../reviews/index.ts";
import { RoutePlanner, loadAllRoutingData } from "../routing/index.ts";
import { Guard, ModerationService, ModerationStore, type SafetyDomainDeps, WordFilter, readLexicon } from "../safety/index.ts";
import { SearchService, type SearchRouteDeps } from "../search/index.ts";

/** The pieces that outlive a request and that start-up, tests and close() reach. */
export interface Shared {
  db: Database;
  directory: RegionDirectory;
  catalog: PlaceCatalog;
  tiles: TileServer;
  search: SearchService;
  plan: PlanSupervision;
}

/** Each domain plugin's options, by domain. */
export interface DomainDeps {
  shared: Shared;
  places: PlaceRouteDeps;
  basemap: { tiles: TileServer };
  routing: { planner: RoutePlanner };
  search: SearchRouteDeps;
  regions: RegionsDomainDeps;
  accounts: AccountsDomainDeps;
  plan: PlanDomainDeps;
  access: { guard: StaffGuard; coverage: CoverageService; hasRegion: (id: string) => boolean };
  safety: SafetyDomainDeps;
  reviews: ReviewsDomainDeps;
}

/** The catalog, tiles and plan read from the database and data folder, ready to serve. */
async function loadShared(config: Config, db: Database, directory: RegionDirectory): Promise<Shared> {
  const catalog = new PlaceCatalog();
  await catalog.reload(db);
  const tiles = new TileServer(path.join(config.DATA_DIR, "tiles"));
  tiles.reload();
  const divisionName = (code: string | null) => directory.divisionName(code);
  const search = new SearchService(catalog, divisionName);
  const plan = new PlanSupervision(db, config.DATA_DIR, config.TONGXING_REPORT_PERIOD, {
    rubricFile: config.TONGXING_RUBRICS,
    hooks: {
      placeOf: (id) => {
        const place = catalog.index.get(id);
        return place ? { id: place.id, name: place.name.zh ?? place.name.en ?? place.id, districtCode: place.districtCode } : null;
      },
      // A certified site shows its badge on the map at once: the catalog reloads, search follows.
      certify: async (placeId, demonstration) => {
        await setDemonstration(db, placeId, demonstration);
        await catalog.reload(db);
      },
    },
  });
  await plan.reload();
  await plan.reapplyCertificates((id, type) => catalog.index.get(id)?.demonstration?.type === type);
  return { db, directory, catalog, tiles, search, plan };
}

/** Builds every domain's options from the configuration and the opened database. */
export async function buildDomains(config: Config, db: Database, directory: RegionDirectory): Promise<DomainDeps> {
  const shared = await loadShared(config, db, directory);
  const { catalog, tiles, search, plan } = shared;
  const hasRegion = (id: string) => directory.get(id) !== undefined;
  const timeZoneOf = (id: string) => directory.get(id)?.timeZone ?? "UTC";
  const divisionName = (code: string | null) => directory.divisionName(code);
  const routing = loadAllRoutingData(config.DATA_DIR);
  const planner = new RoutePlanner(routing);
  const coverage = new CoverageService({
    routing,
    data: (regionId) => loadAccessData(config.DATA_DIR, regionId),
    countyOf: (regionId, lon, lat) => directory.divisionName(directory.countyAt(regionId, lon, lat)),
    places: () => catalog.index.places,
  });
  catalog.onChange(() => coverage.invalidate());
  // Routing data and residential areas are read at start only, so what each region supports is known now.
  const routed = new Set(planner.regionIds);
  const covered = new Set([...routed].filter((id) => fs.existsSync(accessFile(config.DATA_DIR, id))));
  const accounts = new AccountStore(db);
  const staff = new StaffGuard(accounts);
  const members = new MemberStore(db);
  const memberGuard = new MemberGuard(members);
  const guard = new Guard(new WordFilter(readLexicon(config.TONGXING_LEXICON)));
  const reviews = new ReviewStore(db);
  const moderation = new ModerationService(db, new ModerationStore(db), members, guard);
  moderation.register(reviewModeration(reviews));
  return {
    shared,
    places: { catalog, hasRegion, timeZoneOf, divisionName },
    basemap: { tiles },
    routing: { planner },
    search: { search, hasRegion, timeZoneOf, divisionName, featureJson: (place, distanceM, extra) => placeFeatureJson(place, { now: new Date(), timeZoneOf, divisionName }, distanceM, extra) },
    regions: { directory, facts: { placeCount: (id) => catalog.countIn(id), hasRoutes: (id) => routed.has(id), hasCoverage: (id) => covered.has(id) } },
    accounts: { db, accounts, staff, members, memberGuard, isUnit: (id) => plan.book?.unit(id) !== undefined, screenNickname: screenNicknameWith(guard) },
    plan: { plan, guard: staff },
    access: { guard: staff, coverage, hasRegion },
    safety: { guard, moderation, staff, members: memberGuard },
    reviews: { db, reviews, catalog, guard, memberStore: members, members: memberGuard, staff },
  };
}

/**
 * Nicknames are public and shown beside children's posts: anyone's is held to the child
 * standard (no listed word, no phone number, no address), with no moderator in between.
 */
function screenNicknameWith(guard: Guard): (nickname: string) => string | null {
  return (nickname) => {
    const problem = guard.check(nickname, "child").reasons[0];
    return problem ? `choose another nickname: ${problem.message.en}` : null;
  };
}
