/**
 * Events as moderation sees them: the adapter the safety domain's moderation uses
 * (src/safety/moderated-content.ts), registered by the events domain. An event whose text
 * the guard held waits here; approving publishes it, hiding or removing takes it off the
 * lists and calendars. A venue's cancelled event is gone for moderation ("withdrawn").
 */
import type { ContentAdapter, ModeratedItem } from "../safety/index.ts";
import type { EventStore, StoredEvent } from "./event-store.ts";

function eventItem(event: StoredEvent, placeName: (id: string) => string | null): ModeratedItem {
  return {
    type: "event",
    id: event.id,
    status: event.status === "cancelled" ? "withdrawn" : event.status,
    authorId: event.createdBy,
    authorNickname: placeName(event.placeId) ?? event.placeId,
    authorIsMinor: false, authorIsStaff: true,
    text: [event.title, event.description, event.capacityNote].filter(Boolean).join("\n"),
    placeId: event.placeId,
    rating: null,
    photoIds: [],
    holdReasons: event.holdReasons,
    reportCount: event.reportCount,
    createdAt: event.createdAt,
    statusAt: event.statusAt,
  };
}

/** The adapter for events; the author shown is the venue (staff post in their venue's name). */
export function eventModeration(store: EventStore, placeName: (id: string) => string | null): ContentAdapter {
  return {
    type: "event",
    find: async (id) => {
      const event = await store.get(id);
      return event ? eventItem(event, placeName) : null;
    },
    awaiting: async () => (await store.awaitingModeration()).map((e) => eventItem(e, placeName)),
    setStatus: (id, status, tx) => store.setStatus(id, status, tx),
    countReport: (id, tx) => store.countReport(id, tx),
  };
}
