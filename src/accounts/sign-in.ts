/**
 * Signing in, staff and members alike. Every attempt does the same work whatever the name:
 * one password check (against the account's hash, or a decoy when the name is unknown, the
 * account disabled, or the attempt blocked), the same counter reads and, on failure, the
 * same counter writes, which are keyed by the name as tried. So neither the answer nor its
 * time tells whether an account exists. Blocks fall on the failing source, not the account
 * (see sign-in-throttle.ts). Expected failures are values; the HTTP edge makes them 4xx.
 */
import { DECOY_HASH, verifyPassword } from "./password.ts";
import type { Block, SignInSource, SignInThrottle } from "./sign-in-throttle.ts";

/** What signing in needs to know of an account, staff or member. */
export interface SignInRecord<U> {
  passwordHash: string;
  /** Disabled accounts never sign in (suspension is not this: a suspended member may sign in to appeal). */
  disabled: boolean;
  /** The public view of the account, returned on success. */
  user: U;
}

/** Where signing in finds accounts; staff and members each have one. */
export interface CredentialStore<U> {
  findForSignIn(login: string): Promise<SignInRecord<U> | null>;
}

export type SignInResult<U> =
  | { ok: true; user: U }
  | { ok: false; reason: "wrong_credentials" }
  | { ok: false; reason: "locked" | "too_many_attempts"; lockedUntil: string };

/** What signing in stands on; `verify` is the password check (tests count its calls). */
export interface SignInDeps<U> {
  accounts: CredentialStore<U>;
  throttle: SignInThrottle;
  verify?: (password: string, stored: string) => Promise<boolean>;
}

function refusal(block: Block): SignInResult<never> {
  return { ok: false, reason: block.kind === "address" ? "too_many_attempts" : "locked", lockedUntil: block.until };
}

export async function signIn<U>(
  deps: SignInDeps<U>,
  attempt: { login: string; password: string } & SignInSource,
  now = new Date(),
): Promise<SignInResult<U>> {
  const verify = deps.verify ?? verifyPassword;
  const block = await deps.throttle.blocked(attempt.login, attempt, now);
  const record = await deps.accounts.findForSignIn(attempt.login);
  const usable = record !== null && !record.disabled && block === null;
  // Exactly one check on every path, so a blocked or unknown name costs what a real one does.
  const matches = await verify(attempt.password, usable ? record.passwordHash : DECOY_HASH);
  if (block) return refusal(block);
  if (!usable || !matches) {
    const blockedNow = await deps.throttle.fail(attempt.login, attempt, now);
    return blockedNow ? refusal(blockedNow) : { ok: false, reason: "wrong_credentials" };
  }
  await deps.throttle.succeed(attempt.login, attempt);
  return { ok: true, user: record.user };
}
