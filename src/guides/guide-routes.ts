/**
 * Guides over HTTP (paths in src/core/api/guides.ts). Public reads show published guides
 * only; the author, a child author's guardian, moderators and administrators also see one
 * waiting for a moderator (a moderator's look at a child's is written to the audit trail).
 * Members write through the child-safe posting path (suspended members may not; rate
 * limited per member and per address as ideas are); staff of the guide units write through
 * /api/staff/guides (and withdraw there). Authors add photos to their stops (a child's guide
 * then waits for a moderator again); a photo is seen by whoever may see its guide. The print
 * page and the QR code are of published guides.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Member, type MemberGuard, type MemberStore, type StaffGuard, recordAudit } from "../accounts/index.ts";
import { guideReadQuery, guideSchema, guidesQuery } from "../core/api/guides.ts";
import { MAX_PHOTO_UPLOAD_BYTES } from "../core/community.ts";
import { childGuideParams, guideStopParams, placeIdParams, uuidParams } from "../core/api/paths.ts";
import { distanceMeters } from "../core/geo.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { ApiError, say } from "../platform/errors.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { ACCEPTED_PHOTO_TYPES } from "../reviews/index.ts";
import { mayWriteGuides, staffAuthorName } from "./guide-authors.ts";
import { guidePage } from "./guide-page.ts";
import { type PlaceLookup, guideDetail, guideSummary } from "./guide-presenter.ts";
import { qrSvg } from "./guide-qr.ts";
import type { GuideService } from "./guide-service.ts";
import type { GuideStore, StoredGuide } from "./guide-store.ts";

const idParams = uuidParams("Guide id");
const GUIDES_PER_HOUR_MEMBER = 5;
const GUIDES_PER_HOUR_ADDRESS = 20;
const PHOTOS_PER_HOUR_MEMBER = 30;
/** How far from `near` a guide's first stop may be to be listed (m). */
const NEAR_WITHIN_M = 30_000;
const LIST_MAX = 100;
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

export interface GuideRouteContext {
  service: GuideService;
  store: GuideStore;
  members: MemberGuard;
  memberStore: MemberStore;
  staff: StaffGuard;
  db: Queryable;
  places: PlaceLookup;
  unitName(id: string): string | null;
}

const notFound = () => ApiError.notFound(say("这条攻略", "guide"));
const tooMany = () => new ApiError(429, "rate_limited", say("你写得太多了，请一小时后再试", "you have written a lot; try again in an hour"));

/** The guide's page, the link that is shared and printed as a QR code. */
export function shareUrl(request: FastifyRequest, id: string): string {
  return `${request.protocol}://${request.host}/guides.html?id=${id}`;
}

/** Guides as a Fastify plugin (registered by the guides domain). */
export async function guideRoutes(app: FastifyInstance, context: GuideRouteContext): Promise<void> {
  const { service, store, members, places } = context;
  const perMember = new SharedLimiter(context.db, "guides per member", GUIDES_PER_HOUR_MEMBER, 3_600_000);
  const perAddress = new SharedLimiter(context.db, "guides per address", GUIDES_PER_HOUR_ADDRESS, 3_600_000);
  const staffUser = (request: FastifyRequest) => context.staff.user(request).catch(() => null);

  /** Whether this request may see the guide, and whether it sees the status (not public). */
  const visibility = async (request: FastifyRequest, guide: StoredGuide | null): Promise<{ guide: StoredGuide; withStatus: boolean }> => {
    if (!guide || guide.status === "withdrawn") throw notFound();
    const member = await members.optional(request);
    if (await service.isOwnOrChilds(guide, member)) return { guide, withStatus: true };
    const user = guide.status !== "published" ? await staffUser(request) : null;
    if (user && (user.role === "moderator" || user.role === "admin" || user.id === guide.staffId)) {
      if (guide.status !== "published" && guide.authorKind === "child") await recordAudit(context.db, { userId: user.id, action: "minor_data.read", target: `guide:${guide.id}`, detail: {} });
      return { guide, withStatus: true };
    }
    if (guide.status !== "published") throw notFound();
    return { guide, withStatus: false };
  };
  const detail = async (request: FastifyRequest, guide: StoredGuide, withStatus: boolean) => guideDetail(guide, places, await service.legs(guide), shareUrl(request, guide.id), withStatus);
  const publicGuide = async (request: FastifyRequest) => {
    const guide = await store.get(parseRequest(idParams, request.params).id);
    if (!guide || guide.status !== "published") throw notFound();
    return guide;
  };

  app.get("/api/guides", async (request) => {
    const q = parseRequest(guidesQuery, request.query);
    const found = await store.published({ region: q.region, kind: q.kind, themes: q.theme, age: q.age, maxMinutes: q.max_minutes });
    let listed = found.map((g) => ({ g, d: undefined as number | undefined }));
    if (q.near) {
      const near = q.near;
      listed = listed.map(({ g }) => {
        const start = guideSummary(g, places).start;
        return { g, d: distanceMeters(near, [start.lon, start.lat]) };
      }).filter((x) => x.d! <= NEAR_WITHIN_M).sort((a, b) => a.d! - b.d!);
    }
    return { guides: listed.slice(0, LIST_MAX).map(({ g, d }) => guideSummary(g, places, d === undefined ? {} : { distanceM: d })), total: listed.length };
  });

  app.post("/api/guides", async (request, reply) => {
    const author = await members.posting(request);
    const input = parseRequest(guideSchema, request.body);
    if (!(await perMember.allow(author.id)) || !(await perAddress.allow(request.ip))) throw tooMany();
    const guide = await service.write({ kind: "member", member: author }, input);
    return reply.code(201).send({ guide: await detail(request, guide, true) });
  });

  app.post("/api/staff/guides", async (request, reply) => {
    const user = await context.staff.require(request, ["admin", "reporter"]);
    if (!mayWriteGuides(user)) throw ApiError.forbidden(say("只有文旅、教育部门的填报员和管理员可以写攻略", "only reporters of the culture/tourism and education units, and administrators, write guides"));
    const input = parseRequest(guideSchema, request.body);
    const guide = await service.write({ kind: "staff", userId: user.id, name: staffAuthorName(user, context.unitName) }, input);
    return reply.code(201).send({ guide: await detail(request, guide, true) });
  });

  app.get("/api/guides/mine", async (request) => {
    const member = await members.member(request);
    const children = (await context.memberStore.childrenOf(member.id)).map((c: Member) => c.id);
    const guides = await store.byMembers([member.id, ...children]);
    return { guides: guides.map((g) => guideSummary(g, places, { withStatus: true })), total: guides.length };
  });

  app.get("/api/guides/:id", async (request) => {
    parseRequest(guideReadQuery, request.query);
    const { guide, withStatus } = await visibility(request, await store.get(parseRequest(idParams, request.params).id));
    return { guide: await detail(request, guide, withStatus) };
  });

  app.get("/api/guides/:id.html", async (request, reply) => {
    const guide = await publicGuide(request);
    const shown = await detail(request, guide, false);
    const page = guidePage(shown, await qrSvg(shown.shareUrl));
    return reply.type("text/html; charset=utf-8").header("content-security-policy", PAGE_POLICY).send(page);
  });

  app.get("/api/guides/:id/qr.svg", async (request, reply) => {
    const guide = await publicGuide(request);
    return reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(await qrSvg(shareUrl(request, guide.id)));
  });

  app.delete("/api/guides/:id", async (request) => {
    const member = await members.changing(request);
    const guide = await store.get(parseRequest(idParams, request.params).id);
    if (!guide || guide.status === "withdrawn" || guide.memberId !== member.id) throw notFound();
    await service.withdraw(guide);
    return { withdrawn: true };
  });

  // A guardian withdraws a child's guide under the child, as they do the child's reviews and ideas.
  app.delete("/api/family/children/:id/guides/:guideId", async (request) => {
    const guardian = await members.changing(request);
    const { id, guideId } = parseRequest(childGuideParams, request.params);
    const child = await members.childOf(guardian, id);
    const guide = await store.get(guideId);
    if (!guide || guide.status === "withdrawn" || guide.memberId !== child.id) throw notFound();
    await service.withdraw(guide);
    return { withdrawn: true };
  });

  app.delete("/api/staff/guides/:id", async (request) => {
    const user = await context.staff.require(request, ["admin", "reporter"]);
    const guide = await store.get(parseRequest(idParams, request.params).id);
    if (!guide || guide.status === "withdrawn" || !(user.role === "admin" || user.id === guide.staffId)) throw notFound();
    await service.withdraw(guide);
    return { withdrawn: true };
  });

  const photosPerMember = new SharedLimiter(context.db, "guide photos per member", PHOTOS_PER_HOUR_MEMBER, 3_600_000);
  const wrongType = () => new ApiError(415, "unsupported_media_type", say(`请以 ${ACCEPTED_PHOTO_TYPES.join("、")} 格式发送照片`, `send the photo as ${ACCEPTED_PHOTO_TYPES.join(", ")}`));
  const addStopPhoto = async (request: FastifyRequest, reply: FastifyReply, guide: StoredGuide) => {
    const { position } = parseRequest(guideStopParams, request.params);
    if (!Buffer.isBuffer(request.body)) throw wrongType();
    const updated = await service.addPhoto(guide, position, request.body);
    return reply.code(201).send({ guide: await detail(request, updated, true) });
  };
  const photoRoute = { method: "POST" as const, mediaTypes: ACCEPTED_PHOTO_TYPES, bodyLimit: MAX_PHOTO_UPLOAD_BYTES };

  registerBinaryRoute(app, { ...photoRoute, url: "/api/guides/:id/stops/:position/photos", authorize: (request) => members.posting(request) }, async (request, reply) => {
    const author = await members.posting(request);
    const guide = await store.get(parseRequest(guideStopParams, request.params).id);
    if (!guide || guide.status === "withdrawn" || guide.memberId !== author.id) throw notFound();
    if (!(await photosPerMember.allow(author.id))) throw new ApiError(429, "rate_limited", say("照片太多了，请一小时后再试", "too many photos; try again in an hour"));
    return addStopPhoto(request, reply, guide);
  });

  registerBinaryRoute(app, { ...photoRoute, url: "/api/staff/guides/:id/stops/:position/photos", authorize: (request) => context.staff.require(request, ["admin", "reporter"]) }, async (request, reply) => {
    const user = await context.staff.require(request, ["admin", "reporter"]);
    const guide = await store.get(parseRequest(guideStopParams, request.params).id);
    if (!guide || guide.status === "withdrawn" || !(user.role === "admin" || user.id === guide.staffId)) throw notFound();
    return addStopPhoto(request, reply, guide);
  });

  app.get("/api/guide-photos/:id", async (request, reply) => {
    const photo = await store.photo(parseRequest(uuidParams("Photo id"), request.params).id);
    if (!photo) throw ApiError.notFound(say("这张照片", "photo"));
    // Seen by whoever may see its guide (a moderator's look at a waiting child's guide is audited there).
    const { guide } = await visibility(request, await store.get(photo.guideId));
    return reply
      .type(photo.mediaType)
      .header("cache-control", guide.status === "published" ? "public, max-age=300" : "private, max-age=300")
      .header("x-content-type-options", "nosniff")
      .send(photo.data);
  });

  app.get("/api/places/:id/guides", async (request) => {
    const { id } = parseRequest(placeIdParams, request.params);
    const guides = await store.publishedAt(id);
    return { guides: guides.map((g) => guideSummary(g, places)), total: guides.length };
  });
}
