/**
 * Signing in: password check with lockout after repeated failures (per account) and a
 * limit on attempts per address, so guessing is slow whichever way it is spread.
 * Expected failures are values, not exceptions; the HTTP edge turns them into 4xx.
 */
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";
import { DECOY_HASH, verifyPassword } from "./password.ts";

/** Failed passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Sign-in attempts one address may make per window. */
const ATTEMPTS_PER_ADDRESS = 30;
const WINDOW_MS = 5 * 60_000;

export type SignInResult =
  | { ok: true; user: StaffUser }
  | { ok: false; reason: "wrong_credentials" | "locked" | "too_many_attempts"; lockedUntil?: string };

/** Sign-in attempts per client address, in fixed windows. */
export class AttemptLimiter extends FixedWindowLimiter {
  constructor(limit = ATTEMPTS_PER_ADDRESS, windowMs = WINDOW_MS) {
    super(limit, windowMs);
  }
}

export async function signIn(
  accounts: AccountStore,
  limiter: AttemptLimiter,
  attempt: { username: string; password: string; address: string },
  now = new Date(),
): Promise<SignInResult> {
  if (!limiter.allow(attempt.address, now.getTime())) return { ok: false, reason: "too_many_attempts" };
  const user = await accounts.findByUsername(attempt.username);
  if (!user || user.disabled) {
    await verifyPassword(attempt.password, DECOY_HASH);
    return { ok: false, reason: "wrong_credentials" };
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(attempt.password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await accounts.recordFailure(user.id, lockedUntil ? 0 : failures, lockedUntil);
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "wrong_credentials" };
  }
  await accounts.clearFailures(user.id);
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId } };
}
