/**
 * Signing in at the HTTP edge, shared by staff and members: the device cookie read and
 * checked, `signIn` run, a refusal turned into the house error shape (401, 423 or 429, the
 * same for a real name and a made-up one), and on success the device cookie renewed. The
 * caller opens the session and sets its cookie first, then the device cookie.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../platform/database/database.ts";
import { ApiError, type Localized, say } from "../platform/errors.ts";
import { DeviceCookies, deviceCookie, setDeviceCookie } from "./device-cookie.ts";
import { type CredentialStore, type SignInResult, signIn } from "./sign-in.ts";
import { type SignInScope, SignInThrottle } from "./sign-in-throttle.ts";

type Refusal = Exclude<SignInResult<unknown>, { ok: true }>;

/** An instant as the city reads it: "2026-12-02 18:30" in China's time (UTC+8, no daylight saving). */
function cityTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

export class SignInGate<U> {
  private readonly throttle: SignInThrottle;
  private readonly devices: DeviceCookies;

  constructor(db: Database, private readonly scope: SignInScope, private readonly accounts: CredentialStore<U>, private readonly wrongMessage: Localized) {
    this.throttle = new SignInThrottle(db, scope);
    this.devices = new DeviceCookies(db);
  }

  /** The account, or a refusal as an ApiError; `remember` then sets the device cookie on the reply. */
  async attempt(request: FastifyRequest, login: string, password: string, now = new Date()): Promise<{ user: U; remember: (reply: FastifyReply) => void } | { refusal: Refusal; error: ApiError }> {
    const cookie = deviceCookie(request);
    const device = await this.devices.deviceOf(cookie, this.scope, login, now);
    const result = await signIn({ accounts: this.accounts, throttle: this.throttle }, { login, password, address: request.ip, device }, now);
    if (!result.ok) return { refusal: result, error: this.error(result) };
    const renewed = await this.devices.afterSignIn(cookie, this.scope, login, now);
    return { user: result.user, remember: (reply) => setDeviceCookie(reply, request, renewed) };
  }

  private error(refusal: Refusal): ApiError {
    if (refusal.reason === "too_many_attempts") return new ApiError(429, "rate_limited", say(`这里登录失败的次数太多，请在 ${cityTime(refusal.lockedUntil)} 之后再试`, `too many failed sign-ins from this address; try again after ${refusal.lockedUntil}`));
    if (refusal.reason === "locked") return new ApiError(423, "account_locked", say(`这个账号在这里登录失败的次数太多，请在 ${cityTime(refusal.lockedUntil)} 之后再试`, `too many failed sign-ins with this name from here; try again after ${refusal.lockedUntil}`));
    return new ApiError(401, "unauthenticated", this.wrongMessage);
  }
}
