/**
 * Issue 14: data made by the previous release migrates without loss. The fixtures in
 * fixtures/previous-release/ were made by release 3770468 (schema versions 1..6): a SQLite
 * data directory's database and a pg_dump of the same on PostgreSQL, with the bundled places,
 * three staff accounts, a unit's plan report, a mother with a child and two published reviews.
 * Today's server starts on each, runs only what is new, and finds every place, report,
 * review and account, whose passwords still sign in.
 */
import { guideRetentionRules } from "../guides/index.ts";
import { liveRetentionRules } from "../live/index.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { voiceRetentionRules } from "../voice/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { migrationId } from "../platform/database/migrations.ts";
import { openDatabase as openWith } from "../platform/database/open-database.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { createTestDatabase, testDialects, type TestDatabase } from "../platform/testing/test-databases.ts";
import { DOMAIN_MIGRATIONS, openDatabase } from "./database.ts";
import { runRetention } from "./retention-job.ts";
import { type RunningServer, startServer } from "./server.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "previous-release");
const STAFF_PASSWORD = "correct horse battery";
const MEMBER_PASSWORD = "lantern-river-42";

/** What the previous release stored, read before today's code touches it. */
interface Before {
  places: string[];
  reports: Array<{ id: string; narrative: string }>;
  reviews: Array<{ id: string; place_id: string; body: string }>;
  staff: string[];
  members: string[];
  migrations: Array<{ id: number; applied_at: string }>;
}

const READS = {
  places: "SELECT id FROM places ORDER BY id",
  reports: "SELECT id, narrative FROM plan_reports ORDER BY id",
  reviews: "SELECT id, place_id, body FROM reviews ORDER BY id",
  staff: "SELECT username FROM staff_users ORDER BY username",
  members: "SELECT login FROM members ORDER BY login",
  migrations: "SELECT id, applied_at FROM schema_migrations ORDER BY id",
};

function readSqlite(file: string): Before {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    return {
      places: all<{ id: string }>(READS.places).map((r) => r.id),
      reports: all(READS.reports),
      reviews: all(READS.reviews),
      staff: all<{ username: string }>(READS.staff).map((r) => r.username),
      members: all<{ login: string }>(READS.members).map((r) => r.login),
      migrations: all(READS.migrations),
    };
  } finally {
    db.close();
  }
}

/** Loads the pg_dump into the empty database and reads what it holds. */
async function restorePostgres(url: string): Promise<Before> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(gunzipSync(fs.readFileSync(path.join(FIXTURES, "postgres.sql.gz"))).toString("utf8"));
    await client.query("SET search_path TO public");
    const all = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    return {
      places: (await all<{ id: string }>(READS.places)).map((r) => r.id),
      reports: await all(READS.reports),
      reviews: await all(READS.reviews),
      staff: (await all<{ username: string }>(READS.staff)).map((r) => r.username),
      members: (await all<{ login: string }>(READS.members)).map((r) => r.login),
      migrations: await all(READS.migrations),
    };
  } finally {
    await client.end();
  }
}

describe.each(testDialects())("a database of the previous release on %s", (dialect) => {
  let dataDir: string;
  let database: TestDatabase;
  let before: Before;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-previous-"));
    database = await createTestDatabase(dialect);
    if (database.url) {
      before = await restorePostgres(database.url);
    } else {
      const file = path.join(dataDir, "tongxing.sqlite");
      fs.writeFileSync(file, gunzipSync(fs.readFileSync(path.join(FIXTURES, "tongxing.sqlite.gz"))));
      before = readSqlite(file);
    }
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", ...(database.url ? { DATABASE_URL: database.url } : {}) });
    server = await startServer(config, { buildWeb: false, say: () => undefined });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("holds what the fixture promises", () => {
    expect(before.migrations.map((m) => Number(m.id))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(before.places.length).toBeGreaterThan(100);
    expect(before.staff).toEqual(["admin", "moderator", "parks"]);
    expect(before.members).toEqual(["13900001001", "xiaoxing"]);
    expect(before.reports).toHaveLength(1);
    expect(before.reviews).toHaveLength(2);
  });

  it("records the old versions under the new ids with their dates and runs only what is new", async () => {
    const rows = await server.db.all<{ id: string; applied_at: string }>("SELECT id, applied_at FROM schema_migrations");
    const recorded = new Map(rows.map((r) => [r.id, r.applied_at]));
    expect([...recorded.keys()].sort()).toEqual(DOMAIN_MIGRATIONS.map(migrationId).sort());
    for (const migration of DOMAIN_MIGRATIONS) {
      const old = before.migrations.find((m) => Number(m.id) === migration.legacyVersion);
      if (old) expect(recorded.get(migrationId(migration)), migrationId(migration)).toBe(old.applied_at);
      else expect(recorded.get(migrationId(migration))! > before.migrations.at(-1)!.applied_at).toBe(true);
    }
    // Opening again finds nothing to do.
    const again = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    expect((await again.all("SELECT id FROM schema_migrations")).length).toBe(DOMAIN_MIGRATIONS.length);
    await again.close();
  });

  it("keeps every record the retention job does not yet delete, and reports the same rules", async () => {
    const deleted = await runRetention(server.db);
    // The previous release's rules, and those of the domains added since (children's voice, guides, live status).
    const previous = [
      "content reports", "decided appeals", "decided takedown notices", "expired member sessions", "expired staff sessions",
      "moderation decisions", "removed reviews", "resolved corrections", "withdrawn reviews",
    ];
    const added = [...voiceRetentionRules, ...guideRetentionRules, ...liveRetentionRules].filter((rule) => !rule.housekeeping).map((rule) => rule.name);
    expect(added.length).toBeGreaterThan(5);
    expect(Object.keys(deleted).sort()).toEqual([...previous, ...added].sort());
    expect((await server.db.all("SELECT id FROM reviews")).length).toBe(before.reviews.length);
  });

  it("finds every place", async () => {
    const client = new TestClient(server.url);
    for (const id of before.places) expect((await client.get(`/api/places/${encodeURIComponent(id)}`)).status, id).toBe(200);
  });

  it("signs the staff in with their passwords and finds the unit's report", async () => {
    for (const username of before.staff) {
      const client = new TestClient(server.url);
      expect((await client.post("/api/auth/login", { username, password: STAFF_PASSWORD })).status, username).toBe(200);
    }
    const parks = new TestClient(server.url);
    await parks.post("/api/auth/login", { username: "parks", password: STAFF_PASSWORD });
    for (const report of before.reports) {
      const read = await parks.get(`/api/reports/${report.id}`);
      expect(read.status).toBe(200);
      expect(read.body["report"]).toMatchObject({ id: report.id, narrative: report.narrative });
    }
  });

  it("signs the family in and shows every review", async () => {
    for (const login of before.members) {
      const client = new TestClient(server.url, "10.9.9.9");
      expect((await client.post("/api/members/login", { login, password: MEMBER_PASSWORD })).status, login).toBe(200);
    }
    for (const review of before.reviews) {
      const listed = await new TestClient(server.url).get(`/api/places/${encodeURIComponent(review.place_id)}/reviews?limit=50`);
      const reviews = listed.body["reviews"] as Array<{ id: string; body: string }>;
      expect(reviews.find((r) => r.id === review.id)?.body).toBe(review.body);
    }
  });
});

describe.each(testDialects())("a database of the release before issue 14 (versions 1..7) on %s", (dialect) => {
  it("is recorded under the new ids, runs only what came after it and gets the schema a new database gets", async () => {
    const old = await createTestDatabase(dialect);
    const fresh = await createTestDatabase(dialect);
    const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-v7-"));
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-fresh-"));
    try {
      // That release's central list was these SQL texts, numbered by their legacy versions.
      const db = await openWith({ DATA_DIR: oldDir, DATABASE_URL: old.url }, []);
      await db.exec("DROP TABLE schema_migrations; CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (let version = 1; version <= 7; version++) {
        const parts = DOMAIN_MIGRATIONS.filter((m) => m.legacyVersion === version);
        await db.exec(parts.map((m) => m.common + ((dialect === "sqlite" ? m.sqlite : m.postgres) ?? "")).join(";"));
        await db.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)", [version, `version ${version}`, `2026-01-0${version}T00:00:00.000Z`]);
      }
      await db.close();
      const migrated = await openDatabase({ DATA_DIR: oldDir, DATABASE_URL: old.url });
      const rows = await migrated.all<{ id: string; applied_at: string }>("SELECT id, applied_at FROM schema_migrations");
      expect(rows.map((r) => r.id).sort()).toEqual(DOMAIN_MIGRATIONS.map(migrationId).sort());
      // The steps of that release keep their dates; only the migrations added since are new.
      for (const row of rows) {
        const legacy = DOMAIN_MIGRATIONS.find((m) => migrationId(m) === row.id)?.legacyVersion !== undefined;
        expect(row.applied_at.startsWith("2026-01-0"), row.id).toBe(legacy);
      }
      const made = await openDatabase({ DATA_DIR: freshDir, DATABASE_URL: fresh.url });
      expect(await schemaOf(migrated)).toEqual(await schemaOf(made));
      await Promise.all([migrated.close(), made.close()]);
    } finally {
      await Promise.all([old.drop(), fresh.drop()]);
      fs.rmSync(oldDir, { recursive: true, force: true });
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Every table's columns and every index, in a form two databases of one dialect compare by. */
async function schemaOf(db: Database): Promise<string[]> {
  const sql = db.dialect === "sqlite"
    ? "SELECT m.name || '.' || c.name || ' ' || c.type || ' ' || c.\"notnull\" AS line FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' UNION SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    : "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line FROM information_schema.columns WHERE table_schema = 'public' UNION SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'";
  return (await db.all<{ line: string }>(sql)).map((r) => r.line).sort();
}

describe.runIf(testDialects().includes("postgres"))("two instances starting together on one empty PostgreSQL", () => {
  it("both migrate, one after the other", async () => {
    const database = await createTestDatabase("postgres");
    try {
      const config = { DATA_DIR: os.tmpdir(), DATABASE_URL: database.url };
      const [a, b] = await Promise.all([openDatabase(config), openDatabase(config)]);
      expect((await a.all("SELECT id FROM schema_migrations")).length).toBe(DOMAIN_MIGRATIONS.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await database.drop();
    }
  });
});
