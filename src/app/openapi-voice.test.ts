/**
 * The ideas' part of the OpenAPI document: each body example is one its handler's schema
 * takes, each operation declares the path parameters its path names and a success answer,
 * and the document lists exactly the operations the voice domain's access rows name.
 */
import { describe, expect, it } from "vitest";
import { IDEA_BODIES, VOICE_PATHS } from "./openapi-voice.ts";

describe("the ideas' OpenAPI paths", () => {
  it("has body examples their schemas take", () => {
    for (const [name, body] of Object.entries(IDEA_BODIES)) expect(body.schema.safeParse(body.example).error?.issues ?? [], name).toEqual([]);
  });

  it("declares each path parameter its path names, and a success answer", () => {
    const operations = Object.entries(VOICE_PATHS).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation! })));
    expect(operations).toHaveLength(21);
    for (const { path, method, operation } of operations) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect((operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name).sort(), `${method} ${path}`).toEqual(named);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), `${method} ${path}`).toBe(true);
    }
  });
});
