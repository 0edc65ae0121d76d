/**
 * Sign-ups waiting for their code, and the outbox of messages to phones and e-mail
 * addresses. A sign-up becomes an account only when someone shows the code sent to the
 * phone or e-mail it names, so signing up answers the same whether the address already has
 * an account or not: a new address gets a code, a taken one gets a note to its owner
 * (whose account is not touched). The outbox is what an SMS or e-mail gateway sends from;
 * until one is connected an operator reads it in the database (docs/FAMILIES.md).
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { MemberKind } from "../core/community.ts";
import type { Database, Queryable } from "../platform/database/database.ts";

/** How long a code is good for, how many tries it allows, and how many messages one address gets per hour. */
export const CODE_MINUTES = 30;
export const CODE_ATTEMPTS = 5;
export const MESSAGES_PER_HOUR = 3;

/** A sign-up as it will become an account, its password already hashed. */
export interface PendingSignup {
  login: string;
  kind: MemberKind;
  nickname: string;
  birthYear: number | null;
  passwordHash: string;
}

const codeHash = (login: string, code: string): string => createHash("sha256").update(`${login}\n${code}`).digest("hex");

export const codeMessage = (code: string): string =>
  `【童行】您的注册验证码是 ${code}，${CODE_MINUTES} 分钟内有效。如非本人操作请忽略。` +
  ` Tongxing sign-up code: ${code} (valid ${CODE_MINUTES} minutes). If you did not sign up, ignore this message.`;

export const ALREADY_MESSAGE =
  "【童行】有人用这个手机号或邮箱申请注册。您已经有账号，请直接登录；如非本人操作请忽略，您的账号没有任何改变。" +
  " Someone tried to sign up to Tongxing with this phone or e-mail. You already have an account: just sign in. If it was not you, ignore this; nothing about your account changed.";

export class SignupCodes {
  constructor(private readonly db: Database) {}

  /** Messages queued for this phone or e-mail in the last hour (a cap against message floods). */
  async recentMessages(login: string, now: Date): Promise<number> {
    const rows = await this.db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM member_outbox WHERE to_login = ? AND created_at > ?", [
      login,
      new Date(now.getTime() - 3_600_000).toISOString(),
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  async send(login: string, body: string, now: Date): Promise<void> {
    await this.db.run("INSERT INTO member_outbox (id, to_login, body, created_at) VALUES (?, ?, ?, ?)", [randomUUID(), login, body, now.toISOString()]);
  }

  /** Keeps the sign-up (replacing an earlier one for the same address) and returns its new six-digit code. */
  async hold(signup: PendingSignup, now: Date): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const expires = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
    await this.db.run(
      `INSERT INTO member_signups (login, kind, nickname, birth_year, password_hash, code_hash, attempts, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
       ON CONFLICT (login) DO UPDATE SET kind = excluded.kind, nickname = excluded.nickname, birth_year = excluded.birth_year,
         password_hash = excluded.password_hash, code_hash = excluded.code_hash, attempts = 0, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [signup.login, signup.kind, signup.nickname, signup.birthYear, signup.passwordHash, codeHash(signup.login, code), now.toISOString(), expires],
    );
    return code;
  }

  /**
   * The sign-up this code confirms, taken out of waiting; null for a wrong, expired or
   * used-up code and for an address with no sign-up waiting (an existing account's too).
   * Each try is counted atomically before the code is compared.
   */
  async take(login: string, code: string, now: Date): Promise<PendingSignup | null> {
    const rows = await this.db.all<{ kind: string; nickname: string; birth_year: number | string | null; password_hash: string; code_hash: string }>(
      "UPDATE member_signups SET attempts = attempts + 1 WHERE login = ? AND expires_at > ? AND attempts < ? RETURNING kind, nickname, birth_year, password_hash, code_hash",
      [login, now.toISOString(), CODE_ATTEMPTS],
    );
    const row = rows[0];
    const given = Buffer.from(codeHash(login, code));
    if (!row || !timingSafeEqual(given, Buffer.from(row.code_hash))) return null;
    await this.db.run("DELETE FROM member_signups WHERE login = ? AND code_hash = ?", [login, row.code_hash]);
    return { login, kind: row.kind as MemberKind, nickname: row.nickname, birthYear: row.birth_year === null ? null : Number(row.birth_year), passwordHash: row.password_hash };
  }

  /** The messages queued for a phone or e-mail, newest first: what a gateway sends, and what tests read. */
  async messagesTo(login: string): Promise<string[]> {
    const rows = await this.db.all<{ body: string }>("SELECT body FROM member_outbox WHERE to_login = ? ORDER BY created_at DESC", [login]);
    return rows.map((row) => row.body);
  }
}

/** Deletes expired sign-ups and outbox messages older than a day (the accounts' retention rule). */
export async function pruneSignups(db: Queryable, now: Date): Promise<void> {
  await db.run("DELETE FROM member_signups WHERE expires_at < ?", [now.toISOString()]);
  await db.run("DELETE FROM member_outbox WHERE created_at < ?", [new Date(now.getTime() - 86_400_000).toISOString()]);
}
