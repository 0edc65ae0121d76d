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
