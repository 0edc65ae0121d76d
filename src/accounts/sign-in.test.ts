/**
 * Signing in against a real SQLite database: lockout after repeated failures and its end,
 * disabled and unknown users, and the per-address attempt limit.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { AccountStore, type StaffUser } from "./account-store.ts";
import { hashPassword } from "./password.ts";
import { AttemptLimiter, LOCK_AFTER_FAILURES, LOCK_MINUTES, signIn } from "./sign-in.ts";

describe("AttemptLimiter", () => {
  it("allows `limit` attempts per address in a window, then refuses until the window has passed", () => {
    const limiter = new AttemptLimiter(3, 1000);
    expect([0, 10, 20, 30, 999].map((t) => limiter.allow("10.0.0.1", t))).toEqual([true, true, true, false, false]);
    // The window is measured from its first attempt and includes its last millisecond.
    expect(limiter.allow("10.0.0.1", 1000)).toBe(false);
    expect(limiter.allow("10.0.0.1", 1001)).toBe(true);
    expect([1002, 1003, 1004].map((t) => limiter.allow("10.0.0.1", t))).toEqual([true, true, false]);
  });

  it("counts each address on its own", () => {
    const limiter = new AttemptLimiter(1, 1000);
    expect(limiter.allow("10.0.0.1", 0)).toBe(true);
    expect(limiter.allow("10.0.0.1", 1)).toBe(false);
    expect(limiter.allow("10.0.0.2", 1)).toBe(true);
    expect(limiter.allow("::1", 1)).toBe(true);
  });

  it("defaults to 30 attempts in 5 minutes", () => {
    const limiter = new AttemptLimiter();
    const results = Array.from({ length: 31 }, (_, i) => limiter.allow("10.0.0.1", i * 1000));
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results[30]).toBe(false);
    expect(limiter.allow("10.0.0.1", 5 * 60_000 + 1)).toBe(true);
  });

  it("still limits correctly once it holds many addresses and prunes old windows", () => {
    const limiter = new AttemptLimiter(2, 1000);
    for (let i = 0; i < 10_002; i++) limiter.allow(`10.1.${i >> 8}.${i & 255}`, 0);
    expect(limiter.allow("10.1.0.0", 500)).toBe(true);
    expect(limiter.allow("10.1.0.0", 600)).toBe(false);
    // Later, the old windows are pruned: a pruned address starts a fresh window.
    expect(limiter.allow("10.1.0.1", 5000)).toBe(true);
    expect(limiter.allow("10.1.0.1", 5001)).toBe(true);
    expect(limiter.allow("10.1.0.1", 5002)).toBe(false);
  });
});

const PASSWORD = "correct horse battery";
const START = new Date("2025-04-01T08:00:00.000Z");
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

describe("signIn", () => {
  let dataDir: string;
  let db: Database;
  let accounts: AccountStore;
  let hash: string;
  let userCount = 0;

  /** A staff user with PASSWORD, a fresh username each time. */
  async function staffUser(overrides: Partial<Omit<StaffUser, "id">> = {}): Promise<StaffUser> {
    userCount++;
    return accounts.create({ username: `reporter${userCount}`, displayName: `填报员${userCount}`, role: "reporter", unitId: "city-education-bureau", ...overrides }, hash);
  }

  const attempt = (username: string, password: string, address = "10.0.0.1") => ({ username, password, address });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-sign-in-"));
    db = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
    accounts = new AccountStore(db);
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let limiter: AttemptLimiter;
  beforeEach(() => {
    limiter = new AttemptLimiter();
  });

  it("signs in with the right password and returns only the public fields", async () => {
    const user = await staffUser();
    const result = await signIn(accounts, limiter, attempt(user.username, PASSWORD), START);
    expect(result).toEqual({ ok: true, user });
  });

  it(`locks the account on the ${LOCK_AFTER_FAILURES}th wrong password in a row, for ${LOCK_MINUTES} minutes`, async () => {
    const user = await staffUser();
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) {
      expect(await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(i))).toEqual({ ok: false, reason: "wrong_credentials" });
    }
    const lockedUntil = minutes(LOCK_AFTER_FAILURES + LOCK_MINUTES).toISOString();
    expect(await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(LOCK_AFTER_FAILURES))).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect(await accounts.findByUsername(user.username)).toMatchObject({ lockedUntil, failedLogins: 0 });

    // Even the right password is refused while locked.
    expect(await signIn(accounts, limiter, attempt(user.username, PASSWORD), minutes(LOCK_AFTER_FAILURES + 1))).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect(await signIn(accounts, limiter, attempt(user.username, PASSWORD), new Date(Date.parse(lockedUntil) - 1))).toMatchObject({ ok: false, reason: "locked" });

    // From the end of the lock on, the right password works and clears the lock.
    expect(await signIn(accounts, limiter, attempt(user.username, PASSWORD), new Date(lockedUntil))).toMatchObject({ ok: true });
    expect(await accounts.findByUsername(user.username)).toMatchObject({ lockedUntil: null, failedLogins: 0 });
  });

  it("starts counting afresh after a lock has passed", async () => {
    const user = await staffUser();
    for (let i = 1; i <= LOCK_AFTER_FAILURES; i++) await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(i));
    const after = LOCK_AFTER_FAILURES + LOCK_MINUTES + 1;
    expect(await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(after))).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(await accounts.findByUsername(user.username)).toMatchObject({ failedLogins: 1 });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await staffUser();
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(i));
    expect(await signIn(accounts, limiter, attempt(user.username, PASSWORD), minutes(10))).toMatchObject({ ok: true });
    expect(await accounts.findByUsername(user.username)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(await signIn(accounts, limiter, attempt(user.username, "wrong password"), minutes(11))).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(await accounts.findByUsername(user.username)).toMatchObject({ failedLogins: 1 });
  });

  it("refuses a disabled user as if the password were wrong, and counts no failure", async () => {
    const user = await staffUser();
    await db.run("UPDATE staff_users SET disabled = 1 WHERE id = ?", [user.id]);
    expect(await signIn(accounts, limiter, attempt(user.username, PASSWORD), START)).toEqual({ ok: false, reason: "wrong_credentials" });
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await signIn(accounts, limiter, attempt(user.username, "wrong password"), START);
    expect(await accounts.findByUsername(user.username)).toMatchObject({ failedLogins: 0, lockedUntil: null, disabled: true });
  });

  it("refuses an unknown user the same way as a wrong password", async () => {
    expect(await signIn(accounts, limiter, attempt("nobody-here", PASSWORD), START)).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(await signIn(accounts, limiter, attempt("", ""), START)).toEqual({ ok: false, reason: "wrong_credentials" });
  });

  it("refuses every attempt from an address that has used up its window, the right password too", async () => {
    const user = await staffUser();
    const tight = new AttemptLimiter(2, 60_000);
    expect(await signIn(accounts, tight, attempt("nobody-here", "x", "10.9.9.9"), START)).toMatchObject({ ok: false, reason: "wrong_credentials" });
    expect(await signIn(accounts, tight, attempt("nobody-here", "x", "10.9.9.9"), START)).toMatchObject({ ok: false, reason: "wrong_credentials" });
    expect(await signIn(accounts, tight, attempt(user.username, PASSWORD, "10.9.9.9"), START)).toEqual({ ok: false, reason: "too_many_attempts" });
    expect(await signIn(accounts, tight, attempt(user.username, PASSWORD, "10.9.9.10"), START)).toMatchObject({ ok: true });
    expect(await signIn(accounts, tight, attempt(user.username, PASSWORD, "10.9.9.9"), minutes(2))).toMatchObject({ ok: true });
    // Refused attempts are not password failures.
    expect(await accounts.findByUsername(user.username)).toMatchObject({ failedLogins: 0 });
  });
});
