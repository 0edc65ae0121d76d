/**
 * What the voice domain deletes when kept long enough (docs/VOICE.md, "Retention"):
 *   withdrawn ideas and comments   at the next run (RETENTION_DAYS.withdrawn)
 *   removed ideas and comments     after the appeal window (RETENTION_DAYS.removed)
 *   a child's exact pin            90 days after the idea's final answer (done, not adopted,
 *                                  merged): no more work is routed to it; the public point stays
 *   read notifications             after 180 days
 * Deleting an idea deletes its exact point, photos, supports, steps, comments and
 * notifications with it (cascades). Councils' and polls' rules follow ours.
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";
import { councilRetentionRules } from "./councils/index.ts";
import { pollRetentionRules } from "./polls/index.ts";

/** Days a child's exact pin is kept after the idea's final answer. */
export const EXACT_PIN_DAYS = 90;
/** Days a read notification is kept. */
export const NOTIFICATION_DAYS = 180;

const exactPins: RetentionRule = {
  name: "exact pins of finished ideas",
  async apply(db, now) {
    const cutoff = new Date(now.getTime() - EXACT_PIN_DAYS * 86_400_000).toISOString();
    const where = "exact_lat IS NOT NULL AND stage IN ('done', 'not_adopted', 'merged') AND stage_at <= ?";
    const count = Number((await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ideas WHERE ${where}`, [cutoff]))[0]?.n ?? 0);
    if (count > 0) await db.run(`UPDATE ideas SET exact_lat = NULL, exact_lon = NULL WHERE ${where}`, [cutoff]);
    return count;
  },
};

export const ideaRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("withdrawn ideas", RETENTION_DAYS.withdrawn, "ideas", "status = 'withdrawn' AND status_at <= ?"),
  deleteAfterDays("removed ideas", RETENTION_DAYS.removed, "ideas", "status = 'removed' AND status_at <= ?"),
  deleteAfterDays("withdrawn idea comments", RETENTION_DAYS.withdrawn, "idea_comments", "status = 'withdrawn' AND status_at <= ?"),
  deleteAfterDays("removed idea comments", RETENTION_DAYS.removed, "idea_comments", "status = 'removed' AND status_at <= ?"),
  deleteAfterDays("read idea notifications", NOTIFICATION_DAYS, "idea_notifications", "read_at IS NOT NULL AND read_at <= ?"),
  exactPins,
  { ...deleteAfterDays("idea deletion notes", 1, "idea_deletions", "at <= ?"), housekeeping: true },
];

export const voiceRetentionRules: readonly RetentionRule[] = [...ideaRetentionRules, ...councilRetentionRules, ...pollRetentionRules];
