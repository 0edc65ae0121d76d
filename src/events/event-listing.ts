/**
 * The public list of events as occurrences in a range of days, and the task-12 indicator:
 * free or low-cost activities held, by district. Both expand each event's rule over the
 * range (recurrence.ts) in the venue's time zone; neither touches the database (the routes
 * hand them the events the store found).
 */
import type { EventListQuery } from "../core/api/events.ts";
import { distanceMeters } from "../core/geo.ts";
import type { EventPlace } from "./event-service.ts";
import type { StoredEvent } from "./event-store.ts";
import { occurrenceDays } from "./recurrence.ts";
import { addDays, isoInZone, todayIn, weekendOf, zonedInstant } from "./zoned-time.ts";

/** One time an event happens. */
export interface Occurrence {
  event: StoredEvent;
  place: EventPlace;
  date: string;
  start: number;
  end: number;
  distanceM: number | null;
}

/** The days a list covers, in the region's calendar, and whether it began at a default (then only what has not ended shows). */
export function listRange(query: Pick<EventListQuery, "from" | "to" | "when">, timeZone: string, now: number): { from: string; to: string; upcomingOnly: boolean } {
  const today = todayIn(timeZone, now);
  if (query.when === "today") return { from: today, to: today, upcomingOnly: true };
  if (query.when === "weekend") return { ...weekendOf(today), upcomingOnly: true };
  if (query.when === "week") return { from: today, to: addDays(today, 6), upcomingOnly: true };
  if (query.when === "month") return { from: today, to: addDays(today, 29), upcomingOnly: true };
  const from = query.from ?? today;
  return { from, to: query.to ?? addDays(from, 29), upcomingOnly: query.from === undefined };
}

/** Whether an event passes the list's filters (its place known). */
function passes(event: StoredEvent, query: EventListQuery): boolean {
  if (query.free && event.price !== "free") return false;
  if (query.cost && !query.cost.includes(event.price)) return false;
  if (query.age !== undefined && (query.age < event.ageMin || query.age > event.ageMax)) return false;
  if (query.kind && !query.kind.includes(event.kind)) return false;
  if (query.stroller && !event.stroller) return false;
  if (query.wheelchair && !event.wheelchair) return false;
  return true;
}

/**
 * The occurrences of `events` in the range that pass the filters, soonest first (nearest
 * first at equal times), at most `query.limit`; `truncated` when more were found.
 */
export function listOccurrences(
  events: readonly StoredEvent[],
  placeOf: (id: string) => EventPlace | null,
  query: EventListQuery,
  range: { from: string; to: string; upcomingOnly: boolean },
  now: number,
): { occurrences: Occurrence[]; truncated: boolean } {
  const found: Occurrence[] = [];
  for (const event of events) {
    if (!passes(event, query)) continue;
    const place = placeOf(event.placeId);
    if (!place) continue;
    const distanceM = query.near ? Math.round(distanceMeters([query.near[0], query.near[1]], [place.lon, place.lat])) : null;
    if (distanceM !== null && distanceM > query.radius * 1000) continue;
    for (const date of occurrenceDays(event.startDate, event.rule, range.from, range.to)) {
      const start = zonedInstant(date, event.startTime, event.timeZone);
      const end = zonedInstant(date, event.endTime, event.timeZone);
      if (range.upcomingOnly && end <= now) continue;
      found.push({ event, place, date, start, end, distanceM });
    }
  }
  found.sort((a, b) => a.start - b.start || (a.distanceM ?? 0) - (b.distanceM ?? 0) || a.event.id.localeCompare(b.event.id));
  return { occurrences: found.slice(0, query.limit), truncated: found.length > query.limit };
}

/** An occurrence as the API answers it. */
export const occurrenceJson = (o: Occurrence) => ({
  eventId: o.event.id,
  date: o.date,
  start: isoInZone(o.start, o.event.timeZone),
  end: isoInZone(o.end, o.event.timeZone),
  distanceM: o.distanceM,
});

/** One district's count of free and low-cost activities held. */
export interface DistrictCount {
  district: string | null;
  code: string | null;
  free: number;
  low: number;
  total: number;
  events: number;
}

/**
 * Task 12's indicator: the occurrences of free and low-cost published events in `from`..`to`
 * that had ended by `now` (held, not just announced), per district of their place, with the
 * number of distinct events; districts by name, the unknown last; and the total.
 */
export function countHeld(events: readonly StoredEvent[], placeOf: (id: string) => EventPlace | null, from: string, to: string, now: number): { districts: DistrictCount[]; total: DistrictCount } {
  const rows = new Map<string, DistrictCount>();
  const total: DistrictCount = { district: null, code: null, free: 0, low: 0, total: 0, events: 0 };
  for (const event of events) {
    if (event.price === "paid") continue;
    const place = placeOf(event.placeId);
    if (!place) continue;
    let held = 0;
    for (const date of occurrenceDays(event.startDate, event.rule, from, to)) {
      if (zonedInstant(date, event.endTime, event.timeZone) <= now) held++;
    }
    if (held === 0) continue;
    const key = place.district.code ?? place.district.name ?? "";
    const row = rows.get(key) ?? { district: place.district.name, code: place.district.code, free: 0, low: 0, total: 0, events: 0 };
    rows.set(key, row);
    for (const r of [row, total]) {
      r[event.price] += held;
      r.total += held;
      r.events += 1;
    }
  }
  const districts = [...rows.values()].sort((a, b) => (a.district === null ? 1 : 0) - (b.district === null ? 1 : 0) || (a.district ?? "").localeCompare(b.district ?? "", "zh"));
  return { districts, total };
}
