/**
 * A real server for the favourites tests: the app's own server on a fresh database of the
 * wanted dialect, with the favourites domain added when the composition root does not list
 * it yet (it is then migrated and registered here, as domain-list.ts would), and adults
 * signed up through the real API.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { MemberGuard, MemberStore, SignupCodes } from "../accounts/index.ts";
import { DOMAINS } from "../app/domain-list.ts";
import { type RunningServer, startServer } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { createTestDatabase } from "../platform/testing/test-databases.ts";
import { favouriteMigrations, favouritesDomain, favouriteTargets } from "./index.ts";

export const PASSWORD = "lantern-river-42";

export interface FavouritesWorld {
  server: RunningServer;
  base: string;
  adult(nickname?: string): Promise<TestClient>;
  stop(): Promise<void>;
}

export async function startFavouritesServer(dialect: "sqlite" | "postgres"): Promise<FavouritesWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-favourites-"));
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", ...(database.url ? { DATABASE_URL: database.url } : {}) });
  const wired = DOMAINS.some((d) => d.name === "favourites");
  const server = await startServer(config, { buildWeb: false, listen: wired, say: () => undefined });
  let base = server.url;
  if (!wired) {
    // The migration's SQL alone (the runner's own transaction would meet the server's jobs on SQLite's one connection).
    for (const migration of favouriteMigrations) await server.db.exec(migration.common);
    await server.app.register(favouritesDomain, { db: server.db, members: new MemberGuard(new MemberStore(server.db)), describe: favouriteTargets(server.catalog.index) });
    base = await server.app.listen({ port: 0, host: "127.0.0.1" });
  }
  let serial = 0;
  return {
    server,
    base,
    async adult(nickname = "妈妈") {
      serial++;
      const c = new TestClient(base, `10.7.${serial}.1`);
      const login = `1370000${String(1000 + serial)}`;
      const response = await c.post("/api/members/register", { login, password: PASSWORD, nickname, birthYear: 1988, acceptAgreement: true });
      expect(response.status, JSON.stringify(response.body)).toBe(202);
      const code = /\b(\d{6})\b/.exec((await new SignupCodes(server.db).messagesTo(login))[0] ?? "")?.[1] ?? "";
      expect((await c.post("/api/members/register/confirm", { login, code })).status).toBe(201);
      return c;
    },
    async stop() {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
