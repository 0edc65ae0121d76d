/**
 * The card of the selected place: a bottom sheet on phones, a side panel on desktops (the
 * difference is CSS). It opens when a place is selected, closes with its button or Escape,
 * moves focus to the place's name when it opens and gives focus back when it closes. Its
 * "How to get there" button hands the place to the route feature (where the city has no
 * street data yet it reads "where is it, how far" and the route panel says what is known).
 */
import type { PlaceFeature } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { onLanguageChange } from "../../shared/i18n.ts";
import { t } from "./place-card-messages.ts";
import { currentRegion, findPlace, type AppState, type Store } from "../../shared/store.ts";
import { onMemberChange } from "../family/member-session.ts";
import { placeReviews } from "../family/place-reviews.ts";
import { type CardSections, sectionNodes } from "./card-sections.ts";
import { placeCardContent } from "./place-card-content.ts";
import { todayIn } from "./place-format.ts";
import { t as routeText } from "../route/route-messages.ts";

const CLOSE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 15 15" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">' +
  '<path d="M3.4 2.3 7.5 6.4l4.1-4.1 1.1 1.1-4.1 4.1 4.1 4.1-1.1 1.1-4.1-4.1-4.1 4.1-1.1-1.1 4.1-4.1-4.1-4.1z"/></svg>';

/** A road sign with a turn arrow: the usual mark of "directions". */
const ROUTE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 15 15" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">' +
  '<path fill-rule="evenodd" d="M7.5.6l6.9 6.9-6.9 6.9L.6 7.5zM4.9 10.6h1.5V8.3h2.2v1.6l2.6-2.5-2.6-2.5v1.9H6.1c-.7 0-1.2.5-1.2 1.2z"/></svg>';

/** What the card's buttons ask the app to do. */
export interface PlaceCardActions {
  /** "How to get there" was pressed for this place. */
  readonly onRoute: (place: PlaceFeature) => void;
  /** What other features add to the card (card-sections.ts). */
  readonly sections?: CardSections;
}

/** Mounts the card in `panel`, an empty element that stays hidden until a place is chosen. */
export function mountPlaceCard(panel: HTMLElement, store: Store<AppState>, actions: PlaceCardActions): void {
  const headingId = `${panel.id}-title`;
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", headingId);
  let returnFocusTo: HTMLElement | null = null;

  const close = (): void => store.update({ selectedId: null });

  const render = (): boolean => {
    const state = store.get();
    const place = findPlace(state, state.selectedId);
    if (!place) {
      panel.hidden = true;
      replaceChildren(panel);
      return false;
    }
    const closeButton = el("button", { type: "button", class: "icon-button card-close", "aria-label": t("close"), title: t("close") });
    closeButton.innerHTML = CLOSE_ICON;
    closeButton.addEventListener("click", close);
    const today = todayIn(currentRegion(state)?.timeZone ?? "Asia/Shanghai");
    // Where the city plans no routes yet, the button offers what is known (distance, district), not directions.
    const routes = currentRegion(state)?.routes !== false;
    const routeButton = el("button", { type: "button", class: "button button-primary card-route-button" }, routes ? t("routeButton") : routeText("routeCardNoRoutes"));
    routeButton.insertAdjacentHTML("afterbegin", ROUTE_ICON);
    routeButton.addEventListener("click", () => actions.onRoute(place));
    const [names, ...details] = placeCardContent(place, headingId, today);
    replaceChildren(
      panel,
      el("div", { class: "card-handle", "aria-hidden": "true" }),
      closeButton,
      el(
        "div",
        { class: "card-body" },
        names,
        ...sectionNodes(actions.sections?.top, place),
        el("div", { class: "card-actions" }, routeButton),
        ...details,
        placeReviews(place.properties.id),
        ...sectionNodes(actions.sections?.bottom, place),
      ),
    );
    panel.dataset.placeId = place.properties.id;
    panel.hidden = false;
    return true;
  };

  store.subscribe((state, previous) => {
    if (state.selectedId === previous.selectedId && state.places === previous.places) return;
    const wasOpen = !panel.hidden;
    const active = document.activeElement;
    if (!wasOpen && active instanceof HTMLElement && !panel.contains(active)) returnFocusTo = active;
    const open = render();
    if (open && state.selectedId !== previous.selectedId) {
      panel.scrollTop = 0;
      document.getElementById(headingId)?.focus({ preventScroll: true });
    }
    if (!open && wasOpen) {
      returnFocusTo?.focus({ preventScroll: true });
      returnFocusTo = null;
    }
  });
  document.addEventListener("keydown", (event) => {
    // Hidden by CSS while the route panel covers it: Escape then belongs to the route panel.
    if (event.key === "Escape" && !event.defaultPrevented && !panel.hidden && panel.checkVisibility()) close();
  });
  onLanguageChange(() => {
    if (!panel.hidden) render();
  });
  // Signing in or out changes what the reviews part offers (write, vote, report).
  onMemberChange(() => {
    if (!panel.hidden) render();
  });
}
