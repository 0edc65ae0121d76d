/**
 * Signing in: password check with lockout after repeated failures (per account) and a
 * limit on attempts per address, so guessing is slow whichever way it is spread.
 * Expected failures are values, not exceptions; the HTTP edge turns them into 4xx.
 */
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import { DECOY_HASH, verifyPassword } from "./password.ts";

/** Failed passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Sign-in attempts one address may make per window. */
const ATTEMPTS_PER_ADDRESS = 30;
const WINDOW_MS = 5 * 60_000;

/** What signing in needs to know of an account, staff or member. */
export interface SignInRecord<U> {
  id: string;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  /** Disabled accounts never sign in (suspension is not this: a suspended member may sign in to appeal). */
  disabled: boolean;
  /** The public view of the account, returned on success. */
  user: U;
}

/** Where signing in finds accounts and records failures; staff and members each have one. */
export interface CredentialStore<U> {
  findForSignIn(login: string): Promise<SignInRecord<U> | null>;
  recordFailure(id: string, failedLogins: number, lockedUntil: string | null): Promise<void>;
  clearFailures(id: string): Promise<void>;
}

export type SignInResult<U> =
  | { ok: true; user: U }
  | { ok: false; reason: "wrong_credentials" | "locked" | "too_many_attempts"; lockedUntil?: string };

/**
 * Sign-in attempts per client address, in fixed windows; also the failures of sign-in
 * names that do not exist, so they lock like real accounts and the answers do not tell
 * which names are real.
 */
export class AttemptLimiter extends FixedWindowLimiter {
  private readonly unknown = new Map<string, { failures: number; lockedUntil: string | null }>();

  constructor(limit = ATTEMPTS_PER_ADDRESS, windowMs = WINDOW_MS) {
    super(limit, windowMs);
  }

  /** Counts a failure of a name no account has; returns the lock it now has, if any. */
  unknownFailure(login: string, now: Date): string | null {
    const entry = this.unknown.get(login) ?? { failures: 0, lockedUntil: null };
    if (entry.lockedUntil && entry.lockedUntil > now.toISOString()) return entry.lockedUntil;
    entry.failures = entry.lockedUntil ? 1 : entry.failures + 1;
    entry.lockedUntil = entry.failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    if (entry.lockedUntil) entry.failures = 0;
    // Bounded: a flood of made-up names must not grow memory without end.
    if (this.unknown.size > 10_000) this.unknown.clear();
    this.unknown.set(login, entry);
    return entry.lockedUntil;
  }
}

export async function signIn<U>(
  accounts: CredentialStore<U>,
  limiter: AttemptLimiter,
  attempt: { username: string; password: string; address: string },
  now = new Date(),
): Promise<SignInResult<U>> {
  if (!limiter.allow(attempt.address, now.getTime())) return { ok: false, reason: "too_many_attempts" };
  const user = await accounts.findForSignIn(attempt.username);
  if (!user || user.disabled) {
    await verifyPassword(attempt.password, DECOY_HASH);
    const lockedUntil = limiter.unknownFailure(attempt.username, now);
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "wrong_credentials" };
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(attempt.password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await accounts.recordFailure(user.id, lockedUntil ? 0 : failures, lockedUntil);
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "wrong_credentials" };
  }
  await accounts.clearFailures(user.id);
  return { ok: true, user: user.user };
}
