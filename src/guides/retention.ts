/**
 * What the guides domain deletes when kept long enough, as ideas do (src/voice/retention.ts):
 *   withdrawn guides   at the next run (RETENTION_DAYS.withdrawn)
 *   removed guides     after the appeal window (RETENTION_DAYS.removed)
 * Deleting a guide deletes its stops with it (cascade); a guide goes with its author's
 * member account (cascade on members).
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";

export const guideRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("withdrawn guides", RETENTION_DAYS.withdrawn, "guides", "status = 'withdrawn' AND status_at <= ?"),
  deleteAfterDays("removed guides", RETENTION_DAYS.removed, "guides", "status = 'removed' AND status_at <= ?"),
];
