/**
 * The composition root: opens the database, brings data and assets up to date, builds each
 * domain's dependencies (domains.ts) and registers each domain's Fastify plugin with one
 * line, then listens. Each plugin keeps its parsers, hooks and error mapping to itself.
 */
import type { FastifyInstance } from "fastify";
import { accessDomain } from "../access/index.ts";
import { accountsDomain } from "../accounts/index.ts";
import { basemapDomain } from "../basemap/index.ts";
import { planDomain } from "../plan/index.ts";
import { placesDomain } from "../places/index.ts";
import type { Config } from "../platform/config.ts";
import { openDatabase } from "./database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { RegionDirectory, regionsDomain } from "../regions/index.ts";
import { reviewsDomain } from "../reviews/index.ts";
import { safetyDomain } from "../safety/index.ts";
import { routingDomain } from "../routing/index.ts";
import { searchDomain } from "../search/index.ts";
import { bootstrapData } from "./bootstrap.ts";
import { type Shared, buildDomains } from "./domains.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";
import { scheduleRetention } from "./retention-job.ts";
import { WEB_ROOT, buildWebAssets, webBuildNeeded } from "./web-assets.ts";

export interface RunningServer extends Shared {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Build the web app when missing (the start command); tests of the API skip it. */
  buildWeb?: boolean;
  listen?: boolean;
  say?: (line: string) => void;
}

/** GET /api/health and GET /api/openapi.json: the server's own routes. */
async function serverRoutes(app: FastifyInstance, { db, catalog, directory, tiles }: Shared): Promise<void> {
  app.get("/api/health", async () => ({
    status: "ok",
    database: db.dialect,
    places: catalog.index.size,
    regions: directory.list().length,
    tilesets: tiles.tilesetCount,
  }));
  app.get("/api/openapi.json", async () => OPENAPI_DOCUMENT);
}

/** Starts Tongxing: database, first-start data, web build, every domain's plugin, then listening. */
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
  const deps = await buildDomains(config, db, directory);
  const trustProxy = config.TONGXING_TRUST_PROXY.split(",").map((a) => a.trim()).filter(Boolean);
  const app = await createHttpApp({ logLevel: config.LOG_LEVEL, webRoot: options.buildWeb === false ? null : WEB_ROOT, trustProxy });
  await app.register(serverRoutes, deps.shared);
  await app.register(placesDomain, deps.places);
  await app.register(basemapDomain, deps.basemap);
  await app.register(routingDomain, deps.routing);
  await app.register(searchDomain, deps.search);
  await app.register(regionsDomain, deps.regions);
  await app.register(accountsDomain, deps.accounts);
  await app.register(planDomain, deps.plan);
  await app.register(accessDomain, deps.access);
  await app.register(safetyDomain, deps.safety);
  await app.register(reviewsDomain, deps.reviews);
  const stopRetention = scheduleRetention(db, (error) => say(`Retention job failed: ${String(error)}`));

  const url = options.listen === false ? "" : await app.listen({ port: config.PORT, host: config.HOST });
  return {
    ...deps.shared, app, url,
    async close() {
      await stopRetention();
      await app.close();
      deps.shared.tiles.close();
      await db.close();
    },
  };
}
