/**
 * Text with the NUL character is refused at the edge, for every route at once: PostgreSQL's
 * text type cannot hold it (the insert fails with a 500 deep inside a domain), and no person
 * types it. The query string and path are read in onRequest, JSON bodies in preValidation;
 * the answer names the parameter or the body field that carried it.
 */
import type { FastifyInstance } from "fastify";
import { ApiError, say } from "../errors.ts";

const MESSAGE = say("文字里不能有空字符（\\u0000）", "text may not contain the NUL character (\\u0000)");

/** The dotted path of the first string in a parsed JSON value that holds NUL, or null. */
export function nulFieldIn(value: unknown, at = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\0") ? at || "body" : null;
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\0")) return at ? `${at}.${key}` : key;
    const found = nulFieldIn(inner, at ? `${at}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The query parameter (or "path") of a request URL that carries NUL, or null. */
export function nulParameterIn(url: string): string | null {
  if (!/%00|\0/.test(url)) return null;
  const [pathPart = "", query = ""] = url.split("?", 2);
  if (/%00|\0/.test(pathPart)) return "path";
  try {
    for (const [key, value] of new URLSearchParams(query)) if (key.includes("\0") || value.includes("\0")) return key.replace(/\0/g, "") || "query";
  } catch {
    return "query";
  }
  return null;
}

export function refuseNulText(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    const field = nulParameterIn(request.raw.url ?? "");
    done(field ? ApiError.invalid(field, MESSAGE) : undefined);
  });
  app.addHook("preValidation", (request, _reply, done) => {
    const field = request.body === undefined ? null : nulFieldIn(request.body);
    done(field ? ApiError.invalid(field, MESSAGE) : undefined);
  });
}
