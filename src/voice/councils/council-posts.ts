/**
 * The moderated thread of each agenda item: posts by the council's child members, stored
 * under the member's id and shown under the nickname only, and the adapter through which
 * moderation (the safety domain) lists, publishes, hides and counts reports of them.
 * Every post waits for a moderator before the other members see it.
 */
import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../../platform/database/database.ts";
import type { ContentAdapter, ModeratedItem, ModeratedStatus } from "../../safety/index.ts";

/** The content type moderation knows these posts by (content reports, the queue, appeals). */
export const COUNCIL_POST_TYPE = "council_post";

export interface StoredPost {
  id: string;
  itemId: string;
  councilId: string;
  memberId: string;
  guardianId: string | null;
  nickname: string;
  authorIsMinor: boolean;
  body: string;
  status: ModeratedStatus;
  holdReasons: unknown[];
  reportCount: number;
  createdAt: string;
  statusAt: string;
}

const SELECT = "SELECT p.*, m.nickname, m.kind, m.guardian_id FROM council_posts p JOIN members m ON m.id = p.member_id";

function postOf(row: Record<string, unknown>): StoredPost {
  return {
    id: String(row["id"]), itemId: String(row["item_id"]), councilId: String(row["council_id"]), memberId: String(row["member_id"]),
    guardianId: row["guardian_id"] === null ? null : String(row["guardian_id"]), nickname: String(row["nickname"]), authorIsMinor: row["kind"] === "child",
    body: String(row["body"]), status: String(row["status"]) as ModeratedStatus, holdReasons: JSON.parse(String(row["hold_reasons"])) as unknown[],
    reportCount: Number(row["report_count"]), createdAt: String(row["created_at"]), statusAt: String(row["status_at"]),
  };
}

export class CouncilPostStore {
  constructor(private readonly db: Database) {}

  async insert(post: { itemId: string; councilId: string; memberId: string; body: string; holdReasons: unknown[] }): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.run(
      "INSERT INTO council_posts (id, item_id, council_id, member_id, body, status, hold_reasons, created_at, status_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
      [id, post.itemId, post.councilId, post.memberId, post.body, JSON.stringify(post.holdReasons), now, now],
    );
    return id;
  }

  async get(id: string): Promise<StoredPost | null> {
    const rows = await this.db.all(`${SELECT} WHERE p.id = ?`, [id]);
    return rows[0] ? postOf(rows[0]) : null;
  }

  /** An item's thread as `viewerIds` (a member and, for a guardian, their children) see it: published, and their own not withdrawn. */
  async thread(itemId: string, viewerIds: readonly string[], everything = false): Promise<StoredPost[]> {
    const mine = viewerIds.length ? ` OR (p.member_id IN (${viewerIds.map(() => "?").join(", ")}) AND p.status <> 'withdrawn')` : "";
    const visible = everything ? "p.status <> 'withdrawn'" : `(p.status = 'published'${mine})`;
    const rows = await this.db.all(`${SELECT} WHERE p.item_id = ? AND ${visible} ORDER BY p.created_at LIMIT 500`, [itemId, ...(everything ? [] : viewerIds)]);
    return rows.map(postOf);
  }

  /** How many published posts each item has. */
  async publishedCounts(itemIds: readonly string[]): Promise<Map<string, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.db.all<{ item_id: string; n: number | string }>(`SELECT item_id, COUNT(*) AS n FROM council_posts WHERE status = 'published' AND item_id IN (${itemIds.map(() => "?").join(", ")}) GROUP BY item_id`, [...itemIds]);
    return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
  }

  async setStatus(id: string, status: ModeratedStatus, tx: Queryable = this.db): Promise<void> {
    const reset = status === "published" ? ", report_count = 0" : "";
    await tx.run(`UPDATE council_posts SET status = ?, status_at = ?${reset} WHERE id = ?`, [status, new Date().toISOString(), id]);
  }

  async countReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE council_posts SET report_count = report_count + 1 WHERE id = ?", [id]);
    const rows = await tx.all<{ report_count: number | string }>("SELECT report_count FROM council_posts WHERE id = ?", [id]);
    return Number(rows[0]?.report_count ?? 0);
  }

  async awaitingModeration(): Promise<StoredPost[]> {
    const rows = await this.db.all(`${SELECT} WHERE p.status IN ('pending', 'hidden') ORDER BY p.status_at ASC LIMIT 500`);
    return rows.map(postOf);
  }
}

function asItem(post: StoredPost): ModeratedItem {
  return {
    type: COUNCIL_POST_TYPE, id: post.id, status: post.status, authorId: post.memberId, authorNickname: post.nickname, authorIsMinor: post.authorIsMinor, authorIsStaff: false,
    text: post.body, placeId: null, rating: null, photoIds: [], holdReasons: post.holdReasons, reportCount: post.reportCount,
    createdAt: post.createdAt, statusAt: post.statusAt,
  };
}

/** Council posts as moderation sees them. */
export function councilPostModeration(store: CouncilPostStore): ContentAdapter {
  return {
    type: COUNCIL_POST_TYPE,
    find: async (id) => {
      const post = await store.get(id);
      return post ? asItem(post) : null;
    },
    awaiting: async () => (await store.awaitingModeration()).map(asItem),
    setStatus: (id, status, tx) => store.setStatus(id, status, tx),
    countReport: (id, tx) => store.countReport(id, tx),
  };
}
