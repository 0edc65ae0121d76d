/**
 * Known devices: after a successful sign-in the browser gets a signed note "this device
 * signed in as this name", so a later sign-in from it counts its failures on its own and
 * is not blocked by an attacker failing from elsewhere (or from the same address). One
 * HttpOnly cookie holds a few notes (a family shares a phone); a note names no account in
 * clear: it is the day it was issued and an HMAC of scope, name and day under a key kept in
 * the database, so every instance checks what any instance issued.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../platform/database/database.ts";
import type { SignInScope } from "./sign-in-throttle.ts";
import { cookieValue } from "./session-tokens.ts";

export const DEVICE_COOKIE = "tx_device";
/** How long a device stays known without signing in again. */
export const DEVICE_DAYS = 180;
/** Notes one browser keeps; the oldest goes first. */
const NOTES_KEPT = 5;
const KEY_NAME = "device-cookie-key";
const DAY_MS = 86_400_000;
const NOTE = /^(\d{1,6})\.([A-Za-z0-9_-]{22})$/;

function mac(key: Buffer, scope: SignInScope, login: string, day: number): string {
  return createHmac("sha256", key).update(`${scope}\n${login}\n${day}`).digest("base64url").slice(0, 22);
}

/** Issues and checks device notes with the installation's key (made once, shared through the database). */
export class DeviceCookies {
  private key: Promise<Buffer> | null = null;

  constructor(private readonly db: Database) {}

  private signingKey(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.db.run("INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING", [
        KEY_NAME,
        randomBytes(32).toString("base64url"),
        new Date().toISOString(),
      ]);
      const rows = await this.db.all<{ value: string }>("SELECT value FROM server_secrets WHERE name = ?", [KEY_NAME]);
      return Buffer.from(rows[0]!.value, "base64url");
    })();
    return this.key;
  }

  /** The device id (the note's MAC) when the cookie holds a valid, unexpired note for this name; else null. */
  async deviceOf(cookie: string | null, scope: SignInScope, login: string, now: Date): Promise<string | null> {
    const key = await this.signingKey();
    const today = Math.floor(now.getTime() / DAY_MS);
    for (const note of notes(cookie)) {
      const [, dayText, given] = NOTE.exec(note)!;
      const day = Number(dayText);
      if (today - day > DEVICE_DAYS || day > today) continue;
      const expected = Buffer.from(mac(key, scope, login, day));
      if (timingSafeEqual(expected, Buffer.from(given!))) return given!;
    }
    return null;
  }

  /** The cookie value after signing in as this name: a fresh note first, this name's old notes dropped. */
  async afterSignIn(cookie: string | null, scope: SignInScope, login: string, now: Date): Promise<string> {
    const key = await this.signingKey();
    const today = Math.floor(now.getTime() / DAY_MS);
    const kept: string[] = [];
    for (const note of notes(cookie)) {
      const day = Number(NOTE.exec(note)![1]);
      if (mac(key, scope, login, day) !== NOTE.exec(note)![2] && today - day <= DEVICE_DAYS) kept.push(note);
    }
    return [`${today}.${mac(key, scope, login, today)}`, ...kept].slice(0, NOTES_KEPT).join("~");
  }
}

function notes(cookie: string | null): string[] {
  return (cookie ?? "").split("~").filter((note) => NOTE.test(note)).slice(0, NOTES_KEPT);
}

export function deviceCookie(request: FastifyRequest): string | null {
  return cookieValue(request.headers.cookie, DEVICE_COOKIE);
}

/** Sets the device cookie: HttpOnly, SameSite=Strict, sent only to the API, Secure over HTTPS. */
export function setDeviceCookie(reply: FastifyReply, request: FastifyRequest, value: string): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  reply.header("set-cookie", `${DEVICE_COOKIE}=${value}; Path=/api/; HttpOnly; SameSite=Strict; Max-Age=${DEVICE_DAYS * 86_400}${secure}`);
}
