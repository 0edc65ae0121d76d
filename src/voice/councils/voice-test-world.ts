/**
 * A real server for the councils' and polls' integration tests, on one dialect, with the
 * real bundled data. When the voice domain already registers the councils and polls plugins
 * it is the ordinary test server; until then the plugins are registered here on the same
 * app, with their tables migrated, the same stores and guards, a moderation service of
 * their own and an intake that records what it is sent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AccountStore, MemberGuard, MemberStore, StaffGuard } from "../../accounts/index.ts";
import { DOMAIN_MIGRATIONS, openDatabase } from "../../app/database.ts";
import { startServer } from "../../app/server.ts";
import type { TestServer } from "../../app/test-server.ts";
import { loadConfig } from "../../platform/config.ts";
import { migrate, migrationId } from "../../platform/database/migrations.ts";
import { createTestDatabase } from "../../platform/testing/test-databases.ts";
import { Guard, ModerationService, ModerationStore, WordFilter, readLexicon } from "../../safety/index.ts";
import type { CouncilDecision } from "../intake.ts";
import { pollMigrations, pollsPlugin } from "../polls/index.ts";
import { councilMigrations, councilsPlugin } from "./index.ts";

export interface VoiceWorld extends TestServer {
  /** Whether the voice domain registered the plugins itself (else this world did). */
  registeredByVoice: boolean;
  /** This world's moderation, when it registered the plugins; null when the server's own serves /api/moderation. */
  moderation: ModerationService | null;
  /** What this world's intake was sent (empty when the real intake is used). */
  sent: CouncilDecision[];
}

export async function startVoiceWorld(dialect: "sqlite" | "postgres"): Promise<VoiceWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-voice-"));
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", ...(database.url ? { DATABASE_URL: database.url } : {}) });
  // The plugins' tables, before the server starts its retention job on the database.
  const known = new Set(DOMAIN_MIGRATIONS.map(migrationId));
  const ours = [...councilMigrations, ...pollMigrations].filter((m) => !known.has(migrationId(m)));
  const first = await openDatabase(config);
  await migrate(first, ours);
  await first.close();
  const server = await startServer(config, { buildWeb: false, listen: false, say: () => undefined });
  const registeredByVoice = server.app.hasRoute({ method: "GET", url: "/api/councils" });
  const sent: CouncilDecision[] = [];
  let moderation: ModerationService | null = null;
  if (!registeredByVoice) {
    const db = server.db;
    const members = new MemberStore(db);
    const guard = new Guard(new WordFilter(readLexicon(config.TONGXING_LEXICON)));
    moderation = new ModerationService(db, new ModerationStore(db), members, guard);
    const deps = {
      db, guard, moderation, staff: new StaffGuard(new AccountStore(db)), members: new MemberGuard(members), memberStore: members,
      catalog: server.catalog,
      hasRegion: (id: string) => server.directory.get(id) !== undefined,
      divisionName: (code: string | null) => server.directory.divisionName(code),
    };
    const intake = { fromCouncil: async (decision: CouncilDecision) => (sent.push(decision), { ideaId: crypto.randomUUID() }) };
    await server.app.register(async (scope) => {
      await councilsPlugin(scope, { ...deps, intake });
      await pollsPlugin(scope, deps);
    });
  }
  const base = await server.app.listen({ port: 0, host: "127.0.0.1" });
  return {
    server: { ...server, url: base },
    base,
    dataDir,
    registeredByVoice,
    moderation,
    sent,
    async get(pathAndQuery) {
      const response = await fetch(base + pathAndQuery);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: the raw text is the body
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
