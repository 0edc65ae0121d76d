/**
 * The JSON request bodies of the API for the OpenAPI document, turned into JSON Schema with
 * z.toJSONSchema, each with an example the server accepts. Where a domain's contract is in
 * src/core/api (plan reports, staff sign-in, the safety check) the handler's own schema is
 * used; the rest (families, reviews, moderation, staff accounts, sites) still restate what
 * each handler parses, from the same limits and enums in src/core, and
 * openapi.integration.test.ts compares them with the handlers' schemas where a domain exports
 * one and sends every example to the server, so a change on either side fails a test.
 */
import { z } from "zod";
import { staffLoginSchema } from "../core/api/accounts.ts";
import { TASK_STATUSES, decisionSchema, newReportSchema, reportContentSchema } from "../core/api/plan.ts";
import { AUDIENCES, MAX_CHECK_LENGTH, safetyCheckSchema } from "../core/api/safety.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import {
  APPEAL_MAX_LENGTH, CHILD_LOGIN_PATTERN, CORRECTION_DETAIL_MAX, CORRECTION_KINDS, MEMBER_MAX_PASSWORD, MODERATION_ACTIONS, NICKNAME_MAX,
  REASON_MAX_LENGTH, REPORT_REASONS, REVIEW_MAX_LENGTH, REVIEW_MAX_RATING, REVIEW_MIN_RATING, TAKEDOWN_KINDS,
} from "../core/community.ts";
import { DEMONSTRATION_TYPES } from "../core/place.ts";
import { ADMIN_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, STAFF_ROLES, USERNAME_PATTERN } from "../core/staff-roles.ts";
import { placeFixSchema } from "../places/index.ts";
import { inputJsonSchema } from "./openapi-schema.ts";

/** The contract's enums and limits the safety and plan bodies use (src/core/api). */
export { AUDIENCES, MAX_CHECK_LENGTH, TASK_STATUSES };

const plainText = /^[^\p{Cc}\p{Cs}]*$/u;
const nickname = z.string().trim().min(1).max(NICKNAME_MAX).regex(/^[^\p{Cc}\p{Cf}<>]+$/u);
const birthYear = z.number().int().min(1900).max(2100);
const target = { targetType: z.string().min(1).max(20), targetId: z.uuid() };
const reason = z.string().trim().min(2).max(REASON_MAX_LENGTH);
const EXAMPLE_ID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";

/** Each JSON body: its schema, and an example whose ids the fuzz and matrix tests replace with real ones. */
export const BODIES = {
  staffLogin: { schema: staffLoginSchema, example: { username: "reviewer1", password: "correct horse battery" } },
  newStaffUser: {
    schema: z.object({
      username: z.string().regex(USERNAME_PATTERN),
      displayName: z.string().trim().min(1).max(60),
      role: z.enum(STAFF_ROLES),
      unitId: z.string().min(1).max(80).nullable().default(null),
      password: z.string().min(1).max(MAX_PASSWORD_LENGTH).describe(`At least ${MIN_PASSWORD_LENGTH} characters (administrators ${ADMIN_MIN_PASSWORD_LENGTH}), not common, not the names, hard to guess`),
    }).strict(),
    example: { username: "wang.fang", displayName: "王芳", role: "reviewer", unitId: null, password: "a long pass phrase" },
  },
  newReport: { schema: newReportSchema, example: { taskNumber: 5, period: "2026-Q3" } },
  reportContent: {
    schema: reportContentSchema,
    example: { taskStatus: "on_track", narrative: "新建普惠性幼儿园3所。", values: [{ indicatorId: "preschool-gross-enrolment-rate", districtUnitId: null, value: 91.5, measuredOn: "2026-09-30" }] },
  },
  reportDecision: { schema: decisionSchema, example: { comment: "请补充幼儿园名单。" } },
  assessment: {
    schema: z.object({
      placeId: z.string().min(1).max(200),
      siteType: z.enum(DEMONSTRATION_TYPES),
      scores: z.record(z.string().max(80), z.number().int().min(0).max(100)),
      comment: z.string().max(2000).default(""),
      assessedOn: z.iso.date(),
    }).strict(),
    example: { placeId: "osm:w123", siteType: "park", scores: { "safe-play": 10 }, comment: "", assessedOn: "2026-11-20" },
  },
  safetyCheck: { schema: safetyCheckSchema, example: { text: "这个公园的滑梯很好玩", audience: "child" } },
  register: {
    schema: z.object({ login: z.string().min(3).max(254), password: z.string().min(1).max(MEMBER_MAX_PASSWORD), nickname, birthYear, acceptAgreement: z.literal(true) }).strict(),
    example: { login: "13912345678", password: "lantern-river-42", nickname: "豆豆妈", birthYear: 1988, acceptAgreement: true },
  },
  confirmSignup: { schema: z.object({ login: z.string().min(3).max(254), code: z.string().regex(/^\d{6}$/) }).strict(), example: { login: "13912345678", code: "042917" } },
  memberLogin: { schema: z.object({ login: z.string().min(1).max(254), password: z.string().min(1).max(MEMBER_MAX_PASSWORD) }).strict(), example: { login: "13912345678", password: "lantern-river-42" } },
  child: {
    schema: z.object({
      login: z.string().regex(CHILD_LOGIN_PATTERN),
      password: z.string().min(1).max(MEMBER_MAX_PASSWORD),
      nickname,
      birthYear,
      consent: z.object({ decision: z.enum(["agreed", "refused"]), policyVersion: z.string().max(40) }).strict(),
    }).strict(),
    example: { login: "doudou.li", password: "lantern-river-42", nickname: "豆豆", birthYear: 2017, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } },
  },
  review: {
    schema: z.object({ rating: z.number().int().min(REVIEW_MIN_RATING).max(REVIEW_MAX_RATING), body: z.string().trim().min(2).max(REVIEW_MAX_LENGTH).regex(plainText) }).strict(),
    example: { rating: 5, body: "滑梯很安全，有母婴室。" },
  },
  helpful: { schema: z.object({ helpful: z.boolean() }).strict(), example: { helpful: true } },
  correction: {
    schema: z.object({
      kind: z.enum(CORRECTION_KINDS),
      detail: z.string().trim().max(CORRECTION_DETAIL_MAX).regex(plainText).default(""),
      lon: z.number().min(-180).max(180).optional(),
      lat: z.number().min(-90).max(90).optional(),
    }).strict(),
    example: { kind: "hours_wrong", detail: "周一闭馆" },
  },
  contentReport: { schema: z.object({ ...target, reason: z.enum(REPORT_REASONS), detail: z.string().max(REASON_MAX_LENGTH).default("") }).strict(), example: { targetType: "review", targetId: EXAMPLE_ID, reason: "spam", detail: "" } },
  appeal: { schema: z.object({ ...target, text: z.string().trim().min(2).max(APPEAL_MAX_LENGTH) }).strict(), example: { targetType: "review", targetId: EXAMPLE_ID, text: "我写的是真实体验。" } },
  takedown: {
    schema: z.object({ ...target, kind: z.enum(TAKEDOWN_KINDS), contact: z.string().trim().min(3).max(120), detail: z.string().trim().min(2).max(APPEAL_MAX_LENGTH) }).strict(),
    example: { targetType: "review", targetId: EXAMPLE_ID, kind: "doxxing", contact: "parent@example.cn", detail: "写出了我孩子的学校和班级。" },
  },
  moderationDecision: {
    schema: z.object({ action: z.enum(MODERATION_ACTIONS), reason, suspendDays: z.number().int().min(1).max(365).optional(), seenStatusAt: z.string().max(40).optional() }).strict(),
    example: { action: "hide", reason: "含有个人信息" },
  },
  appealDecision: { schema: z.object({ decision: z.enum(["upheld", "overturned"]), reason }).strict(), example: { decision: "overturned", reason: "内容无问题" } },
  takedownDecision: { schema: z.object({ decision: z.enum(["taken_down", "rejected"]), reason }).strict(), example: { decision: "taken_down", reason: "确属人肉搜索" } },
  correctionDecision: {
    schema: z.object({ decision: z.enum(["fixed", "rejected"]), note: reason, fix: placeFixSchema.optional() }).strict(),
    example: { decision: "fixed", note: "已核实开放时间", fix: { openingHours: "Tu-Su 09:00-17:00" } },
  },
} as const;

/** The name of a documented JSON body. */
export type BodyName = keyof typeof BODIES;

/** A zod schema as the JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends. */
export function bodyJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return inputJsonSchema(schema);
}

/** The requestBody object of an operation with a JSON body. */
export function jsonBody(name: BodyName, description: string, required = true) {
  const body = BODIES[name];
  return { required, description, content: { "application/json": { schema: bodyJsonSchema(body.schema), example: body.example } } };
}

/** The requestBody object of an operation whose body is a file of one of `types`. */
export function fileBody(description: string, types: readonly string[]) {
  return { required: true, description, content: Object.fromEntries(types.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) };
}
