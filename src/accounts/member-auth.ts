/**
 * Who is asking, for family members: the member cookie (separate from the staff cookie, so
 * one browser can hold both), and the guards routes use. Changes need the same
 * `X-Tongxing-Request` header as staff changes, which a cross-site form cannot send.
 */
import type { FastifyRequest } from "fastify";
import { ApiError, say } from "../platform/errors.ts";
import type { Member, MemberStore } from "./member-store.ts";
import { requireChangeHeader, sessionToken } from "./session-auth.ts";
import { TOKEN_PATTERN } from "./session-tokens.ts";

export const MEMBER_COOKIE = "tx_member";

export class MemberGuard {
  constructor(private readonly members: MemberStore) {}

  /** The signed-in member, or null. */
  async optional(request: FastifyRequest): Promise<Member | null> {
    const token = sessionToken(request, MEMBER_COOKIE);
    return token && TOKEN_PATTERN.test(token) ? this.members.memberOfSession(token) : null;
  }

  /** The signed-in member, or 401. */
  async member(request: FastifyRequest): Promise<Member> {
    const member = await this.optional(request);
    if (!member) throw ApiError.unauthenticated();
    return member;
  }

  /** The signed-in member making a change (header checked), or 401/403. */
  async changing(request: FastifyRequest): Promise<Member> {
    const member = await this.member(request);
    requireChangeHeader(request);
    return member;
  }

  /** A change that publishes something: suspended members may not. */
  async posting(request: FastifyRequest): Promise<Member> {
    const member = await this.changing(request);
    if (member.status === "suspended") throw new ApiError(403, "forbidden", say(`这个账号已被暂停使用${member.suspendedUntil ? `，到 ${member.suspendedUntil.slice(0, 10)} 为止` : ""}；你可以申诉`, `this account is suspended until ${member.suspendedUntil ?? "further notice"}; you may appeal`));
    return member;
  }

  /** A guardian acting on one of their children: 404 for anyone else's child. */
  async childOf(guardian: Member, childId: string): Promise<Member> {
    const child = await this.members.get(childId);
    if (!child || child.guardianId !== guardian.id) throw ApiError.notFound(say("孩子的账号", "child account"));
    return child;
  }
}
