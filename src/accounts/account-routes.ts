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
import { SignInGate } from "./sign-in-gate.ts";
import { createStaffUser } from "./staff-users.ts";

/** No control characters: a NUL would reach PostgreSQL and fail there instead of here. */
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;

const loginSchema = z.object({
  username: z.string().min(1).max(40).regex(PLAIN_TEXT, "no control characters"),
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
  const gate = new SignInGate(db, "staff", accounts, "wrong username or password");

  app.post("/api/auth/login", async (request, reply) => {
    const body = parseRequest(loginSchema, request.body);
    const result = await gate.attempt(request, body.username, body.password);
    if ("refusal" in result) {
      await recordAudit(db, { userId: null, action: `login.${result.refusal.reason}`, target: `username:${body.username}`, detail: { address: request.ip } });
      throw result.error;
    }
    // The session the browser came with ends: signing in again rotates it.
    const session = await accounts.openSession(result.user.id, sessionToken(request));
    await recordAudit(db, { userId: result.user.id, action: "login", target: `user:${result.user.id}`, detail: { address: request.ip } });
    setSessionCookie(reply, request, session.token, session.expiresAt);
    result.remember(reply);
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
    if (!result.ok) throw new ApiError(400, "invalid_parameter", result.message, result.field, result.messages ? { message: result.messages } : undefined);
    return reply.code(201).send({ user: result.user });
  });
}

