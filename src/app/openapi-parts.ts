/**
 * The pieces the OpenAPI path files are written with: parameters with an example each
 * (the fuzz test starts from them), success responses, and the shape of an operation
 * before openapi.ts adds what every operation gets from the access table.
 */
import type { fileBody, jsonBody } from "./openapi-bodies.ts";

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
export type DraftPaths = Record<string, Partial<Record<"get" | "post" | "put" | "delete", DraftOperation>>>;

/** A query parameter; `example` undefined leaves it out of example requests. */
export const query = (name: string, description: string, schema: Record<string, unknown>, example: unknown, required = false): Parameter =>
  ({ name, in: "query", required, description, schema, example });

/** A path parameter, always required. */
export const path = (name: string, description: string, example: string | number, schema: Record<string, unknown> = { type: "string" }): Parameter =>
  ({ name, in: "path", required: true, description, schema, example });

/** The schema of a uuid parameter. */
export const UUID = { type: "string", format: "uuid" } as const;

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
