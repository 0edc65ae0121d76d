/**
 * Councils over HTTP (who may call each: access rows in the voice domain's report).
 *   GET    /api/councils                                        councils, by region and scope
 *   POST   /api/councils                                        an organiser creates one
 *   GET    /api/councils/mine                                   my (or my children's) councils
 *   GET    /api/councils/{id}                                   the council and its sessions
 *   GET    /api/councils/{id}/members                           its organiser: nicknames and age bands
 *   POST   /api/councils/{id}/members                           a guardian enrols their child, with consent
 *   DELETE /api/councils/{id}/members/{childId}                 the guardian takes the child out
 *   DELETE /api/councils/{id}/members/{childId}/posts/{postId}  the guardian withdraws a post of the child
 *   POST   /api/councils/{id}/sessions                          plan a session
 *   GET    /api/councils/{id}/sessions/{sessionId}              a session (planned: insiders only)
 *   PUT    /api/councils/{id}/sessions/{sessionId}              re-plan it while planned
 *   POST   /api/councils/{id}/sessions/{sessionId}/record       held (minutes, attendance) or cancelled
 *   GET    /api/councils/{id}/items/{itemId}/posts              an agenda item's thread (insiders)
 *   POST   /api/councils/{id}/items/{itemId}/posts              a child member posts (pre-moderated)
 *   DELETE /api/councils/{id}/posts/{postId}                    its author withdraws it
 *   POST   /api/councils/{id}/decisions                         record a decision of a session
 *   POST   /api/councils/{id}/decisions/{decisionId}/send       send it to a unit through the intake
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Member, MemberGuard, MemberStore, StaffGuard, StaffUser } from "../../accounts/index.ts";
import { ageBandOf } from "../../core/api/councils-vocabulary.ts";
import {
  councilChildPostParams, councilDecisionParams, councilDecisionSchema, councilItemParams, councilListQuery, councilMemberParams, councilParams,
  councilPostParams, councilPostSchema, councilSessionParams, joinCouncilSchema, newCouncilSchema, sendDecisionSchema, sessionPlanSchema, sessionRecordSchema,
} from "../../core/api/councils.ts";
import type { Queryable } from "../../platform/database/database.ts";
import { SharedLimiter } from "../../platform/database/shared-limiter.ts";
import { ApiError, say } from "../../platform/errors.ts";
import { parseRequest } from "../../platform/http/validate.ts";
import type { CouncilPostStore } from "./council-posts.ts";
import type { CouncilService } from "./council-service.ts";
import type { CouncilStore, StoredCouncil } from "./council-store.ts";
import { councilView, decisionView, postView, sessionView } from "./council-views.ts";
import { ORGANISER_ROLES } from "./organisers.ts";

const POSTS_PER_HOUR = 20;

export interface CouncilRouteContext {
  service: CouncilService;
  councils: CouncilStore;
  posts: CouncilPostStore;
  members: MemberGuard;
  memberStore: MemberStore;
  staff: StaffGuard;
  divisionName(code: string | null): string | null;
  placeName(id: string | null): string | null;
  db: Queryable;
}

/** Councils as a Fastify plugin. */
export async function councilRoutes(app: FastifyInstance, context: CouncilRouteContext): Promise<void> {
  const { service, councils, posts, members, staff } = context;
  const perMember = new SharedLimiter(context.db, "council posts per member", POSTS_PER_HOUR, 3_600_000);
  const staffUser = (request: FastifyRequest): Promise<StaffUser | null> => staff.user(request).catch(() => null);
  const organiser = (request: FastifyRequest) => staff.require(request, ORGANISER_ROLES);
  const areaOf = (council: StoredCouncil) => (council.scope === "school" ? context.placeName(council.placeId) : context.divisionName(council.divisionCode));
  const present = async (council: StoredCouncil, member: Member | null, user: StaffUser | null) =>
    councilView(council, areaOf(council), { mine: member !== null && (await councils.belongs(council.id, member.id)), organising: service.runsCouncil(user, council) });

  app.get("/api/councils", async (request) => {
    const query = parseRequest(councilListQuery, request.query);
    const [member, user] = [await members.optional(request), await staffUser(request)];
    return { councils: await Promise.all((await councils.list(query)).map((c) => present(c, member, user))) };
  });

  app.post("/api/councils", async (request, reply) => {
    const user = await organiser(request);
    const council = await service.create(user, parseRequest(newCouncilSchema, request.body));
    return reply.code(201).send({ council: await present(council, null, user) });
  });

  app.get("/api/councils/mine", async (request) => {
    const member = await members.member(request);
    return { councils: await Promise.all((await councils.ofMember(member.id)).map((c) => present(c, member, null))) };
  });

  app.get("/api/councils/:id", async (request) => {
    const { id } = parseRequest(councilParams, request.params);
    const council = await service.get(id);
    const [member, user] = [await members.optional(request), await staffUser(request)];
    const insider = await service.insider(council.id, member, user);
    const sessions = await councils.sessions(council.id);
    const decisions = await councils.decisionsOf(sessions.map((s) => s.id));
    const counts = await posts.publishedCounts(sessions.flatMap((s) => s.agenda.map((i) => i.id)));
    return { council: await present(council, member, user), sessions: sessions.map((s) => sessionView(s, decisions, counts, insider)) };
  });

  app.get("/api/councils/:id/members", async (request) => {
    const user = await organiser(request);
    const { id } = parseRequest(councilParams, request.params);
    const today = new Date().toISOString().slice(0, 10);
    const listed = await service.members(user, id, async (memberId) => context.memberStore.get(memberId));
    return { members: listed.map((m) => ({ childId: m.memberId, nickname: m.nickname, ageBand: ageBandOf(m.birthYear ?? Number(today.slice(0, 4)) - 17, today), joinedAt: m.joinedAt.slice(0, 10) })) };
  });

  app.post("/api/councils/:id/members", async (request, reply) => {
    const guardian = await members.changing(request);
    if (guardian.kind !== "adult") throw ApiError.forbidden(say("要由爸爸妈妈或其他监护人来帮你加入", "a parent or guardian enrols a child"));
    const { id } = parseRequest(councilParams, request.params);
    await service.join(guardian, id, parseRequest(joinCouncilSchema, request.body));
    return reply.code(201).send({ joined: true });
  });

  app.delete("/api/councils/:id/members/:childId", async (request) => {
    const guardian = await members.changing(request);
    const { id, childId } = parseRequest(councilMemberParams, request.params);
    await service.leave(guardian, id, childId);
    return { left: true };
  });

  app.delete("/api/councils/:id/members/:childId/posts/:postId", async (request) => {
    const guardian = await members.changing(request);
    const { id, childId, postId } = parseRequest(councilChildPostParams, request.params);
    await service.withdraw(guardian, id, postId, await members.childOf(guardian, childId));
    return { withdrawn: true };
  });

  app.post("/api/councils/:id/sessions", async (request, reply) => {
    const user = await organiser(request);
    const { id } = parseRequest(councilParams, request.params);
    await service.organise(user, id);
    const session = await service.planSession(user, id, parseRequest(sessionPlanSchema, request.body));
    return reply.code(201).send({ session: sessionView(session, [], new Map(), true) });
  });

  app.get("/api/councils/:id/sessions/:sessionId", async (request) => {
    const { id, sessionId } = parseRequest(councilSessionParams, request.params);
    const session = await service.session(id, sessionId);
    const insider = await service.insider(id, await members.optional(request), await staffUser(request));
    if (session.state === "planned" && !insider) throw ApiError.notFound(say("这次议事活动", "session"));
    const counts = await posts.publishedCounts(session.agenda.map((i) => i.id));
    return { session: sessionView(session, await councils.decisionsOf([session.id]), counts, insider) };
  });

  app.put("/api/councils/:id/sessions/:sessionId", async (request) => {
    const user = await organiser(request);
    const { id, sessionId } = parseRequest(councilSessionParams, request.params);
    await service.organise(user, id);
    const session = await service.replanSession(user, id, sessionId, parseRequest(sessionPlanSchema, request.body));
    return { session: sessionView(session, await councils.decisionsOf([session.id]), new Map(), true) };
  });

  app.post("/api/councils/:id/sessions/:sessionId/record", async (request) => {
    const user = await organiser(request);
    const { id, sessionId } = parseRequest(councilSessionParams, request.params);
    await service.organise(user, id);
    const session = await service.recordSession(user, id, sessionId, parseRequest(sessionRecordSchema, request.body));
    return { session: sessionView(session, await councils.decisionsOf([session.id]), await posts.publishedCounts(session.agenda.map((i) => i.id)), true) };
  });

  app.get("/api/councils/:id/items/:itemId/posts", async (request) => {
    const { id, itemId } = parseRequest(councilItemParams, request.params);
    const [member, user] = [await members.optional(request), await staffUser(request)];
    const thread = await service.thread(id, itemId, member, user);
    const children = member ? (await context.memberStore.childrenOf(member.id)).map((c) => c.id) : [];
    const viewerIds = member ? [member.id, ...children] : [];
    return { posts: thread.map((p) => postView(p, viewerIds, member === null && user !== null)) };
  });

  app.post("/api/councils/:id/items/:itemId/posts", async (request, reply) => {
    const author = await members.posting(request);
    const { id, itemId } = parseRequest(councilItemParams, request.params);
    await service.postable(author, id, itemId);
    const { body } = parseRequest(councilPostSchema, request.body);
    if (!(await perMember.allow(author.id))) throw new ApiError(429, "rate_limited", say("你发得太多了，请一小时后再试", "you have posted a lot; try again in an hour"));
    const post = await service.post(author, id, itemId, body);
    return reply.code(201).send({ post: postView(post, [author.id]) });
  });

  app.delete("/api/councils/:id/posts/:postId", async (request) => {
    const member = await members.changing(request);
    const { id, postId } = parseRequest(councilPostParams, request.params);
    await service.withdraw(member, id, postId);
    return { withdrawn: true };
  });

  app.post("/api/councils/:id/decisions", async (request, reply) => {
    const user = await organiser(request);
    const { id } = parseRequest(councilParams, request.params);
    await service.organise(user, id);
    const decision = await service.decide(user, id, parseRequest(councilDecisionSchema, request.body));
    return reply.code(201).send({ decision: decisionView(decision) });
  });

  app.post("/api/councils/:id/decisions/:decisionId/send", async (request) => {
    const user = await organiser(request);
    const { id, decisionId } = parseRequest(councilDecisionParams, request.params);
    await service.organise(user, id);
    parseRequest(sendDecisionSchema, request.body ?? {});
    return { decision: decisionView(await service.send(user, id, decisionId)) };
  });
}
