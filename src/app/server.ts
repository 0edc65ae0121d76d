/**
 * The composition root: opens the database, brings data and assets up to date, builds each
 * services once (domains.ts) and registers every domain's Fastify plugin from the one list
 * of domains (domain-list.ts), then listens. Each plugin keeps its parsers, hooks and error mapping to itself.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.ts";
import { followChanges } from "../platform/database/change-feed.ts";
import { openDatabase } from "./database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { LiveUpdates } from "../platform/http/live-updates.ts";
import { RegionDirectory } from "../regions/index.ts";
import { bootstrapData } from "./bootstrap.ts";
import { DOMAINS } from "./domain-list.ts";
import { type Shared, buildServices } from "./domains.ts";
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
  // For a load balancer: this instance can reach its database (503 unavailable when not).
  app.get("/api/ready", async () => {
    await db.all("SELECT 1 AS ok");
    return { status: "ready", database: db.dialect };
  });
}

/** Starts Tongxing: database, first-start data, web build, every domain's plugin, then listening. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const say = options.say ?? ((line: string) => console.log(line));
  const db = await openDatabase(config);
  const directory = new RegionDirectory();
  await directory.reload(db);
  // Instances starting together load the first-start data one after the other.
  await db.exclusive("bootstrap", () => bootstrapData(db, directory, config, say));
  // Another instance may have done the loading while this one waited for the lock.
  await directory.reload(db);
  if (options.buildWeb && webBuildNeeded()) {
    say("Building the web app (first start only)…");
    await buildWebAssets();
  }
  const services = await buildServices(config, db, directory);
  const trustProxy = config.TONGXING_TRUST_PROXY.split(",").map((a) => a.trim()).filter(Boolean);
  const app = await createHttpApp({ logLevel: config.LOG_LEVEL, webRoot: options.buildWeb === false ? null : WEB_ROOT, trustProxy });
  await app.register(serverRoutes, services);
  const live = new LiveUpdates();
  live.routes(app);
  for (const domain of DOMAINS) await domain.register(app, services);
  const stopRetention = scheduleRetention(db, (error) => say(`Retention job failed: ${String(error)}`));
  const stopFollowing = await followChanges(db, {
    // Each domain rebuilds what it holds, then browsers on this instance hear of the change.
    handlers: Object.fromEntries(DOMAINS.flatMap((d) => (d.reload ? [[d.name, async () => {
      await d.reload!(services);
      live.publish(d.name);
    }]] : []))),
    pollMs: db.dialect === "postgres" ? 5_000 : 2_000,
    onError: (error) => say(`Following other instances' changes failed (retrying): ${String(error)}`),
  });

  const url = options.listen === false ? "" : await app.listen({ port: config.PORT, host: config.HOST });
  return {
    db, directory, catalog: services.catalog, tiles: services.tiles, search: services.search, plan: services.plan, printer: services.printer, app, url,
    async close() {
      await stopFollowing();
      live.closeAll();
      await stopRetention();
      await app.close();
      services.tiles.close();
      await db.close();
    },
  };
}
