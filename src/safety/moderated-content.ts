/**
 * What moderation needs of any kind of user content (reviews today, children's ideas
 * later): find an item, list those awaiting a moderator, change its status, count a report.
 * Each content domain provides one adapter; moderation never reads their tables itself.
 */
import type { Queryable } from "../platform/database/database.ts";

export type ModeratedStatus = "pending" | "published" | "hidden" | "removed" | "withdrawn";

export interface ModeratedItem {
  type: string;
  id: string;
  status: ModeratedStatus;
  authorId: string;
  authorNickname: string;
  authorIsMinor: boolean;
  /** Staff posted it (a venue's event, a unit's guide): no family account to warn or suspend. */
  authorIsStaff: boolean;
  text: string;
  /** Where it is shown (a place id), for the moderator's context. */
  placeId: string | null;
  rating: number | null;
  photoIds: string[];
  /** Why the guard held it, as it said at posting. */
  holdReasons: unknown[];
  reportCount: number;
  createdAt: string;
  statusAt: string;
  /** Set by the moderation queue from the guard's reading of `text` now: how urgent (0..1). */
  risk?: number;
  /** The classifier's score of `text` (0..1). */
  score?: number;
  /** What the guard finds in `text` now, with spans in `text`, for the moderator's screen. */
  spans?: RiskSpan[];
}

/** One finding of the guard, as the queue shows it. */
export interface RiskSpan {
  kind: string;
  rule: string | null;
  category: string | null;
  start: number;
  end: number;
}

export interface ContentAdapter {
  readonly type: string;
  find(id: string): Promise<ModeratedItem | null>;
  awaiting(): Promise<ModeratedItem[]>;
  setStatus(id: string, status: "published" | "hidden" | "removed", tx: Queryable): Promise<void>;
  countReport(id: string, tx: Queryable): Promise<number>;
}

/** What moderators may do to an author's account. */
export interface MemberSanctions {
  warn(memberId: string, tx: Queryable): Promise<void>;
  suspend(memberId: string, until: string, tx: Queryable): Promise<void>;
  closeAllSessions(memberId: string, tx: Queryable): Promise<void>;
}
