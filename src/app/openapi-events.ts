/**
 * The OpenAPI paths, body examples and answer schemas of venues' events (活动, plan task 12),
 * generated from the contract in src/core/api/events.ts; openapi.ts merges EVENT_PATHS into
 * the paths and openapi-components.ts EVENT_ANSWER_SCHEMAS into the component schemas. Who
 * may call each operation is in access-table.ts (venue staff of the event's place, or an
 * administrator, for the changes; everyone for the reads).
 */
import type { z } from "zod";
import { eventAnswer, eventBodySchema, eventIdParams, eventIndicatorAnswer, eventIndicatorQuery, eventListAnswer, eventListQuery, placeEventsParams, staffEventsQuery } from "../core/api/events.ts";
import { type DraftOperation, type DraftPaths, created, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";
import { inputJsonSchema } from "./openapi-schema.ts";

export const EVENT_ANSWER_SCHEMAS = {
  Event: eventAnswer,
  EventList: eventListAnswer,
  EventIndicator: eventIndicatorAnswer,
} as const;

/** Each JSON body with an example the server takes (the place is one of Hengyang's bundled ones). */
export const EVENT_BODIES = {
  event: {
    schema: eventBodySchema,
    example: {
      placeId: "hengyang-childrens-library", title: "周末亲子绘本共读", description: "绘本共读和手工，家长陪同。", kind: "reading",
      startDate: "2026-12-05", startTime: "10:00", endTime: "11:00",
      repeat: { freq: "weekly", weekdays: ["SA", "SU"], until: "2027-06-30", exceptions: ["2027-02-06"] },
      ageMin: 4, ageMax: 8, price: "free", booking: "on_site", capacityNote: "每场20组家庭", stroller: true, wheelchair: true,
    },
  },
} as const satisfies Record<string, { schema: z.ZodType; example: unknown }>;

function body(description: string): DraftOperation["requestBody"] {
  const { schema, example } = EVENT_BODIES.event;
  return { required: true, description, content: { "application/json": { schema: inputJsonSchema(schema), example } } } as unknown as DraftOperation["requestBody"];
}

const one = { type: "object", properties: { event: { $ref: "#/components/schemas/Event" } } };
const event = pathParameters(eventIdParams);
const HELD = "A text the safety guard holds (or scores as risky) makes the event pending until a moderator approves it (GET /api/moderation/queue, type \"event\"); a blocked word is refused with 422 and nothing is stored.";

export const EVENT_PATHS: DraftPaths = {
  "/api/events": {
    get: {
      summary: "Events as occurrences in a range of days (at most 92), soonest first: this weekend, free, for a child's age, near a point, by kind or place",
      description: "Days are the region's calendar and its time zone; when=weekend is Saturday and Sunday there (the coming ones on a weekday). Without from (or with when) only occurrences that have not ended are listed.",
      parameters: queryParameters(eventListQuery),
      responses: { ...ok("Occurrences with their events", "EventList"), ...refusal("404", "Region or place unknown") },
    },
    post: {
      summary: "Publish an event at a place (one-off, or repeating weekly or monthly until a day, with exception days)",
      description: `Venue staff of the body's place, or an administrator. ${HELD}`,
      requestBody: body("The event"),
      responses: { ...created("The event, published or pending", one), ...refusal("404", "No such place"), ...refusal("422", "The text has a blocked word") },
    },
  },
  "/api/events/indicator": {
    get: {
      summary: "Plan task 12: free and low-cost activities held (occurrences that have ended) in a period, by district of their place",
      description: "Public, as the progress page is: counted from published events anyone can see. A period covers at most 731 days.",
      parameters: queryParameters(eventIndicatorQuery),
      responses: { ...ok("Counts by district and in total", "EventIndicator"), ...refusal("404", "Region unknown") },
    },
  },
  "/api/events/{id}": {
    get: { summary: "One published (or cancelled) event", parameters: event, responses: ok("The event", one) },
    put: {
      summary: "Change an event (all of it); a moderator's hidden or removed event and a cancelled one cannot be changed",
      description: `Venue staff of the event's place (and of the new place, when it moves), or an administrator. ${HELD}`,
      parameters: event,
      requestBody: body("The event as it is to be"),
      responses: { ...ok("The event", one), ...refusal("409", "Hidden, removed or cancelled"), ...refusal("422", "The text has a blocked word") },
    },
  },
  "/api/events/{id}/cancel": {
    post: {
      summary: "Cancel an event: it leaves the lists, and its calendar file says STATUS:CANCELLED so calendars that hold it drop it",
      parameters: event,
      responses: { ...ok("The cancelled event", one), ...refusal("409", "Removed by a moderator") },
    },
  },
  "/api/events/{id}.ics": {
    get: {
      summary: "The event as an iCalendar file (RFC 5545): DTSTART with the venue's TZID and VTIMEZONE, RRULE and EXDATE for repeats",
      parameters: event,
      responses: { "200": file("iCalendar", "text/calendar") },
    },
  },
  "/api/places/{id}/events.ics": {
    get: {
      summary: "A venue's calendar: its published and cancelled events as one iCalendar file",
      parameters: pathParameters(placeEventsParams),
      responses: { "200": file("iCalendar", "text/calendar") },
    },
  },
  "/api/staff/events": {
    get: {
      summary: "Every event of a place whatever its status (pending, hidden, cancelled…), for its venue staff",
      parameters: queryParameters(staffEventsQuery),
      responses: { ...ok("The place's events", { type: "object", properties: { today: { type: "string" }, events: { type: "array", items: { $ref: "#/components/schemas/Event" } } } }), ...refusal("404", "No such place") },
    },
  },
};
