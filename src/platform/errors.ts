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
  | "rate_limited"
  | "outside_region"
  | "no_way_nearby"
  | "too_far"
  | "no_route"
  | "internal_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
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
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field: string | null;
}
