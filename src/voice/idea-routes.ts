/**
 * Ideas over HTTP for everyone and for members (paths in src/core/api/voice.ts). Posting is
 * rate limited per member and per address as reviews are; pictures are file-taking routes,
 * each in a scope of its own. Public reads show published ideas only; the author and their
 * guardian also see their own ideas waiting for a moderator.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Member, MemberGuard, StaffGuard } from "../accounts/index.ts";
import { recordAudit } from "../accounts/index.ts";
import { uuidParams } from "../core/api/paths.ts";
import { IDEA_LAYER_MAX, childIdeaParams, ideaCommentSchema, ideaLayerQuery, ideaListQuery, ideaSchema, notificationsReadSchema, supportSchema } from "../core/api/voice.ts";
import { MAX_PHOTO_UPLOAD_BYTES } from "../core/community.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { ApiError, say } from "../platform/errors.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { ACCEPTED_PHOTO_TYPES } from "./idea-photos.ts";
import type { IdeaRecords } from "./idea-records.ts";
import type { IdeaService } from "./idea-service.ts";
import { type IdeaStore, type StoredIdea, isPublic } from "./idea-store.ts";
import type { LiveIdeaLayer } from "./idea-layer.ts";
import { type PresentContext, historyOf, ownIdea, publicIdea } from "./idea-presenter.ts";
import { notificationWords } from "./notification-words.ts";

const idParams = uuidParams("Idea or picture id");

const IDEAS_PER_HOUR_MEMBER = 10;
const IDEAS_PER_HOUR_ADDRESS = 30;
const COMMENTS_PER_HOUR_MEMBER = 30;
const PICTURES_PER_HOUR = 20;

export interface IdeaRouteContext {
  service: IdeaService;
  store: IdeaStore;
  records: IdeaRecords;
  layer: LiveIdeaLayer;
  members: MemberGuard;
  staff: StaffGuard;
  db: Queryable;
  present: () => PresentContext;
  /** A member's children's ids (a guardian sees their ideas in "我的"). */
  childrenOf(member: Member): Promise<string[]>;
}

const tooMany = () => new ApiError(429, "rate_limited", say("你发得太多了，请一小时后再试", "you have posted a lot; try again in an hour"));

/** Ideas as a Fastify plugin (registered by the voice domain). */
export async function ideaRoutes(app: FastifyInstance, context: IdeaRouteContext): Promise<void> {
  const { service, store, records, members } = context;
  const perMember = new SharedLimiter(context.db, "ideas per member", IDEAS_PER_HOUR_MEMBER, 3_600_000);
  const perAddress = new SharedLimiter(context.db, "ideas per address", IDEAS_PER_HOUR_ADDRESS, 3_600_000);
  const comments = new SharedLimiter(context.db, "idea comments per member", COMMENTS_PER_HOUR_MEMBER, 3_600_000);
  const pictures = new SharedLimiter(context.db, "photos per member", PICTURES_PER_HOUR, 3_600_000);
  const moderatorOf = async (request: FastifyRequest) => {
    const user = await context.staff.user(request).catch(() => null);
    return user && (user.role === "moderator" || user.role === "admin") ? user : null;
  };

  app.get("/api/ideas/map", async (request) => {
    const { bbox, kind } = parseRequest(ideaLayerQuery, request.query);
    const { ideas, truncated } = (await context.layer.fresh()).query(bbox, kind, IDEA_LAYER_MAX);
    return {
      type: "FeatureCollection",
      truncated,
      features: ideas.map((i) => ({ type: "Feature", geometry: { type: "Point", coordinates: [i.lon, i.lat] }, properties: { id: i.id, kind: i.kind, title: i.title, stage: i.stage, supportCount: i.supportCount } })),
    };
  });

  app.get("/api/ideas", async (request) => {
    const query = parseRequest(ideaListQuery, request.query);
    if (query.sort === "near" && !query.near) throw ApiError.invalid("near", say("按距离排序需要位置 near=纬度,经度", "sort=near needs near=lat,lon"));
    const { ideas, total } = await store.listPublic(query);
    const viewer = await members.optional(request);
    const supported = viewer ? await store.supportedBy(viewer.id, ideas.map((i) => i.id)) : new Set<string>();
    const present = context.present();
    return { ideas: ideas.map((i) => publicIdea(i, present, supported.has(i.id))), total };
  });

  app.post("/api/ideas", async (request, reply) => {
    const author = await members.posting(request);
    const input = parseRequest(ideaSchema, request.body);
    if (!(await perMember.allow(author.id)) || !(await perAddress.allow(request.ip))) throw tooMany();
    const idea = await service.post(author, input);
    return reply.code(201).send({ idea: ownIdea(idea, context.present()) });
  });

  app.get("/api/ideas/mine", async (request) => {
    const member = await members.member(request);
    const ideas = await store.byMembers([member.id, ...(await context.childrenOf(member))]);
    const present = context.present();
    return { ideas: ideas.map((i) => ownIdea(i, present)) };
  });

  app.get("/api/ideas/notifications", async (request) => {
    const member = await members.member(request);
    const list = await records.notifications(member.id);
    return {
      notifications: list.map((n) => ({
        id: n.id, ideaId: n.ideaId, ideaTitle: n.ideaTitle, stage: n.stage, event: n.event, forChild: n.forChild, createdAt: n.createdAt, read: n.readAt !== null,
        message: notificationWords(n.event, n.stage, n.ideaTitle, { forChild: n.forChild, supporter: n.forChild === null && n.authorId !== member.id }),
      })),
      unread: await records.unread(member.id),
    };
  });

  app.post("/api/ideas/notifications/read", async (request) => {
    const member = await members.changing(request);
    await records.markRead(member.id, parseRequest(notificationsReadSchema, request.body).upTo);
    return { unread: await records.unread(member.id) };
  });

  app.get("/api/ideas/:id", async (request) => {
    const { id } = parseRequest(idParams, request.params);
    const idea = await store.get(id);
    const viewer = await members.optional(request);
    const moderator = idea && !isPublic(idea) ? await moderatorOf(request) : null;
    const own = idea ? await service.isOwnOrChilds(idea, viewer) : false;
    if (!idea || idea.status === "withdrawn" || !(isPublic(idea) || idea.status === "published" || own || moderator)) throw ApiError.notFound(say("这个想法", "idea"));
    if (moderator && idea.authorKind === "child") await recordAudit(context.db, { userId: moderator.id, action: "minor_data.read", target: `idea:${idea.id}`, detail: {} });
    const present = context.present();
    const supported = viewer ? (await store.supportedBy(viewer.id, [idea.id])).has(idea.id) : false;
    return { idea: own || moderator ? ownIdea(idea, present, supported) : publicIdea(idea, present, supported), history: historyFor(idea, await records.steps(idea.id), present) };
  });

  app.delete("/api/ideas/:id", async (request) => {
    const member = await members.changing(request);
    await service.withdraw(await service.ownedBy(member, parseRequest(idParams, request.params).id));
    return { withdrawn: true };
  });

  app.delete("/api/family/children/:id/ideas/:ideaId", async (request) => {
    const guardian = await members.changing(request);
    const { id, ideaId } = parseRequest(childIdeaParams, request.params);
    const child = await members.childOf(guardian, id);
    await service.withdraw(await service.ownedBy(guardian, ideaId, child));
    return { withdrawn: true };
  });

  for (const role of ["photo", "drawing"] as const) {
    registerBinaryRoute(app, { method: "POST", url: role === "photo" ? "/api/ideas/:id/photos" : "/api/ideas/:id/drawing", mediaTypes: ACCEPTED_PHOTO_TYPES, bodyLimit: MAX_PHOTO_UPLOAD_BYTES, authorize: (request) => members.posting(request) }, async (request, reply) => {
      const author = await members.posting(request);
      const idea = await service.ownedBy(author, parseRequest(idParams, request.params).id);
      if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请以 ${ACCEPTED_PHOTO_TYPES.join("、")} 格式发送图片`, `send the picture as ${ACCEPTED_PHOTO_TYPES.join(", ")}`));
      if (!(await pictures.allow(author.id))) throw new ApiError(429, "rate_limited", say("图片太多了，请一小时后再试", "too many pictures; try again in an hour"));
      return reply.code(201).send({ idea: ownIdea(await service.addPicture(author, idea, request.body, role), context.present()) });
    });
  }

  app.get("/api/idea-photos/:id", async (request, reply) => {
    const { id } = parseRequest(idParams, request.params);
    const moderator = await moderatorOf(request);
    const picture = await service.pictureFor(id, await members.optional(request), moderator !== null);
    if (moderator && picture.idea.authorKind === "child" && !isPublic(picture.idea)) await recordAudit(context.db, { userId: moderator.id, action: "minor_data.read", target: `idea:${picture.idea.id}`, detail: { photo: true } });
    return reply.type(picture.mediaType).header("cache-control", "private, max-age=300").header("x-content-type-options", "nosniff").send(picture.data);
  });

  app.post("/api/ideas/:id/support", async (request) => {
    const member = await members.changing(request);
    const { support } = parseRequest(supportSchema, request.body);
    return { supportCount: await service.support(member, parseRequest(idParams, request.params).id, support), supportedByMe: support };
  });

  app.get("/api/ideas/:id/comments", async (request) => {
    const { id } = parseRequest(idParams, request.params);
    const idea = await store.get(id);
    if (!idea || !isPublic(idea)) throw ApiError.notFound(say("这个想法", "idea"));
    const viewer = await members.optional(request);
    const list = await records.comments(id, viewer?.id ?? null);
    return { comments: list.map((c) => ({ id: c.id, nickname: c.nickname, body: c.body, createdAt: c.createdAt.slice(0, 10), ...(c.memberId === viewer?.id ? { status: c.status } : {}) })) };
  });

  app.post("/api/ideas/:id/comments", async (request, reply) => {
    const author = await members.posting(request);
    const { body } = parseRequest(ideaCommentSchema, request.body);
    if (!(await comments.allow(author.id)) || !(await perAddress.allow(request.ip))) throw tooMany();
    const id = await service.comment(author, parseRequest(idParams, request.params).id, body);
    const comment = (await records.comment(id))!;
    return reply.code(201).send({ comment: { id, nickname: comment.nickname, body: comment.body, createdAt: comment.createdAt.slice(0, 10), status: comment.status } });
  });
}

/** The card's history: the day it went public, then every dated step. */
function historyFor(idea: StoredIdea, steps: Parameters<typeof historyOf>[0], present: PresentContext) {
  const opened = idea.publishedAt ? [{ stage: "new" as const, body: "", dueBy: null, unitId: null, staffId: null, at: idea.publishedAt }] : [];
  return historyOf([...opened, ...steps], present);
}
