/**
 * Retention rules: what a domain deletes when it has kept it long enough. Each domain
 * exports its rules; the retention job in the composition root applies every domain's.
 */
import type { Queryable } from "./database.ts";

const DAY_MS = 86_400_000;

/** One kind of row a domain deletes after a while. */
export interface RetentionRule {
  /** What the job reports the count under, e.g. "removed reviews". */
  readonly name: string;
  /**
   * Housekeeping the child privacy notice does not promise (spent sign-in counters, expired
   * sign-up codes): applied after the reported rules, each on its own, and not reported.
   */
  readonly housekeeping?: boolean;
  /** Deletes what is due as of `now`; returns how many rows went (0 when not counted). */
  apply(db: Queryable, now: Date): Promise<number>;
}

/**
 * A rule that deletes the rows of `table` matching `where` once their date is `days` old;
 * `where` has one `?`, the cut-off date (ISO text). Counted first, deleted only when any.
 */
export function deleteAfterDays(name: string, days: number, table: string, where: string): RetentionRule {
  return {
    name,
    async apply(db, now) {
      const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
      const rows = await db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, [cutoff]);
      const count = Number(rows[0]?.n ?? 0);
      if (count > 0) await db.run(`DELETE FROM ${table} WHERE ${where}`, [cutoff]);
      return count;
    },
  };
}
