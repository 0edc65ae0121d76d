/**
 * The ☆ 收藏 toggle: the place card's section (place-card/card-sections.ts) and, for a guide,
 * its page's button. What is saved is kept for offline use and syncs to the member's other
 * phones. Signed out, it asks to sign in (on a page without the account panel, it says so).
 */
import type { PlaceFeature } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { openAccount } from "../family/member-session.ts";
import type { CardSection } from "../place-card/card-sections.ts";
import type { FavouriteDraft } from "./favourites-sync.ts";
import { favourites } from "./favourites.ts";
import { tFav } from "./favourites-messages.ts";
import "./favourites.css";

/**
 * A ☆ 收藏 toggle for one place or guide (a guide's page mounts it too), kept in step with the
 * favourites while it is on the page; signed out, it asks to sign in.
 */
export function favouriteToggle(draft: FavouriteDraft): HTMLButtonElement {
  const sync = favourites();
  const name = (draft.name ? pick(draft.name) : "") || tFav("unnamed");
  const button = el("button", { type: "button", class: "favourite-toggle", "aria-label": tFav("saveLabel", { name }) });
  const render = (): void => {
    const saved = sync.isSaved(draft.kind, draft.id);
    button.setAttribute("aria-pressed", String(saved));
    button.textContent = saved ? tFav("saved") : tFav("save");
  };
  render();
  const stop = sync.subscribe(() => {
    if (!button.isConnected) return void stop();
    render();
  });
  button.addEventListener("click", () => {
    if (sync.member === null) {
      announce(tFav("signInToSave"));
      openAccount();
      return;
    }
    const saved = sync.toggle(draft);
    announce(saved ? tFav(navigator.onLine ? "savedNote" : "willSync") : tFav("unsavedNote"));
  });
  return button;
}

/** The place card's section (place-card/card-sections.ts): the place's toggle. */
export const favouriteSection: CardSection = (place: PlaceFeature): Node => {
  const [lon, lat] = place.geometry.coordinates;
  const { zh, en } = place.properties.name;
  return el("div", { class: "card-section favourite-section" }, favouriteToggle({ kind: "place", id: place.properties.id, name: { zh, en }, lon, lat }));
};
