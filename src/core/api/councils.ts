/**
 * The contract of children's councils (儿童议事厅), /api/councils…: the bodies organisers,
 * guardians and child members send, the path parameters and list query, and the answers the
 * web reads. The handlers parse with these; the OpenAPI document is generated from them.
 */
import { z } from "zod";
import { PLACE_ID_PATTERN, REGION_ID_PATTERN } from "../limits.ts";
import {
  AGE_BANDS, AGENDA_ITEM_KINDS, COUNCIL_LIMITS, COUNCIL_SCOPES, DECISION_KINDS, DECISION_STATES, SESSION_STATES,
} from "./councils-vocabulary.ts";
import { both } from "./messages.ts";

const EXAMPLE_UUID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";
const uuid = (description: string) => z.uuid().meta({ description, example: EXAMPLE_UUID });
/** One line of text a person typed: no control characters. */
export const plainLine = (min: number, max: number) => z.string().trim().min(min).max(max).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters"));
/** Text of several lines: line breaks and tabs, no other control characters. */
export const plainText = (min: number, max: number) => z.string().trim().min(min).max(max).regex(/^(?:[^\p{Cc}\p{Cs}]|[\n\t])*$/u, both("不能含控制字符", "no control characters"));
const placeId = z.string().regex(PLACE_ID_PATTERN, both("不是地点编号", "not a place id"));
const divisionCode = z.string().regex(/^\d{6,15}$/, both("区划代码应为 6 到 15 位数字", "a division code is 6 to 15 digits"));
/** A public position, lat and lon in WGS-84 degrees. */
export const pointSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

/** GET /api/councils. */
export const councilListQuery = z.object({
  region: z.string().regex(REGION_ID_PATTERN).optional().meta({ description: "Only councils of this region", example: "hengyang" }),
  scope: z.enum(COUNCIL_SCOPES).optional().meta({ description: "Only councils of this scope", example: "community" }),
}).strict();

/** POST /api/councils: a community or district council names its division, a school council its school (a place). */
export const newCouncilSchema = z.object({
  name: plainLine(2, COUNCIL_LIMITS.nameMax),
  scope: z.enum(COUNCIL_SCOPES),
  regionId: z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes")),
  divisionCode: divisionCode.nullable().default(null),
  placeId: placeId.nullable().default(null),
  description: plainText(0, COUNCIL_LIMITS.descriptionMax).default(""),
}).strict().superRefine((council, ctx) => {
  if (council.scope === "school" && !council.placeId) ctx.addIssue({ code: "custom", path: ["placeId"], message: both("学校议事会要选择学校", "a school council names its school") });
  if (council.scope !== "school" && !council.divisionCode) ctx.addIssue({ code: "custom", path: ["divisionCode"], message: both("社区或区县议事会要选择区划", "a community or district council names its division") });
});
/** What creating a council sends. */
export type NewCouncilInput = z.input<typeof newCouncilSchema>;
/** A council to create, as parsed. */
export type NewCouncil = z.output<typeof newCouncilSchema>;

/** POST /api/councils/{id}/members: a guardian enrols their child, agreeing to the council's consent scope. */
export const joinCouncilSchema = z.object({
  childId: z.uuid(),
  consent: z.object({ decision: z.literal("agreed"), policyVersion: z.string().min(1).max(40) }).strict(),
}).strict();
/** What enrolling a child sends. */
export type JoinCouncilInput = z.infer<typeof joinCouncilSchema>;

/** One agenda item: a child's idea or a poll (by id), or a free item. */
export const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_ITEM_KINDS),
  refId: z.uuid().nullable().default(null),
  title: plainLine(1, COUNCIL_LIMITS.itemTitleMax),
  text: plainText(0, COUNCIL_LIMITS.itemTextMax).default(""),
}).strict().superRefine((item, ctx) => {
  if (item.kind !== "free" && !item.refId) ctx.addIssue({ code: "custom", path: ["refId"], message: both("金点子或投票议题要指明是哪一个", "an idea or poll item names which one") });
});

/** POST /api/councils/{id}/sessions and PUT …/sessions/{sessionId} (while planned): when, where, what. */
export const sessionPlanSchema = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  place: plainLine(2, COUNCIL_LIMITS.placeTextMax),
  placeId: placeId.nullable().default(null),
  agenda: z.array(agendaItemSchema).max(COUNCIL_LIMITS.agendaMax).default([]),
}).strict();
/** What planning a session sends. */
export type SessionPlanInput = z.input<typeof sessionPlanSchema>;
/** A session plan, as parsed. */
export type SessionPlan = z.output<typeof sessionPlanSchema>;

/** Attendance: how many children of each band came; never who. */
export const attendanceSchema = z.object(Object.fromEntries(AGE_BANDS.map((band) => [band, z.number().int().min(0).max(COUNCIL_LIMITS.attendanceMax).default(0)])) as Record<(typeof AGE_BANDS)[number], z.ZodDefault<z.ZodNumber>>).strict();

/** POST /api/councils/{id}/sessions/{sessionId}/record: held (with minutes and attendance) or cancelled. */
export const sessionRecordSchema = z.object({
  state: z.enum(["held", "cancelled"]),
  minutes: plainText(0, COUNCIL_LIMITS.minutesMax).default(""),
  attendance: attendanceSchema.default({ under6: 0, "6-8": 0, "9-11": 0, "12-14": 0, "15-17": 0 }),
}).strict();
/** What recording a session sends. */
export type SessionRecordInput = z.input<typeof sessionRecordSchema>;

/** POST /api/councils/{id}/items/{itemId}/posts: a child member's word on an agenda item. */
export const councilPostSchema = z.object({ body: plainLine(2, COUNCIL_LIMITS.postMax) }).strict();
/** What a post sends. */
export type CouncilPostInput = z.infer<typeof councilPostSchema>;

/** POST /api/councils/{id}/decisions: what a session decided, with where it is about when it is about a spot. */
export const councilDecisionSchema = z.object({
  sessionId: z.uuid(),
  title: plainLine(2, COUNCIL_LIMITS.decisionTitleMax),
  text: plainText(2, COUNCIL_LIMITS.decisionTextMax),
  kind: z.enum(DECISION_KINDS),
  placeId: placeId.nullable().default(null),
  point: pointSchema.nullable().default(null),
}).strict();
/** What recording a decision sends. */
export type CouncilDecisionInput = z.input<typeof councilDecisionSchema>;
/** A decision, as parsed. */
export type CouncilDecisionFields = z.output<typeof councilDecisionSchema>;

/** POST /api/councils/{id}/decisions/{decisionId}/send: nothing more than the decision. */
export const sendDecisionSchema = z.object({}).strict();

/** /api/councils/{id}…. */
export const councilParams = z.object({ id: uuid("Council id") });
export const councilSessionParams = z.object({ id: uuid("Council id"), sessionId: uuid("Session id") });
export const councilItemParams = z.object({ id: uuid("Council id"), itemId: uuid("Agenda item id") });
export const councilPostParams = z.object({ id: uuid("Council id"), postId: uuid("Post id") });
export const councilMemberParams = z.object({ id: uuid("Council id"), childId: uuid("Child account id") });
export const councilChildPostParams = z.object({ id: uuid("Council id"), childId: uuid("Child account id"), postId: uuid("Post id") });
export const councilDecisionParams = z.object({ id: uuid("Council id"), decisionId: uuid("Decision id") });

const counts = z.object(Object.fromEntries(AGE_BANDS.map((band) => [band, z.number().int()])) as Record<(typeof AGE_BANDS)[number], z.ZodNumber>);

/** A council as anyone sees it. */
export const councilAnswer = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(COUNCIL_SCOPES),
  regionId: z.string(),
  divisionCode: z.string().nullable(),
  placeId: z.string().nullable(),
  /** The community, district or school, named. */
  areaName: z.string().nullable(),
  description: z.string(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  /** Whether the caller (a member, or a guardian of one) belongs to it. */
  mine: z.boolean(),
  /** Whether the caller (staff) may run it. */
  organising: z.boolean(),
});
/** A council. */
export type CouncilAnswer = z.infer<typeof councilAnswer>;

/** One agenda item. */
export const agendaItemAnswer = z.object({ id: z.string(), kind: z.enum(AGENDA_ITEM_KINDS), refId: z.string().nullable(), title: z.string(), text: z.string(), postCount: z.number().int() });

/** A decision and, once sent, the idea it became (its card at /api/ideas/{ideaId}). */
export const decisionAnswer = z.object({
  id: z.string(), sessionId: z.string(), title: z.string(), text: z.string(), kind: z.enum(DECISION_KINDS), placeId: z.string().nullable(),
  state: z.enum(DECISION_STATES), ideaId: z.string().nullable(), sentAt: z.string().nullable(), createdAt: z.string(),
});

/** A decision. */
export type DecisionAnswer = z.infer<typeof decisionAnswer>;

/** A session: a planned one's time and place only for members, guardians and organisers. */
export const sessionAnswer = z.object({
  id: z.string(),
  councilId: z.string(),
  state: z.enum(SESSION_STATES),
  /** The day (YYYY-MM-DD) for everyone; the full time for those who may come. */
  date: z.string(),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  placeId: z.string().nullable(),
  agenda: z.array(agendaItemAnswer),
  minutes: z.string(),
  attendance: counts,
  decisions: z.array(decisionAnswer),
});
/** A session. */
export type SessionAnswer = z.infer<typeof sessionAnswer>;

/** A post in an agenda item's thread: the nickname, never who. */
export const councilPostAnswer = z.object({
  id: z.string(), itemId: z.string(), nickname: z.string(), body: z.string(), createdAt: z.string(),
  /** The author's own (or their guardian's) view adds the status. */
  status: z.string().optional(),
  mine: z.boolean(),
});
/** A post. */
export type CouncilPostAnswer = z.infer<typeof councilPostAnswer>;

/** A member as the organiser sees them: nickname and age band, never a name. */
export const councilMemberAnswer = z.object({ childId: z.string(), nickname: z.string(), ageBand: z.enum(AGE_BANDS), joinedAt: z.string() });
/** A member as the organiser sees them. */
export type CouncilMemberAnswer = z.infer<typeof councilMemberAnswer>;
