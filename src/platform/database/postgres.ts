/**
 * PostgreSQL + PostGIS dialect (node-postgres pool). Placeholders `?` become `$n`;
 * bigint and numeric come back as strings in pg, so callers convert with Number().
 */
import pg from "pg";
import type { Database, Queryable, Row, SqlValue } from "./database.ts";

/** Rewrites `?` placeholders to `$1..$n`, skipping any inside single-quoted literals. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  let inString = false;
  let out = "";
  for (const ch of sql) {
    if (ch === "'") inString = !inString;
    out += ch === "?" && !inString ? `$${++n}` : ch;
  }
  return out;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(toPgPlaceholders(sql), params as SqlValue[]);
      return result.rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      await client.query(toPgPlaceholders(sql), params as SqlValue[]);
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // Fail at start, with the server's own message, rather than on the first request.
  await pool.query("SELECT 1");
  return {
    dialect: "postgres",
    ...wrap(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** The advisory-lock key every instance's migrations take ("txng" in ASCII). */
const MIGRATION_LOCK = 0x74786e67;

/**
 * Runs `work` while holding PostgreSQL's session advisory lock for migrations, on a
 * connection of its own, so instances starting together on one database migrate one after
 * the other (the second finds everything recorded) instead of racing to create the same
 * types and dying on pg_type_typname_nsp_index.
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}
