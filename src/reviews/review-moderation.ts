/** Reviews as moderation sees them: the adapter the safety domain's moderation uses. */
import type { ContentAdapter, ModeratedItem } from "../safety/index.ts";
import type { ReviewStore, StoredReview } from "./review-store.ts";

function asItem(review: StoredReview): ModeratedItem {
  return {
    type: "review",
    id: review.id,
    status: review.status,
    authorId: review.memberId,
    authorNickname: review.nickname,
    authorIsMinor: review.authorKind === "child", authorIsStaff: false,
    text: review.body,
    placeId: review.placeId,
    rating: review.rating,
    photoIds: review.photoIds,
    holdReasons: review.holdReasons,
    reportCount: review.reportCount,
    createdAt: review.createdAt,
    statusAt: review.statusAt,
  };
}

export function reviewModeration(store: ReviewStore): ContentAdapter {
  return {
    type: "review",
    find: async (id) => {
      const review = await store.get(id);
      return review ? asItem(review) : null;
    },
    awaiting: async () => (await store.awaitingModeration()).map(asItem),
    setStatus: (id, status, tx) => store.setStatus(id, status, tx),
    countReport: (id, tx) => store.countReport(id, tx),
  };
}
