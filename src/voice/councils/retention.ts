/**
 * How long councils keep what children wrote. Withdrawn posts go at the next run; posts a
 * moderator removed are kept for complaints and appeals as long as removed reviews; the
 * threads of a session are deleted a year after it was held or cancelled (its minutes,
 * decisions and attendance counts stay as the public record); cancelled sessions go after
 * 90 days. Memberships go at once when a guardian takes the child out, and with the child's
 * account; the consent records of joining and leaving are kept like the accounts' own.
 */
import { RETENTION_DAYS } from "../../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../../platform/database/retention.ts";

/** Days a held session's discussion threads are kept. */
export const THREAD_KEPT_DAYS = 365;
/** Days a cancelled session is kept. */
export const CANCELLED_SESSION_DAYS = 90;

export const councilRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("withdrawn council posts", RETENTION_DAYS.withdrawn, "council_posts", "status = 'withdrawn' AND status_at <= ?"),
  deleteAfterDays("removed council posts", RETENTION_DAYS.removed, "council_posts", "status = 'removed' AND status_at <= ?"),
  deleteAfterDays(
    "council threads of past sessions",
    THREAD_KEPT_DAYS,
    "council_posts",
    "item_id IN (SELECT i.id FROM council_agenda_items i JOIN council_sessions s ON s.id = i.session_id WHERE s.state <> 'planned' AND s.updated_at <= ?)",
  ),
  deleteAfterDays("cancelled council sessions", CANCELLED_SESSION_DAYS, "council_sessions", "state = 'cancelled' AND updated_at <= ?"),
];
