/**
 * Typed errors for the HTTP edge. Every failure a client can cause becomes one of these,
 * with a stable `code` a program can branch on, the HTTP status, a human message and the
 * offending field; the error handler turns them into `{code, message, field}` JSON.
 */
export type ErrorCode =
  | "invalid_parameter"
  | "invalid_body"
  | "not_found"
  | "unsupported_media_type"
  | "payload_too_large"
  | "malformed_request"
  | "headers_too_large"
  | "request_timeout"
  | "rate_limited"
  | "outside_region"
  | "no_way_nearby"
  | "too_far"
  | "no_route"
  | "unauthenticated"
  | "forbidden"
  | "conflict"
  | "account_locked"
  | "guardian_required"
  | "held_for_safety"
  | "blocked_by_safety"
  | "unavailable"
  | "internal_error";

/** The languages people read answers in: Chinese first, English second. */
export type Lang = "zh" | "en";

/** A message a person may read, in both languages. */
export interface Localized {
  zh: string;
  en: string;
}

/** A message given as both languages, or (for text no person reads) English only. */
export type ErrorText = string | Localized;

/** Both languages of a message: `say("找不到地点", "place not found")`. */
export const say = (zh: string, en: string): Localized => ({ zh, en });

export class ApiError extends Error {
  /** The message in both languages, when given so; `message` is its English. */
  readonly text: Localized | null;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: ErrorText,
    readonly field: string | null = null,
    /** Machine-readable specifics a client shows (the spans the safety guard found). */
    readonly details: unknown = undefined,
  ) {
    super(typeof message === "string" ? message : message.en);
    this.text = typeof message === "string" ? null : message;
    this.name = "ApiError";
  }

  /** The message in the reader's language (English where no Chinese was given). */
  messageIn(lang: Lang): string {
    return this.text?.[lang] ?? this.message;
  }

  /** 400 for a bad query parameter or body field. */
  static invalid(field: string, message: ErrorText): ApiError {
    return new ApiError(400, "invalid_parameter", message, field);
  }

  /** 404: `what` names the thing, in both languages ("地点", "place") or English. */
  static notFound(what: ErrorText): ApiError {
    return new ApiError(404, "not_found", typeof what === "string" ? `${what} not found` : say(`找不到${what.zh}`, `${what.en} not found`));
  }

  /** 401: no valid session (signed out, expired, or never signed in). */
  static unauthenticated(): ApiError {
    return new ApiError(401, "unauthenticated", say("请先登录", "sign in first"));
  }

  /** 403: signed in, but this role or unit may not do this. */
  static forbidden(message: ErrorText): ApiError {
    return new ApiError(403, "forbidden", message);
  }

  /** 409: the request does not fit the current state (approving a draft, a duplicate). */
  static conflict(message: ErrorText, field: string | null = null): ApiError {
    return new ApiError(409, "conflict", message, field);
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field: string | null;
  details?: unknown;
}
