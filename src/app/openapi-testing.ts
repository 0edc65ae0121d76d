/**
 * What the tests of the OpenAPI document share: the routes the server really registered
 * (read from Fastify's route tree, so a route added without a description fails), the
 * operations of the served document, and a request built from an operation's examples.
 */
import type { FastifyInstance } from "fastify";

/** A method and path the server serves. */
export interface Route {
  method: string;
  /** In the document's spelling: /api/places/{id}. */
  path: string;
}

/** Every method and path the app serves (HEAD, which Fastify adds to each GET, left out). */
export function registeredRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const full = (depth > 0 ? stack[depth - 1]! : "") + match[2]!;
    stack.length = depth;
    stack.push(full);
    for (const method of (match[3] ?? "").split(", ").filter((m) => m && m !== "HEAD")) {
      if (!app.hasRoute({ method, url: full })) throw new Error(`read a route Fastify does not have: ${method} ${full}`);
      routes.push({ method, path: full.replace(/:(\w+)/g, "{$1}") });
    }
  }
  return routes;
}

/** A parameter as the served document has it. */
export interface DocumentParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
  example?: unknown;
  $ref?: string;
}

/** One operation of the served document, with its method and path. */
export interface DocumentOperation {
  method: string;
  path: string;
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters: DocumentParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Record<string, unknown>; example?: unknown }> };
  responses: Record<string, unknown>;
}

/** The parts of the served document the tests read. */
export interface OpenApiDocument {
  servers?: Array<{ url: string }>;
  info: { license?: { name: string; url?: string } };
  paths: Record<string, Record<string, Omit<DocumentOperation, "method" | "path">>>;
  components: Record<string, Record<string, unknown>>;
}

/** The document's operations, one per method and path, parameters resolved. */
export function operationsOf(document: OpenApiDocument): DocumentOperation[] {
  const parameters = (document.components["parameters"] ?? {}) as Record<string, DocumentParameter>;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      ...operation,
      method: method.toUpperCase(),
      path,
      parameters: (operation.parameters ?? []).map((p) => (p.$ref ? parameters[p.$ref.split("/").pop()!]! : p)),
    })),
  );
}

/** The path with each parameter replaced by `values[name]` or its example, percent-encoded. */
export function fillPath(operation: DocumentOperation, values: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (values[name] !== undefined) return values[name]!;
    const parameter = operation.parameters.find((p) => p.in === "path" && p.name === name);
    return encodeURIComponent(String(parameter?.example ?? "x"));
  });
}

/** The query string of the examples of every query parameter (or only the required ones). */
export function exampleQuery(operation: DocumentOperation, onlyRequired = false): URLSearchParams {
  const query = new URLSearchParams();
  for (const p of operation.parameters) {
    if (p.in === "query" && (!onlyRequired || p.required) && p.example !== undefined) query.set(p.name, String(p.example));
  }
  return query;
}

/** A value the parameter's schema refuses, or null when its schema takes any string. */
export function invalidValue(schema: Record<string, unknown>): string | null {
  if (schema["type"] === "integer" || schema["type"] === "number") return "twelve";
  if (Array.isArray(schema["enum"])) return "not-one-of-them";
  if (schema["format"] === "uuid") return "not-a-uuid";
  if (typeof schema["pattern"] === "string") return "!!";
  if (Array.isArray(schema["x-items"])) return "no-such-item";
  if (typeof schema["maxLength"] === "number") return "x".repeat(schema["maxLength"] + 1);
  if (typeof schema["minLength"] === "number" && schema["minLength"] > 0) return "";
  return null;
}

/** Why `value` does not fit the documented `schema` (type, range, enum, pattern, length), or null when it does. */
export function valueFits(schema: Record<string, unknown>, value: unknown): string | null {
  const type = schema["type"];
  if (type === "number" || type === "integer") {
    if (typeof value !== "number" || (type === "integer" && !Number.isInteger(value))) return `${String(value)} is not of type ${type}`;
    if (typeof schema["minimum"] === "number" && value < schema["minimum"]) return `${value} below ${schema["minimum"]}`;
    if (typeof schema["maximum"] === "number" && value > schema["maximum"]) return `${value} above ${schema["maximum"]}`;
    return null;
  }
  if (type !== "string") return null;
  if (typeof value !== "string") return `${String(value)} is not a string`;
  if (Array.isArray(schema["enum"]) && !schema["enum"].includes(value)) return `${value} is not one of the enum`;
  if (typeof schema["pattern"] === "string" && !new RegExp(schema["pattern"], "u").test(value)) return `${value} does not match the pattern`;
  if (typeof schema["maxLength"] === "number" && value.length > schema["maxLength"]) return `${value} is too long`;
  if (Array.isArray(schema["x-items"]) && value.split(",").some((item) => !(schema["x-items"] as unknown[]).includes(item))) return `${value} names an unknown item`;
  return null;
}
