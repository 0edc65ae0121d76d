/**
 * PostgreSQL + PostGIS dialect (node-postgres pool). Placeholders `?` become `$n`;
 * bigint and numeric come back as strings in pg, so callers convert with Number().
 */
import pg from "pg";
import { type Database, DatabaseUnavailableError, type Queryable, ReferenceConflictError, type Row, type SqlValue, isForeignKeyViolation } from "./database.ts";

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

/** SQLSTATE classes and socket errors that mean the database, not the statement, failed. */
const LOST_CODES = new Set(["57P01", "57P02", "57P03", "57014", "53300", "08000", "08001", "08003", "08004", "08006", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
const LOST_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error and is not queryable|Client was closed|Cannot use a pool after calling end/i;

/** True when `error` says the database went away or stopped answering (restart, stop, freeze). */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && LOST_CODES.has(code)) || (error instanceof Error && LOST_MESSAGES.test(error.message));
}

/**
 * Runs a database call; a lost or frozen database becomes DatabaseUnavailableError (503 at
 * the edge), a broken foreign key ReferenceConflictError (409).
 */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isConnectionLoss(error)) throw new DatabaseUnavailableError(error);
    throw isForeignKeyViolation(error) ? new ReferenceConflictError(error) : error;
  }
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await guarded(() => client.query(toPgPlaceholders(sql), params as SqlValue[]));
      return result.rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      await guarded(() => client.query(toPgPlaceholders(sql), params as SqlValue[]));
    },
    async exec(sql: string) {
      await guarded(() => client.query(sql));
    },
  };
}

/**
 * How long a call may wait: for a connection (the database is down), for the server to
 * finish a statement (it is overloaded), and for any answer at all (it is frozen, so its
 * own timeout cannot fire). Imports run many short statements, never one long one.
 */
export const DEFAULT_ANSWER_TIMEOUT_MS = 20_000;

/**
 * A client's settings: the URL and the timeouts every connection of ours has, from the
 * longest a call may wait for any answer: the server's own statement limit is three
 * quarters of it, and a connection may take at most 5 s (or half of it).
 */
function clientConfig(url: string, answerMs: number): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: Math.min(5_000, Math.round(answerMs / 2)),
    statement_timeout: Math.round(answerMs * 0.75),
    query_timeout: answerMs,
    keepAlive: true,
  };
}

/** The 32-bit advisory-lock key of a lock name (FNV-1a), the same in every process. */
export function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}

export async function openPostgres(url: string, answerMs = DEFAULT_ANSWER_TIMEOUT_MS): Promise<Database> {
  const settings = clientConfig(url, answerMs);
  const pool = new pg.Pool({ ...settings, max: 8, idleTimeoutMillis: 30_000 });
  // An idle connection the server closed (a restart) is reported here; without a listener
  // Node would end the process. The pool drops that connection and makes a new one when needed.
  pool.on("error", () => undefined);
  // Fail at start, with the server's own message, rather than on the first request.
  await pool.query("SELECT 1");
  const listeners = new Set<() => Promise<void>>();
  return {
    dialect: "postgres",
    ...wrap(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await guarded(() => pool.connect());
      let broken: Error | undefined;
      // A connection the server ends while it is checked out (between two statements of the
      // work) reports it as an 'error' event on the client, which the pool listens for only
      // while the client is idle: without this listener Node would end the process.
      const lost = (error: Error) => (broken = error);
      client.on("error", lost);
      try {
        await wrap(client).run("BEGIN");
        const result = await work(wrap(client));
        await wrap(client).run("COMMIT");
        return result;
      } catch (error) {
        // A rollback on a lost connection fails too; the server rolls back on its own.
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.off("error", lost);
        // A broken connection is thrown away, never handed to the next request.
        client.release(broken);
      }
    },
    async exclusive<T>(name: string, work: () => Promise<T>, options: { wait?: boolean } = {}): Promise<T | null> {
      const client = new pg.Client({ ...settings, statement_timeout: 0, query_timeout: undefined });
      client.on("error", () => undefined);
      await guarded(() => client.connect());
      try {
        if (options.wait === false) {
          const { rows } = await guarded(() => client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1) AS got", [lockKey(name)]));
          if (!rows[0]?.got) return null;
        } else {
          await guarded(() => client.query("SELECT pg_advisory_lock($1)", [lockKey(name)]));
        }
        return await work();
      } finally {
        // Ending the session releases its advisory locks.
        await client.end().catch(() => undefined);
      }
    },
    async listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      let delay = 500;
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const next = new pg.Client({ ...settings, statement_timeout: 0, query_timeout: undefined });
        next.on("notification", (message) => onMessage(message.payload ?? ""));
        next.on("error", () => reconnect(next));
        next.on("end", () => reconnect(next));
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
          client = next;
          delay = 500;
          // What was sent while no one listened is not replayed: the caller's version check finds it.
          onMessage("");
        } catch {
          reconnect(next);
        }
      };
      const reconnect = (broken: pg.Client): void => {
        if (stopped || retry) return;
        if (client === broken) client = null;
        void broken.end().catch(() => undefined);
        retry = setTimeout(() => {
          retry = undefined;
          void connect();
        }, delay);
        retry.unref();
        delay = Math.min(delay * 2, 10_000);
      };
      await connect();
      const stop = async () => {
        stopped = true;
        clearTimeout(retry);
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      for (const stop of listeners) await stop();
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
  // The server ending this session (a restart during start-up) fails the work; it must not end the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}
