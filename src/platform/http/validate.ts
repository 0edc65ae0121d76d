/**
 * Request validation at the edge: a zod schema per route; the first problem becomes a
 * 400 `{code: "invalid_parameter", field, message}` so clients know exactly what to fix; a
 * strict schema's unknown parameter is named in `field`.
 */
import type { z } from "zod";
import { ApiError } from "../errors.ts";

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // A strict schema refuses what it does not know: name the first unknown parameter or member.
  const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const field = [...issue.path.map(String), ...(unknown === undefined ? [] : [unknown])].join(".") || "request";
  throw ApiError.invalid(field, unknown === undefined ? issue.message : `unknown parameter "${unknown.slice(0, 40)}"`);
}
