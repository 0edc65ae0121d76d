/**
 * Events as the API answers them (the contract's eventAnswer) and as calendar files hold
 * them: the place's name, district and address beside what staff wrote, and the summary,
 * description and location a calendar shows, in Chinese first with the English words.
 */
import { EVENT_BOOKING_LABELS, EVENT_KIND_LABELS, EVENT_PRICE_LABELS, type EventAnswer } from "../core/api/events.ts";
import type { EventPlace } from "./event-service.ts";
import type { StoredEvent } from "./event-store.ts";
import type { CalendarEntry } from "./ics.ts";

/** The event as the API answers it. */
export function eventJson(event: StoredEvent, place: EventPlace | null): EventAnswer {
  return {
    id: event.id,
    placeId: event.placeId,
    place: { name: place?.name ?? event.placeId, district: place?.district.name ?? null, position: place ? [place.lon, place.lat] : [0, 0], address: place?.address ?? null },
    regionId: event.regionId,
    timeZone: event.timeZone,
    title: event.title,
    description: event.description,
    kind: event.kind,
    startDate: event.startDate,
    startTime: event.startTime,
    endTime: event.endTime,
    repeat: { freq: event.rule.freq, interval: event.rule.interval, weekdays: [...event.rule.weekdays], monthlyBy: event.rule.monthlyBy, until: event.rule.until, exceptions: [...event.rule.exceptions] },
    ageMin: event.ageMin,
    ageMax: event.ageMax,
    price: event.price,
    priceYuan: event.priceYuan,
    booking: event.booking,
    bookingUrl: event.bookingUrl,
    bookingPhone: event.bookingPhone,
    capacityNote: event.capacityNote,
    stroller: event.stroller,
    wheelchair: event.wheelchair,
    status: event.status,
    updatedAt: event.updatedAt,
    ics: `/api/events/${event.id}.ics`,
  };
}

const both = (words: { zh: string; en: string }) => `${words.zh} ${words.en}`;

/** What a calendar's description says: the text, then age, price, booking, accessibility. */
function calendarDescription(event: StoredEvent): string {
  const price = event.price === "free" ? both(EVENT_PRICE_LABELS.free) : `${both(EVENT_PRICE_LABELS[event.price])}${event.priceYuan === null ? "" : ` ¥${event.priceYuan}`}`;
  const booking = [both(EVENT_BOOKING_LABELS[event.booking]), event.bookingUrl, event.bookingPhone].filter(Boolean).join(" ");
  const access = [event.stroller ? "婴儿车可通行 Stroller friendly" : null, event.wheelchair ? "轮椅可达 Wheelchair accessible" : null].filter(Boolean).join("；");
  return [
    event.description,
    `适合年龄 Ages: ${event.ageMin}–${event.ageMax}`,
    `费用 Price: ${price}`,
    `预约 Booking: ${booking}`,
    event.capacityNote ? `名额 Places: ${event.capacityNote}` : null,
    access || null,
  ].filter((line): line is string => Boolean(line)).join("\n");
}

/** The event as a calendar file holds it; `origin` makes the link back absolute when known. */
export function calendarEntry(event: StoredEvent, place: EventPlace | null, origin: string | null): CalendarEntry {
  return {
    uid: `${event.id}@tongxing`,
    changedAt: event.updatedAt > event.statusAt ? event.updatedAt : event.statusAt,
    sequence: event.sequence,
    startDate: event.startDate,
    startTime: event.startTime,
    endTime: event.endTime,
    timeZone: event.timeZone,
    rule: event.rule,
    summary: event.title,
    description: calendarDescription(event),
    location: [place?.name, place?.address].filter(Boolean).join("，"),
    geo: place ? [place.lat, place.lon] : null,
    url: origin ? `${origin}/events.html?event=${event.id}` : null,
    categories: [EVENT_KIND_LABELS[event.kind].zh],
    cancelled: event.status === "cancelled",
  };
}
