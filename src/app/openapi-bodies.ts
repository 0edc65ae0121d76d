/**
 * The JSON request bodies of the API for the OpenAPI document, turned into JSON Schema with
 * z.toJSONSchema, each with an example the server accepts. Every schema is the contract's own
 * (src/core/api), the one its handler parses with, so the document cannot drift from what is
 * accepted; openapi.integration.test.ts sends every example to the server.
 */
import type { z } from "zod";
import { newStaffUserSchema, staffLoginSchema } from "../core/api/accounts.ts";
import { childSchema, confirmSchema, memberLoginSchema, signupSchema } from "../core/api/families.ts";
import { correctionDecisionSchema, correctionSchema } from "../core/api/places.ts";
import { TASK_STATUSES, assessmentSchema, decisionSchema, newReportSchema, reportContentSchema } from "../core/api/plan.ts";
import { helpfulSchema, reviewSchema } from "../core/api/reviews.ts";
import {
  AUDIENCES, MAX_CHECK_LENGTH, appealDecisionSchema, appealSchema, contentReportSchema, moderationDecisionSchema, safetyCheckSchema, takedownDecisionSchema,
  takedownSchema,
} from "../core/api/safety.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { inputJsonSchema } from "./openapi-schema.ts";

/** The contract's enums and limits the safety and plan bodies use (src/core/api). */
export { AUDIENCES, MAX_CHECK_LENGTH, TASK_STATUSES };

const EXAMPLE_ID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";

/** Each JSON body: its schema, and an example whose ids the fuzz and matrix tests replace with real ones. */
export const BODIES = {
  staffLogin: { schema: staffLoginSchema, example: { username: "reviewer1", password: "correct horse battery" } },
  newStaffUser: { schema: newStaffUserSchema, example: { username: "wang.fang", displayName: "王芳", role: "reviewer", unitId: null, password: "a long pass phrase" } },
  newReport: { schema: newReportSchema, example: { taskNumber: 5, period: "2026-Q3" } },
  reportContent: {
    schema: reportContentSchema,
    example: { taskStatus: "on_track", narrative: "新建普惠性幼儿园3所。", values: [{ indicatorId: "preschool-gross-enrolment-rate", districtUnitId: null, value: 91.5, measuredOn: "2026-09-30" }] },
  },
  reportDecision: { schema: decisionSchema, example: { comment: "请补充幼儿园名单。" } },
  assessment: { schema: assessmentSchema, example: { placeId: "osm:w123", siteType: "park", scores: { "safe-play": 10 }, comment: "", assessedOn: "2026-11-20" } },
  safetyCheck: { schema: safetyCheckSchema, example: { text: "这个公园的滑梯很好玩", audience: "child" } },
  register: { schema: signupSchema, example: { login: "13912345678", password: "lantern-river-42", nickname: "豆豆妈", birthYear: 1988, acceptAgreement: true } },
  confirmSignup: { schema: confirmSchema, example: { login: "13912345678", code: "042917" } },
  memberLogin: { schema: memberLoginSchema, example: { login: "13912345678", password: "lantern-river-42" } },
  child: {
    schema: childSchema,
    example: { login: "doudou.li", password: "lantern-river-42", nickname: "豆豆", birthYear: 2017, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } },
  },
  review: { schema: reviewSchema, example: { rating: 5, body: "滑梯很安全，有母婴室。" } },
  helpful: { schema: helpfulSchema, example: { helpful: true } },
  correction: { schema: correctionSchema, example: { kind: "hours_wrong", detail: "周一闭馆" } },
  contentReport: { schema: contentReportSchema, example: { targetType: "review", targetId: EXAMPLE_ID, reason: "spam", detail: "" } },
  appeal: { schema: appealSchema, example: { targetType: "review", targetId: EXAMPLE_ID, text: "我写的是真实体验。" } },
  takedown: { schema: takedownSchema, example: { targetType: "review", targetId: EXAMPLE_ID, kind: "doxxing", contact: "parent@example.cn", detail: "写出了我孩子的学校和班级。" } },
  moderationDecision: { schema: moderationDecisionSchema, example: { action: "hide", reason: "含有个人信息" } },
  appealDecision: { schema: appealDecisionSchema, example: { decision: "overturned", reason: "内容无问题" } },
  takedownDecision: { schema: takedownDecisionSchema, example: { decision: "taken_down", reason: "确属人肉搜索" } },
  correctionDecision: { schema: correctionDecisionSchema, example: { decision: "fixed", note: "已核实开放时间", fix: { openingHours: "Tu-Su 09:00-17:00" } } },
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
