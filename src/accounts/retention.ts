/**
 * How long the accounts domain keeps what it stores: expired sessions go at once (the
 * child privacy notice's promise); spent sign-in counters and expired sign-up codes are
 * housekeeping.
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { type RetentionRule, deleteAfterDays } from "../platform/database/retention.ts";
import { pruneSignInThrottle } from "./sign-in-throttle.ts";
import { pruneSignups } from "./signup-codes.ts";

export const accountRetentionRules: readonly RetentionRule[] = [
  deleteAfterDays("expired member sessions", RETENTION_DAYS.sessions, "member_sessions", "expires_at <= ?"),
  deleteAfterDays("expired staff sessions", RETENTION_DAYS.sessions, "staff_sessions", "expires_at <= ?"),
  { name: "spent sign-in counters", housekeeping: true, apply: async (db, now) => (await pruneSignInThrottle(db, now), 0) },
  { name: "expired sign-up codes", housekeeping: true, apply: async (db, now) => (await pruneSignups(db, now), 0) },
];
