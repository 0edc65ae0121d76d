/**
 * How long the safety domain keeps its moderation records, as the child privacy notice
 * states: reports and decisions, and appeals and takedown notices once decided.
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";

export const safetyRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("content reports", RETENTION_DAYS.moderationRecords, "content_reports", "created_at <= ?"),
  deleteAfterDays("moderation decisions", RETENTION_DAYS.moderationRecords, "moderation_decisions", "decided_at <= ?"),
  deleteAfterDays("decided appeals", RETENTION_DAYS.moderationRecords, "appeals", "status <> 'open' AND decided_at <= ?"),
  deleteAfterDays("decided takedown notices", RETENTION_DAYS.moderationRecords, "takedown_notices", "status <> 'open' AND decided_at <= ?"),
];
