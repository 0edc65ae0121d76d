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
