/**
 * The live status of every place, held in memory and kept in step with the table: this
 * instance's own changes and, through the change feed, every other instance's are read as
 * "the rows after the last id seen" (`catchUp`, one read at a time, in id order) and sent
 * on the stream. Answers (a place's status, a region's, the open-now rule) are from memory,
 * with what has expired dropped at the time of asking.
 */
import type { StatusChangeInput } from "../core/api/live.ts";
import { type LiveStatus, activeStatus, closedByStaff, saysAnything } from "../core/api/live-vocabulary.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Guard, refusalError, refusalOf } from "../safety/index.ts";
import { expiryOf } from "./status-expiry.ts";
import { applyChange, emptyStatus } from "./status-fold.ts";
import { type StatusRow, changesAfter, insertChange, lastChangeId, latestChanges } from "./status-store.ts";
import { type Replay, StatusStream } from "./status-stream.ts";

/** What the service needs to know of a place. */
export interface LivePlace {
  id: string;
  regionId: string;
  name: { zh?: string | null; en?: string | null };
}

export interface LiveStatusOptions {
  placeOf: (id: string) => LivePlace | null;
  timeZoneOf: (regionId: string) => string;
  guard: Guard;
  /** The stream's heartbeat (tests shorten it). */
  heartbeatMs?: number;
}

/** A reconnecting stream that missed more than this many changes reloads instead. */
const REPLAY_LIMIT = 5_000;
const BATCH = 1_000;

export class LiveStatusService {
  private readonly statuses = new Map<string, { status: LiveStatus; regionId: string }>();
  private lastId = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  readonly stream: StatusStream;

  constructor(private readonly db: Database, private readonly options: LiveStatusOptions) {
    this.stream = new StatusStream((after, region) => this.replay(after, region), options.heartbeatMs);
  }

  /** The highest change id this instance has applied and sent. */
  get lastChangeId(): number {
    return this.lastId;
  }

  /** Reads the current statuses from the table (at start). */
  async load(now = new Date()): Promise<void> {
    const last = await lastChangeId(this.db);
    this.statuses.clear();
    for (const row of await latestChanges(this.db, now)) this.apply(row);
    this.lastId = Math.max(this.lastId, last);
  }

  /** A place's status now (every facet null when nothing holds). */
  status(placeId: string, now = new Date()): LiveStatus {
    const held = this.statuses.get(placeId);
    return held ? activeStatus(held.status, now) : emptyStatus(placeId);
  }

  /** Every place of a region whose status says something now. */
  regionStatuses(regionId: string, now = new Date()): LiveStatus[] {
    const out: LiveStatus[] = [];
    for (const { status, regionId: region } of this.statuses.values()) {
      if (region === regionId && saysAnything(status, now)) out.push(activeStatus(status, now));
    }
    return out;
  }

  /** Whether staff said the place is closed now: the open-now filters leave it out. */
  closedNow(placeId: string, now = new Date()): boolean {
    return closedByStaff(this.statuses.get(placeId)?.status, now);
  }

  /** Sets one facet of a place's status for `userId` (already authorised), then sends it. */
  async set(userId: string, placeId: string, change: StatusChangeInput, now = new Date()): Promise<LiveStatus> {
    const place = this.options.placeOf(placeId);
    if (!place) throw ApiError.notFound(say(`地点 ${placeId}`, `place ${placeId}`));
    const expiry = expiryOf(change, now, this.options.timeZoneOf(place.regionId));
    if (!expiry.ok) throw ApiError.invalid(expiry.field, expiry.message);
    const value = change.facet === "opening" ? change.state : change.facet === "crowding" ? change.level : change.text;
    const reason = change.facet === "opening" ? (change.reason ?? null) : null;
    for (const [field, text] of [["text", change.facet === "notice" ? value : null], ["reason", reason]] as const) {
      if (text) this.screen(text, field);
    }
    await insertChange(this.db, {
      placeId, regionId: place.regionId, facet: change.facet, value, reason,
      until: expiry.until?.toISOString() ?? null, setAt: now.toISOString(), setBy: userId,
    });
    await this.catchUp();
    return this.status(placeId, now);
  }

  /**
   * Applies and sends every change after the last one seen, in id order (called after this
   * instance's writes and by the change feed for other instances'). Calls while one read
   * runs make one more read, not one each.
   */
  catchUp(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        for (;;) {
          const rows = await changesAfter(this.db, this.lastId, BATCH);
          for (const row of rows) {
            const status = this.apply(row);
            this.lastId = row.id;
            this.stream.publish(row.id, { placeId: row.placeId, regionId: row.regionId, facet: row.facet, status: activeStatus(status, new Date()) });
          }
          if (rows.length < BATCH) break;
        }
      } while (this.again);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  /**
   * Refuses a text venue staff would show on a children's map at once, with no moderator
   * between: read as a child's post (so personal information counts), anything the guard
   * would not pass is refused (422, nothing stored).
   */
  private screen(text: string, field: string): void {
    const checked = this.options.guard.check(text, "child");
    const refusal = refusalOf(checked, "child");
    if (refusal) throw refusalError(refusal, checked, field);
    if (checked.verdict !== "pass") {
      throw new ApiError(422, "held_for_safety", say("这段文字不能直接发布在儿童地图上，请换一种说法", "this text cannot go straight onto a children's map; please word it differently"), field, { reasons: checked.reasons.map((r) => ({ kind: r.kind, start: r.start, end: r.end })) });
    }
  }

  private apply(row: StatusRow): LiveStatus {
    const held = this.statuses.get(row.placeId);
    const status = applyChange(held?.status ?? emptyStatus(row.placeId), row);
    this.statuses.set(row.placeId, { status, regionId: row.regionId });
    return status;
  }

  /**
   * The changes after `after` for a reconnecting stream, each with the place's status now.
   * Rows this instance has not applied yet are left to `catchUp`, which sends them next.
   */
  private async replay(after: number, region: string | null): Promise<Replay> {
    const upTo = this.lastId;
    const rows = (await changesAfter(this.db, after, REPLAY_LIMIT + 1, region ?? undefined)).filter((row) => row.id <= upTo);
    if (rows.length > REPLAY_LIMIT) return { events: [], reset: true };
    const now = new Date();
    return {
      reset: false,
      events: rows.map((row) => ({ id: row.id, event: { placeId: row.placeId, regionId: row.regionId, facet: row.facet, status: this.status(row.placeId, now) } })),
    };
  }
}
