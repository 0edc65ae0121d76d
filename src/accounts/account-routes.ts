/**
 * Staff sign-in over HTTP: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me,
 * and account administration (GET/POST /api/staff/users) for the working group.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../core/staff-roles.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { type AccountStore, publicUser } from "./account-store.ts";
import { recordAudit } from "./audit-log.ts";
import { type StaffGuard, sessionToken, setSessionCookie } from "./session-auth.ts";
import { AttemptLimiter, signIn } from "./sign-in.ts";
import { createStaffUser } from "./staff-users.ts";

const loginSchema = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
}).strict();

export interface AccountRouteContext {
  db: Database;
  accounts: AccountStore;
  guard: StaffGuard;
  isUnit: (id: string) => boolean;
}

export function registerAccountRoutes(app: FastifyInstance, context: AccountRouteContext): void {
  const { db, accounts, guard } = context;
  const limiter = new AttemptLimiter();

  app.post("/api/auth/login", async (request, reply) => {
    const body = parseRequest(loginSchema, request.body);
    const result = await signIn(accounts, limiter, { ...body, address: request.ip });
    if (!result.ok) {
      await recordAudit(db, { userId: null, action: `login.${result.reason}`, target: `username:${body.username}`, detail: { address: request.ip } });
      if (result.reason === "too_many_attempts") throw new ApiError(429, "rate_limited", "too many sign-in attempts from here; wait a few minutes");
      if (result.reason === "locked") throw new ApiError(423, "account_locked", `too many wrong passwords; try again after ${result.lockedUntil}`);
      throw new ApiError(401, "unauthenticated", "wrong username or password");
    }
    const session = await accounts.openSession(result.user.id);
    await recordAudit(db, { userId: result.user.id, action: "login", target: `user:${result.user.id}`, detail: { address: request.ip } });
    setSessionCookie(reply, request, session.token, session.expiresAt);
    return { user: result.user, expiresAt: session.expiresAt };
  });

  app.post("/api/auth/logout", async (request, reply) => {
    const token = sessionToken(request);
    if (token) await accounts.closeSession(token);
    setSessionCookie(reply, request, "", null);
    return { signedOut: true };
  });

  app.get("/api/auth/me", async (request) => ({ user: publicUser(await guard.user(request)) }));

  app.get("/api/staff/users", async (request) => {
    await guard.require(request, ["admin"]);
    return { users: await accounts.list() };
  });

  app.post("/api/staff/users", async (request, reply) => {
    const admin = await guard.require(request, ["admin"]);
    const result = await createStaffUser(db, accounts, request.body, { isUnit: context.isUnit, byUserId: admin.id });
    if (!result.ok) throw ApiError.invalid(result.field, result.message);
    return reply.code(201).send({ user: result.user });
  });
}

