/**
 * The contract of staff accounts: the sign-in body (POST /api/auth/login), a new staff
 * account and the audit trail's query (GET /api/audit). The handlers parse with these; the
 * OpenAPI document is generated from them.
 */
import { z } from "zod";
import { ADMIN_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MAX_VENUE_PLACES, MIN_PASSWORD_LENGTH, STAFF_ROLES, USERNAME_PATTERN } from "../staff-roles.ts";
import { integerIn } from "./fields.ts";
import { both } from "./messages.ts";

/** No control characters: a NUL would reach PostgreSQL and fail there instead of here. */
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;
const NO_CONTROL = both("不能含控制字符", "no control characters");

/** POST /api/auth/login. */
export const staffLoginSchema = z.object({
  username: z.string().min(1).max(40).regex(PLAIN_TEXT, NO_CONTROL),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
}).strict();
/** What a staff sign-in sends. */
export type StaffLoginInput = z.infer<typeof staffLoginSchema>;

/** GET /api/audit. */
export const auditQuery = z.object({
  target: z.string().max(120).optional().meta({ description: "e.g. report:<id>", example: "user:3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" }),
  limit: integerIn(1, 1000).default(100).meta({ description: "Most entries", example: 100 }),
}).strict();

/** POST /api/staff/users: a staff account; a reporter needs a unit, other roles have none. */
export const newStaffUserSchema = z
  .object({
    username: z.string().regex(USERNAME_PATTERN, both("3–40 个小写字母、数字、点、连字符或下划线", "3-40 lowercase letters, digits, dots, dashes or underscores")),
    displayName: z.string().trim().min(1).max(60),
    role: z.enum(STAFF_ROLES),
    unitId: z.string().min(1).max(80).nullable().default(null),
    placeIds: z.array(z.string().min(1).max(120)).max(MAX_VENUE_PLACES).default([]).meta({ description: "The places a venue account runs (role venue only)", example: ["osm:node/1234"] }),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH).describe(`At least ${MIN_PASSWORD_LENGTH} characters (administrators ${ADMIN_MIN_PASSWORD_LENGTH}), not common, not the names, hard to guess`),
  })
  .strict()
  .refine((u) => (u.role === "reporter") === (u.unitId !== null), { message: both("填报员要有单位，其他角色没有单位", "a reporter needs a unit, other roles have none"), path: ["unitId"] })
  .refine((u) => (u.role === "venue") === (u.placeIds.length > 0), { message: both("场馆工作人员要绑定至少一个地点，其他角色不绑定地点", "venue staff need at least one place, other roles have none"), path: ["placeIds"] });
/** What creating a staff account sends. */
export type NewStaffUser = z.input<typeof newStaffUserSchema>;
