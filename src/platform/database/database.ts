/**
 * The one database interface the domains use. Two dialects implement it: SQLite (the
 * embedded default) and PostgreSQL with PostGIS (when DATABASE_URL is set). SQL is written
 * once with `?` placeholders in the portable subset both understand; the PostgreSQL side
 * renumbers them to `$1..$n`.
 */
import { ApiError, say } from "../errors.ts";
/** A parameter: text, a number, NULL, or bytes (a BLOB in SQLite, bytea in PostgreSQL). */
export type SqlValue = string | number | null | Buffer;
export type Row = Record<string, unknown>;

export interface Queryable {
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Several statements separated by semicolons, no parameters (migrations, bulk SQL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `work` in one transaction: all of it is committed, or on any throw none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding the named lock every process on this database shares (PostgreSQL:
   * an advisory lock on a connection of its own). `wait: false` gives up at once, answering
   * null, when another process holds it. SQLite has one process: `work` just runs.
   */
  exclusive<T>(name: string, work: () => Promise<T>, options?: { wait?: boolean }): Promise<T | null>;
  /**
   * Calls `onMessage` with the payload of each notification on `channel` (PostgreSQL LISTEN,
   * reconnecting after the database comes back); returns the function that stops listening.
   * SQLite has no other process to hear from: nothing arrives.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached or stopped answering (restarting, stopped, overloaded):
 * not the request's fault. The HTTP edge answers 503 `unavailable` with Retry-After.
 */
export class DatabaseUnavailableError extends ApiError {
  /** When to try again, in seconds (the Retry-After header). */
  readonly retryAfterSeconds = 5;
  constructor(override readonly cause: unknown) {
    super(503, "unavailable", say("服务暂时连不上数据库，请稍后再试", "the service cannot reach its database just now; try again shortly"));
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * A write broke a foreign key: it refers to a row that is not there (a place another
 * instance removed a moment ago), or it deletes a row others still refer to. Not a fault of
 * the server: the HTTP edge answers 409 `conflict`, never 500. Both dialects raise it.
 */
export class ReferenceConflictError extends ApiError {
  constructor(override readonly cause: unknown) {
    super(409, "conflict", say("所指的内容刚被移除或仍被引用，请刷新后再试", "what this refers to was just removed, or is still referred to; reload and try again"));
    this.name = "ReferenceConflictError";
  }
}

/** True when `error` is a foreign-key violation of either dialect (PostgreSQL 23503, SQLite's FOREIGNKEY). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = String((error as { code: unknown }).code);
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

/**
 * True when a statement failed on a UNIQUE or PRIMARY KEY constraint, in either dialect:
 * two requests racing to create the same thing; the loser gets a 409, not a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = String((error as { code: unknown }).code);
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
