/**
 * A server with the events domain for its integration tests and browser test, until the
 * composition root lists the domain: the same steps as src/app/server.ts (every domain's
 * tables and plugins, first-start data under the shared lock) with this domain added. Once
 * domain-list.ts has the "events" entry, it starts the real server instead.
 */
import { bootstrapData } from "../app/bootstrap.ts";
import { DOMAIN_MIGRATIONS } from "../app/database.ts";
import { DOMAINS } from "../app/domain-list.ts";
import { buildServices } from "../app/domains.ts";
import { startServer } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { RegionDirectory } from "../regions/index.ts";
import { eventsDomain } from "./events-domain.ts";
import { eventMigrations } from "./migrations.ts";

export interface EventsTestServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export interface EventsTestServerOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** The built web app to serve (the browser test), or none; once the domain is wired, the server's own build. */
  webRoot?: string | null;
  /** Which OSM samples to load (`none` for the API tests: Hengyang's bundled places suffice). */
  samples?: string;
}

export async function startEventsTestServer(options: EventsTestServerOptions): Promise<EventsTestServer> {
  const config = loadConfig({
    PORT: "0", HOST: "127.0.0.1", DATA_DIR: options.dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", TONGXING_SAMPLES: options.samples ?? "none",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  if (DOMAINS.some((d) => d.name === "events")) {
    // The real server serves its own build (WEB_ROOT, TONGXING_WEB_ROOT), building it when stale.
    const server = await startServer(config, { buildWeb: Boolean(options.webRoot), say: () => undefined });
    return { url: server.url, db: server.db, close: () => server.close() };
  }
  const db = await openDatabase(config, [...DOMAIN_MIGRATIONS, ...eventMigrations]);
  const directory = new RegionDirectory();
  await directory.reload(db);
  await db.exclusive("bootstrap", () => bootstrapData(db, directory, config, () => undefined));
  await directory.reload(db);
  const services = await buildServices(config, db, directory);
  const app = await createHttpApp({ logLevel: "silent", webRoot: options.webRoot ?? null, trustProxy: ["127.0.0.1"] });
  for (const domain of DOMAINS) await domain.register(app, services);
  await app.register(eventsDomain, {
    db, guard: services.guard, moderation: services.moderation, staff: services.staff, catalog: services.catalog,
    hasRegion: services.hasRegion, timeZoneOf: services.timeZoneOf, divisionName: services.divisionName,
    districtOf: (regionId, lon, lat) => directory.divisionName(directory.countyAt(regionId, lon, lat)),
  });
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  return {
    url, db,
    async close() {
      await app.close();
      services.tiles.close();
      await db.close();
    },
  };
}
