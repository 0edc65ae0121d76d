/**
 * The retention job: deletes what the child privacy notice promises to delete, on the
 * schedule it states (RETENTION_DAYS). Each domain owns its rules (what it deletes and
 * when); the job applies every domain's rules, in the list the composition root gives, at
 * start and every few hours (one instance at a time), and `tongxing retention` runs it by hand.
 */
import type { Database } from "../platform/database/database.ts";
import type { RetentionRule } from "../platform/database/retention.ts";
import { DOMAIN_RETENTION_RULES } from "./database.ts";

/** How often a running server applies the rules. */
export const RETENTION_INTERVAL_MS = 6 * 3_600_000;

/**
 * Applies the reported rules as of `now` in one transaction and returns how many rows each
 * deleted, by rule name; then the housekeeping rules, each on its own, unreported.
 */
export async function runRetention(db: Database, now = new Date(), rules: readonly RetentionRule[] = DOMAIN_RETENTION_RULES): Promise<Record<string, number>> {
  const deleted = await db.transaction(async (tx) => {
    const deleted: Record<string, number> = {};
    for (const rule of rules) if (!rule.housekeeping) deleted[rule.name] = await rule.apply(tx, now);
    return deleted;
  });
  for (const rule of rules) if (rule.housekeeping) await rule.apply(db, now);
  return deleted;
}

/**
 * Runs the job now and then every RETENTION_INTERVAL_MS; the timer never keeps the process
 * alive. The returned stop waits for a run in progress, so the database can close after it.
 */
export function scheduleRetention(db: Database, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  // With several instances on one database, the one that gets the lock runs it; the others skip this round.
  const run = () => {
    running = db.exclusive("retention", () => runRetention(db), { wait: false }).then(() => undefined, onError);
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
