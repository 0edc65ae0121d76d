/**
 * What the place card shows besides the place itself, one entry per feature: loaded with the
 * card (on the first place picked), so none of it weighs on the map's first load. The card
 * knows none of these (features/place-card/card-sections.ts).
 */
import type { CardSections } from "./features/place-card/card-sections.ts";
import { eventsCardSection } from "./features/events/events-card-section.ts";
import { favouriteSection } from "./features/favourites/favourite-section.ts";
import { guidesCardSection } from "./features/guides/guides-card-section.ts";
import { liveStatusSection } from "./features/live/live-card-section.ts";

export const CARD_SECTIONS: CardSections = {
  top: [liveStatusSection, favouriteSection],
  bottom: [eventsCardSection, guidesCardSection],
};
