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
import { childSchema, confirmSchema, memberLoginSchema, signupSchema } from "../core/api/families.ts";
import { CHILD_PRIVACY_NOTICE, CHILD_PRIVACY_VERSION, USER_AGREEMENT } from "../core/child-privacy.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { MEMBER_COOKIE, type MemberGuard } from "./member-auth.ts";
import type { MemberService } from "./member-service.ts";
import { SIGNUP_ANSWER } from "./member-signup.ts";
import type { Member } from "./member-store.ts";
import { sessionToken, setSessionCookie } from "./session-auth.ts";
import { uuidParams } from "../core/api/paths.ts";

const idParams = uuidParams("Child account id");
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
  service: MemberService;
  guard: MemberGuard;
  /** Where the limits are counted, so they hold across instances. */
  db: Queryable;
}

/** Family accounts as a Fastify plugin (registered by the accounts domain). */
export async function memberRoutes(app: FastifyInstance, context: MemberRouteContext): Promise<void> {
  const { service, guard } = context;
  const signups = new SharedLimiter(context.db, "sign-ups per address", SIGNUPS_PER_HOUR, 3_600_000);
  const confirmations = new SharedLimiter(context.db, "sign-up codes per address", CONFIRMATIONS_PER_HOUR, 3_600_000);
  const childCreations = new SharedLimiter(context.db, "child accounts per guardian", CHILDREN_PER_DAY, 86_400_000);

  app.get("/api/privacy/child", async () => ({ version: CHILD_PRIVACY_VERSION, notice: CHILD_PRIVACY_NOTICE, agreement: USER_AGREEMENT }));

  app.post("/api/members/register", async (request, reply) => {
    if (!(await signups.allow(request.ip))) throw new ApiError(429, "rate_limited", say("这里注册的次数太多，请稍后再试", "too many sign-ups from here; try again later"));
    await service.register(parseRequest(signupSchema, request.body));
    return reply.code(202).send(SIGNUP_ANSWER);
  });

  app.post("/api/members/register/confirm", async (request, reply) => {
    if (!(await confirmations.allow(request.ip))) throw new ApiError(429, "rate_limited", say("这里试验证码的次数太多，请稍后再试", "too many codes tried from here; try again later"));
    const session = await service.confirm(parseRequest(confirmSchema, request.body), sessionToken(request, MEMBER_COOKIE));
    setSessionCookie(reply, request, session.token, session.expiresAt, MEMBER_COOKIE);
    return reply.code(201).send({ member: memberView(session.member) });
  });

  app.post("/api/members/login", async (request, reply) => {
    const session = await service.signIn(request, parseRequest(memberLoginSchema, request.body), sessionToken(request, MEMBER_COOKIE));
    setSessionCookie(reply, request, session.token, session.expiresAt, MEMBER_COOKIE);
    session.remember?.(reply);
    return { member: memberView(session.member), expiresAt: session.expiresAt };
  });

  app.post("/api/members/logout", async (request, reply) => {
    await service.signOut(sessionToken(request, MEMBER_COOKIE));
    setSessionCookie(reply, request, "", null, MEMBER_COOKIE);
    return { signedOut: true };
  });

  app.get("/api/members/me", async (request) => ({ member: memberView(await guard.member(request)) }));

  app.get("/api/members/session", async (request) => {
    const member = await guard.optional(request);
    return { member: member ? memberView(member) : null };
  });

  app.delete("/api/members/me", async (request, reply) => {
    await service.deleteSelf(await guard.changing(request));
    setSessionCookie(reply, request, "", null, MEMBER_COOKIE);
    return { deleted: true };
  });

  app.get("/api/family/children", async (request) => {
    return { children: (await service.children(await guard.member(request))).map(memberView) };
  });

  app.post("/api/family/children", async (request, reply) => {
    const guardian = await guard.posting(request);
    const input = parseRequest(childSchema, request.body);
    if (!(await childCreations.allow(guardian.id))) throw new ApiError(429, "rate_limited", say("你今天已经创建了好几个账号，请明天再试", "you have created several accounts today; try again tomorrow"));
    const { child, consent } = await service.createChild(guardian, input);
    if (!child) return reply.code(200).send({ consent, child: null });
    return reply.code(201).send({ child: memberView(child), consent });
  });

  app.delete("/api/family/children/:id", async (request) => {
    const guardian = await guard.changing(request);
    await service.deleteChild(guardian, await guard.childOf(guardian, parseRequest(idParams, request.params).id));
    return { deleted: true };
  });

  app.get("/api/family/consents", async (request) => ({ consents: await service.consents(await guard.member(request)) }));
}
