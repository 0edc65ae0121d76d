/**
 * The databases integration tests run against: SQLite always, and PostgreSQL when the test
 * command started one (TONGXING_TEST_DATABASE_URL). Each test file gets a fresh database.
 * With TONGXING_REQUIRE_POSTGRES=1 (npm test) a missing PostgreSQL is an error, not a skip.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  dialect: "sqlite" | "postgres";
  /** DATABASE_URL for the server under test; undefined means the SQLite default. */
  url: string | undefined;
  drop(): Promise<void>;
}

export function testDialects(): Array<"sqlite" | "postgres"> {
  const url = process.env["TONGXING_TEST_DATABASE_URL"];
  if (!url && process.env["TONGXING_REQUIRE_POSTGRES"] === "1") {
    throw new Error("TONGXING_REQUIRE_POSTGRES=1 but TONGXING_TEST_DATABASE_URL is not set");
  }
  return url ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A new empty database of the dialect; PostgreSQL gets its own database with PostGIS. */
export async function createTestDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (dialect === "sqlite") return { dialect, url: undefined, drop: async () => undefined };
  const adminUrl = process.env["TONGXING_TEST_DATABASE_URL"]!;
  const name = `tx_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
