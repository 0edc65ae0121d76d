/**
 * The venue staff's view on the staff page: the places their account runs, each with the way
 * to its live status (venue.html) and its events (events.html), and the place on the map.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import type { StaffUser } from "../accounts/staff-session-api.ts";
import { t } from "./staff-messages.ts";

/** The query that opens a venue page on one place. */
const placeQuery = (placeId: string): string => `?place=${encodeURIComponent(placeId)}`;

export function showVenueHome(user: StaffUser, slot: HTMLElement): void {
  const rows = (user.placeIds ?? []).map((placeId) =>
    el(
      "li",
      { class: "venue-place", "data-place-id": placeId },
      el("code", {}, placeId),
      " · ",
      el("a", { href: `/venue.html${placeQuery(placeId)}` }, t("venueStatus")),
      " · ",
      el("a", { href: `/events.html${placeQuery(placeId)}#manage` }, t("venueEvents")),
      " · ",
      el("a", { href: `/${placeQuery(placeId)}` }, t("venueOnMap")),
    ),
  );
  replaceChildren(slot, el("h2", {}, t("tabVenue")), el("p", {}, t("venueIntro")), el("ul", { class: "venue-places" }, ...rows));
}
