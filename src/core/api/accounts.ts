/**
 * The contract of staff accounts: the sign-in body (POST /api/auth/login) and the audit
 * trail's query (GET /api/audit). The handlers parse with these; the OpenAPI document is
 * generated from them.
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../staff-roles.ts";
import { integerIn } from "./fields.ts";

/** No control characters: a NUL would reach PostgreSQL and fail there instead of here. */
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;

/** POST /api/auth/login. */
export const staffLoginSchema = z.object({
  username: z.string().min(1).max(40).regex(PLAIN_TEXT, "no control characters"),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
}).strict();

/** GET /api/audit. */
export const auditQuery = z.object({
  target: z.string().max(120).optional().meta({ description: "e.g. report:<id>", example: "user:3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" }),
  limit: integerIn(1, 1000).default(100).meta({ description: "Most entries", example: 100 }),
}).strict();
