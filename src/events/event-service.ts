/**
 * What venue staff do with events: publish, change and cancel. The text (title, description,
 * capacity note) goes through the safety guard as an adult's post does: a blocked word is
 * refused (422, nothing stored); a text the guard holds, or scores as risky, waits for a
 * moderator (pending); anything else is published at once. The place decides the region and
 * its time zone; a repeating event's first day is the first its rule gives.
 */
import { type EventFields, EVENT_LIMITS } from "../core/api/events.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Guard, type GuardResult, RISK_HOLD_SCORE, refusalError, refusalOf } from "../safety/index.ts";
import type { EventRecord, EventStore, StoredEvent } from "./event-store.ts";
import { type Recurrence, firstOccurrence } from "./recurrence.ts";

/** What the events domain needs to know of a place. */
export interface EventPlace {
  id: string;
  regionId: string;
  name: string;
  lon: number;
  lat: number;
  address: string | null;
  district: { code: string | null; name: string | null };
}

/** The places an event may be at, and their regions' time zones. */
export interface EventPlaces {
  place(id: string): EventPlace | null;
  timeZoneOf(regionId: string): string;
}

/** The texts of an event the guard reads, in order, with the fields they came from. */
const SCREENED = ["title", "description", "capacityNote"] as const;

/** Everything staff wrote that a person reads, as one text, and which field each span lies in. */
export function screenedText(fields: Pick<EventFields, (typeof SCREENED)[number]>): { text: string; fieldAt(offset: number): string } {
  const starts: number[] = [];
  let text = "";
  for (const field of SCREENED) {
    starts.push(text.length);
    text += `${fields[field]}\n`;
  }
  return { text: text.trimEnd(), fieldAt: (offset) => SCREENED[starts.findLastIndex((s) => s <= offset)] ?? "title" };
}

/** Published, or waiting for a moderator, from the guard's reading of an adult's text. */
export function screeningOutcome(checked: GuardResult): "published" | "pending" {
  if (checked.verdict === "hold" || (checked.score ?? 0) >= RISK_HOLD_SCORE) return "pending";
  return "published";
}

function ruleOf(fields: EventFields): Recurrence {
  const r = fields.repeat;
  if (r.freq === "none") return { freq: "none", interval: 1, weekdays: [], monthlyBy: "day", until: null, exceptions: [] };
  return { freq: r.freq, interval: r.interval, weekdays: r.freq === "weekly" ? (r.weekdays ?? []) : [], monthlyBy: r.monthlyBy, until: r.until ?? null, exceptions: [...new Set(r.exceptions)].sort() };
}

export class EventService {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly guard: Guard,
    private readonly places: EventPlaces,
  ) {}

  /** The place an event names, or 404 (a removed place is not found). */
  place(id: string): EventPlace {
    const place = this.places.place(id);
    if (!place) throw ApiError.notFound(say(`地点 ${id}`, `place ${id}`));
    return place;
  }

  /** The record to store: place facts, the rule normalised, the screened text's outcome. */
  private record(fields: EventFields): EventRecord {
    const place = this.place(fields.placeId);
    const rule = ruleOf(fields);
    const first = firstOccurrence(fields.startDate, rule);
    if (!first) throw ApiError.invalid("repeat", say("在结束日期之前，这个重复规则一天也排不上", "the repeat rule gives no day before its end date"));
    const screened = screenedText(fields);
    const checked = this.guard.check(screened.text, "adult");
    const refusal = refusalOf(checked, "adult");
    if (refusal) throw refusalError(refusal, checked, screened.fieldAt(checked.reasons.find((r) => r.action === "block")?.start ?? 0));
    const status = screeningOutcome(checked);
    return {
      placeId: place.id,
      regionId: place.regionId,
      title: fields.title,
      description: fields.description,
      kind: fields.kind,
      startDate: first,
      startTime: fields.startTime,
      endTime: fields.endTime,
      timeZone: this.places.timeZoneOf(place.regionId),
      rule,
      lastDate: rule.until ?? first,
      ageMin: fields.ageMin,
      ageMax: fields.ageMax,
      price: fields.price,
      priceYuan: fields.price === "free" ? null : fields.priceYuan,
      booking: fields.booking,
      bookingUrl: fields.booking === "link" ? fields.bookingUrl : null,
      bookingPhone: fields.booking === "phone" ? fields.bookingPhone : null,
      capacityNote: fields.capacityNote,
      stroller: fields.stroller,
      wheelchair: fields.wheelchair,
      status,
      holdReasons: status === "pending" ? checked.reasons.map((r) => ({ kind: r.kind, rule: r.rule ?? null, start: r.start, end: r.end })) : [],
    };
  }

  async publish(userId: string, fields: EventFields): Promise<StoredEvent> {
    const record = this.record(fields);
    return this.store.insert(record, userId);
  }

  /** The event, or 404; staff of its place see it whatever its status. */
  async get(id: string): Promise<StoredEvent> {
    const event = await this.store.get(id);
    if (!event) throw ApiError.notFound(say("活动", "event"));
    return event;
  }

  /** Replaces an event; one a moderator hid or removed, or its venue cancelled, cannot be changed. */
  async change(id: string, fields: EventFields): Promise<StoredEvent> {
    const current = await this.get(id);
    if (current.status === "hidden" || current.status === "removed") {
      throw ApiError.conflict(say("这个活动已被内容审核员隐藏或删除，不能修改", "a moderator hid or removed this event; it cannot be changed"));
    }
    if (current.status === "cancelled") throw ApiError.conflict(say("已取消的活动不能修改，请重新发布", "a cancelled event cannot be changed; publish it again"));
    return this.db.transaction((tx) => this.store.update(id, this.record(fields), tx));
  }

  /** Cancels an event: it leaves the lists, and calendars that hold it learn it is cancelled. */
  async cancel(id: string): Promise<StoredEvent> {
    const current = await this.get(id);
    if (current.status === "removed") throw ApiError.conflict(say("这个活动已被删除", "this event was removed"));
    if (current.status !== "cancelled") await this.store.setStatus(id, "cancelled");
    return this.get(id);
  }

  /** The longest range a list may cover, checked where the range is known. */
  static checkRange(from: string, to: string, most: number = EVENT_LIMITS.maxRangeDays, field = "to"): void {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days >= most) throw ApiError.invalid(field, say(`日期范围最多 ${most} 天`, `the range covers at most ${most} days`));
  }
}
