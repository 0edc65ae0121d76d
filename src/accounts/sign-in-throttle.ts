/**
 * Failed sign-ins counted where they come from, so an attacker locks themselves and not
 * the account's owner. Three counters, all in the database (instances share them), each
 * updated with one atomic upsert:
 *
 *   (name, source)  source = the client address, or a known device of that name: after 4
 *                   free failures each further one blocks that pair, 1 minute doubling up
 *                   to a day. Only this one applies to a known device.
 *   (every name, address)  password spraying from one address: 30 free, then 1 minute
 *                   doubling up to an hour.
 *   (name, every source)   a distributed attack on one account: 100 free, then 10 seconds
 *                   doubling up to 5 minutes; it slows the attack, it never shuts the owner out.
 *
 * Counters are keyed by the SHA-256 of the name as tried, never by the account, so a name
 * nobody has behaves exactly like a real one, and typed names are not stored. A counter
 * starts afresh after a quiet spell (its `resetMs`).
 */
import { createHash } from "node:crypto";
import type { Database, Queryable } from "../platform/database/database.ts";

/** How one counter turns failures into a block. */
export interface BackoffRule {
  /** Failures allowed before the first block. */
  readonly free: number;
  readonly baseMs: number;
  readonly maxMs: number;
  /** Quiet time after which the count starts again. */
  readonly resetMs: number;
}

const MINUTE = 60_000;
export const PAIR_RULE: BackoffRule = { free: 4, baseMs: MINUTE, maxMs: 24 * 60 * MINUTE, resetMs: 24 * 60 * MINUTE };
export const ADDRESS_RULE: BackoffRule = { free: 30, baseMs: MINUTE, maxMs: 60 * MINUTE, resetMs: 60 * MINUTE };
export const ACCOUNT_RULE: BackoffRule = { free: 100, baseMs: 10_000, maxMs: 5 * MINUTE, resetMs: 60 * MINUTE };

/** How long the `failures`-th failure in a row blocks: nothing while free, then doubling to the cap. */
export function backoffMs(rule: BackoffRule, failures: number): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(over - 1, 30));
}

export type SignInScope = "staff" | "member";

/** Who is trying: the client address, and the device id when a valid device cookie names this login. */
export interface SignInSource {
  readonly address: string;
  readonly device: string | null;
}

/** What blocks an attempt: this name from here (or everywhere), or this address for every name. */
export interface Block {
  readonly kind: "account" | "address";
  readonly until: string;
}

interface Counter {
  readonly loginKey: string;
  readonly source: string;
  readonly rule: BackoffRule;
  readonly kind: Block["kind"];
}

const EVERY = "*";
const loginKey = (scope: SignInScope, login: string): string => createHash("sha256").update(`${scope}\n${login}`).digest("hex");

/** The counters an attempt touches: a known device only its own, anyone else all three. */
function countersOf(scope: SignInScope, login: string, from: SignInSource): Counter[] {
  const key = loginKey(scope, login);
  if (from.device) return [{ loginKey: key, source: `device:${from.device}`, rule: PAIR_RULE, kind: "account" }];
  const address = `ip:${from.address}`;
  return [
    { loginKey: key, source: address, rule: PAIR_RULE, kind: "account" },
    { loginKey: EVERY, source: address, rule: ADDRESS_RULE, kind: "address" },
    { loginKey: key, source: EVERY, rule: ACCOUNT_RULE, kind: "account" },
  ];
}

/** The latest of some blocks, an account block winning a tie (it is the one to wait for). */
function latest(blocks: readonly Block[]): Block | null {
  let found: Block | null = null;
  for (const block of blocks) if (!found || block.until > found.until || (block.until === found.until && block.kind === "account")) found = block;
  return found;
}

export class SignInThrottle {
  constructor(private readonly db: Database, private readonly scope: SignInScope) {}

  /** The block in force for this attempt, or null. */
  async blocked(login: string, from: SignInSource, now: Date): Promise<Block | null> {
    const counters = countersOf(this.scope, login, from);
    const pairs = counters.map(() => "(login_key = ? AND source = ?)").join(" OR ");
    const rows = await this.db.all<{ login_key: string; source: string; blocked_until: string }>(
      `SELECT login_key, source, blocked_until FROM sign_in_throttle WHERE scope = ? AND blocked_until > ? AND (${pairs})`,
      [this.scope, now.toISOString(), ...counters.flatMap((c) => [c.loginKey, c.source])],
    );
    const kindOf = (row: { login_key: string; source: string }) => counters.find((c) => c.loginKey === row.login_key && c.source === row.source)?.kind ?? "account";
    return latest(rows.map((row) => ({ kind: kindOf(row), until: row.blocked_until })));
  }

  /** Counts a failure on each counter of the attempt; returns the block it now causes, if any. */
  async fail(login: string, from: SignInSource, now: Date): Promise<Block | null> {
    const at = now.toISOString();
    const blocks: Block[] = [];
    for (const counter of countersOf(this.scope, login, from)) {
      const rows = await this.db.all<{ failures: number | string }>(
        `INSERT INTO sign_in_throttle (scope, login_key, source, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, 1, ?, NULL)
         ON CONFLICT (scope, login_key, source) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.last_failure_at < ? THEN 1 ELSE sign_in_throttle.failures + 1 END,
           last_failure_at = excluded.last_failure_at
         RETURNING failures`,
        [this.scope, counter.loginKey, counter.source, at, new Date(now.getTime() - counter.rule.resetMs).toISOString()],
      );
      const wait = backoffMs(counter.rule, Number(rows[0]?.failures ?? 1));
      if (wait === 0) continue;
      const until = new Date(now.getTime() + wait).toISOString();
      await this.db.run("UPDATE sign_in_throttle SET blocked_until = ? WHERE scope = ? AND login_key = ? AND source = ?", [until, this.scope, counter.loginKey, counter.source]);
      blocks.push({ kind: counter.kind, until });
    }
    return latest(blocks);
  }

  /**
   * A right password: this name's count from this source starts again (the address-wide
   * and account-wide counts are the attacker's and stay). Spent counters of others are the
   * retention job's housekeeping, not every sign-in's.
   */
  async succeed(login: string, from: SignInSource): Promise<void> {
    const [pair] = countersOf(this.scope, login, from);
    await this.db.run("DELETE FROM sign_in_throttle WHERE scope = ? AND login_key = ? AND source = ?", [this.scope, pair!.loginKey, pair!.source]);
  }
}

/** Deletes counters whose block has passed and whose count has reset (the accounts' retention rule). */
export async function pruneSignInThrottle(db: Queryable, now: Date): Promise<void> {
  const longest = Math.max(PAIR_RULE.resetMs, ADDRESS_RULE.resetMs, ACCOUNT_RULE.resetMs);
  await db.run("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)", [
    new Date(now.getTime() - longest).toISOString(),
    now.toISOString(),
  ]);
}
