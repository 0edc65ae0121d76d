/**
 * Signing in against a real SQLite database: failures counted per (name, source) with
 * doubling blocks, known devices, the per-address and per-account ceilings, and equal work
 * for real and made-up names on every path (the same SQL statements, one password check).
 */
import { scryptSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config.ts";
import type { Database, Row, SqlValue } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { accountMigrations } from "./migrations.ts";
import { AccountStore } from "./account-store.ts";
import { MemberStore } from "./member-store.ts";
import { verifyPassword } from "./password.ts";
import { type CredentialStore, signIn } from "./sign-in.ts";
import { ACCOUNT_RULE, ADDRESS_RULE, PAIR_RULE, SignInThrottle, backoffMs } from "./sign-in-throttle.ts";

describe("backoffMs", () => {
  it("is free for the first failures, then doubles from the base up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(PAIR_RULE, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => backoffMs(PAIR_RULE, n) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(backoffMs(PAIR_RULE, 50)).toBe(24 * 3_600_000);
    expect(backoffMs(PAIR_RULE, 10_000)).toBe(24 * 3_600_000);
    expect(backoffMs(ADDRESS_RULE, 30)).toBe(0);
    expect(backoffMs(ADDRESS_RULE, 31)).toBe(60_000);
    expect(backoffMs(ACCOUNT_RULE, 101)).toBe(10_000);
    expect(backoffMs(ACCOUNT_RULE, 200)).toBe(5 * 60_000);
  });
});

const PASSWORD = "correct horse battery";
const START = new Date("2025-04-01T08:00:00.000Z");
const at = (ms: number) => new Date(START.getTime() + ms);
const MINUTE = 60_000;

/** A real scrypt hash with small parameters: verifyPassword honours them, and tests stay fast. */
function cheapHash(password: string): string {
  const salt = Buffer.from("0123456789abcdef");
  return ["scrypt", 1024, 8, 1, salt.toString("base64url"), scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString("base64url")].join("$");
}

/** The database with every statement recorded, to compare the work two attempts do. */
function recording(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const wrapped: Database = {
    dialect: db.dialect,
    all: <T extends Row>(sql: string, params?: readonly SqlValue[]) => (statements.push(sql), db.all<T>(sql, params)),
    run: (sql, params) => (statements.push(sql), db.run(sql, params)),
    exec: (sql) => (statements.push(sql), db.exec(sql)),
    transaction: (work) => db.transaction(work),
    exclusive: (name, work, options) => db.exclusive(name, work, options),
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    close: () => db.close(),
  };
  return { db: wrapped, statements };
}

describe("signIn", () => {
  let dataDir: string;
  let db: Database;
  let serial = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-sign-in-"));
    db = await openDatabase(loadConfig({ DATA_DIR: dataDir }), accountMigrations);
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A staff user with PASSWORD (cheaply hashed), a fresh username each time. */
  async function staffName(disabled = false): Promise<string> {
    const username = `reporter${++serial}`;
    const user = await new AccountStore(db).create({ username, displayName: `填报员${serial}`, role: "reporter", unitId: "city-education-bureau", placeIds: [] }, cheapHash(PASSWORD));
    if (disabled) await db.run("UPDATE staff_users SET disabled = 1 WHERE id = ?", [user.id]);
    return username;
  }

  /** Sign-in for staff on `on` (the recording database or the plain one), with the password check counted. */
  function staff(on: Database = db) {
    const throttle = new SignInThrottle(on, "staff");
    const accounts = new AccountStore(on);
    const checks = { count: 0 };
    const verify = (password: string, stored: string) => (checks.count++, verifyPassword(password, stored));
    const attempt = (login: string, password: string, when: Date, address = "10.0.0.1", device: string | null = null) =>
      signIn({ accounts, throttle, verify }, { login, password, address, device }, when);
    return { attempt, checks, throttle };
  }

  it("signs in with the right password and returns only the public fields", async () => {
    const name = await staffName();
    expect(await staff().attempt(name, PASSWORD, START)).toEqual({ ok: true, user: expect.objectContaining({ username: name, role: "reporter" }) });
    expect(await staff().attempt(name, PASSWORD, START)).not.toHaveProperty("user.passwordHash");
  });

  it("blocks the failing address for that name, doubling, while the owner elsewhere signs in", async () => {
    const name = await staffName();
    const { attempt } = staff();
    for (let i = 1; i <= 4; i++) expect(await attempt(name, "wrong password", at(i))).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(await attempt(name, "wrong password", at(5))).toEqual({ ok: false, reason: "locked", lockedUntil: at(5 + MINUTE).toISOString() });
    // The right password from the blocked address is refused too; from another address it works.
    expect(await attempt(name, PASSWORD, at(6))).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(name, PASSWORD, at(7), "10.0.0.2")).toMatchObject({ ok: true });
    // Once the block is over, the next failure blocks for twice as long.
    expect(await attempt(name, "wrong password", at(5 + MINUTE))).toEqual({ ok: false, reason: "locked", lockedUntil: at(5 + 3 * MINUTE).toISOString() });
    // A success from that address clears its count for the name.
    expect(await attempt(name, PASSWORD, at(5 + 3 * MINUTE))).toMatchObject({ ok: true });
    expect(await attempt(name, "wrong password", at(5 + 3 * MINUTE + 1))).toEqual({ ok: false, reason: "wrong_credentials" });
  });

  it("lets a known device sign in while its address is blocked, and counts the device's own failures", async () => {
    const name = await staffName();
    const { attempt } = staff();
    for (let i = 1; i <= 5; i++) await attempt(name, "wrong password", at(i), "10.0.1.1");
    expect(await attempt(name, PASSWORD, at(10), "10.0.1.1")).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(name, PASSWORD, at(11), "10.0.1.1", "device-a")).toMatchObject({ ok: true });
    for (let i = 1; i <= 4; i++) expect(await attempt(name, "wrong password", at(20 + i), "10.0.1.1", "device-a")).toMatchObject({ reason: "wrong_credentials" });
    expect(await attempt(name, "wrong password", at(25), "10.0.1.1", "device-a")).toMatchObject({ reason: "locked" });
    expect(await attempt(name, PASSWORD, at(26), "10.0.1.1", "device-b")).toMatchObject({ ok: true });
  });

  it("refuses an address that failed on many names, except its known devices; other addresses are not touched", async () => {
    const name = await staffName();
    const { attempt } = staff();
    // Real names (cheap hashes) keep this quick; a made-up name counts the same way.
    const sprayed = await Promise.all(Array.from({ length: ADDRESS_RULE.free }, () => staffName()));
    for (const [i, other] of sprayed.entries()) expect(await attempt(other, "password1", at(i), "10.0.2.1")).toMatchObject({ reason: "wrong_credentials" });
    expect(await attempt("sprayed-last", "password1", at(40), "10.0.2.1")).toEqual({ ok: false, reason: "too_many_attempts", lockedUntil: at(40 + MINUTE).toISOString() });
    expect(await attempt(name, PASSWORD, at(41), "10.0.2.1")).toMatchObject({ ok: false, reason: "too_many_attempts" });
    expect(await attempt(name, PASSWORD, at(42), "10.0.2.1", "device-c")).toMatchObject({ ok: true });
    expect(await attempt(name, PASSWORD, at(43), "10.0.2.2")).toMatchObject({ ok: true });
  });

  it("slows a distributed attack on one name for new sources only, briefly", async () => {
    const name = await staffName();
    const { attempt } = staff();
    for (let i = 0; i < ACCOUNT_RULE.free; i++) expect(await attempt(name, `guess-${i}`, at(i), `10.3.${i >> 8}.${i & 255}`)).toMatchObject({ reason: "wrong_credentials" });
    expect(await attempt(name, "guess-last", at(200), "10.4.0.1")).toEqual({ ok: false, reason: "locked", lockedUntil: at(200 + 10_000).toISOString() });
    expect(await attempt(name, PASSWORD, at(201), "10.4.0.2")).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(name, PASSWORD, at(202), "10.4.0.2", "device-d")).toMatchObject({ ok: true });
    expect(await attempt(name, PASSWORD, at(200 + 10_000), "10.4.0.2")).toMatchObject({ ok: true });
  });

  it("answers a made-up name, a disabled account and a real one alike, block included", async () => {
    const real = await staffName();
    const disabled = await staffName(true);
    const { attempt } = staff();
    const answers = async (name: string, address: string) => {
      const out = [];
      for (let i = 1; i <= 6; i++) out.push(await attempt(name, "wrong password", at(i * 1000), address));
      return out;
    };
    const expected = await answers(real, "10.0.4.1");
    expect(await answers("nobody-here", "10.0.4.2")).toEqual(expected);
    expect(await answers(disabled, "10.0.4.3")).toEqual(expected);
    expect(await attempt(disabled, PASSWORD, at(0), "10.0.4.4")).toEqual({ ok: false, reason: "wrong_credentials" });
  });

  /** The statements and password checks of one attempt on the recording database. */
  async function work(login: string, password: string, when: Date, address: string, store: "staff" | "member" = "staff") {
    const recorder = recording(db);
    const throttle = new SignInThrottle(recorder.db, store);
    const accounts: CredentialStore<unknown> = store === "staff" ? new AccountStore(recorder.db) : new MemberStore(recorder.db);
    let checks = 0;
    const verify = (p: string, stored: string) => (checks++, verifyPassword(p, stored));
    const result = await signIn({ accounts, throttle, verify }, { login, password, address, device: null }, when);
    return { result, statements: recorder.statements, checks };
  }

  it("does the same work for a real and a made-up name on every path: one password check, the same statements", async () => {
    const real = await staffName();
    const disabled = await staffName(true);
    // Wrong password, and unknown name: the same failure counted.
    const wrong = await work(real, "wrong password", at(0), "10.0.5.1");
    const unknown = await work("made-up-name", "wrong password", at(0), "10.0.5.1");
    const off = await work(disabled, "wrong password", at(0), "10.0.5.1");
    expect(wrong.result).toEqual(unknown.result);
    expect(unknown.statements).toEqual(wrong.statements);
    expect(off.statements).toEqual(wrong.statements);
    expect([wrong.checks, unknown.checks, off.checks]).toEqual([1, 1, 1]);
    // Blocked: the real name still costs one check (it once cost none and answered in 1 ms).
    for (let i = 0; i < 5; i++) {
      await work(real, "wrong password", at(i), "10.0.5.2");
      await work("made-up-name", "wrong password", at(i), "10.0.5.2");
    }
    const lockedReal = await work(real, PASSWORD, at(10), "10.0.5.2");
    const lockedMadeUp = await work("made-up-name", PASSWORD, at(10), "10.0.5.2");
    expect(lockedReal.result).toMatchObject({ ok: false, reason: "locked" });
    expect(lockedMadeUp.result).toEqual(lockedReal.result);
    expect(lockedMadeUp.statements).toEqual(lockedReal.statements);
    expect([lockedReal.checks, lockedMadeUp.checks]).toEqual([1, 1]);
  });

  it("does the same work for a suspended member, a real one and a made-up name", async () => {
    const members = new MemberStore(db);
    const active = await members.create({ kind: "adult", login: "13900000001", nickname: "妈妈", guardianId: null, birthYear: null }, cheapHash(PASSWORD));
    const suspended = await members.create({ kind: "adult", login: "13900000002", nickname: "爸爸", guardianId: null, birthYear: null }, cheapHash(PASSWORD));
    await members.suspend(suspended.id, "2999-01-01T00:00:00.000Z");
    const runs = [
      await work(active.login, "wrong password", at(0), "10.0.6.1", "member"),
      await work(suspended.login, "wrong password", at(0), "10.0.6.2", "member"),
      await work("13900000003", "wrong password", at(0), "10.0.6.3", "member"),
    ];
    for (const run of runs) expect({ result: run.result, statements: run.statements, checks: run.checks }).toEqual({ result: runs[0]!.result, statements: runs[0]!.statements, checks: 1 });
    // A suspended member with the right password signs in (to appeal), with the same one check.
    const right = await work(suspended.login, PASSWORD, at(1), "10.0.6.2", "member");
    expect(right).toMatchObject({ result: { ok: true, user: { status: "suspended" } }, checks: 1 });
  });
});
