/**
 * Guides as moderation sees them: the adapter for the safety domain's moderation
 * (src/safety/moderated-content.ts), registered by the guides domain. A moderator reads the
 * whole text (title, summary, team, each stop's note) with the first stop as its place;
 * approving publishes the guide, hiding or removing takes it off the lists.
 */
import type { ContentAdapter, ModeratedItem } from "../safety/index.ts";
import type { GuideStore, StoredGuide } from "./guide-store.ts";

/** The content type moderation knows guides by (the queue, reports, appeals). */
export const GUIDE_CONTENT_TYPE = "guide";

/** The text a moderator reads: the stops' notes numbered as on the guide. */
export function moderatedText(guide: StoredGuide): string {
  const notes = guide.stops.map((s, i) => `${i + 1}. ${s.name}${s.note ? `：${s.note}` : ""}`);
  return [guide.title, guide.team ? `（${guide.team}）` : "", guide.summary, ...notes].filter(Boolean).join("\n");
}

function asItem(guide: StoredGuide): ModeratedItem {
  return {
    type: GUIDE_CONTENT_TYPE, id: guide.id, status: guide.status, authorId: guide.memberId ?? guide.staffId ?? "", authorNickname: guide.authorName,
    authorIsMinor: guide.authorKind === "child", authorIsStaff: guide.authorKind === "staff", text: moderatedText(guide), placeId: guide.stops[0]?.placeId ?? null, rating: null, photoIds: guide.stops.flatMap((s) => s.photoIds),
    holdReasons: guide.holdReasons, reportCount: guide.reportCount, createdAt: guide.createdAt, statusAt: guide.statusAt,
  };
}

export function guideModeration(store: GuideStore): ContentAdapter {
  return {
    type: GUIDE_CONTENT_TYPE,
    find: async (id) => {
      const guide = await store.get(id);
      return guide ? asItem(guide) : null;
    },
    awaiting: async () => (await store.awaitingModeration()).map(asItem),
    setStatus: (id, status, tx) => store.setStatus(id, status, tx),
    countReport: (id, tx) => store.countReport(id, tx),
  };
}
