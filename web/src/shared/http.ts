/**
 * The small HTTP client the feature clients share, built on shared/api.ts (getJson,
 * sendJson, ApiError): a change as JSON or a file, and the one checked field of an answer.
 * Every failure is an ApiError (status 0 "network" when the server cannot be reached, 500
 * "bad_response" when the answer lacks what the client needs), so the pages turn any of them
 * into words with shared/error-text.ts and never match errors by message text. A change
 * says the page's language (Accept-Language), so the server's message comes back in it.
 */
import { ApiError, getJson, isRecord, sendJson } from "./api.ts";
import { getLanguage, languageTag } from "./i18n.ts";

export { ApiError, isRecord };

/** Tests a value taken from an answer. */
export type Check = (value: unknown) => boolean;

/**
 * A change: JSON (an empty object for a POST or PUT without one; a DELETE sends no body), or a
 * file as octet-stream unless `headers` name its type.
 */
export function send(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
  const language = { "accept-language": languageTag(getLanguage()) };
  if (body instanceof Blob) return sendJson(method, path, body, { "content-type": "application/octet-stream", ...language, ...headers });
  return sendJson(method, path, body ?? (method === "DELETE" ? undefined : {}), { ...language, ...headers });
}

/** The field `key` of an answer, or a "bad_response" ApiError when the answer is no object or the field fails `check`. */
export function field<T>(body: unknown, key: string, check: Check = () => true): T {
  if (!isRecord(body) || !check(body[key])) throw new ApiError(500, "bad_response", `answer has no ${key}`);
  return body[key] as T;
}

/** GET `path` and return its checked field `key`. */
export async function getField<T>(path: string, key: string, check?: Check, signal?: AbortSignal): Promise<T> {
  return field<T>(await getJson(path, signal), key, check);
}

/** Send a change and return the answer's checked field `key`. */
export async function sendField<T>(method: string, path: string, body: unknown, key: string, check?: Check): Promise<T> {
  return field<T>(await send(method, path, body), key, check);
}

/** Null when the request failed with `status` (401: nobody is signed in), the error otherwise. */
export async function orNullOn<T>(status: number, request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === status) return null;
    throw error;
  }
}

/** A path segment with its reserved characters escaped. */
export const segment = (value: string): string => encodeURIComponent(value);
