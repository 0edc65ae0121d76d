/**
 * The retention job: deletes what the child privacy notice promises to delete, on the
 * schedule it states (RETENTION_DAYS). It spans the tables of several domains, so it lives
 * in the composition root. Each rule is one DELETE; the job runs at start and every few
 * hours, and `tongxing retention` runs it by hand. Deleting a review deletes its photos
 * and votes by cascade.
 */
import { RETENTION_DAYS } from "../core/child-privacy.ts";
import { SignupCodes, pruneSignInThrottle } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";

const DAY_MS = 86_400_000;
/** How often a running server applies the rules. */
export const RETENTION_INTERVAL_MS = 6 * 3_600_000;

interface Rule {
  name: string;
  days: number;
  count: string;
  remove: string;
}

const RULES: readonly Rule[] = [
  { name: "withdrawn reviews", days: RETENTION_DAYS.withdrawn, count: "SELECT COUNT(*) AS n FROM reviews WHERE status = 'withdrawn' AND status_at <= ?", remove: "DELETE FROM reviews WHERE status = 'withdrawn' AND status_at <= ?" },
  { name: "removed reviews", days: RETENTION_DAYS.removed, count: "SELECT COUNT(*) AS n FROM reviews WHERE status = 'removed' AND status_at <= ?", remove: "DELETE FROM reviews WHERE status = 'removed' AND status_at <= ?" },
  { name: "content reports", days: RETENTION_DAYS.moderationRecords, count: "SELECT COUNT(*) AS n FROM content_reports WHERE created_at <= ?", remove: "DELETE FROM content_reports WHERE created_at <= ?" },
  { name: "moderation decisions", days: RETENTION_DAYS.moderationRecords, count: "SELECT COUNT(*) AS n FROM moderation_decisions WHERE decided_at <= ?", remove: "DELETE FROM moderation_decisions WHERE decided_at <= ?" },
  { name: "decided appeals", days: RETENTION_DAYS.moderationRecords, count: "SELECT COUNT(*) AS n FROM appeals WHERE status <> 'open' AND decided_at <= ?", remove: "DELETE FROM appeals WHERE status <> 'open' AND decided_at <= ?" },
  { name: "decided takedown notices", days: RETENTION_DAYS.moderationRecords, count: "SELECT COUNT(*) AS n FROM takedown_notices WHERE status <> 'open' AND decided_at <= ?", remove: "DELETE FROM takedown_notices WHERE status <> 'open' AND decided_at <= ?" },
  { name: "resolved corrections", days: RETENTION_DAYS.resolvedCorrections, count: "SELECT COUNT(*) AS n FROM place_corrections WHERE status <> 'open' AND resolved_at <= ?", remove: "DELETE FROM place_corrections WHERE status <> 'open' AND resolved_at <= ?" },
  { name: "expired member sessions", days: RETENTION_DAYS.sessions, count: "SELECT COUNT(*) AS n FROM member_sessions WHERE expires_at <= ?", remove: "DELETE FROM member_sessions WHERE expires_at <= ?" },
  { name: "expired staff sessions", days: RETENTION_DAYS.sessions, count: "SELECT COUNT(*) AS n FROM staff_sessions WHERE expires_at <= ?", remove: "DELETE FROM staff_sessions WHERE expires_at <= ?" },
];

/** Applies every rule as of `now` in one transaction; returns how many rows each deleted. */
export async function runRetention(db: Database, now = new Date()): Promise<Record<string, number>> {
  const deleted = await db.transaction(async (tx) => {
    const deleted: Record<string, number> = {};
    for (const rule of RULES) {
      const cutoff = new Date(now.getTime() - rule.days * DAY_MS).toISOString();
      const rows = await tx.all<{ n: number | string }>(rule.count, [cutoff]);
      deleted[rule.name] = Number(rows[0]?.n ?? 0);
      if (deleted[rule.name]! > 0) await tx.run(rule.remove, [cutoff]);
    }
    return deleted;
  });
  // Sign-in counters and sign-up codes are the accounts domain's: it says what is spent.
  await pruneSignInThrottle(db, now);
  await new SignupCodes(db).prune(now);
  return deleted;
}

/**
 * Runs the job now and then every RETENTION_INTERVAL_MS; the timer never keeps the process
 * alive. The returned stop waits for a run in progress, so the database can close after it.
 */
export function scheduleRetention(db: Database, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = runRetention(db).then(() => undefined, onError);
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
