/**
 * A real server with the guides domain for the guides' integration and browser tests, until
 * the composition root lists the domain: start-up as src/app/server.ts does it (database,
 * first-start data, the services, every listed domain), then the guides' tables and plugin
 * with the options its entry in domain-list.ts will pick. Once DOMAINS names "guides", this
 * adds nothing and is the ordinary server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrapData } from "../app/bootstrap.ts";
import { openDatabase } from "../app/database.ts";
import { DOMAINS } from "../app/domain-list.ts";
import { type Services, buildServices } from "../app/domains.ts";
import type { TestServer } from "../app/test-server.ts";
import { loadConfig } from "../platform/config.ts";
import { migrate } from "../platform/database/migrations.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { bodyText } from "../platform/testing/http-client.ts";
import { createTestDatabase } from "../platform/testing/test-databases.ts";
import { RegionDirectory } from "../regions/index.ts";
import { type GuidesDomainDeps, guideMigrations, guidesDomain } from "./index.ts";

/** The guides' options as the composition root will pick them from its services. */
export function guidesOptions(s: Services): GuidesDomainDeps {
  return {
    db: s.db, guard: s.guard, moderation: s.moderation, staff: s.staff, members: s.memberGuard, memberStore: s.members, catalog: s.catalog,
    planner: s.planner, transit: s.transit, timeZoneOf: s.timeZoneOf, unitName: (id) => s.plan.book?.unit(id)?.name ?? null,
  };
}

/** Starts the server on a fresh data directory and database; `webRoot` serves a web build (browser tests). */
export async function startGuidesTestServer(dialect: "sqlite" | "postgres", webRoot: string | null = null): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-guides-"));
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", ...(database.url ? { DATABASE_URL: database.url } : {}) });
  const db = await openDatabase(config);
  const wired = DOMAINS.some((d) => d.name === "guides");
  if (!wired) await migrate(db, guideMigrations);
  const directory = new RegionDirectory();
  await directory.reload(db);
  await db.exclusive("bootstrap", () => bootstrapData(db, directory, config, () => undefined));
  await directory.reload(db);
  const services = await buildServices(config, db, directory);
  const app = await createHttpApp({ logLevel: "silent", webRoot, trustProxy: ["127.0.0.1"] });
  for (const domain of DOMAINS) await domain.register(app, services);
  if (!wired) await app.register(guidesDomain, guidesOptions(services));
  const base = (await app.listen({ port: 0, host: "127.0.0.1" })).replace(/\/$/, "");
  const server = {
    ...services, app, url: base,
    async close() {
      await app.close();
      services.tiles.close();
      await db.close();
    },
  };
  return {
    server, base, dataDir,
    async get(pathAndQuery) {
      const response = await fetch(base + pathAndQuery);
      const text = await bodyText(response);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a page, an SVG): the raw text is the body
      }
      return { status: response.status, body, headers: response.headers };
    },
    async stop() {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
