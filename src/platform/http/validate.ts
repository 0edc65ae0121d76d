/**
 * Request validation at the edge: a zod schema per route; the first problem becomes a
 * 400 `{code: "invalid_parameter", field, message}` so clients know exactly what to fix; a
 * strict schema's unknown parameter is named in `field`. The message is in both languages
 * (zod-chinese.ts), the error handler answers in the request's. `lang=zh|en`, which chooses
 * the language of any answer (language.ts), is taken on every route: an object schema that
 * does not read `lang` itself never sees it.
 */
import { z } from "zod";
import { ApiError, say } from "../errors.ts";
import { issueText } from "./zod-chinese.ts";

/** The input without a `lang=zh|en` the schema does not read itself. */
function withoutLang(schema: z.ZodType, input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !(schema instanceof z.ZodObject)) return input;
  const { lang, ...rest } = input as Record<string, unknown>;
  if ((lang !== "zh" && lang !== "en") || "lang" in schema.shape) return input;
  return rest;
}

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(withoutLang(schema, input), { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // A strict schema refuses what it does not know: name the first unknown parameter or member.
  const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const field = [...issue.path.map(String), ...(unknown === undefined ? [] : [unknown])].join(".") || "request";
  const name = unknown?.slice(0, 40);
  throw ApiError.invalid(field, name === undefined ? issueText(issue) : say(`不认识的参数“${name}”`, `unknown parameter "${name}"`));
}
