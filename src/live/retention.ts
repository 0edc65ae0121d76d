/**
 * How long live-status history is kept: three years of changes, enough for planners to
 * compare a place's year with the two before; older rows go. A row that old has long
 * expired (nothing holds longer than 366 days), so no current status is lost.
 */
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";

/** Days a status change is kept. */
export const STATUS_HISTORY_DAYS = 3 * 366;

export const liveRetentionRules: readonly RetentionRule[] = [
  { ...deleteAfterDays("live status history", STATUS_HISTORY_DAYS, "place_status_changes", "set_at <= ?"), housekeeping: true },
];
