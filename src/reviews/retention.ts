/**
 * How long the reviews domain keeps what it stores, as the child privacy notice states:
 * withdrawn reviews go at the next run, removed ones after the appeal window, resolved
 * corrections after a while. Deleting a review deletes its photos and votes by cascade.
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";

export const reviewRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("withdrawn reviews", RETENTION_DAYS.withdrawn, "reviews", "status = 'withdrawn' AND status_at <= ?"),
  deleteAfterDays("removed reviews", RETENTION_DAYS.removed, "reviews", "status = 'removed' AND status_at <= ?"),
  deleteAfterDays("resolved corrections", RETENTION_DAYS.resolvedCorrections, "place_corrections", "status <> 'open' AND resolved_at <= ?"),
];
