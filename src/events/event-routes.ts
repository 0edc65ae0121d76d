/**
 * Events over HTTP:
 *   GET  /api/events?region=&from=&to=|when=&free=&age=&near=&kind=&place=   public: occurrences
 *   GET  /api/events/indicator?region=&from=&to=   public: task 12's free/low-cost activities held, by district
 *   GET  /api/events/{id}          public: a published or cancelled event
 *   GET  /api/events/{id}.ics      public: its calendar file
 *   GET  /api/places/{id}/events.ics   public: the venue's calendar (published and cancelled events)
 *   POST /api/events               venue staff of the body's place, or an administrator
 *   PUT  /api/events/{id}          the same, of the event's place (and of the new one)
 *   POST /api/events/{id}/cancel   the same
 *   GET  /api/staff/events?place=  the same: every event of the place, whatever its status
 * Staff routes ask who is signed in before they read the body (401 first).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { EVENT_LIMITS, eventBodySchema, eventIdParams, eventIndicatorQuery, eventListQuery, placeEventsParams, staffEventsQuery } from "../core/api/events.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { countHeld, listOccurrences, listRange, occurrenceJson } from "./event-listing.ts";
import { calendarEntry, eventJson } from "./event-presenter.ts";
import { type EventPlace, EventService } from "./event-service.ts";
import type { EventStore, StoredEvent } from "./event-store.ts";
import { calendarText } from "./ics.ts";
import { todayIn } from "./zoned-time.ts";

/** The roles that publish events; their place is checked after (another venue's place: 403). */
const PUBLISHERS = ["admin", "venue"] as const;

/** Who may publish at a place: an administrator, or venue staff bound to it (401 / 403 otherwise). */
export interface VenueGuard {
  require(request: FastifyRequest, roles: readonly ("admin" | "venue")[]): Promise<{ id: string }>;
  requireVenue(request: FastifyRequest, placeId: string): Promise<{ id: string }>;
}

export interface EventRouteDeps {
  service: EventService;
  store: EventStore;
  staff: VenueGuard;
  place(id: string): EventPlace | null;
  hasRegion(id: string): boolean;
  timeZoneOf(regionId: string): string;
  now(): number;
}

const PUBLIC: ReadonlySet<StoredEvent["status"]> = new Set(["published", "cancelled"]);
const CALENDAR_TYPE = "text/calendar; charset=utf-8";

/** An ASCII file name (a calendar app shows the calendar's own name). */
const attachment = (name: string) => `attachment; filename="${name}.ics"`;
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function eventRoutes(app: FastifyInstance, deps: EventRouteDeps): Promise<void> {
  const { service, store } = deps;
  const region = (id: string) => {
    if (!deps.hasRegion(id)) throw ApiError.notFound(say(`地区 ${id}`, `region ${id}`));
    return id;
  };

  app.get("/api/events", async (request) => {
    const query = parseRequest(eventListQuery, request.query);
    const place = query.place ? service.place(query.place) : null;
    const regionId = query.region ? region(query.region) : place!.regionId;
    if (place && place.regionId !== regionId) throw ApiError.invalid("place", say("这个地点不在所选地区", "the place is not in that region"));
    const timeZone = deps.timeZoneOf(regionId);
    const now = deps.now();
    const range = listRange(query, timeZone, now);
    EventService.checkRange(range.from, range.to);
    const events = await store.publishedBetween({ regionId, placeId: place?.id }, range.from, range.to);
    const { occurrences, truncated } = listOccurrences(events, deps.place, query, range, now);
    const shown = new Map(occurrences.map((o) => [o.event.id, eventJson(o.event, o.place)]));
    return { from: range.from, to: range.to, timeZone, occurrences: occurrences.map(occurrenceJson), events: Object.fromEntries(shown), truncated };
  });

  // Public, as the progress page is: the count comes from events anyone can see, and the
  // public can hold the city to its task-12 promise by district.
  app.get("/api/events/indicator", async (request) => {
    const query = parseRequest(eventIndicatorQuery, request.query);
    region(query.region);
    EventService.checkRange(query.from, query.to, EVENT_LIMITS.maxIndicatorDays);
    const now = deps.now();
    const events = await store.publishedBetween({ regionId: query.region }, query.from, query.to);
    const counted = countHeld(events, deps.place, query.from, query.to, now);
    return { region: query.region, from: query.from, to: query.to, heldUntil: new Date(now).toISOString(), lowCostMaxYuan: EVENT_LIMITS.lowCostMaxYuan, ...counted };
  });

  /** A published or cancelled event, or 404. */
  const publicEvent = async (params: unknown) => {
    const { id } = parseRequest(eventIdParams, params);
    const event = await store.get(id);
    if (!event || !PUBLIC.has(event.status)) throw ApiError.notFound(say("活动", "event"));
    return event;
  };

  app.get("/api/events/:id", async (request) => {
    const event = await publicEvent(request.params);
    return { event: eventJson(event, deps.place(event.placeId)) };
  });

  app.get("/api/events/:id.ics", async (request, reply) => {
    const event = await publicEvent(request.params);
    return sendCalendar(reply, event.title, [calendarEntry(event, deps.place(event.placeId), originOf(request))], `event-${event.id}`);
  });

  app.get("/api/places/:id/events.ics", async (request, reply) => {
    const { id } = parseRequest(placeEventsParams, request.params);
    const place = service.place(id);
    const events = await store.ofPlaceForCalendar(id);
    return sendCalendar(reply, `${place.name} · 活动`, events.map((e) => calendarEntry(e, place, originOf(request))), `place-${id.replace(/[^a-z0-9-]/g, "-")}-events`);
  });

  app.post("/api/events", async (request, reply) => {
    await deps.staff.require(request, PUBLISHERS);
    const fields = parseRequest(eventBodySchema, request.body);
    const user = await deps.staff.requireVenue(request, fields.placeId);
    const event = await service.publish(user.id, fields);
    return reply.code(201).send({ event: eventJson(event, deps.place(event.placeId)) });
  });

  app.put("/api/events/:id", async (request) => {
    await deps.staff.require(request, PUBLISHERS);
    const { id } = parseRequest(eventIdParams, request.params);
    const current = await service.get(id);
    await deps.staff.requireVenue(request, current.placeId);
    const fields = parseRequest(eventBodySchema, request.body);
    if (fields.placeId !== current.placeId) await deps.staff.requireVenue(request, fields.placeId);
    const event = await service.change(id, fields);
    return { event: eventJson(event, deps.place(event.placeId)) };
  });

  app.post("/api/events/:id/cancel", async (request) => {
    await deps.staff.require(request, PUBLISHERS);
    const { id } = parseRequest(eventIdParams, request.params);
    const current = await service.get(id);
    await deps.staff.requireVenue(request, current.placeId);
    const event = await service.cancel(id);
    return { event: eventJson(event, deps.place(event.placeId)) };
  });

  app.get("/api/staff/events", async (request) => {
    await deps.staff.require(request, PUBLISHERS);
    const { place } = parseRequest(staffEventsQuery, request.query);
    await deps.staff.requireVenue(request, place);
    const known = service.place(place);
    const events = await store.ofPlace(place);
    return { today: todayIn(deps.timeZoneOf(known.regionId), deps.now()), events: events.map((e) => eventJson(e, known)) };
  });
}

function sendCalendar(reply: FastifyReply, name: string, entries: Parameters<typeof calendarText>[1], file: string) {
  return reply.type(CALENDAR_TYPE).header("content-disposition", attachment(file)).header("cache-control", "no-cache").send(calendarText(name, entries));
}
