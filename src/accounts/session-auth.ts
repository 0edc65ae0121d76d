/**
 * Who is asking: the session cookie read on each staff request, and the guards routes use
 * to demand a role. Changes also need the `X-Tongxing-Request` header, which a form or
 * link from another site cannot send, so a forged cross-site request is refused even
 * where a browser ignores SameSite.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { StaffRole } from "../core/staff-roles.ts";
import { ApiError } from "../platform/errors.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";

export const SESSION_COOKIE = "tx_session";
export const CHANGE_HEADER = "x-tongxing-request";

export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: string | null): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  const expiry = expiresAt ? `; Expires=${new Date(expiresAt).toUTCString()}` : "; Max-Age=0";
  reply.header("set-cookie", `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${expiry}${secure}`);
}

export class StaffGuard {
  constructor(private readonly accounts: AccountStore) {}

  /** The signed-in user, or 401. */
  async user(request: FastifyRequest): Promise<StaffUser> {
    const token = sessionToken(request);
    const user = token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await this.accounts.userOfSession(token) : null;
    if (!user) throw ApiError.unauthenticated();
    return user;
  }

  /** The signed-in user if their role is one of `roles`, else 401/403. */
  async require(request: FastifyRequest, roles: readonly StaffRole[]): Promise<StaffUser> {
    const user = await this.user(request);
    if (!roles.includes(user.role)) throw ApiError.forbidden(`this needs the role ${roles.join(" or ")}`);
    if (request.method !== "GET" && request.method !== "HEAD" && request.headers[CHANGE_HEADER] !== "1") {
      throw ApiError.forbidden(`changes must carry the header ${CHANGE_HEADER}: 1`);
    }
    return user;
  }
}
