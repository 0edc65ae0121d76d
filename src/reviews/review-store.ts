/**
 * Reviews, their photos and helpful votes in the database. Only published reviews are ever
 * read for the public; every other read names the member or the moderator asking.
 */
import { randomUUID } from "node:crypto";
import type { MemberKind, ReviewStatus } from "../core/community.ts";
import { placeState } from "../places/index.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";

export interface StoredReview {
  id: string;
  placeId: string;
  memberId: string;
  authorKind: MemberKind;
  nickname: string;
  rating: number;
  body: string;
  status: ReviewStatus;
  holdReasons: unknown[];
  reportCount: number;
  helpfulCount: number;
  createdAt: string;
  statusAt: string;
  photoIds: string[];
}

interface ReviewRow {
  id: string;
  place_id: string;
  member_id: string;
  kind: string;
  nickname: string;
  rating: number | string;
  body: string;
  status: string;
  hold_reasons: string;
  report_count: number | string;
  helpful_count: number | string;
  created_at: string;
  status_at: string;
  photo_ids: string | null;
}

const SELECT = `SELECT r.*, m.kind, m.nickname,
  (SELECT string_agg(p.id, ',') FROM review_photos p WHERE p.review_id = r.id) AS photo_ids
  FROM reviews r JOIN members m ON m.id = r.member_id`;

function fromRow(row: ReviewRow): StoredReview {
  return {
    id: row.id,
    placeId: row.place_id,
    memberId: row.member_id,
    authorKind: row.kind as MemberKind,
    nickname: row.nickname,
    rating: Number(row.rating),
    body: row.body,
    status: row.status as ReviewStatus,
    holdReasons: JSON.parse(row.hold_reasons) as unknown[],
    reportCount: Number(row.report_count),
    helpfulCount: Number(row.helpful_count),
    createdAt: row.created_at,
    statusAt: row.status_at,
    photoIds: row.photo_ids ? row.photo_ids.split(",").sort() : [],
  };
}

export interface RatingSummary {
  count: number;
  average: number | null;
}

export class ReviewStore {
  private readonly select: string;

  constructor(private readonly db: Database) {
    // SQLite names the aggregate group_concat; PostgreSQL string_agg.
    this.select = db.dialect === "sqlite" ? SELECT.replace("string_agg(p.id, ',')", "group_concat(p.id, ',')") : SELECT;
  }

  private async many(where: string, params: Array<string | number>, tail = "ORDER BY r.created_at DESC"): Promise<StoredReview[]> {
    const rows = await this.db.all<ReviewRow & Record<string, unknown>>(`${this.select} WHERE ${where} ${tail}`, params);
    return rows.map(fromRow);
  }

  async get(id: string): Promise<StoredReview | null> {
    return (await this.many("r.id = ?", [id]))[0] ?? null;
  }

  async published(placeId: string, limit: number): Promise<StoredReview[]> {
    return this.many("r.place_id = ? AND r.status = 'published'", [placeId], `ORDER BY r.created_at DESC LIMIT ${Math.trunc(limit)}`);
  }

  async summary(placeId: string): Promise<RatingSummary> {
    const rows = await this.db.all<{ n: number | string; average: number | string | null }>(
      "SELECT COUNT(*) AS n, AVG(rating) AS average FROM reviews WHERE place_id = ? AND status = 'published'",
      [placeId],
    );
    const count = Number(rows[0]?.n ?? 0);
    return { count, average: count === 0 ? null : Math.round(Number(rows[0]?.average) * 10) / 10 };
  }

  async byMember(memberId: string): Promise<StoredReview[]> {
    return this.many("r.member_id = ? AND r.status <> 'withdrawn'", [memberId]);
  }

  /** Reviews waiting for a moderator: pending and hidden, oldest first. */
  async awaitingModeration(): Promise<StoredReview[]> {
    return this.many("r.status IN ('pending', 'hidden')", [], "ORDER BY r.status_at ASC");
  }

  /**
   * Stores a new review. A place another instance removed a moment ago is refused (404)
   * even while its row stays for the reviews it has; one deleted outright fails at the
   * foreign key (409).
   */
  async insert(review: { placeId: string; memberId: string; rating: number; body: string; status: ReviewStatus; holdReasons: unknown[] }, tx: Queryable = this.db): Promise<string> {
    if ((await placeState(tx, review.placeId)) === "removed") throw ApiError.notFound(say("这个地点", "place"));
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(
      "INSERT INTO reviews (id, place_id, member_id, rating, body, status, hold_reasons, created_at, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [id, review.placeId, review.memberId, review.rating, review.body, review.status, JSON.stringify(review.holdReasons), now, now],
    );
    return id;
  }

  /**
   * Changes the status and stamps the time. Publishing (a moderator's approval) starts the
   * report count afresh, so reports a moderator has already weighed do not count again.
   */
  async setStatus(id: string, status: ReviewStatus, tx: Queryable = this.db): Promise<void> {
    const reset = status === "published" ? ", report_count = 0" : "";
    await tx.run(`UPDATE reviews SET status = ?, status_at = ?${reset} WHERE id = ?`, [status, new Date().toISOString(), id]);
  }

  /** Counts one more report and returns the new count. */
  async countReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE reviews SET report_count = report_count + 1 WHERE id = ?", [id]);
    const rows = await tx.all<{ report_count: number | string }>("SELECT report_count FROM reviews WHERE id = ?", [id]);
    return Number(rows[0]?.report_count ?? 0);
  }

  async addPhoto(reviewId: string, photo: { data: Buffer; width: number; height: number; mediaType: string }): Promise<string> {
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO review_photos (id, review_id, media_type, width, height, bytes, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [id, reviewId, photo.mediaType, photo.width, photo.height, photo.data.length, photo.data.toString("base64"), new Date().toISOString()],
    );
    return id;
  }

  async photo(id: string): Promise<{ reviewId: string; mediaType: string; data: Buffer } | null> {
    const rows = await this.db.all<{ review_id: string; media_type: string; data: string }>("SELECT review_id, media_type, data FROM review_photos WHERE id = ?", [id]);
    const row = rows[0];
    return row ? { reviewId: row.review_id, mediaType: row.media_type, data: Buffer.from(row.data, "base64") } : null;
  }

  /** Records a helpful vote once per member; returns the review's count. */
  async vote(reviewId: string, memberId: string, helpful: boolean): Promise<number> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.all("SELECT 1 FROM review_votes WHERE review_id = ? AND member_id = ?", [reviewId, memberId]);
      if (helpful && existing.length === 0) {
        // A concurrent vote of the same member makes this insert fail; the transaction then
        // rolls back and the caller retries once (see ReviewService.helpful).
        await tx.run("INSERT INTO review_votes (review_id, member_id, created_at) VALUES (?, ?, ?)", [reviewId, memberId, new Date().toISOString()]);
        await tx.run("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?", [reviewId]);
      } else if (!helpful && existing.length > 0) {
        await tx.run("DELETE FROM review_votes WHERE review_id = ? AND member_id = ?", [reviewId, memberId]);
        await tx.run("UPDATE reviews SET helpful_count = helpful_count - 1 WHERE id = ?", [reviewId]);
      }
      const rows = await tx.all<{ helpful_count: number | string }>("SELECT helpful_count FROM reviews WHERE id = ?", [reviewId]);
      return Number(rows[0]?.helpful_count ?? 0);
    });
  }

  /** The reviews among `ids` this member found helpful. */
  async votedBy(memberId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.all<{ review_id: string }>(
      `SELECT review_id FROM review_votes WHERE member_id = ? AND review_id IN (${ids.map(() => "?").join(",")})`,
      [memberId, ...ids],
    );
    return new Set(rows.map((r) => r.review_id));
  }
}
