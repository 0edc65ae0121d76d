/**
 * Ideas and their comments as moderation sees them: two adapters for the safety domain's
 * moderation (src/safety/moderated-content.ts), registered by the voice domain. Approving
 * an idea publishes it (its wait for an answer starts then) and tells the author, and a
 * child's guardian, in "我的"; removing a never-published idea tells them kindly too.
 */
import type { ContentAdapter, ModeratedItem } from "../safety/index.ts";
import type { IdeaAccountability } from "./idea-accountability.ts";
import type { IdeaRecords, StoredComment } from "./idea-records.ts";
import type { IdeaStore, StoredIdea } from "./idea-store.ts";
import type { LiveIdeaLayer } from "./idea-layer.ts";

function ideaItem(idea: StoredIdea): ModeratedItem {
  return {
    type: "idea",
    id: idea.id,
    status: idea.status,
    authorId: idea.memberId ?? "",
    authorNickname: idea.authorName,
    authorIsMinor: idea.authorKind === "child", authorIsStaff: false,
    text: `${idea.title}\n${idea.body}`,
    placeId: idea.placeId,
    rating: null,
    photoIds: idea.photos.filter((p) => p.role !== "result").map((p) => p.id),
    holdReasons: idea.holdReasons,
    reportCount: idea.reportCount,
    createdAt: idea.createdAt,
    statusAt: idea.statusAt,
  };
}

function commentItem(comment: StoredComment): ModeratedItem {
  return {
    type: "idea_comment",
    id: comment.id,
    status: comment.status,
    authorId: comment.memberId,
    authorNickname: comment.nickname,
    authorIsMinor: comment.authorKind === "child", authorIsStaff: false,
    text: comment.body,
    placeId: null,
    rating: null,
    photoIds: [],
    holdReasons: comment.holdReasons,
    reportCount: comment.reportCount,
    createdAt: comment.createdAt,
    statusAt: comment.statusAt,
  };
}

/** The adapter for ideas; `layer` learns of the change on its next read. */
export function ideaModeration(store: IdeaStore, accountability: IdeaAccountability, layer: LiveIdeaLayer): ContentAdapter {
  return {
    type: "idea",
    find: async (id) => {
      const idea = await store.get(id);
      return idea ? ideaItem(idea) : null;
    },
    awaiting: async () => (await store.awaitingModeration()).map(ideaItem),
    setStatus: async (id, status, tx) => {
      const before = await store.get(id, tx);
      await store.setStatus(id, status, tx);
      if (before && status === "published" && before.publishedAt === null) await accountability.notify(tx, before, "published", true);
      if (before && status === "removed" && before.publishedAt === null) await accountability.notify(tx, before, "refused", true);
      layer.invalidate();
    },
    countReport: (id, tx) => store.countReport(id, tx),
  };
}

/** The adapter for comments on ideas. */
export function ideaCommentModeration(records: IdeaRecords): ContentAdapter {
  return {
    type: "idea_comment",
    find: async (id) => {
      const comment = await records.comment(id);
      return comment ? commentItem(comment) : null;
    },
    awaiting: async () => (await records.commentsAwaiting()).map(commentItem),
    setStatus: (id, status, tx) => records.setCommentStatus(id, status, tx),
    countReport: (id, tx) => records.countCommentReport(id, tx),
  };
}
