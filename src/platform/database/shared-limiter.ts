/**
 * Requests per key (a client address, an account) in fixed windows, counted in the
 * database, so a limit holds across every instance on it and under concurrent requests
 * (one atomic upsert per request). Keys are stored hashed: the table never holds an
 * address or an account id. Windows are aligned to the clock (a 1-hour window is an hour
 * of the clock); `sharedLimiterRetention` deletes spent ones.
 */
import { createHash } from "node:crypto";
import type { Migration } from "./migrations.ts";
import type { Queryable } from "./database.ts";
import type { RetentionRule } from "./retention.ts";

/** The counters' table, the platform's own. */
export const sharedLimiterMigration: Migration = {
  domain: "platform",
  name: "0002-rate-windows",
  common: "CREATE TABLE rate_windows (bucket TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count INTEGER NOT NULL);",
};

/** Spent windows go with the retention job (housekeeping: nothing personal is kept). */
export const sharedLimiterRetention: RetentionRule = {
  name: "spent rate-limit windows",
  housekeeping: true,
  async apply(db, now) {
    // The longest window any limiter uses is a day; anything older than two is spent.
    await db.run("DELETE FROM rate_windows WHERE window_start < ?", [now.getTime() - 2 * 86_400_000]);
    return 0;
  },
};

export class SharedLimiter {
  constructor(
    private readonly db: Queryable,
    /** Names the limit ("reviews per member"); two limiters of one name share counts. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request; false when the key has used up this window. */
  async allow(key: string, now = Date.now()): Promise<boolean> {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const bucket = createHash("sha256").update(`${this.name}\u0000${key}`).digest("base64url");
    const rows = await this.db.all<{ count: number | string }>(
      `INSERT INTO rate_windows (bucket, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (bucket) DO UPDATE SET
         count = CASE WHEN rate_windows.window_start = excluded.window_start THEN rate_windows.count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
      [bucket, start],
    );
    return Number(rows[0]?.count ?? 1) <= this.limit;
  }
}
