/**
 * The composition root: opens the database, brings data and assets up to date, wires each
 * domain's routes onto the HTTP app and starts listening. Nothing else knows all domains.
 */
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { CoverageService, loadAccessData, registerCoverageRoutes } from "../access/index.ts";
import { AccountStore, StaffGuard, registerAccountRoutes } from "../accounts/index.ts";
import { TileServer, registerTileRoutes } from "../basemap/index.ts";
import { PlanSupervision } from "../plan/index.ts";
import { PlaceCatalog, placeFeatureJson, registerPlaceRoutes, setDemonstration } from "../places/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { RegionDirectory, registerRegionRoutes } from "../regions/index.ts";
import { Guard, WordFilter, readLexicon, registerSafetyRoutes } from "../safety/index.ts";
import { RoutePlanner, loadAllRoutingData, registerRouteRoutes } from "../routing/index.ts";
import { SearchService, registerSearchRoutes } from "../search/index.ts";
import { bootstrapData } from "./bootstrap.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";
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

  const app = await createHttpApp({ logLevel: config.LOG_LEVEL, webRoot: options.buildWeb === false ? null : WEB_ROOT });
  app.get("/api/health", async () => ({
    status: "ok",
    database: db.dialect,
    places: catalog.index.size,
    regions: directory.list().length,
    tilesets: tiles.tilesetCount,
  }));
  app.get("/api/openapi.json", async () => OPENAPI_DOCUMENT);
  registerRegionRoutes(app, directory, (id) => catalog.countIn(id));
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

  registerSafetyRoutes(app, new Guard(new WordFilter(readLexicon(config.TONGXING_LEXICON))));

  let url = "";
  if (options.listen !== false) url = await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app, db, catalog, directory, tiles, search, plan, url,
    async close() {
      await app.close();
      tiles.close();
      await db.close();
    },
  };
}
