/**
 * How long polls keep who voted for what: a day after a poll closes its counts per option
 * and age band are kept on the poll and every vote row (which names the child) is deleted.
 * The poll, its options and pictures stay as the public record of what children were asked.
 */
import type { RetentionRule } from "../../platform/database/retention.ts";
import { countResults, pollById } from "./poll-store.ts";

/** Votes are kept this long after closing, so a vote sent at the last second is counted. */
export const VOTES_KEPT_DAYS_AFTER_CLOSE = 1;
const DAY_MS = 86_400_000;

/** Counts kept, then the votes of polls closed over a day ago deleted; reports the votes deleted. */
export const pollRetentionRules: readonly RetentionRule[] = [
  {
    name: "votes of closed polls (counts kept)",
    async apply(db, now) {
      const cutoff = new Date(now.getTime() - VOTES_KEPT_DAYS_AFTER_CLOSE * DAY_MS).toISOString();
      const due = await db.all<{ id: string }>("SELECT id FROM polls WHERE results IS NULL AND (closed_at <= ? OR (closed_at IS NULL AND closes_at <= ?))", [cutoff, cutoff]);
      let deleted = 0;
      for (const { id } of due) {
        const poll = await pollById(db, id);
        if (!poll) continue;
        const results = await countResults(db, poll);
        await db.run("UPDATE polls SET results = ? WHERE id = ?", [JSON.stringify(results), id]);
        const n = await db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM poll_votes WHERE poll_id = ?", [id]);
        deleted += Number(n[0]?.n ?? 0);
        await db.run("DELETE FROM poll_votes WHERE poll_id = ?", [id]);
      }
      return deleted;
    },
  },
];
