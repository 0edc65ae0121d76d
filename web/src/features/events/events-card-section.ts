/**
 * The place card's section of coming events (the card's `sections.bottom`): up to three
 * occurrences in the next 30 days, each with "加入日历", the venue's whole calendar to
 * subscribe to, and a link to all of them on the events page. It draws a heading at once
 * and fills in when the answer comes; a place without events shows one quiet line.
 */
import "./events.css";
import type { PlaceFeature } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { fetchPlaceOccurrences, placeIcsLink } from "./events-api.ts";
import { t } from "./events-messages.ts";
import { occurrenceCard } from "./events-views.ts";

/** How many occurrences the card shows. */
const SHOWN = 3;

/** The section for `place` (a CardSection: web/src/features/place-card/card-sections.ts). */
export function eventsCardSection(place: PlaceFeature): Node | null {
  const body = el("div", { class: "ev-card-body", "aria-live": "polite" }, el("p", { class: "muted" }, t("evLoading")));
  const section = el("section", { class: "ev-card-section", "aria-labelledby": `ev-card-title-${place.id}` }, el("h3", { class: "ev-card-heading", id: `ev-card-title-${place.id}` }, t("evCardTitle")), body);
  fetchPlaceOccurrences(place.id)
    .then((answer) => {
      if (answer.occurrences.length === 0) return replaceChildren(body, el("p", { class: "muted" }, t("evCardNone")));
      replaceChildren(
        body,
        ...answer.occurrences.slice(0, SHOWN).map((o) => occurrenceCard(o, answer.events[o.eventId]!, "h4")),
        el("p", { class: "ev-card-links" },
          el("a", { href: `/events.html?place=${encodeURIComponent(place.id)}` }, t("evCardMore")),
          " · ",
          el("a", { href: placeIcsLink(place.id), download: `place-events.ics` }, t("evVenueCalendar"))),
      );
    })
    .catch(() => replaceChildren(body, el("p", { class: "muted" }, t("evCardNone"))));
  return section;
}
