/**
 * The OpenAPI paths of children's ideas and their accountability path (/api/ideas…,
 * /api/idea-photos/{id}), merged into the document served at /api/openapi.json. Parameters,
 * bodies and answers are generated from the contract's zod schemas (src/core/api/voice.ts),
 * each body with an example the server accepts; who may call each operation is in
 * access-table.ts. Refused texts answer 422 with `details.reasons`.
 */
import { z } from "zod";
import { uuidParams } from "../core/api/paths.ts";
import {
  accountabilityAnswer, accountabilityQuery, childIdeaParams, ideaAnswerSchema, ideaCardAnswer, ideaCommentAnswer, ideaCommentSchema, ideaLayerAnswer, ideaLayerQuery, ideaListAnswer,
  ideaListQuery, ideaNotificationsAnswer, ideaSchema, notificationsReadSchema, ownIdeaAnswer, staffIdeaAnswer, staffIdeaQuery, supportAnswer, supportSchema, triageSchema,
} from "../core/api/voice.ts";
import { fileBody } from "./openapi-bodies.ts";
import { inputJsonSchema } from "./openapi-schema.ts";
import { type DraftOperation, type DraftPaths, created, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Each JSON body of ideas: the handler's own schema and an example it takes. */
export const IDEA_BODIES = {
  idea: { schema: ideaSchema, example: { kind: "shade", title: "滑梯旁想要树荫", text: "夏天滑梯太烫了，希望在旁边种几棵大树。", at: "26.8968,112.5720", region: "hengyang" } },
  support: { schema: supportSchema, example: { support: true } },
  ideaComment: { schema: ideaCommentSchema, example: { body: "我也觉得夏天太晒了！" } },
  triage: { schema: triageSchema, example: { action: "assign", taskNumber: 17 } },
  ideaAnswer: { schema: ideaAnswerSchema, example: { stage: "accepted", text: "明年春天在滑梯旁种十棵香樟树。", by: "2027-04-30" } },
  notificationsRead: { schema: notificationsReadSchema, example: { upTo: "2026-12-02T10:00:00.000Z" } },
} as const satisfies Record<string, { schema: z.ZodType; example: unknown }>;

function body(name: keyof typeof IDEA_BODIES, description: string): DraftOperation["requestBody"] {
  const { schema, example } = IDEA_BODIES[name];
  // The shared DraftOperation type names the family bodies' examples; these are ours.
  return { required: true, description, content: { "application/json": { schema: inputJsonSchema(schema), example } } } as unknown as DraftOperation["requestBody"];
}

/** An answer's JSON Schema, generated from its zod schema, inside the object member it is sent as (or alone). */
function answer(description: string, schema: z.ZodType, member?: string, many = false) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>;
  if (!member) return { description, ...json };
  return { type: "object", description, properties: { [member]: many ? { type: "array", items: json } : json } };
}

const idea = pathParameters(uuidParams("Idea id"));
const refused = refusal("422", "held_for_safety (a child's personal information) or blocked_by_safety; details.reasons");
const own = (description: string) => answer(description, ownIdeaAnswer, "idea");
const staffOne = (description: string) => answer(description, staffIdeaAnswer, "idea");

/** Ideas, supports, comments, notifications, the accountability figures and the staff's path. */
export const VOICE_PATHS: DraftPaths = {
  "/api/ideas/map": { get: { summary: "The public ideas layer for a map view (GeoJSON points at their public, coarsened position); at most 2,000, `truncated` beyond", parameters: queryParameters(ideaLayerQuery), responses: ok("FeatureCollection", answer("Ideas layer", ideaLayerAnswer)) } },
  "/api/ideas": {
    get: { summary: "Public ideas: newest, most supported, or nearest to `near`", parameters: queryParameters(ideaListQuery), responses: ok("Ideas", answer("Ideas", ideaListAnswer)) },
    post: {
      summary: "Post an idea on a place or a point: a child's (guardian's consent on file) waits for a moderator and its point is moved to the nearest public place or street and coarsened to 100 m; an adult's is published unless held",
      requestBody: body("idea", "The idea"),
      limited: true,
      responses: { ...created("The idea with its status", own("The idea")), ...refusal("409", "The same idea was posted already"), ...refused },
    },
  },
  "/api/ideas/mine": { get: { summary: "My ideas and my children's, with status", responses: ok("Ideas", answer("Ideas", ownIdeaAnswer, "ideas", true)) } },
  "/api/ideas/notifications": { get: { summary: "What happened to my ideas and those I support, in a child's words (both languages)", responses: ok("Notifications", answer("Notifications", ideaNotificationsAnswer)) } },
  "/api/ideas/notifications/read": { post: { summary: "Mark notifications up to a time read", requestBody: body("notificationsRead", "The newest seen"), responses: ok("{unread}") } },
  "/api/ideas/accountability": { get: { summary: "What happened to our ideas: counts by stage, unit and district, median days to a first answer, overdue, done ideas with before/after photos", parameters: queryParameters(accountabilityQuery), responses: ok("Figures", answer("Figures", accountabilityAnswer)) } },
  "/api/ideas/triage": { get: { summary: "Public ideas waiting to be sent to a unit, oldest first, with a child's exact point for routing (logged)", parameters: queryParameters(staffIdeaQuery), responses: ok("Ideas", answer("Ideas", staffIdeaAnswer, "ideas", true)) } },
  "/api/ideas/assigned": { get: { summary: "Ideas sent to a unit and not finished: a reporter's own unit's, everyone's for the other roles", parameters: queryParameters(staffIdeaQuery), responses: ok("Ideas", answer("Ideas", staffIdeaAnswer, "ideas", true)) } },
  "/api/ideas/{id}": {
    get: { summary: "An idea's card and its dated history; a waiting one only for its author, their guardian and moderators", parameters: idea, responses: ok("Card", answer("Card", ideaCardAnswer)) },
    delete: { summary: "Withdraw my idea (or my child's); deleted at the next retention run", parameters: idea, responses: ok("Withdrawn") },
  },
  "/api/family/children/{id}/ideas/{ideaId}": { delete: { summary: "Withdraw an idea of my child", parameters: pathParameters(childIdeaParams), responses: ok("Withdrawn") } },
  "/api/ideas/{id}/photos": { post: { summary: "A photo of the idea (at most 3; metadata stripped, resized); a child's idea goes back to a moderator", parameters: idea, requestBody: fileBody("The photo", IMAGE_TYPES), limited: true, responses: { ...created("The idea", own("The idea")), ...refusal("409", "Three photos already") } } },
  "/api/ideas/{id}/drawing": { post: { summary: "A drawing of the idea (one; kept as PNG without metadata)", parameters: idea, requestBody: fileBody("The drawing", IMAGE_TYPES), limited: true, responses: { ...created("The idea", own("The idea")), ...refusal("409", "A drawing already") } } },
  "/api/idea-photos/{id}": { get: { summary: "A photo, drawing or result photo, when its idea may be seen", parameters: pathParameters(uuidParams("Picture id")), responses: { "200": file("JPEG or PNG", "image/jpeg") } } },
  "/api/ideas/{id}/support": { post: { summary: "我也想要: support a public idea, or take the support back (one per member)", parameters: idea, requestBody: body("support", "Support or not"), responses: { ...ok("The count", answer("Count", supportAnswer)), ...refusal("409", "One's own idea") } } },
  "/api/ideas/{id}/comments": {
    get: { summary: "Published comments (and the caller's own waiting ones)", parameters: idea, responses: ok("Comments", answer("Comments", ideaCommentAnswer, "comments", true)) },
    post: { summary: "Comment: a child's waits for a moderator", parameters: idea, requestBody: body("ideaComment", "The comment"), limited: true, responses: { ...created("The comment", answer("The comment", ideaCommentAnswer, "comment")), ...refused } },
  },
  "/api/ideas/{id}/triage": { post: { summary: "Send a public idea to a plan task's lead unit (a district unit by the idea's district when a lead is a group), or merge it into another idea", parameters: idea, requestBody: body("triage", "Assign or merge"), responses: { ...ok("The idea", staffOne("The idea")), ...refusal("409", "Triaged already") } } },
  "/api/ideas/{id}/answers": {
    post: {
      summary: "The unit's next dated step: received, under_study, accepted (what and by when), in_progress, done (after a result photo) or not_adopted (a reason a child can read); forward only",
      parameters: idea,
      requestBody: body("ideaAnswer", "The step"),
      responses: { ...ok("The idea", staffOne("The idea")), ...refusal("409", "Not sent yet, final already, backwards, or done without a result photo"), ...refused },
    },
  },
  "/api/ideas/{id}/result-photo": { post: { summary: "A photo of the result (at most 3), before answering done", parameters: idea, requestBody: fileBody("The photo", IMAGE_TYPES), responses: { ...created("The idea", staffOne("The idea")), ...refusal("409", "Three already") } } },
};
