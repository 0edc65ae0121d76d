/**
 * Signing in: password check with lockout after repeated failures (per account) and a
 * limit on attempts per address, so guessing is slow whichever way it is spread.
 * Expected failures are values, not exceptions; the HTTP edge turns them into 4xx.
 */
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

/** Attempts per client address in a fixed window; memory is bounded by pruning old windows. */
export class AttemptLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit = ATTEMPTS_PER_ADDRESS, private readonly windowMs = WINDOW_MS) {}

  /** Counts one attempt; false when the address has used up its window. */
  allow(address: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) for (const [key, w] of this.windows) if (now - w.start > this.windowMs) this.windows.delete(key);
    const window = this.windows.get(address);
    if (!window || now - window.start > this.windowMs) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
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
