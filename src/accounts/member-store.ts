/**
 * Family members (adults and children) and their sessions. A child row always names its
 * guardian; deleting the guardian or the child deletes the child's rows everywhere through
 * the database's cascades, so nothing of a deleted child is left behind by accident.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { MemberKind } from "../core/community.ts";
import { type Database, type Queryable, isUniqueViolation } from "../platform/database/database.ts";
import { newSessionToken, tokenHash } from "./session-tokens.ts";
import type { CredentialStore, SignInRecord } from "./sign-in.ts";

/** How long a member stays signed in without signing in again. */
export const MEMBER_SESSION_DAYS = 14;
/** A family code: four characters no child misreads (no 0/o, 1/l/i). */
const FAMILY_CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
const FAMILY_CODE_LENGTH = 4;

function newFamilyCode(): string {
  return Array.from({ length: FAMILY_CODE_LENGTH }, () => FAMILY_CODE_LETTERS[randomInt(FAMILY_CODE_LETTERS.length)]).join("");
}

/** A member as the member, their guardian and moderators see them; never shown publicly. */
export interface Member {
  id: string;
  kind: MemberKind;
  login: string;
  nickname: string;
  guardianId: string | null;
  birthYear: number | null;
  status: "active" | "suspended";
  suspendedUntil: string | null;
  warnings: number;
  createdAt: string;
}

interface MemberRow {
  id: string;
  kind: string;
  login: string;
  nickname: string;
  guardian_id: string | null;
  birth_year: number | string | null;
  status: string;
  suspended_until: string | null;
  warnings: number | string;
  created_at: string;
  password_hash: string;
}

function fromRow(row: MemberRow, now: string): Member {
  const suspended = row.status === "suspended" && (row.suspended_until === null || row.suspended_until > now);
  return {
    id: row.id,
    kind: row.kind as MemberKind,
    login: row.login,
    nickname: row.nickname,
    guardianId: row.guardian_id,
    birthYear: row.birth_year === null ? null : Number(row.birth_year),
    status: suspended ? "suspended" : "active",
    suspendedUntil: suspended ? row.suspended_until : null,
    warnings: Number(row.warnings),
    createdAt: row.created_at,
  };
}

export interface NewMember {
  kind: MemberKind;
  login: string;
  nickname: string;
  guardianId: string | null;
  birthYear: number | null;
}

export class MemberStore implements CredentialStore<Member> {
  constructor(private readonly db: Database) {}

  private async one(where: string, value: string): Promise<MemberRow | null> {
    const rows = await this.db.all<MemberRow & Record<string, unknown>>(`SELECT * FROM members WHERE ${where} = ?`, [value]);
    return rows[0] ?? null;
  }

  async get(id: string): Promise<Member | null> {
    const row = await this.one("id", id);
    return row ? fromRow(row, new Date().toISOString()) : null;
  }

  async loginTaken(login: string): Promise<boolean> {
    return (await this.one("login", login)) !== null;
  }

  async findForSignIn(login: string): Promise<SignInRecord<Member> | null> {
    const row = await this.one("login", login);
    if (!row) return null;
    return { passwordHash: row.password_hash, disabled: false, user: fromRow(row, new Date().toISOString()) };
  }

  async create(member: NewMember, passwordHash: string, tx: Queryable = this.db): Promise<Member> {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await tx.run(
      "INSERT INTO members (id, kind, login, nickname, password_hash, guardian_id, birth_year, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [id, member.kind, member.login, member.nickname, passwordHash, member.guardianId, member.birthYear, createdAt],
    );
    return { id, ...member, status: "active", suspendedUntil: null, warnings: 0, createdAt };
  }

  /** The guardian's family code, given on first use; it makes their children's sign-in names theirs alone. */
  async familyCode(guardianId: string): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const rows = await this.db.all<{ family_code: string | null }>("SELECT family_code FROM members WHERE id = ?", [guardianId]);
      if (rows[0]?.family_code) return rows[0].family_code;
      try {
        await this.db.run("UPDATE members SET family_code = ? WHERE id = ? AND family_code IS NULL", [newFamilyCode(), guardianId]);
      } catch (error) {
        // Another family has that code: draw again.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error("no free family code after 20 draws");
  }

  async childrenOf(guardianId: string): Promise<Member[]> {
    const rows = await this.db.all<MemberRow & Record<string, unknown>>("SELECT * FROM members WHERE guardian_id = ? ORDER BY created_at", [guardianId]);
    const now = new Date().toISOString();
    return rows.map((row) => fromRow(row, now));
  }

  /** Deletes a member and, by cascade, their children, sessions, reviews, photos and votes. */
  async delete(id: string, tx: Queryable = this.db): Promise<void> {
    await tx.run("DELETE FROM members WHERE id = ?", [id]);
  }

  async warn(id: string, tx: Queryable = this.db): Promise<void> {
    await tx.run("UPDATE members SET warnings = warnings + 1 WHERE id = ?", [id]);
  }

  async suspend(id: string, until: string, tx: Queryable = this.db): Promise<void> {
    await tx.run("UPDATE members SET status = 'suspended', suspended_until = ? WHERE id = ?", [until, id]);
  }

  async reinstate(id: string, tx: Queryable = this.db): Promise<void> {
    await tx.run("UPDATE members SET status = 'active', suspended_until = NULL WHERE id = ?", [id]);
  }

  /** A new session; `replacing` (the browser's previous token) is closed, so sign-in rotates it. */
  async openSession(memberId: string, replacing: string | null, now = new Date()): Promise<{ token: string; expiresAt: string }> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + MEMBER_SESSION_DAYS * 86_400_000).toISOString();
    if (replacing) await this.closeSession(replacing);
    await this.db.run("INSERT INTO member_sessions (token_hash, member_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [tokenHash(token), memberId, now.toISOString(), expiresAt]);
    return { token, expiresAt };
  }

  async memberOfSession(token: string, now = new Date()): Promise<Member | null> {
    const rows = await this.db.all<MemberRow & Record<string, unknown>>(
      "SELECT m.* FROM member_sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ? AND s.expires_at > ?",
      [tokenHash(token), now.toISOString()],
    );
    return rows[0] ? fromRow(rows[0], now.toISOString()) : null;
  }

  async closeSession(token: string): Promise<void> {
    await this.db.run("DELETE FROM member_sessions WHERE token_hash = ?", [tokenHash(token)]);
  }

  /** Ends every session of a member (password change, suspension, deletion by a guardian). */
  async closeAllSessions(memberId: string, tx: Queryable = this.db): Promise<void> {
    await tx.run("DELETE FROM member_sessions WHERE member_id = ?", [memberId]);
  }
}
