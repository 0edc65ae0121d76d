/**
 * Staff sign-in over HTTP: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me,
 * and account administration (GET/POST /api/staff/users) for the working group.
 */
import type { FastifyInstance } from "fastify";
import { staffLoginSchema } from "../core/api/accounts.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { AccountService } from "./account-service.ts";
import { publicUser } from "./account-store.ts";
import { type StaffGuard, sessionToken, setSessionCookie } from "./session-auth.ts";

export interface AccountRouteContext {
  service: AccountService;
  guard: StaffGuard;
}

/** Staff sign-in and account administration as a Fastify plugin (registered by the accounts domain). */
export async function accountRoutes(app: FastifyInstance, context: AccountRouteContext): Promise<void> {
  const { service, guard } = context;

  app.post("/api/auth/login", async (request, reply) => {
    const session = await service.signIn(request, parseRequest(staffLoginSchema, request.body), sessionToken(request));
    setSessionCookie(reply, request, session.token, session.expiresAt);
    session.remember(reply);
    return { user: session.user, expiresAt: session.expiresAt };
  });

  app.post("/api/auth/logout", async (request, reply) => {
    await service.signOut(sessionToken(request));
    setSessionCookie(reply, request, "", null);
    return { signedOut: true };
  });

  app.get("/api/auth/me", async (request) => ({ user: publicUser(await guard.user(request)) }));

  app.get("/api/staff/users", async (request) => {
    await guard.require(request, ["admin"]);
    return { users: await service.list() };
  });

  app.post("/api/staff/users", async (request, reply) => {
    const admin = await guard.require(request, ["admin"]);
    return reply.code(201).send({ user: await service.create(admin, request.body) });
  });
}

