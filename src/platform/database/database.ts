/**
 * The one database interface the domains use. Two dialects implement it: SQLite (the
 * embedded default) and PostgreSQL with PostGIS (when DATABASE_URL is set). SQL is written
 * once with `?` placeholders in the portable subset both understand; the PostgreSQL side
 * renumbers them to `$1..$n`.
 */
export type SqlValue = string | number | null;
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
  close(): Promise<void>;
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
