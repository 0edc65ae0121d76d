/**
 * The OpenAPI paths of children's councils (/api/councils…) and polls for children
 * (/api/polls…), merged into the document served at /api/openapi.json. Parameters, bodies
 * and answers are generated from the contract's zod schemas (src/core/api/councils.ts,
 * polls.ts), each body with an example the server accepts; who may call each operation is in
 * access-table.ts. Refused texts answer 422 with `details.reasons`.
 */
import { z } from "zod";
import {
  councilAnswer, councilChildPostParams, councilDecisionParams, councilDecisionSchema, councilItemParams, councilListQuery, councilMemberAnswer,
  councilMemberParams, councilParams, councilPostAnswer, councilPostParams, councilPostSchema, councilSessionParams, decisionAnswer,
  joinCouncilSchema, newCouncilSchema, sendDecisionSchema, sessionAnswer, sessionPlanSchema, sessionRecordSchema,
} from "../core/api/councils.ts";
import { closePollSchema, newPollSchema, pollAnswer, pollListQuery, pollOptionParams, pollParams, voteSchema } from "../core/api/polls.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { fileBody } from "./openapi-bodies.ts";
import { inputJsonSchema } from "./openapi-schema.ts";
import { type DraftOperation, type DraftPaths, created, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";

const EXAMPLE_ID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Each JSON body of councils and polls: the handler's own schema and an example it takes. */
export const COUNCIL_BODIES = {
  newCouncil: { schema: newCouncilSchema, example: { name: "珠晖区儿童议事会", scope: "district", regionId: "hengyang", divisionCode: "430405", placeId: null, description: "每月第一个周六上午在区青少年活动中心议事。" } },
  joinCouncil: { schema: joinCouncilSchema, example: { childId: EXAMPLE_ID, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } } },
  sessionPlan: {
    schema: sessionPlanSchema,
    example: { startsAt: "2027-03-06T09:30:00+08:00", place: "社区儿童之家活动室", placeId: null, agenda: [{ kind: "free", refId: null, title: "公园里缺少遮阴", text: "夏天滑梯太烫，大家想想办法。" }] },
  },
  sessionRecord: { schema: sessionRecordSchema, example: { state: "held", minutes: "大家讨论了公园遮阴，建议在滑梯旁种树。", attendance: { under6: 0, "6-8": 4, "9-11": 6, "12-14": 3, "15-17": 0 } } },
  councilPost: { schema: councilPostSchema, example: { body: "我觉得可以在滑梯旁边种几棵大树。" } },
  councilDecision: { schema: councilDecisionSchema, example: { sessionId: EXAMPLE_ID, title: "滑梯旁加遮阳棚", text: "建议公园管理处在儿童游乐区滑梯旁加装遮阳棚。", kind: "shade", placeId: null, point: { lat: 26.8968, lon: 112.5719 } } },
  sendDecision: { schema: sendDecisionSchema, example: {} },
  newPoll: {
    schema: newPollSchema,
    example: {
      question: "酃湖公园新游乐场装什么？", options: [{ label: "滑梯", icon: "slide" }, { label: "秋千", icon: "swing" }, { label: "攀爬架", icon: "climbing" }],
      minAge: 6, maxAge: 12, regionId: "hengyang", divisionCode: "430405", closesAt: "2030-06-01T12:00:00+08:00", councilId: null,
      fromSuggestion: { lat: 26.8968, lon: 112.5719, kind: "playground", minutes: 10 },
    },
  },
  vote: { schema: voteSchema, example: { optionId: EXAMPLE_ID } },
  closePoll: { schema: closePollSchema, example: {} },
} as const satisfies Record<string, { schema: z.ZodType; example: unknown }>;

/** The requestBody object of an operation with one of these JSON bodies. */
function body(name: keyof typeof COUNCIL_BODIES, description: string): DraftOperation["requestBody"] {
  const { schema, example } = COUNCIL_BODIES[name];
  // The shared DraftOperation type names the family bodies' examples; these are ours.
  return { required: true, description, content: { "application/json": { schema: inputJsonSchema(schema), example } } } as unknown as DraftOperation["requestBody"];
}

/** An answer's JSON Schema, generated from its zod schema, inside the object member it is sent as. */
function answer(description: string, member: string, schema: z.ZodType, many = false) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>;
  return { type: "object", description, properties: { [member]: many ? { type: "array", items: json } : json } };
}

const council = pathParameters(councilParams);
const session = pathParameters(councilSessionParams);
const refused = refusal("422", "held_for_safety (a child's personal information) or blocked_by_safety; details.reasons");
const notInsider = "Members of the council, their guardians, its organisers and moderators; others 404";

/** Councils and polls. */
export const COUNCIL_PATHS: DraftPaths = {
  "/api/councils": {
    get: { summary: "Children's councils, by region and scope", parameters: queryParameters(councilListQuery), responses: ok("Councils", answer("Councils", "councils", councilAnswer, true)) },
    post: { summary: "Create a council of a community or district (its division) or a school (its place); the caller organises it", requestBody: body("newCouncil", "The council"), responses: created("The council", answer("The council", "council", councilAnswer)) },
  },
  "/api/councils/mine": { get: { summary: "Councils I (or my children) belong to", responses: ok("Councils", answer("Councils", "councils", councilAnswer, true)) } },
  "/api/councils/{id}": {
    get: {
      summary: "A council and its sessions: held sessions' records for everyone; planned sessions' time and place only for members, their guardians and organisers",
      parameters: council,
      responses: ok("Council and sessions", { type: "object", properties: { council: answer("", "council", councilAnswer).properties.council, sessions: { type: "array", items: answer("", "session", sessionAnswer).properties.session } } }),
    },
  },
  "/api/councils/{id}/members": {
    get: { summary: "The members, as the organiser sees them: nickname and age band (logged as an access to minors' data)", parameters: council, responses: ok("Members", answer("Members", "members", councilMemberAnswer, true)) },
    post: { summary: "A guardian enrols their child, agreeing to the council's consent scope under the current child privacy rules", parameters: council, requestBody: body("joinCouncil", "The child and the consent"), responses: { ...created("Joined"), ...refusal("409", "Already a member, or the privacy rules changed since they were read") } },
  },
  "/api/councils/{id}/members/{childId}": { delete: { summary: "The guardian takes the child out of the council (the withdrawal is recorded)", parameters: pathParameters(councilMemberParams), responses: ok("Left") } },
  "/api/councils/{id}/members/{childId}/posts/{postId}": { delete: { summary: "The guardian withdraws a post of the child", parameters: pathParameters(councilChildPostParams), responses: ok("Withdrawn") } },
  "/api/councils/{id}/sessions": {
    post: { summary: "Plan a session: time, place and agenda (ideas, polls, free items)", parameters: council, requestBody: body("sessionPlan", "The plan"), responses: { ...created("The session", answer("The session", "session", sessionAnswer)), ...refused } },
  },
  "/api/councils/{id}/sessions/{sessionId}": {
    get: { summary: "A session; a planned one only for insiders", description: `${notInsider} while planned.`, parameters: session, responses: ok("The session", answer("The session", "session", sessionAnswer)) },
    put: { summary: "Re-plan a planned session; agenda items kept by title keep their threads", parameters: session, requestBody: body("sessionPlan", "The plan"), responses: { ...ok("The session", answer("The session", "session", sessionAnswer)), ...refusal("409", "Held or cancelled already"), ...refused } },
  },
  "/api/councils/{id}/sessions/{sessionId}/record": {
    post: { summary: "Record a session as held (minutes, attendance counts by age band, never names) or cancelled", parameters: session, requestBody: body("sessionRecord", "The record"), responses: { ...ok("The session", answer("The session", "session", sessionAnswer)), ...refusal("409", "Recorded already"), ...refused } },
  },
  "/api/councils/{id}/items/{itemId}/posts": {
    get: { summary: "An agenda item's thread: published posts under nicknames, and the caller's own with their status", description: `${notInsider}.`, parameters: pathParameters(councilItemParams), responses: ok("Posts", answer("Posts", "posts", councilPostAnswer, true)) },
    post: { summary: "A child member's post; it waits for a moderator", parameters: pathParameters(councilItemParams), requestBody: body("councilPost", "The post"), limited: true, responses: { ...created("The post with its status", answer("The post", "post", councilPostAnswer)), ...refusal("409", "The session was cancelled"), ...refused } },
  },
  "/api/councils/{id}/posts/{postId}": { delete: { summary: "Withdraw my post", parameters: pathParameters(councilPostParams), responses: ok("Withdrawn") } },
  "/api/councils/{id}/decisions": {
    post: { summary: "Record a decision of one of the council's sessions", parameters: council, requestBody: body("councilDecision", "The decision"), responses: { ...created("The decision", answer("The decision", "decision", decisionAnswer)), ...refused } },
  },
  "/api/councils/{id}/decisions/{decisionId}/send": {
    post: { summary: "Send a decision to a unit: it enters the ideas' accountability path (triage, the unit's answers)", parameters: pathParameters(councilDecisionParams), requestBody: body("sendDecision", "Nothing"), responses: { ...ok("The decision with its idea", answer("The decision", "decision", decisionAnswer)), ...refusal("409", "Sent already") } },
  },
  "/api/polls": {
    get: { summary: "Polls for children, by region, open or closed; results only once closed", parameters: queryParameters(pollListQuery), responses: ok("Polls", answer("Polls", "polls", pollAnswer, true)) },
    post: { summary: "Ask children a question: 2–8 picture options, an age range, an area, a closing time; optionally from a coverage suggestion", requestBody: body("newPoll", "The poll"), limited: true, responses: created("The poll", answer("The poll", "poll", pollAnswer)) },
  },
  "/api/polls/{id}": { get: { summary: "A poll, the caller's vote, and the results by age band once closed", parameters: pathParameters(pollParams), responses: ok("The poll", answer("The poll", "poll", pollAnswer)) } },
  "/api/polls/{id}/vote": {
    post: { summary: "A child's vote (one per child, changeable until the poll closes)", parameters: pathParameters(pollParams), requestBody: body("vote", "The option"), limited: true, responses: { ...ok("The poll", answer("The poll", "poll", pollAnswer)), ...refusal("409", "The poll has closed") } },
    delete: { summary: "Take my vote back while the poll is open", parameters: pathParameters(pollParams), responses: { ...ok("The poll", answer("The poll", "poll", pollAnswer)), ...refusal("409", "The poll has closed") } },
  },
  "/api/polls/{id}/close": { post: { summary: "Close a poll early (its maker, their unit, an admin)", parameters: pathParameters(pollParams), requestBody: body("closePoll", "Nothing"), responses: { ...ok("The poll with its results", answer("The poll", "poll", pollAnswer)), ...refusal("409", "Closed already") } } },
  "/api/polls/{id}/options/{optionId}/image": {
    post: { summary: "An option's picture (JPEG, PNG or WebP, 4 MB; metadata stripped, resized)", parameters: pathParameters(pollOptionParams), requestBody: fileBody("The image", IMAGE_TYPES), responses: { ...created("The poll", answer("The poll", "poll", pollAnswer)), ...refusal("409", "The poll has closed") } },
    get: { summary: "An option's picture", parameters: pathParameters(pollOptionParams), responses: { "200": file("JPEG", "image/jpeg") } },
  },
};
