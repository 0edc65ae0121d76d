/**
 * Client of the events API: the public list of occurrences, one place's coming events, and
 * for venue staff their place's events, publishing, changing and cancelling. Types come from
 * the contract (src/core/api/events.ts) so the page and the server cannot disagree.
 */
import type { EventAnswer, EventInput, EventListAnswer } from "../../../../src/core/api/events.ts";
import { getJson } from "../../shared/api.ts";
import { getField, isRecord, segment, sendField } from "../../shared/http.ts";

export type { EventAnswer, EventInput, EventListAnswer };

/** What the family chose on the page. */
export interface EventFilters {
  region: string;
  when: "weekend" | "today" | "week" | "month" | null;
  /** Instead of `when`: a month of the calendar view, first and last day. */
  range: { from: string; to: string } | null;
  free: boolean;
  age: number | null;
  kind: string | null;
  /** [lat, lon] when "near me" is on. */
  near: readonly [number, number] | null;
  place: string | null;
}

/** The query string of GET /api/events for the filters. */
export function listQuery(f: EventFilters, limit = 200): string {
  const q = new URLSearchParams();
  if (f.place) q.set("place", f.place);
  else q.set("region", f.region);
  if (f.range) {
    q.set("from", f.range.from);
    q.set("to", f.range.to);
  } else if (f.when) q.set("when", f.when);
  if (f.free) q.set("free", "true");
  if (f.age !== null) q.set("age", String(f.age));
  if (f.kind) q.set("kind", f.kind);
  if (f.near) q.set("near", `${f.near[0].toFixed(5)},${f.near[1].toFixed(5)}`);
  q.set("limit", String(limit));
  return q.toString();
}

const isList = (value: unknown): value is EventListAnswer => isRecord(value) && Array.isArray(value["occurrences"]) && isRecord(value["events"]);

export async function fetchOccurrences(f: EventFilters, signal?: AbortSignal): Promise<EventListAnswer> {
  const answer = await getJson(`/api/events?${listQuery(f)}`, signal);
  if (!isList(answer)) throw new Error("bad events answer");
  return answer;
}

/** A place's occurrences in the next 30 days. */
export async function fetchPlaceOccurrences(placeId: string, signal?: AbortSignal): Promise<EventListAnswer> {
  const answer = await getJson(`/api/events?place=${segment(placeId)}&when=month&limit=20`, signal);
  if (!isList(answer)) throw new Error("bad events answer");
  return answer;
}

/** Every event of a place, for its staff. */
export const fetchPlaceEvents = (placeId: string): Promise<EventAnswer[]> => getField<EventAnswer[]>(`/api/staff/events?place=${segment(placeId)}`, "events", Array.isArray);

export const publishEvent = (input: EventInput): Promise<EventAnswer> => sendField<EventAnswer>("POST", "/api/events", input, "event", isRecord);
export const changeEvent = (id: string, input: EventInput): Promise<EventAnswer> => sendField<EventAnswer>("PUT", `/api/events/${segment(id)}`, input, "event", isRecord);
export const cancelEvent = (id: string): Promise<EventAnswer> => sendField<EventAnswer>("POST", `/api/events/${segment(id)}/cancel`, {}, "event", isRecord);

/** The event's calendar file, and the venue's. */
export const eventIcsLink = (id: string): string => `/api/events/${segment(id)}.ics`;
export const placeIcsLink = (placeId: string): string => `/api/places/${segment(placeId)}/events.ics`;
