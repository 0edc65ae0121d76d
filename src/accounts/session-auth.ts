/**
 * Who is asking: the session cookie read on each staff request, and the guards routes use
 * to demand a role. Changes also need the `X-Tongxing-Request` header, which a form or
 * link from another site cannot send, so a forged cross-site request is refused even
 * where a browser ignores SameSite.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { StaffRole } from "../core/staff-roles.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";
import { TOKEN_PATTERN, cookieValue } from "./session-tokens.ts";

/** What the roles are called in Chinese, for a refusal a person reads. */
const ROLE_NAMES: Record<StaffRole, string> = { admin: "管理员", reporter: "填报员", reviewer: "审核员", leader: "领导", moderator: "内容审核员", venue: "场馆工作人员" };
const roleName = (role: StaffRole): string => ROLE_NAMES[role];

export const SESSION_COOKIE = "tx_session";
export const CHANGE_HEADER = "x-tongxing-request";

export function sessionToken(request: FastifyRequest, cookie = SESSION_COOKIE): string | null {
  return cookieValue(request.headers.cookie, cookie);
}

/**
 * Sets (or, with a null expiry, clears) a session cookie: HttpOnly so scripts cannot read
 * it, SameSite=Strict so other sites cannot send it, Secure whenever the request came over
 * HTTPS (directly or through a proxy the app trusts).
 */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: string | null, cookie = SESSION_COOKIE): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  const expiry = expiresAt ? `; Expires=${new Date(expiresAt).toUTCString()}` : "; Max-Age=0";
  reply.header("set-cookie", `${cookie}=${token}; Path=/; HttpOnly; SameSite=Strict${expiry}${secure}`);
}

/** Refuses a change that lacks the header a cross-site form or link cannot send. */
export function requireChangeHeader(request: FastifyRequest): void {
  if (request.method !== "GET" && request.method !== "HEAD" && request.headers[CHANGE_HEADER] !== "1") {
    throw ApiError.forbidden(say(`修改请求要带上请求头 ${CHANGE_HEADER}: 1`, `changes must carry the header ${CHANGE_HEADER}: 1`));
  }
}

export class StaffGuard {
  constructor(private readonly accounts: AccountStore) {}

  /** The signed-in user, or 401. */
  async user(request: FastifyRequest): Promise<StaffUser> {
    const token = sessionToken(request);
    const user = token && TOKEN_PATTERN.test(token) ? await this.accounts.userOfSession(token) : null;
    if (!user) throw ApiError.unauthenticated();
    return user;
  }

  /** The signed-in user if their role is one of `roles`, else 401/403. */
  async require(request: FastifyRequest, roles: readonly StaffRole[]): Promise<StaffUser> {
    const user = await this.user(request);
    if (!roles.includes(user.role)) throw ApiError.forbidden(say(`这需要${roles.map(roleName).join("或")}的权限`, `this needs the role ${roles.join(" or ")}`));
    requireChangeHeader(request);
    return user;
  }

  /**
   * The signed-in user if they may act for the place `placeId`: an administrator, or venue
   * staff bound to it; else 401/403 (a venue's staff asking for another place's get 403).
   */
  async requireVenue(request: FastifyRequest, placeId: string): Promise<StaffUser> {
    const user = await this.require(request, ["admin", "venue"]);
    if (user.role === "venue" && !user.placeIds.includes(placeId)) {
      throw ApiError.forbidden(say("这个地点不归你的场馆管理", "this place is not one your venue runs"));
    }
    return user;
  }

  /** The places a venue account runs (empty for other accounts). */
  venuePlaceIds(userId: string): Promise<string[]> {
    return this.accounts.venuePlaceIds(userId);
  }
}
