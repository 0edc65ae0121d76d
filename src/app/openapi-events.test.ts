/**
 * The events' part of the OpenAPI document: the body example is one the handler's schema
 * takes, each operation declares the path parameters its path names, and each has a success.
 */
import { describe, expect, it } from "vitest";
import { EVENT_BODIES, EVENT_PATHS } from "./openapi-events.ts";

describe("the events' OpenAPI paths", () => {
  it("has a body example its schema takes", () => {
    for (const [name, body] of Object.entries(EVENT_BODIES)) expect(body.schema.safeParse(body.example).error?.issues ?? [], name).toEqual([]);
  });

  it("declares each path parameter its path names, and a success answer", () => {
    const operations = Object.entries(EVENT_PATHS).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation! })));
    expect(operations).toHaveLength(9);
    for (const { path, method, operation } of operations) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect((operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name).sort(), `${method} ${path}`).toEqual(named);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), `${method} ${path}`).toBe(true);
    }
  });
});
