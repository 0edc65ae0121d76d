/**
 * Session tokens: random, sent to the browser once, stored only as their SHA-256, so a copy
 * of the database signs nobody in. Staff and member sessions both use these.
 */
import { createHash, randomBytes } from "node:crypto";

export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A token a browser could have been given; anything else is not looked up at all. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** The value of cookie `name` in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [key, ...rest] = pair.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
