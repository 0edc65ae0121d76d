/**
 * Request validation at the edge: a zod schema per route; the first problem becomes a
 * 400 `{code: "invalid_parameter", field, message}` so clients know exactly what to fix.
 */
import type { z } from "zod";
import { ApiError } from "../errors.ts";

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".") || "request";
  throw ApiError.invalid(field, issue.message);
}
