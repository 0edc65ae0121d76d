/**
 * The services the composition root builds once (catalog, directory, tiles, routing data,
 * the staff and member guards, the safety guard, the plan, moderation with the reviews
 * plugged in); each domain's entry in domain-list.ts picks what its plugin uses.
 */
import { Printer } from "../platform/printer.ts";
import fs from "node:fs";
import path from "node:path";
import { CoverageService, accessFile, loadAccessData } from "../access/index.ts";
import { AccountStore, MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import { TileServer } from "../basemap/index.ts";
import { LiveStatusService } from "../live/index.ts";
import { PlanSupervision, completedSchoolRouteChanges } from "../plan/index.ts";
import { PlaceCatalog, setDemonstration } from "../places/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import type { RegionDirectory } from "../regions/index.ts";
import { ReviewStore, reviewModeration } from "../reviews/index.ts";
import { RoutePlanner, loadAllRoutingData } from "../routing/index.ts";
import { Guard, ModerationService, ModerationStore, WordFilter, readLexicon, screenNicknameWith } from "../safety/index.ts";
import { SchoolRouteService, loadSchoolData } from "../schoolroutes/index.ts";
import { SearchService } from "../search/index.ts";
import { TransitNetworks } from "../transit/index.ts";
import { publicHazards } from "../voice/index.ts";

/** The pieces that outlive a request and that start-up, tests and close() reach. */
export interface Shared {
  db: Database;
  directory: RegionDirectory;
  catalog: PlaceCatalog;
  tiles: TileServer;
  search: SearchService;
  plan: PlanSupervision;
  /** HTML to PDF and PNG, one Chromium at a time for the whole server. */
  printer: Printer;
}

/** Everything the composition root builds once; each domain's entry in DOMAINS picks its part. */
export interface Services extends Shared {
  hasRegion(id: string): boolean;
  timeZoneOf(id: string): string;
  divisionName(code: string | null): string | null;
  planner: RoutePlanner;
  coverage: CoverageService;
  /** Regions whose street network was imported (they plan routes) and which also have residential areas. */
  routed: ReadonlySet<string>;
  covered: ReadonlySet<string>;
  accounts: AccountStore;
  staff: StaffGuard;
  members: MemberStore;
  memberGuard: MemberGuard;
  guard: Guard;
  reviews: ReviewStore;
  moderation: ModerationService;
  screenNickname: ReturnType<typeof screenNicknameWith>;
  /** The region the map opens on (TONGXING_DEFAULT_REGION). */
  defaultRegion: string;
  /** Every region's timetables (GTFS or OSM bus lines), kept in step with the database. */
  transit: TransitNetworks;
  /** Every region's school-route analysis, built on first use. */
  schoolRoutes: SchoolRouteService;
  /** Every place's live status (venue staff), kept in step with the database. */
  liveStatus: LiveStatusService;
}

/** The catalog, tiles and plan read from the database and data folder, ready to serve. */
async function loadShared(config: Config, db: Database, directory: RegionDirectory): Promise<Shared> {
  const catalog = new PlaceCatalog();
  await catalog.reload(db);
  const tiles = new TileServer(path.join(config.DATA_DIR, "tiles"));
  tiles.reload();
  const divisionName = (code: string | null) => directory.divisionName(code);
  const search = new SearchService(catalog, divisionName);
  // One Chromium at a time for every PDF and PNG the server makes.
  const printer = new Printer();
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
  }, { reportingStarts: config.TONGXING_REPORTING_STARTS, printer });
  await plan.reload();
  await plan.reapplyCertificates((id, type) => catalog.index.get(id)?.demonstration?.type === type);
  return { db, directory, catalog, tiles, search, plan, printer };
}

/** Builds every service from the configuration and the opened database, and joins the ones that work together. */
export async function buildServices(config: Config, db: Database, directory: RegionDirectory): Promise<Services> {
  const shared = await loadShared(config, db, directory);
  const { catalog } = shared;
  const routing = loadAllRoutingData(config.DATA_DIR);
  const planner = new RoutePlanner(routing);
  // Residential areas are read once per region, like the routing data; coverage and school routes share them.
  const accessData = new Map<string, ReturnType<typeof loadAccessData>>();
  const accessOf = (regionId: string) => {
    if (!accessData.has(regionId)) accessData.set(regionId, loadAccessData(config.DATA_DIR, regionId));
    return accessData.get(regionId)!;
  };
  const coverage = new CoverageService({
    routing,
    data: accessOf,
    countyOf: (regionId, lon, lat) => directory.divisionName(directory.countyAt(regionId, lon, lat)),
    places: () => catalog.index.places,
  });
  catalog.onChange(() => coverage.invalidate());
  // Routing data and residential areas are read at start only, so what each region supports is known now.
  const routed = new Set(planner.regionIds);
  const covered = new Set([...routed].filter((id) => fs.existsSync(accessFile(config.DATA_DIR, id))));
  const accounts = new AccountStore(db);
  const members = new MemberStore(db);
  const guard = new Guard(new WordFilter(readLexicon(config.TONGXING_LEXICON)));
  const reviews = new ReviewStore(db);
  const moderation = new ModerationService(db, new ModerationStore(db), members, guard);
  moderation.register(reviewModeration(reviews));
  const transit = await TransitNetworks.load(db);
  const schoolRoutes = new SchoolRouteService({
    routing,
    data: (regionId) => loadSchoolData(config.DATA_DIR, regionId),
    areas: (regionId) => accessOf(regionId)?.areas ?? null,
    completed: (regionId) => completedSchoolRouteChanges(db, regionId),
    hazards: (regionId) => publicHazards(db, regionId),
  });
  await schoolRoutes.reloadCatchments(db);
  await schoolRoutes.reloadProjects();
  const liveStatus = new LiveStatusService(db, { placeOf: (id) => catalog.index.get(id) ?? null, timeZoneOf: (id) => directory.get(id)?.timeZone ?? "UTC", guard });
  await liveStatus.load();
    return {
    ...shared,
    hasRegion: (id) => directory.get(id) !== undefined,
    timeZoneOf: (id) => directory.get(id)?.timeZone ?? "UTC",
    divisionName: (code) => directory.divisionName(code),
    planner, coverage, routed, covered,
    accounts, staff: new StaffGuard(accounts), members, memberGuard: new MemberGuard(members),
    guard, reviews, moderation,
    screenNickname: screenNicknameWith(guard),
    defaultRegion: config.TONGXING_DEFAULT_REGION,
    transit,
    schoolRoutes,
    liveStatus,
  };
}
