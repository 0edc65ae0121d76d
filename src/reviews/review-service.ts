/**
 * Posting and reading reviews. The guard's verdict and the author's age decide what
 * happens to a text (review-policy.ts); refused texts are never stored. Photos are
 * processed before storage; a child's photo sends the review back to a moderator.
 */
import { type Member, type MemberStore, type StaffUser, recordAudit } from "../accounts/index.ts";
import { PHOTOS_PER_REVIEW } from "../core/community.ts";
import { type Database, isUniqueViolation } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Guard, refusalError } from "../safety/index.ts";
import { processPhoto } from "./review-photos.ts";
import { postingOutcome } from "./review-policy.ts";
import type { ReviewStore, StoredReview } from "./review-store.ts";

/** The public face of a review: a nickname, never who the author is. */
export function publicReview(review: StoredReview, helpfulByMe = false) {
  return {
    id: review.id,
    placeId: review.placeId,
    nickname: review.nickname,
    rating: review.rating,
    body: review.body,
    createdAt: review.createdAt.slice(0, 10),
    helpfulCount: review.helpfulCount,
    helpfulByMe,
    photos: review.photoIds.map((id) => `/api/review-photos/${id}`),
  };
}

/** What the author (or their guardian) sees: also the status and why it is held. */
export function ownReview(review: StoredReview) {
  return { ...publicReview(review), status: review.status, holdReasons: review.holdReasons, statusAt: review.statusAt };
}

export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly guard: Guard,
    private readonly members: MemberStore,
    private readonly placeExists: (id: string) => boolean,
    private readonly db: Database,
  ) {}

  async post(author: Member, placeId: string, input: { rating: number; body: string }): Promise<StoredReview> {
    if (!this.placeExists(placeId)) throw ApiError.notFound(say("这个地点", "place"));
    const checked = this.guard.check(input.body, author.kind);
    const outcome = postingOutcome(author.kind, checked);
    if (outcome === "refuse_blocked" || outcome === "refuse_personal") throw refusalError(outcome === "refuse_blocked" ? "blocked" : "personal", checked, "body");
    const holdReasons = checked.reasons.map((r) => ({ kind: r.kind, category: r.category ?? null, start: r.start, end: r.end, rule: r.rule ?? null, score: r.score ?? null }));
    // The place as the database has it now, held until the review is in: a place another
    // instance removed a moment ago is not reviewed (404), and cannot be removed half-way.
    const id = await this.db.transaction(async (tx) => {
      const lock = this.db.dialect === "postgres" ? " FOR KEY SHARE" : "";
      if ((await tx.all(`SELECT 1 AS here FROM places WHERE id = ?${lock}`, [placeId])).length === 0) throw ApiError.notFound(say("这个地点", "place"));
      return this.store.insert({ placeId, memberId: author.id, rating: input.rating, body: input.body, status: outcome, holdReasons }, tx);
    });
    return (await this.store.get(id))!;
  }

  /** A review its author, or the author's guardian, may act on; 404 for anyone else. */
  async ownedBy(member: Member, reviewId: string, guardianOf?: Member): Promise<StoredReview> {
    const review = await this.store.get(reviewId);
    const owner = guardianOf ?? member;
    if (!review || review.memberId !== owner.id || review.status === "withdrawn") throw ApiError.notFound(say("这条点评", "review"));
    return review;
  }

  async withdraw(review: StoredReview): Promise<void> {
    await this.store.setStatus(review.id, "withdrawn");
  }

  async addPhoto(author: Member, review: StoredReview, upload: Buffer): Promise<StoredReview> {
    if (review.photoIds.length >= PHOTOS_PER_REVIEW) throw ApiError.conflict(say(`每条点评最多 ${PHOTOS_PER_REVIEW} 张照片`, `a review has at most ${PHOTOS_PER_REVIEW} photos`));
    if (review.status !== "pending" && review.status !== "published") throw ApiError.conflict(say("只能给待审核或已发布的点评加照片", "photos can be added only to a pending or published review"));
    const photo = await processPhoto(upload);
    if (!photo.ok) throw new ApiError(415, "unsupported_media_type", photo.reason === "not_an_image" ? say("请发送 JPEG、PNG 或 WebP 格式的照片", "send a JPEG, PNG or WebP photo") : say("这张照片读不出来", "this photo could not be read"));
    await this.store.addPhoto(review.id, photo);
    // A new photo must be seen: a child's published review goes back to a moderator, and any
    // pending review gets a new status time, so an approval of what was seen before fails.
    if (review.status === "pending" || author.kind === "child") await this.store.setStatus(review.id, "pending");
    return (await this.store.get(review.id))!;
  }

  async helpful(member: Member, reviewId: string, helpful: boolean): Promise<number> {
    const review = await this.store.get(reviewId);
    if (!review || review.status !== "published") throw ApiError.notFound(say("这条点评", "review"));
    if (review.memberId === member.id) throw ApiError.conflict(say("不能给自己的点评投票", "you cannot vote for your own review"));
    try {
      return await this.store.vote(reviewId, member.id, helpful);
    } catch (error) {
      // The same member voting twice at once: the second sees the first's vote on retry.
      if (!isUniqueViolation(error)) throw error;
      return this.store.vote(reviewId, member.id, helpful);
    }
  }

  /**
   * A photo for this viewer (a member, signed-in staff, or neither), or 404. A moderator
   * looking at a child's photo is an access to a minor's data: logged.
   */
  async photoFor(photoId: string, viewer: Member | null, staffUser: StaffUser | null): Promise<{ mediaType: string; data: Buffer }> {
    const photo = await this.store.photo(photoId);
    const staff = staffUser && (staffUser.role === "moderator" || staffUser.role === "admin") ? staffUser : null;
    const review = photo ? await this.store.get(photo.reviewId) : null;
    if (!photo || !(await this.photosVisible(review, viewer, staff !== null))) throw ApiError.notFound(say("这张照片", "photo"));
    if (staff && review?.authorKind === "child") await recordAudit(this.db, { userId: staff.id, action: "minor_data.read", target: `review:${review.id}`, detail: { photo: true, member: review.memberId } });
    return photo;
  }

  /**
   * Whether a review's photos may be shown to this viewer: published, or the viewer's own or
   * their child's; `moderator` is true only for staff whose role moderates content.
   */
  async photosVisible(review: StoredReview | null, viewer: Member | null, moderator: boolean): Promise<boolean> {
    if (!review || review.status === "withdrawn") return false;
    if (review.status === "published" || moderator) return true;
    if (!viewer) return false;
    if (review.memberId === viewer.id) return true;
    return (await this.members.get(review.memberId))?.guardianId === viewer.id;
  }
}
