/**
 * The contract of POST /api/safety/check: a text and who would post it. The handler parses
 * with `safetyCheckSchema`; the OpenAPI document is generated from it.
 */
import { z } from "zod";
import { AUDIENCES, MAX_CHECK_LENGTH } from "./vocabulary.ts";

export { AUDIENCES, MAX_CHECK_LENGTH } from "./vocabulary.ts";

/** POST /api/safety/check. */
export const safetyCheckSchema = z.object({ text: z.string().min(1).max(MAX_CHECK_LENGTH), audience: z.enum(AUDIENCES) }).strict();
