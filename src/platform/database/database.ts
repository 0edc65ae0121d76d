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
