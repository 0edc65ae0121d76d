/**
 * Family accounts over HTTP:
 *   POST   /api/members/register      an adult (or a minor of 14+) signs up: 202, a code is sent
 *   POST   /api/members/register/confirm  the code from the message: the account, signed in
 *   POST   /api/members/login         sign in; the session token is rotated
 *   POST   /api/members/logout
 *   GET    /api/members/me
 *   GET    /api/members/session       the member or null: the map asks on every load, signed in or not
 *   DELETE /api/members/me            delete my account and everything of it (children too)
 *   GET    /api/family/children       a guardian's children
 *   POST   /api/family/children       create a child account with consent, or record a refusal
 *   DELETE /api/family/children/{id}  delete a child's account and all its data
 *   GET    /api/family/consents       the guardian's consent records
 *   GET    /api/privacy/child         the child privacy notice and user agreement, versioned
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CHILD_PRIVACY_NOTICE, CHILD_PRIVACY_VERSION, USER_AGREEMENT } from "../core/child-privacy.ts";
import { MEMBER_MAX_PASSWORD } from "../core/community.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError } from "../platform/errors.ts";
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { consentsOf, recordConsent } from "./consent-records.ts";
import { MEMBER_COOKIE, type MemberGuard } from "./member-auth.ts";
import {
  type NicknameScreen, SIGNUP_ANSWER, childSchema, confirmSchema, confirmSignUp, createChild, normalizeLogin, signUp, signupSchema,
} from "./member-signup.ts";
import type { Member, MemberStore } from "./member-store.ts";
import { sessionToken, setSessionCookie } from "./session-auth.ts";
import { SignInGate } from "./sign-in-gate.ts";
import { SignupCodes } from "./signup-codes.ts";

/** No control characters: a NUL would reach PostgreSQL and fail there instead of here. */
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;
const loginSchema = z.object({ login: z.string().min(1).max(254).regex(PLAIN_TEXT, "no control characters"), password: z.string().min(1).max(MEMBER_MAX_PASSWORD) }).strict();
const idParams = z.object({ id: z.uuid() });
/** Sign-ups one address may make per hour: enough for a family, not for a bot farm. */
const SIGNUPS_PER_HOUR = 20;
/** Codes one address may try per hour (each sign-up's code also allows only five tries). */
const CONFIRMATIONS_PER_HOUR = 30;
/** Child accounts (and refusals) one guardian may record per day. */
const CHILDREN_PER_DAY = 5;

/** What a member sees of their own account (or a guardian of a child's). */
export function memberView(member: Member) {
  return {
    id: member.id,
    kind: member.kind,
    login: member.login,
    nickname: member.nickname,
    birthYear: member.birthYear,
    guardian: member.guardianId !== null,
    status: member.status,
    suspendedUntil: member.suspendedUntil,
    warnings: member.warnings,
  };
}

export interface MemberRouteContext {
  db: Database;
  members: MemberStore;
  guard: MemberGuard;
  screenNickname: NicknameScreen;
}

export function registerMemberRoutes(app: FastifyInstance, context: MemberRouteContext): void {
  const { db, members, guard } = context;
  const gate = new SignInGate(db, "member", members, "wrong sign-in name or password");
  const codes = new SignupCodes(db);
  const signups = new FixedWindowLimiter(SIGNUPS_PER_HOUR, 3_600_000);
  const confirmations = new FixedWindowLimiter(CONFIRMATIONS_PER_HOUR, 3_600_000);
  const childCreations = new FixedWindowLimiter(CHILDREN_PER_DAY, 86_400_000);

  app.get("/api/privacy/child", async () => ({ version: CHILD_PRIVACY_VERSION, notice: CHILD_PRIVACY_NOTICE, agreement: USER_AGREEMENT }));

  app.post("/api/members/register", async (request, reply) => {
    if (!signups.allow(request.ip)) throw new ApiError(429, "rate_limited", "too many sign-ups from here; try again later");
    const result = await signUp(members, codes, parseRequest(signupSchema, request.body), context.screenNickname);
    if (!result.ok) {
      if (result.code === "guardian_required") throw new ApiError(403, "guardian_required", result.message, result.field);
      throw new ApiError(400, "invalid_parameter", result.message, result.field, result.messages ? { message: result.messages } : undefined);
    }
    await codes.prune(new Date());
    return reply.code(202).send(SIGNUP_ANSWER);
  });

  app.post("/api/members/register/confirm", async (request, reply) => {
    if (!confirmations.allow(request.ip)) throw new ApiError(429, "rate_limited", "too many codes tried from here; try again later");
    const member = await confirmSignUp(members, codes, parseRequest(confirmSchema, request.body));
    if (!member) throw ApiError.invalid("code", "wrong or expired code; sign up again to get a new one");
    const session = await members.openSession(member.id, sessionToken(request, MEMBER_COOKIE));
    setSessionCookie(reply, request, session.token, session.expiresAt, MEMBER_COOKIE);
    return reply.code(201).send({ member: memberView(member) });
  });

  app.post("/api/members/login", async (request, reply) => {
    const body = parseRequest(loginSchema, request.body);
    const login = normalizeLogin(body.login) ?? body.login.trim().toLowerCase();
    const result = await gate.attempt(request, login, body.password);
    if ("refusal" in result) throw result.error;
    const session = await members.openSession(result.user.id, sessionToken(request, MEMBER_COOKIE));
    setSessionCookie(reply, request, session.token, session.expiresAt, MEMBER_COOKIE);
    result.remember(reply);
    return { member: memberView(result.user), expiresAt: session.expiresAt };
  });

  app.post("/api/members/logout", async (request, reply) => {
    const token = sessionToken(request, MEMBER_COOKIE);
    if (token) await members.closeSession(token);
    setSessionCookie(reply, request, "", null, MEMBER_COOKIE);
    return { signedOut: true };
  });

  app.get("/api/members/me", async (request) => ({ member: memberView(await guard.member(request)) }));

  app.get("/api/members/session", async (request) => {
    const member = await guard.optional(request);
    return { member: member ? memberView(member) : null };
  });

  app.delete("/api/members/me", async (request, reply) => {
    const member = await guard.changing(request);
    // A child's account is the guardian's to delete: their consent record must say so.
    if (member.guardianId) throw ApiError.forbidden("ask your parent or guardian to delete your account");
    await members.delete(member.id);
    setSessionCookie(reply, request, "", null, MEMBER_COOKIE);
    return { deleted: true };
  });

  app.get("/api/family/children", async (request) => {
    const guardian = await guard.member(request);
    return { children: (await members.childrenOf(guardian.id)).map(memberView) };
  });

  app.post("/api/family/children", async (request, reply) => {
    const guardian = await guard.posting(request);
    const input = parseRequest(childSchema, request.body);
    if (!childCreations.allow(guardian.id)) throw new ApiError(429, "rate_limited", "you have created several accounts today; try again tomorrow");
    const result = await createChild(db, members, guardian, input, context.screenNickname);
    if ("refused" in result) return reply.code(200).send({ consent: result.refused, child: null });
    if (!result.ok) {
      if (result.code === "forbidden") throw ApiError.forbidden(result.message);
      if (result.code === "conflict") throw ApiError.conflict(result.message, result.field);
      throw new ApiError(400, "invalid_parameter", result.message, result.field, result.messages ? { message: result.messages } : undefined);
    }
    return reply.code(201).send({ child: memberView(result.child), consent: result.consent });
  });

  app.delete("/api/family/children/:id", async (request) => {
    const guardian = await guard.changing(request);
    const child = await guard.childOf(guardian, parseRequest(idParams, request.params).id);
    await db.transaction(async (tx) => {
      await recordConsent(tx, { guardianId: guardian.id, childId: child.id, decision: "withdrawn", policyVersion: CHILD_PRIVACY_VERSION, scope: "account and all its data deleted" });
      await members.delete(child.id, tx);
    });
    return { deleted: true };
  });

  app.get("/api/family/consents", async (request) => ({ consents: await consentsOf(db, (await guard.member(request)).id) }));
}
