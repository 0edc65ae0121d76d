/**
 * The composition root: opens the database, brings data and assets up to date, wires each
 * domain's routes onto the HTTP app and starts listening. Nothing else knows all domains.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { CoverageService, accessFile, loadAccessData, registerCoverageRoutes } from "../access/index.ts";
import { AccountStore, MemberGuard, MemberStore, StaffGuard, registerAccountRoutes, registerMemberRoutes } from "../accounts/index.ts";
import { TileServer, registerTileRoutes } from "../basemap/index.ts";
import { PlanSupervision } from "../plan/index.ts";
import { PlaceCatalog, placeFeatureJson, registerPlaceRoutes, setDemonstration } from "../places/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { RegionDirectory, registerRegionRoutes } from "../regions/index.ts";
import { CorrectionStore, ReviewService, ReviewStore, registerCorrectionRoutes, registerReviewRoutes, reviewModeration } from "../reviews/index.ts";
import { Guard, ModerationService, ModerationStore, WordFilter, readLexicon, registerModerationRoutes, registerSafetyRoutes } from "../safety/index.ts";
import { RoutePlanner, loadAllRoutingData, registerRouteRoutes } from "../routing/index.ts";
import { SearchService, registerSearchRoutes } from "../search/index.ts";
import { bootstrapData } from "./bootstrap.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";
import { scheduleRetention } from "./retention-job.ts";
import { WEB_ROOT, buildWebAssets, webBuildNeeded } from "./web-assets.ts";

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  catalog: PlaceCatalog;
  directory: RegionDirectory;
  tiles: TileServer;
  search: SearchService;
  plan: PlanSupervision;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Build the web app when missing (the start command); tests of the API skip it. */
  buildWeb?: boolean;
  listen?: boolean;
  say?: (line: string) => void;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const say = options.say ?? ((line: string) => console.log(line));
  const db = await openDatabase(config);
  const directory = new RegionDirectory();
  await directory.reload(db);
  await bootstrapData(db, directory, config, say);
  if (options.buildWeb && webBuildNeeded()) {
    say("Building the web app (first start only)…");
    await buildWebAssets();
  }
  const catalog = new PlaceCatalog();
  await catalog.reload(db);
  const tiles = new TileServer(path.join(config.DATA_DIR, "tiles"));
  tiles.reload();

  const trustProxy = config.TONGXING_TRUST_PROXY.split(",").map((a) => a.trim()).filter(Boolean);
  const app = await createHttpApp({ logLevel: config.LOG_LEVEL, webRoot: options.buildWeb === false ? null : WEB_ROOT, trustProxy });
  app.get("/api/health", async () => ({
    status: "ok",
    database: db.dialect,
    places: catalog.index.size,
    regions: directory.list().length,
    tilesets: tiles.tilesetCount,
  }));
  app.get("/api/openapi.json", async () => OPENAPI_DOCUMENT);
  registerPlaceRoutes(app, {
    catalog,
    hasRegion: (id) => directory.get(id) !== undefined,
    timeZoneOf: (id) => directory.get(id)?.timeZone ?? "UTC",
    divisionName: (code) => directory.divisionName(code),
  });
  registerTileRoutes(app, tiles);
  const routing = loadAllRoutingData(config.DATA_DIR);
  const planner = new RoutePlanner(routing);
  registerRouteRoutes(app, () => planner);
  const timeZoneOf = (id: string) => directory.get(id)?.timeZone ?? "UTC";
  const divisionName = (code: string | null) => directory.divisionName(code);
  const search = new SearchService(catalog, divisionName);
  registerSearchRoutes(app, {
    search,
    hasRegion: (id) => directory.get(id) !== undefined,
    timeZoneOf,
    divisionName,
    featureJson: (place, distanceM) => placeFeatureJson(place, { now: new Date(), timeZoneOf, divisionName }, distanceM),
  });

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
  const accounts = new AccountStore(db);
  const guard = new StaffGuard(accounts);
  registerAccountRoutes(app, { db, accounts, guard, isUnit: (id) => plan.book?.unit(id) !== undefined });
  plan.register(app, guard);
  const coverage = new CoverageService({
    routing,
    data: (regionId) => loadAccessData(config.DATA_DIR, regionId),
    countyOf: (regionId, lon, lat) => directory.divisionName(directory.countyAt(regionId, lon, lat)),
    places: () => catalog.index.places,
  });
  catalog.onChange(() => coverage.invalidate());
  registerCoverageRoutes(app, { guard, coverage, hasRegion: (id) => directory.get(id) !== undefined });
  // Routing data and residential areas are read at start only, so what each region supports is known now.
  const routed = new Set(planner.regionIds);
  const covered = new Set([...routed].filter((id) => fs.existsSync(accessFile(config.DATA_DIR, id))));
  registerRegionRoutes(app, directory, {
    placeCount: (id) => catalog.countIn(id),
    hasRoutes: (id) => routed.has(id),
    hasCoverage: (id) => covered.has(id),
  });

  const safetyGuard = new Guard(new WordFilter(readLexicon(config.TONGXING_LEXICON)));
  registerSafetyRoutes(app, safetyGuard);
  const stopRetention = registerFamilies(app, { db, catalog, guard, safetyGuard, say });

  let url = "";
  if (options.listen !== false) url = await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app, db, catalog, directory, tiles, search, plan, url,
    async close() {
      await stopRetention();
      await app.close();
      tiles.close();
      await db.close();
    },
  };
}

interface FamilyDeps {
  db: Database;
  catalog: PlaceCatalog;
  guard: StaffGuard;
  safetyGuard: Guard;
  say: (line: string) => void;
}

/** Family accounts, reviews, corrections and moderation; returns the retention job's stop. */
function registerFamilies(app: FastifyInstance, deps: FamilyDeps): () => Promise<void> {
  const { db, catalog, guard, safetyGuard } = deps;
  const members = new MemberStore(db);
  const memberGuard = new MemberGuard(members);
  // Nicknames are public and shown beside children's posts: anyone's is held to the child
  // standard (no listed word, no phone number, no address), with no moderator in between.
  const screenNickname = (nickname: string): string | null => {
    const problem = safetyGuard.check(nickname, "child").reasons[0];
    return problem ? `choose another nickname: ${problem.message.en}` : null;
  };
  registerMemberRoutes(app, { db, members, guard: memberGuard, screenNickname });
  const reviews = new ReviewStore(db);
  const reviewService = new ReviewService(reviews, safetyGuard, members, (id) => catalog.index.get(id) !== undefined);
  registerReviewRoutes(app, { db, service: reviewService, store: reviews, members: memberGuard, staff: guard });
  registerCorrectionRoutes(app, { db, corrections: new CorrectionStore(db), catalog, guard: safetyGuard, members: memberGuard, staff: guard });
  const moderationStore = new ModerationStore(db);
  const moderation = new ModerationService(db, moderationStore, members);
  moderation.register(reviewModeration(reviews));
  registerModerationRoutes(app, { db, guard: safetyGuard, service: moderation, store: moderationStore, staff: guard, members: memberGuard });
  return scheduleRetention(db, (error) => deps.say(`Retention job failed: ${String(error)}`));
}
