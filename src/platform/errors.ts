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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    /** Machine-readable specifics a client shows (the spans the safety guard found). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** 400 for a bad query parameter or body field. */
  static invalid(field: string, message: string): ApiError {
    return new ApiError(400, "invalid_parameter", message, field);
  }

  static notFound(what: string): ApiError {
    return new ApiError(404, "not_found", `${what} not found`);
  }

  /** 401: no valid session (signed out, expired, or never signed in). */
  static unauthenticated(): ApiError {
    return new ApiError(401, "unauthenticated", "sign in first");
  }

  /** 403: signed in, but this role or unit may not do this. */
  static forbidden(message: string): ApiError {
    return new ApiError(403, "forbidden", message);
  }

  /** 409: the request does not fit the current state (approving a draft, a duplicate). */
  static conflict(message: string, field: string | null = null): ApiError {
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
