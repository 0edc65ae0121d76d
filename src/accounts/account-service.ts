/**
 * What staff do with accounts, one function per request: sign in (through the gate, every
 * outcome in the audit trail, the session rotated), sign out, and the administrators'
 * account list and account creation.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";
import { recordAudit } from "./audit-log.ts";
import { SignInGate } from "./sign-in-gate.ts";
import { createStaffUser } from "./staff-users.ts";

/** A staff session just opened, with the known-device cookie to renew. */
export interface StaffSession {
  user: StaffUser;
  token: string;
  expiresAt: string;
  remember: (reply: FastifyReply) => void;
}

export class AccountService {
  private readonly gate: SignInGate<StaffUser>;

  constructor(private readonly db: Database, private readonly accounts: AccountStore, private readonly isUnit: (id: string) => boolean, private readonly isPlace: (id: string) => boolean) {
    this.gate = new SignInGate(db, "staff", accounts, say("用户名或密码不对", "wrong username or password"));
  }

  /** Signs in, ending the session `replacing`; a refusal is audited and thrown. */
  async signIn(request: FastifyRequest, input: { username: string; password: string }, replacing: string | null): Promise<StaffSession> {
    const result = await this.gate.attempt(request, input.username, input.password);
    if ("refusal" in result) {
      await recordAudit(this.db, { userId: null, action: `login.${result.refusal.reason}`, target: `username:${input.username}`, detail: { address: request.ip } });
      throw result.error;
    }
    // The session the browser came with ends: signing in again rotates it.
    const session = await this.accounts.openSession(result.user.id, replacing);
    await recordAudit(this.db, { userId: result.user.id, action: "login", target: `user:${result.user.id}`, detail: { address: request.ip } });
    return { user: result.user, ...session, remember: result.remember };
  }

  async signOut(token: string | null): Promise<void> {
    if (token) await this.accounts.closeSession(token);
  }

  list(): Promise<StaffUser[]> {
    return this.accounts.list();
  }

  /** An administrator creates a staff account (checked, hashed, audited in staff-users.ts). */
  async create(admin: StaffUser, input: unknown): Promise<StaffUser> {
    const result = await createStaffUser(this.db, this.accounts, input, { isUnit: this.isUnit, isPlace: this.isPlace, byUserId: admin.id });
    if (!result.ok) throw new ApiError(400, "invalid_parameter", result.text, result.field, result.messages ? { message: result.messages } : undefined);
    return result.user;
  }
}
