/**
 * Reviews over HTTP.
 *   GET    /api/places/{id}/reviews           rating summary and the latest published reviews
 *   POST   /api/places/{id}/reviews           {rating, body}: published, pending, or 422 with reasons
 *   GET    /api/members/me/reviews            my reviews with their status
 *   DELETE /api/reviews/{id}                  withdraw my review
 *   POST   /api/reviews/{id}/photos           a JPEG/PNG/WebP body; sniffed, stripped, resized
 *   POST   /api/reviews/{id}/helpful          {helpful: true|false}
 *   GET    /api/review-photos/{id}            a photo, if its review is visible to the viewer
 *   GET    /api/family/children/{id}/reviews  a guardian sees what the child posted
 *   DELETE /api/family/children/{id}/reviews/{reviewId}   and withdraws any of it
 * Posting is rate limited per member and per address.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { MemberGuard, StaffGuard } from "../accounts/index.ts";
import { helpfulSchema, reviewListQuery, reviewSchema } from "../core/api/reviews.ts";
import { MAX_PHOTO_UPLOAD_BYTES } from "../core/community.ts";
import { ApiError, say } from "../platform/errors.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { ACCEPTED_PHOTO_TYPES } from "./review-photos.ts";
import { ownReview, publicReview, type ReviewService } from "./review-service.ts";
import type { ReviewStore } from "./review-store.ts";
import { childReviewParams, placeIdParams, uuidParams } from "../core/api/paths.ts";

const placeParams = placeIdParams;
const idParams = uuidParams("Review, photo or child account id");
const REVIEWS_PER_HOUR_MEMBER = 10;
const REVIEWS_PER_HOUR_ADDRESS = 30;
const PHOTOS_PER_HOUR = 20;

export interface ReviewRouteContext {
  service: ReviewService;
  store: ReviewStore;
  members: MemberGuard;
  staff: StaffGuard;
  /** Where the limits are counted, so they hold across instances. */
  db: Queryable;
}

/** Reviews as a Fastify plugin (registered by the reviews domain). */
export async function reviewRoutes(app: FastifyInstance, context: ReviewRouteContext): Promise<void> {
  const { service, store, members } = context;
  const perMember = new SharedLimiter(context.db, "reviews per member", REVIEWS_PER_HOUR_MEMBER, 3_600_000);
  const perAddress = new SharedLimiter(context.db, "reviews per address", REVIEWS_PER_HOUR_ADDRESS, 3_600_000);
  const photos = new SharedLimiter(context.db, "photos per member", PHOTOS_PER_HOUR, 3_600_000);

  const staffUser = async (request: FastifyRequest) => context.staff.user(request).catch(() => null);

  app.get("/api/places/:id/reviews", async (request) => {
    const { id } = parseRequest(placeParams, request.params);
    const { limit } = parseRequest(reviewListQuery, request.query);
    const latest = await store.published(id, limit);
    const viewer = await members.optional(request);
    const voted = viewer ? await store.votedBy(viewer.id, latest.map((r) => r.id)) : new Set<string>();
    return { summary: await store.summary(id), reviews: latest.map((r) => publicReview(r, voted.has(r.id))) };
  });

  app.post("/api/places/:id/reviews", async (request, reply) => {
    const author = await members.posting(request);
    const { id } = parseRequest(placeParams, request.params);
    const input = parseRequest(reviewSchema, request.body);
    if (!(await perMember.allow(author.id)) || !(await perAddress.allow(request.ip))) throw new ApiError(429, "rate_limited", say("你发得太多了，请一小时后再试", "you have posted a lot; try again in an hour"));
    const review = await service.post(author, id, input);
    return reply.code(201).send({ review: ownReview(review) });
  });

  app.get("/api/members/me/reviews", async (request) => ({ reviews: (await store.byMember((await members.member(request)).id)).map(ownReview) }));

  app.delete("/api/reviews/:id", async (request) => {
    const member = await members.changing(request);
    await service.withdraw(await service.ownedBy(member, parseRequest(idParams, request.params).id));
    return { withdrawn: true };
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/reviews/:id/photos", mediaTypes: ACCEPTED_PHOTO_TYPES, bodyLimit: MAX_PHOTO_UPLOAD_BYTES, authorize: (request) => members.posting(request) }, async (request, reply) => {
    const author = await members.posting(request);
    const review = await service.ownedBy(author, parseRequest(idParams, request.params).id);
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请以 ${ACCEPTED_PHOTO_TYPES.join("、")} 格式发送照片`, `send the photo as ${ACCEPTED_PHOTO_TYPES.join(", ")}`));
    if (!(await photos.allow(author.id))) throw new ApiError(429, "rate_limited", say("照片太多了，请一小时后再试", "too many photos; try again in an hour"));
    return reply.code(201).send({ review: ownReview(await service.addPhoto(author, review, request.body)) });
  });

  app.post("/api/reviews/:id/helpful", async (request) => {
    const member = await members.changing(request);
    const { helpful } = parseRequest(helpfulSchema, request.body);
    return { helpfulCount: await service.helpful(member, parseRequest(idParams, request.params).id, helpful), helpfulByMe: helpful };
  });

  app.get("/api/review-photos/:id", async (request, reply) => {
    const { id } = parseRequest(idParams, request.params);
    const photo = await service.photoFor(id, await members.optional(request), await staffUser(request));
    return reply.type(photo.mediaType).header("cache-control", "private, max-age=300").header("x-content-type-options", "nosniff").send(photo.data);
  });

  app.get("/api/family/children/:id/reviews", async (request) => {
    const guardian = await members.member(request);
    const child = await members.childOf(guardian, parseRequest(idParams, request.params).id);
    return { reviews: (await store.byMember(child.id)).map(ownReview) };
  });

  app.delete("/api/family/children/:id/reviews/:reviewId", async (request) => {
    const guardian = await members.changing(request);
    const { id, reviewId } = parseRequest(childReviewParams, request.params);
    const child = await members.childOf(guardian, id);
    await service.withdraw(await service.ownedBy(guardian, reviewId, child));
    return { withdrawn: true };
  });
}
