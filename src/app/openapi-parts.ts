/**
 * The pieces the OpenAPI path files are written with: parameters with an example each
 * (the fuzz test starts from them), success responses, and the shape of an operation
 * before openapi.ts adds what every operation gets from the access table.
 */
import type { z } from "zod";
import type { fileBody, jsonBody } from "./openapi-bodies.ts";
import { inputJsonSchema } from "./openapi-schema.ts";

/** A query, path or header parameter, with the example requests start from. */
export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
  example?: unknown;
}

/** An answer of one status. */
export interface Response {
  description: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}

/** An operation as the path files write it; openapi.ts adds its id, security and error answers. */
export interface DraftOperation {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: ReturnType<typeof jsonBody> | ReturnType<typeof fileBody>;
  responses: Record<string, Response>;
  /** Answers 429 when a client asks too often. */
  limited?: boolean;
}

/** The operations of each path, as the path files write them. */
export type DraftPaths = Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", DraftOperation>>>;

/**
 * The path parameters of an operation, generated from the zod object its handler parses
 * `request.params` with (src/core/api/paths.ts); always required.
 */
export function pathParameters(schema: z.ZodObject): Parameter[] {
  const properties = (inputJsonSchema(schema)["properties"] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, { description, example, ...rest }]) => {
    // A number arrives as text; the text pattern is the parser's business, not the client's.
    const { pattern: _pattern, ...numberSchema } = rest;
    const numeric = rest["type"] === "number" || rest["type"] === "integer";
    return { name, in: "path", required: true, description: String(description ?? name), schema: numeric ? numberSchema : rest, example };
  });
}

/** A JSON answer, with a named component schema or an inline one. */
export const json = (description: string, schema: string | Record<string, unknown> = { type: "object" }): Response =>
  ({ description, content: { "application/json": { schema: typeof schema === "string" ? { $ref: `#/components/schemas/${schema}` } : schema } } });

/** A file answer of one media type. */
export const file = (description: string, type: string): Response => ({ description, content: { [type]: { schema: { type: "string", contentMediaType: type } } } });

/** A 200 answer, as a responses entry. */
export const ok = (description: string, schema?: string | Record<string, unknown>) => ({ "200": json(description, schema) });
/** A 201 answer, as a responses entry. */
export const created = (description: string, schema?: string | Record<string, unknown>) => ({ "201": json(description, schema) });
/** A refusal in the error shape particular to an operation (the common ones openapi.ts adds). */
export const refusal = (status: "404" | "409" | "422" | "423" | "503", description: string) => ({ [status]: json(description, "Error") });

/**
 * The query parameters of an operation, generated from the zod object its handler parses
 * with (src/core/api): each field's JSON Schema, with the description and example its `meta`
 * gives; required when the field is. A renamed field (`x-renamed-to`) is left out: the handler
 * refuses it with a message naming the new one.
 */
export function queryParameters(schema: z.ZodObject, leaveOut: readonly string[] = []): Parameter[] {
  const json = inputJsonSchema(schema);
  const defaultOf = (name: string): unknown => {
    const parsed = schema.shape[name]?.safeParse(undefined);
    // What the handler reads when the parameter is left out, written as a client would send it.
    return parsed?.success && parsed.data !== undefined ? (typeof parsed.data === "boolean" ? String(parsed.data) : parsed.data) : undefined;
  };
  const properties = (json["properties"] ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json["required"] ?? []) as string[]);
  return Object.entries(properties)
    .filter(([name, property]) => property["x-renamed-to"] === undefined && !leaveOut.includes(name))
    .map(([name, property]) => {
      const { description, example, ...rest } = property;
      // A number arrives as text; the text pattern is the parser's business, not the client's.
      const numeric = rest["type"] === "number" || rest["type"] === "integer";
      const { pattern: _pattern, ...numberSchema } = rest;
      const documented = numeric ? numberSchema : rest;
      const fallback = defaultOf(name);
      return { name, in: "query", required: required.has(name), description: String(description ?? name), schema: fallback === undefined ? documented : { ...documented, default: fallback }, example };
    });
}

/** The parameters a schema refuses with a message naming the new one, and their new names. */
export function renamedParameters(schema: z.ZodObject): Record<string, string> {
  const properties = (inputJsonSchema(schema)["properties"] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(properties).flatMap(([name, p]) => (typeof p["x-renamed-to"] === "string" ? [[name, p["x-renamed-to"]]] : [])));
}
