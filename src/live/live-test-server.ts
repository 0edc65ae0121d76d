/**
 * A server with the live-status domain for its integration tests, bench and browser test,
 * until the composition root lists the domain: the same steps as src/app/server.ts (every
 * domain's tables and plugins, first-start data under the shared lock, the change feed)
 * with this domain added. Once domain-list.ts has the "live" entry, it starts the real
 * server instead. Several on one PostgreSQL are separate instances.
 */
import type { FastifyRequest } from "fastify";
import { bootstrapData } from "../app/bootstrap.ts";
import { DOMAIN_MIGRATIONS } from "../app/database.ts";
import { DOMAINS } from "../app/domain-list.ts";
import { buildServices } from "../app/domains.ts";
import { startServer } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import { followChanges, watchTables } from "../platform/database/change-feed.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { RegionDirectory } from "../regions/index.ts";
import { LiveStatusService } from "./live-status-service.ts";
import { type LiveStaffGuard, liveDomain } from "./live-routes.ts";
import { liveMigrations } from "./migrations.ts";

export interface LiveTestServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export interface LiveTestServerOptions {
  dataDir: string;
  databaseUrl?: string;
  /** The built web app to serve (the browser test: WEB_ROOT, which the real server serves too), or none. */
  webRoot?: string | null;
  port?: number;
}

/** The staff guard with the venue check (accounts' own once it has one). */
function venueGuard(staff: LiveStaffGuard | Omit<LiveStaffGuard, "requireVenue">, db: Database, user: (request: FastifyRequest) => Promise<{ id: string; role: string }>): LiveStaffGuard {
  if ("requireVenue" in staff && typeof staff.requireVenue === "function") return staff as LiveStaffGuard;
  return {
    require: staff.require.bind(staff),
    async requireVenue(request, placeId) {
      const who = await user(request);
      const bound = await db.all("SELECT 1 AS x FROM staff_venue_places WHERE user_id = ? AND place_id = ?", [who.id, placeId]);
      if (who.role !== "admin" && bound.length === 0) throw ApiError.forbidden(say("你不是这个场馆的工作人员", "you do not run this place"));
      if (request.method !== "GET" && request.headers["x-tongxing-request"] !== "1") throw ApiError.forbidden(say("修改请求要带上请求头 x-tongxing-request: 1", "changes must carry the header x-tongxing-request: 1"));
      return who as Awaited<ReturnType<LiveStaffGuard["requireVenue"]>>;
    },
  };
}

export async function startLiveTestServer(options: LiveTestServerOptions): Promise<LiveTestServer> {
  const config = loadConfig({
    PORT: String(options.port ?? 0), HOST: "127.0.0.1", DATA_DIR: options.dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  if (DOMAINS.some((d) => d.name === "live")) {
    const server = await startServer(config, { buildWeb: Boolean(options.webRoot), say: () => undefined });
    return { url: server.url, db: server.db, close: () => server.close() };
  }
  const db = await openDatabase(config, [...DOMAIN_MIGRATIONS, ...liveMigrations, watchTables("live", "live", ["place_status_changes"])]);
  const directory = new RegionDirectory();
  await directory.reload(db);
  await db.exclusive("bootstrap", () => bootstrapData(db, directory, config, () => undefined));
  await directory.reload(db);
  const services = await buildServices(config, db, directory);
  const placeOf = (id: string) => services.catalog.index.get(id) ?? null;
  const live = new LiveStatusService(db, { placeOf, timeZoneOf: services.timeZoneOf, guard: services.guard });
  await live.load();
  const app = await createHttpApp({ logLevel: "silent", webRoot: options.webRoot ?? null, trustProxy: ["127.0.0.1"] });
  for (const domain of DOMAINS) await domain.register(app, services);
  const staff = venueGuard(services.staff, db, (request) => services.staff.user(request));
  await app.register(liveDomain, { db, live, staff, hasRegion: services.hasRegion, timeZoneOf: services.timeZoneOf, placeOf });
  const stopFollowing = await followChanges(db, {
    handlers: {
      ...Object.fromEntries(DOMAINS.flatMap((d) => (d.reload ? [[d.name, () => d.reload!(services)]] : []))),
      live: () => live.catchUp(),
    },
    pollMs: db.dialect === "postgres" ? 5_000 : 2_000,
    onError: () => undefined,
  });
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  return {
    url, db,
    async close() {
      await stopFollowing();
      await app.close();
      services.tiles.close();
      await db.close();
    },
  };
}
