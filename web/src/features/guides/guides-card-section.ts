/**
 * The place card's section of guides (a CardSection, web/src/features/place-card/card-sections.ts):
 * the published guides that include the place, each a link to its page, filled in when the
 * answer comes; nothing is shown for a place no guide includes.
 */
import "./guides-card.css";
import type { PlaceFeature } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage } from "../../shared/i18n.ts";
import type { CardSection } from "../place-card/card-sections.ts";
import { fetchPlaceGuides, guideLinks } from "./guides-api.ts";
import { factsLine } from "./guide-format.ts";
import { t } from "./guides-messages.ts";

/** Guides including the place, below the card's details. */
export const guidesCardSection: CardSection = (place: PlaceFeature) => {
  const section = el("section", { class: "gd-card-section", "aria-labelledby": `gd-card-${place.id}`, hidden: true });
  fetchPlaceGuides(place.id).then((guides) => {
    if (guides.length === 0) return;
    const lang = getLanguage();
    replaceChildren(section,
      el("h3", { id: `gd-card-${place.id}`, class: "gd-card-section-title" }, t("gdCardTitle")),
      el("ul", { class: "gd-card-section-list" }, ...guides.slice(0, 5).map((g) => el("li", {},
        el("a", { href: guideLinks(g.id).page }, g.title),
        el("span", { class: "gd-card-section-facts" }, ` · ${factsLine(g, lang)}`)))));
    section.hidden = false;
  }, () => undefined);
  return section;
};
