/**
 * A zod schema of src/core/api as the JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a
 * client sends: the input side, so a query number documented as a number stays one and a
 * default makes a member optional. The one converter the OpenAPI files share.
 */
import { z } from "zod";

/** The input JSON Schema of `schema`, without the `$schema` dialect line. */
export function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return json;
}
