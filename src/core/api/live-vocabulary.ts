/**
 * The live status of a place (场馆实时状态) without zod: what venue staff can say about today
 * (open, closed today, temporarily closed, how crowded, a notice), the limits, the shape the
 * API answers and the stream sends, and the one rule that drops what has expired. The
 * server's schemas (live.ts) are built from these; the browser imports them as values.
 */

/** What staff say about opening: open today, closed today, or closed until a given time. */
export const OPENING_STATES = ["open", "closed_today", "temporarily_closed"] as const;
export type OpeningState = (typeof OPENING_STATES)[number];

/** How crowded the place is now. */
export const CROWDING_LEVELS = ["quiet", "busy", "full"] as const;
export type CrowdingLevel = (typeof CROWDING_LEVELS)[number];

/** The three things a status change sets, each on its own: one row of history each. */
export const STATUS_FACETS = ["opening", "crowding", "notice"] as const;
export type StatusFacet = (typeof STATUS_FACETS)[number];

/** The longest notice or closure reason, in characters. */
export const NOTICE_MAX_LENGTH = 140;
/** A notice lasts at most this many days. */
export const NOTICE_MAX_DAYS = 30;
/** A temporary closure is said for at most this many days (then it is said again). */
export const CLOSURE_MAX_DAYS = 366;
/** A crowding report lasts this long unless renewed. */
export const CROWDING_HOURS = 2;

/** What staff said about opening, and until when it holds. */
export interface OpeningStatus {
  readonly state: OpeningState;
  readonly reason: string | null;
  readonly until: string;
  readonly setAt: string;
}

/** How crowded, until when (two hours after it was said). */
export interface CrowdingStatus {
  readonly level: CrowdingLevel;
  readonly until: string;
  readonly setAt: string;
}

/** A short notice to visitors, until when. */
export interface NoticeStatus {
  readonly text: string;
  readonly until: string;
  readonly setAt: string;
}

/**
 * A place's live status: each facet null when nothing (or nothing unexpired) was said.
 * `changeId` is the last change of the place this status includes (0: none).
 */
export interface LiveStatus {
  readonly placeId: string;
  readonly opening: OpeningStatus | null;
  readonly crowding: CrowdingStatus | null;
  readonly notice: NoticeStatus | null;
  readonly changeId: number;
}

/** One event of the status stream: `id:` is `changeId`, `event: status`, this as `data:`. */
export interface StatusEvent {
  readonly placeId: string;
  readonly regionId: string;
  readonly facet: StatusFacet;
  readonly status: LiveStatus;
}

/** The status with every facet whose `until` has passed at `now` taken away. */
export function activeStatus(status: LiveStatus, now: Date): LiveStatus {
  const live = <T extends { until: string }>(facet: T | null): T | null => (facet && Date.parse(facet.until) > now.getTime() ? facet : null);
  return { ...status, opening: live(status.opening), crowding: live(status.crowding), notice: live(status.notice) };
}

/** Whether staff said the place is closed at `now` (closed today, or a temporary closure not yet over). */
export function closedByStaff(status: LiveStatus | null | undefined, now: Date): boolean {
  const opening = status?.opening;
  return !!opening && opening.state !== "open" && Date.parse(opening.until) > now.getTime();
}

/** Whether a status says anything at `now`. */
export function saysAnything(status: LiveStatus, now: Date): boolean {
  const active = activeStatus(status, now);
  return active.opening !== null || active.crowding !== null || active.notice !== null;
}
