/**
 * The contract of children's ideas (金点子) and their accountability path: what a member
 * posts, supports and comments, what staff triage and units answer, and what each answer
 * looks like. The handlers of src/voice parse with these, the OpenAPI document is generated
 * from them and the web client takes its types from them. Paths:
 *
 *   GET    /api/ideas/map?bbox=&kind=            the public ideas layer (GeoJSON points)
 *   GET    /api/ideas?sort=&near=&region=&kind=  the public list (newest, supported, near)
 *   POST   /api/ideas                            a member posts an idea (201)
 *   GET    /api/ideas/{id}                       the idea card with its history
 *   DELETE /api/ideas/{id}                       the author withdraws it
 *   DELETE /api/family/children/{id}/ideas/{ideaId}  a guardian withdraws their child's
 *   POST   /api/ideas/{id}/photos                one photo (JPEG/PNG/WebP body), at most 3
 *   POST   /api/ideas/{id}/drawing               one drawing (image body), at most 1
 *   GET    /api/idea-photos/{id}                 a photo or drawing, when its idea is visible
 *   POST   /api/ideas/{id}/support               {support}: 我也想要, one per member, undoable
 *   GET    /api/ideas/{id}/comments              published comments
 *   POST   /api/ideas/{id}/comments              {body}: a comment, moderated like reviews
 *   GET    /api/ideas/mine                       my ideas (and, for a guardian, my children's)
 *   GET    /api/ideas/notifications              my notifications, in child-friendly words
 *   POST   /api/ideas/notifications/read         {upTo}: mark read
 *   GET    /api/ideas/accountability?region=     "what happened to our ideas" figures
 *   GET    /api/ideas/triage                     staff: published ideas awaiting triage
 *   POST   /api/ideas/{id}/triage                staff: {action: assign|merge, ...}
 *   GET    /api/ideas/assigned                   unit users: ideas sent to their unit
 *   POST   /api/ideas/{id}/answers               unit user or admin: the next dated step
 *   POST   /api/ideas/{id}/result-photo          unit user or admin: photo of the result
 */
import { z } from "zod";
import { bboxField, latLonField, integerIn } from "./fields.ts";
import { both } from "./messages.ts";

export * from "./voice-vocabulary.ts";
import {
  IDEA_KINDS, IDEA_STAGES, IDEA_ANSWER_STAGES, IDEA_STATUSES, IDEA_SORTS, IDEA_TITLE_MAX, IDEA_TEXT_MAX, IDEA_COMMENT_MAX, IDEA_ANSWER_MAX,
} from "./voice-vocabulary.ts";

const plainText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters"));
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, both("日期应写成 YYYY-MM-DD", "a date is YYYY-MM-DD"));
const uuid = z.uuid();

/**
 * POST /api/ideas. Where: a place (`placeId`), or a point (`at`, "lat,lon") with its
 * `region`; a child's point is moved to the nearest public place or street and coarsened
 * before anyone else sees it.
 */
export const ideaSchema = z.object({
  kind: z.enum(IDEA_KINDS),
  title: plainText(2, IDEA_TITLE_MAX),
  text: plainText(2, IDEA_TEXT_MAX),
  placeId: z.string().min(1).max(100).optional(),
  at: latLonField.optional().meta({ type: "string", description: "lat,lon of the pin", example: "26.8968,112.5720" }),
  region: z.string().min(1).max(60).optional().meta({ description: "Region id; needed with `at` alone", example: "hengyang" }),
}).strict().refine((v) => v.placeId !== undefined || v.at !== undefined, { message: both("请选一个地点或在地图上点一下", "pick a place or tap the map"), path: ["at"] });
/** What posting an idea sends (the position as the client writes it). */
export type IdeaInput = z.input<typeof ideaSchema>;

/** /api/family/children/{id}/ideas/{ideaId}: a guardian withdraws a child's idea. */
export const childIdeaParams = z.object({ id: uuid.meta({ description: "Child account id", example: "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" }), ideaId: uuid.meta({ description: "Idea id", example: "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" }) });

/** POST /api/ideas/{id}/support. */
export const supportSchema = z.object({ support: z.boolean() }).strict();
/** What a support sends. */
export type SupportInput = z.infer<typeof supportSchema>;

/** POST /api/ideas/{id}/comments. */
export const ideaCommentSchema = z.object({ body: plainText(2, IDEA_COMMENT_MAX) }).strict();
/** What a comment sends. */
export type IdeaCommentInput = z.infer<typeof ideaCommentSchema>;

/** POST /api/ideas/{id}/triage: send to a plan task's lead unit, or merge into another idea. */
export const triageSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), taskNumber: z.number().int().min(1).max(1000), unitId: z.string().min(1).max(60).optional().meta({ description: "One of the task's lead units; its first lead unit when left out" }) }).strict(),
  z.object({ action: z.literal("merge"), into: uuid }).strict(),
]);
/** What triage sends. */
export type TriageInput = z.infer<typeof triageSchema>;

/**
 * POST /api/ideas/{id}/answers: the unit's next step, dated today. `accepted` needs `text`
 * (what will be done) and `by`; `not_adopted` needs `text` (a reason a child can read);
 * `done` needs a result photo sent first.
 */
export const ideaAnswerSchema = z.object({
  stage: z.enum(IDEA_ANSWER_STAGES),
  text: plainText(0, IDEA_ANSWER_MAX).default(""),
  by: dateOnly.optional(),
}).strict();
/** What a unit's answer sends. */
export type IdeaAnswerInput = z.input<typeof ideaAnswerSchema>;

/** POST /api/ideas/notifications/read. */
export const notificationsReadSchema = z.object({ upTo: z.string().min(1).max(40).meta({ description: "The createdAt of the newest notification seen" }) }).strict();

/** GET /api/ideas/map. */
export const ideaLayerQuery = z.object({
  bbox: bboxField.meta({ type: "string", description: "minLon,minLat,maxLon,maxLat", example: "112.55,26.88,112.60,26.92" }),
  kind: z.enum(IDEA_KINDS).optional(),
}).strict();

/** GET /api/ideas. */
export const ideaListQuery = z.object({
  sort: z.enum(IDEA_SORTS).default("newest"),
  near: latLonField.optional().meta({ type: "string", description: "lat,lon; needed by sort=near", example: "26.8968,112.5720" }),
  region: z.string().min(1).max(60).optional(),
  kind: z.enum(IDEA_KINDS).optional(),
  stage: z.enum(IDEA_STAGES).optional(),
  limit: integerIn(1, 50).default(20),
  offset: integerIn(0, 10_000).default(0),
}).strict();

/** GET /api/ideas/accountability. */
export const accountabilityQuery = z.object({ region: z.string().min(1).max(60).optional() }).strict();

/** GET /api/ideas/triage and /assigned. */
export const staffIdeaQuery = z.object({ limit: integerIn(1, 200).default(50) }).strict();

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** One step of an idea's history, dated. */
export const ideaStepAnswer = z.looseObject({
  stage: z.enum(IDEA_STAGES),
  stageLabel: z.object({ zh: z.string(), en: z.string() }),
  at: z.string().meta({ description: "ISO time of the step" }),
  text: z.string(),
  by: z.string().nullable().meta({ description: "accepted: when it will be done (YYYY-MM-DD)" }),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

/** An idea as everyone sees it: a nickname, never who the author is; the public point only. */
export const publicIdeaAnswer = z.looseObject({
  id: z.string(),
  kind: z.enum(IDEA_KINDS),
  title: z.string(),
  text: z.string(),
  nickname: z.string(),
  byChild: z.boolean(),
  byCouncil: z.boolean().meta({ description: "A children's council's decision, sent on by its organiser" }),
  regionId: z.string(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  district: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  stage: z.enum(IDEA_STAGES),
  stageLabel: bilingual,
  mergedInto: z.string().nullable(),
  taskNumber: z.number().int().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  supportCount: z.number().int(),
  supportedByMe: z.boolean(),
  commentCount: z.number().int(),
  photos: z.array(z.string()).meta({ description: "URLs of the author's photos" }),
  drawing: z.string().nullable(),
  resultPhotos: z.array(z.string()),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  overdue: z.boolean(),
});

/** What the author, their guardian and staff also see. */
export const ownIdeaAnswer = publicIdeaAnswer.extend({
  status: z.enum(IDEA_STATUSES),
  holdReasons: z.array(z.unknown()),
  statusAt: z.string(),
});

/** GET /api/ideas/{id}: the card and its dated history. */
export const ideaCardAnswer = z.looseObject({ idea: publicIdeaAnswer, history: z.array(ideaStepAnswer) });

/** GET /api/ideas. */
export const ideaListAnswer = z.looseObject({ ideas: z.array(publicIdeaAnswer), total: z.number().int() });

/** GET /api/ideas/map: a GeoJSON FeatureCollection of points, MapLibre reads it as it is. */
export const ideaLayerAnswer = z.looseObject({
  type: z.literal("FeatureCollection"),
  truncated: z.boolean(),
  features: z.array(z.looseObject({
    type: z.literal("Feature"),
    geometry: z.looseObject({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.looseObject({ id: z.string(), kind: z.enum(IDEA_KINDS), title: z.string(), stage: z.enum(IDEA_STAGES), supportCount: z.number().int() }),
  })),
});

/** POST /api/ideas/{id}/support. */
export const supportAnswer = z.looseObject({ supportCount: z.number().int(), supportedByMe: z.boolean() });

/** One comment. */
export const ideaCommentAnswer = z.looseObject({ id: z.string(), nickname: z.string(), body: z.string(), createdAt: z.string(), status: z.enum(IDEA_STATUSES).optional() });

/** One notification in "我的". */
export const ideaNotificationAnswer = z.looseObject({
  id: z.string(),
  ideaId: z.string(),
  ideaTitle: z.string(),
  stage: z.enum(IDEA_STAGES).nullable(),
  event: z.enum(["published", "answer", "merged", "triaged", "refused"]),
  message: bilingual.meta({ description: "In a child's words" }),
  forChild: z.string().nullable().meta({ description: "The child's nickname when a guardian is told about a child's idea" }),
  createdAt: z.string(),
  read: z.boolean(),
});

/** GET /api/ideas/notifications. */
export const ideaNotificationsAnswer = z.looseObject({ notifications: z.array(ideaNotificationAnswer), unread: z.number().int() });

const countRow = z.looseObject({ id: z.string().nullable(), name: z.string(), total: z.number().int(), answered: z.number().int(), adopted: z.number().int(), done: z.number().int(), overdue: z.number().int() });

/** GET /api/ideas/accountability: "what happened to our ideas". */
export const accountabilityAnswer = z.looseObject({
  total: z.number().int(),
  byStage: z.record(z.string(), z.number().int()),
  byUnit: z.array(countRow),
  byDistrict: z.array(countRow),
  adopted: z.number().int().meta({ description: "Ideas accepted, in progress or done" }),
  medianDaysToFirstAnswer: z.number().nullable(),
  overdue: z.number().int(),
  deadlineDays: z.number().int(),
  done: z.array(z.looseObject({ id: z.string(), title: z.string(), kind: z.enum(IDEA_KINDS), unitName: z.string().nullable(), doneAt: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

/** Staff lists: the idea with the exact point for routing (a child's only here). */
export const staffIdeaAnswer = ownIdeaAnswer.extend({ exactLat: z.number().nullable(), exactLon: z.number().nullable(), answeredAt: z.string().nullable() });
