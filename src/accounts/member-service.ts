/**
 * What family members do with their accounts, one function per request: sign up and
 * confirm, sign in and out, delete an account, create and delete a child's account with
 * the guardian's consent. Expected refusals come back as typed API errors; a child's
 * deletion is one transaction with the withdrawal of consent.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ChildInput, ConfirmInput, SignupInput } from "../core/api/families.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, type Localized, say } from "../platform/errors.ts";
import { type ConsentRecord, consentsOf, recordConsent } from "./consent-records.ts";
import {
  type NicknameScreen, confirmSignUp, createChild, normalizeLogin, signUp,
} from "./member-signup.ts";
import type { Member, MemberStore } from "./member-store.ts";
import { SignInGate } from "./sign-in-gate.ts";
import { SignupCodes } from "./signup-codes.ts";

/** A session just opened, with what the handler sets as cookies. */
export interface OpenedSession {
  member: Member;
  token: string;
  expiresAt: string;
  /** Renews the known-device cookie (after a password sign-in only). */
  remember?: (reply: FastifyReply) => void;
}

/** A failed step of sign-up or child creation as the API error it answers with. */
function invalid(result: { message: Localized; field: string }): ApiError {
  // The details repeat both languages for clients that pick the reader's themselves.
  return new ApiError(400, "invalid_parameter", result.message, result.field, { message: result.message });
}

export class MemberService {
  private readonly gate: SignInGate<Member>;
  private readonly codes: SignupCodes;

  constructor(private readonly db: Database, private readonly members: MemberStore, private readonly screenNickname: NicknameScreen) {
    this.gate = new SignInGate(db, "member", members, say("登录名或密码不对", "wrong sign-in name or password"));
    this.codes = new SignupCodes(db);
  }

  /** Starts a sign-up: the same answer whether or not the address is taken (SIGNUP_ANSWER). */
  async register(input: SignupInput): Promise<void> {
    const result = await signUp(this.members, this.codes, input, this.screenNickname);
    if (!result.ok) {
      if (result.code === "guardian_required") throw new ApiError(403, "guardian_required", result.message, result.field);
      throw invalid(result);
    }
  }

  /** The code from the message makes the account and signs it in, ending `replacing`. */
  async confirm(input: ConfirmInput, replacing: string | null): Promise<OpenedSession> {
    const member = await confirmSignUp(this.members, this.codes, input);
    if (!member) throw ApiError.invalid("code", say("验证码不对或已过期，请重新注册获取新的验证码", "wrong or expired code; sign up again to get a new one"));
    return { member, ...(await this.members.openSession(member.id, replacing)) };
  }

  /** Sign-in through the gate (equal work, blocks on failures); the session is rotated. */
  async signIn(request: FastifyRequest, input: { login: string; password: string }, replacing: string | null): Promise<OpenedSession> {
    const login = normalizeLogin(input.login) ?? input.login.trim().toLowerCase();
    const result = await this.gate.attempt(request, login, input.password);
    if ("refusal" in result) throw result.error;
    const session = await this.members.openSession(result.user.id, replacing);
    return { member: result.user, ...session, remember: result.remember };
  }

  async signOut(token: string | null): Promise<void> {
    if (token) await this.members.closeSession(token);
  }

  /** Deletes one's own account and everything of it; a child's is the guardian's to delete. */
  async deleteSelf(member: Member): Promise<void> {
    // A child's account is the guardian's to delete: their consent record must say so.
    if (member.guardianId) throw ApiError.forbidden(say("请让父母或监护人来删除你的账号", "ask your parent or guardian to delete your account"));
    await this.members.delete(member.id);
  }

  async children(guardian: Member): Promise<Member[]> {
    return this.members.childrenOf(guardian.id);
  }

  /** A child's account with the guardian's consent (201), or the refusal recorded (child null). */
  async createChild(guardian: Member, input: ChildInput): Promise<{ child: Member | null; consent: ConsentRecord }> {
    const result = await createChild(this.db, this.members, guardian, input, this.screenNickname);
    if ("refused" in result) return { child: null, consent: result.refused };
    if (!result.ok) {
      if (result.code === "forbidden") throw ApiError.forbidden(result.message);
      if (result.code === "conflict") throw ApiError.conflict(result.message, result.field);
      throw invalid(result);
    }
    return { child: result.child, consent: result.consent };
  }

  /** Deletes a child's account and all its data, with the withdrawal of consent, in one step. */
  async deleteChild(guardian: Member, child: Member): Promise<void> {
    await this.db.transaction(async (tx) => {
      await recordConsent(tx, { guardianId: guardian.id, childId: child.id, decision: "withdrawn", policyVersion: CHILD_PRIVACY_VERSION, scope: "account and all its data deleted" });
      await this.members.delete(child.id, tx);
    });
  }

  consents(guardian: Member): Promise<ConsentRecord[]> {
    return consentsOf(this.db, guardian.id);
  }
}
