/**
 * The councils' and polls' part of the OpenAPI document: each body example is one its
 * handler's schema takes, each operation declares the path parameters its path names, and
 * every operation has a success and an error-free description to start from.
 */
import { describe, expect, it } from "vitest";
import { COUNCIL_BODIES, COUNCIL_PATHS } from "./openapi-councils.ts";

describe("the councils' and polls' OpenAPI paths", () => {
  it("has body examples their schemas take", () => {
    for (const [name, body] of Object.entries(COUNCIL_BODIES)) expect(body.schema.safeParse(body.example).error?.issues ?? [], name).toEqual([]);
  });

  it("declares each path parameter its path names, and a success answer", () => {
    const operations = Object.entries(COUNCIL_PATHS).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation! })));
    expect(operations).toHaveLength(25);
    for (const { path, method, operation } of operations) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect((operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name).sort(), `${method} ${path}`).toEqual(named);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), `${method} ${path}`).toBe(true);
    }
  });
});
