/**
 * Moderation over HTTP.
 * Members and the public:
 *   POST /api/content-reports     {targetType, targetId, reason, detail}   (member)
 *   POST /api/appeals             {targetType, targetId, text}             (the author)
 *   GET  /api/appeals                                                       (my appeals)
 *   POST /api/takedown-notices    {targetType, targetId, kind, contact, detail} (anyone)
 * Moderators (staff role moderator or admin):
 *   GET  /api/moderation/queue                       items, queue sizes and ages
 *   GET  /api/moderation/items/{type}/{id}           an item with its reports, decisions, appeals
 *   POST /api/moderation/items/{type}/{id}/decisions {action, reason, suspendDays?}
 *   GET  /api/moderation/appeals, POST /api/moderation/appeals/{id}     {decision, reason}
 *   GET  /api/moderation/takedowns, POST /api/moderation/takedowns/{id} {decision, reason}
 * Every time a moderator's screen shows a minor's content, that access is in the audit trail.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, StaffGuard } from "../accounts/index.ts";
import {
  appealDecisionSchema, appealSchema, contentReportSchema, moderationDecisionSchema, takedownDecisionSchema, takedownSchema,
} from "../core/api/safety.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { ModerationService } from "./moderation-service.ts";
import { moderationItemParams, uuidParams } from "../core/api/paths.ts";

const MODERATORS = ["moderator", "admin"] as const;
const itemParams = moderationItemParams;
const idParams = uuidParams("Appeal or notice id");

export interface ModerationRouteContext {
  service: ModerationService;
  staff: StaffGuard;
  members: MemberGuard;
  /** Where the limits are counted, so they hold across instances. */
  db: Queryable;
}

/** Moderation as a Fastify plugin (registered by the safety domain). */
export async function moderationRoutes(app: FastifyInstance, context: ModerationRouteContext): Promise<void> {
  const { service, staff, members } = context;
  const reports = new SharedLimiter(context.db, "content reports", 30, 3_600_000);
  const notices = new SharedLimiter(context.db, "takedown notices per address", 10, 3_600_000);
  const appealsPerDay = new SharedLimiter(context.db, "appeals per member", 5, 86_400_000);

  app.post("/api/content-reports", async (request, reply) => {
    const member = await members.changing(request);
    if (!(await reports.allow(`member:${member.id}`)) || !(await reports.allow(`address:${request.ip}`))) throw new ApiError(429, "rate_limited", say("举报次数太多，请稍后再试", "too many reports; try again later"));
    const result = await service.report({ id: member.id, householdId: member.guardianId ?? member.id }, parseRequest(contentReportSchema, request.body));
    return reply.code(201).send({ received: true, hidden: result.hidden });
  });

  app.post("/api/appeals", async (request, reply) => {
    const member = await members.changing(request);
    const body = parseRequest(appealSchema, request.body);
    if (!(await appealsPerDay.allow(member.id))) throw new ApiError(429, "rate_limited", say("你今天申诉的次数太多，请明天再试", "you have appealed a lot today; try again tomorrow"));
    const appeal = await service.appeal(member, body);
    return reply.code(201).send({ appeal });
  });

  app.get("/api/appeals", async (request) => ({ appeals: await service.appealsOf((await members.member(request)).id) }));

  app.post("/api/takedown-notices", async (request, reply) => {
    if (!(await notices.allow(request.ip))) throw new ApiError(429, "rate_limited", say("这里发出的通知太多，请稍后再试", "too many notices from here; try again later"));
    const notice = await service.takedown(parseRequest(takedownSchema, request.body));
    return reply.code(201).send({ notice: { id: notice.id, status: notice.status, receivedAt: notice.receivedAt } });
  });

  app.get("/api/moderation/queue", async (request) => {
    const user = await staff.require(request, MODERATORS);
    return { ...(await service.queueFor(user.id)), now: new Date().toISOString() };
  });

  app.get("/api/moderation/items/:type/:id", async (request) => {
    const user = await staff.require(request, MODERATORS);
    const { type, id } = parseRequest(itemParams, request.params);
    return service.itemFor(user.id, type, id);
  });

  app.post("/api/moderation/items/:type/:id/decisions", async (request) => {
    const user = await staff.require(request, MODERATORS);
    const { type, id } = parseRequest(itemParams, request.params);
    return { item: await service.decide(user.id, type, id, parseRequest(moderationDecisionSchema, request.body)) };
  });

  app.get("/api/moderation/appeals", async (request) => {
    const user = await staff.require(request, MODERATORS);
    return { appeals: await service.openAppealsFor(user.id) };
  });

  app.post("/api/moderation/appeals/:id", async (request) => {
    const user = await staff.require(request, MODERATORS);
    const body = parseRequest(appealDecisionSchema, request.body);
    const result = await service.decideAppeal(user.id, parseRequest(idParams, request.params).id, body.decision, body.reason);
    return { decided: body.decision, restored: result.restored };
  });

  app.get("/api/moderation/takedowns", async (request) => {
    await staff.require(request, MODERATORS);
    return { notices: await service.takedowns() };
  });

  app.post("/api/moderation/takedowns/:id", async (request) => {
    const user = await staff.require(request, MODERATORS);
    const body = parseRequest(takedownDecisionSchema, request.body);
    await service.decideTakedown(user.id, parseRequest(idParams, request.params).id, body.decision, body.reason);
    return { decided: body.decision };
  });
}
