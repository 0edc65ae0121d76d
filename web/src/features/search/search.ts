/**
 * Search, wired to the app: suggestions and full searches are asked for around the
 * person's position when it is known and in the city shown, else around the map centre;
 * distances are measured from the person only, so none are shown before "locate me".
 * Picking a suggestion opens the place's card and flies the map there (fetching the place
 * if the filters hide it); Enter runs a full search whose places fill the list and the map
 * until it is cleared. A full search follows filter changes and ends when the city changes.
 * When another city has what the one shown lacks ("南湖公园" searched in Monaco), the search
 * says so and one tap switches city and searches (or opens the place) there.
 */
import "./search.css";
import { bboxContains } from "../../../../src/core/geo.ts";
import type { AppMap } from "../../map/app-map.ts";
import { type PlaceFeature, fetchPlace } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./search-messages.ts";
import { mapPadding } from "../../shared/layout.ts";
import { currentRegion, findPlace, shownPlaces, type AppState, type Position, type Store } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { type Elsewhere, fetchSearch, fetchSuggestions, type SearchContext } from "./search-api.ts";
import { type Offered, SearchBox } from "./search-box.ts";
import { suggestionNames } from "./search-format.ts";

/** What the search needs from the app. */
export interface SearchDeps {
  readonly store: Store<AppState>;
  readonly map: AppMap;
  /** The root element, where the search's state is mirrored for tests (data-search). */
  readonly app: HTMLElement;
}

/** Mounts the search box in `container` and connects it to the store and the map. */
export function mountSearch(container: HTMLElement, { store, map, app }: SearchDeps): void {
  let searchRequest: AbortController | undefined;
  let lastQuery: string | null = null;
  /** What to do once the city switched to has been chosen (search there, open a place). */
  let afterSwitch: (() => void) | null = null;
  const offerText = el("span", { class: "search-elsewhere-text" });
  const offerButton = el("button", { type: "button", class: "search-elsewhere-switch" });
  const offer = el("div", { class: "search-elsewhere", id: "search-elsewhere", role: "status", hidden: true }, offerText, offerButton);

  /**
   * The person's position, which distances are measured from, when known. Where to look
   * first goes with it when the person is unknown or outside the city searched in: the
   * map centre, or the city's centre while the camera is elsewhere (the API looks for
   * places matching by meaning, "滑滑梯", only around the point it is given).
   */
  const context = (query: string): SearchContext => {
    const state = store.get();
    const region = currentRegion(state);
    const inCity = (p: Position | null): p is Position => p !== null && (!region || bboxContains(region.bbox, p[0], p[1]));
    const person = state.userPosition;
    const focus = inCity(person) ? null : ([map.center()].find(inCity) ?? region?.center ?? map.center());
    return { query, person, focus, regionId: state.regionId };
  };

  const regionName = (id: string): string => {
    const region = store.get().regions.find((r) => r.id === id);
    return region ? pick(region.name) : id;
  };

  /** Switches to another city, then does `then` there. */
  function switchRegion(regionId: string, then: () => void): void {
    // Ended first, so the end of this search is not heard after the one run there begins.
    endSearch();
    afterSwitch = then;
    store.update({ regionId, selectedId: null });
  }

  /** Offers the city with strong matches the city searched lacks, or hides the offer. */
  function showOffer(query: string, elsewhere: Elsewhere<PlaceFeature> | null): void {
    offer.hidden = elsewhere === null;
    if (!elsewhere) return;
    const region = regionName(elsewhere.regionId);
    offerText.textContent = t("elsewhereFound", { q: query, region, n: elsewhere.count });
    offerButton.textContent = t("elsewhereSwitch", { region });
    offerButton.dataset.region = elsewhere.regionId;
    offerButton.onclick = () => switchRegion(elsewhere.regionId, () => {
      box.setText(query);
      void runSearch(query);
    });
  }

  async function pickPlace(suggestion: Offered): Promise<void> {
    if (suggestion.regionId !== null && suggestion.regionId !== store.get().regionId) {
      switchRegion(suggestion.regionId, () => void pickPlace({ ...suggestion, regionId: null }));
      return;
    }
    endSearch();
    box.setText(suggestionNames(suggestion, "", "").main);
    const at: Position = [suggestion.lon, suggestion.lat];
    try {
      const known = findPlace(store.get(), suggestion.id);
      const place = known ?? (await fetchPlace(suggestion.id));
      store.update({ pickedPlace: known ? store.get().pickedPlace : place, selectedId: suggestion.id });
    } catch (error) {
      announce(t("searchFailed"), "warning");
      console.error(error);
    }
    // After the card opened, so the map frames the place in the part the card leaves free.
    map.flyToPlace(at, mapPadding());
  }

  async function runSearch(query: string): Promise<void> {
    searchRequest?.abort();
    const request = new AbortController();
    searchRequest = request;
    lastQuery = query;
    app.dataset.search = "loading";
    try {
      const { results, elsewhere } = await fetchSearch(context(query), store.get().filters, request.signal);
      if (searchRequest !== request) return;
      showOffer(query, elsewhere);
      store.update({ search: results, selectedId: null });
      app.dataset.search = results.features.length > 0 ? "found" : "fallback";
      // After the list opened, so the places are framed in the part of the map left free.
      map.fitPositions(shownPlaces(store.get()).map((f) => f.geometry.coordinates), mapPadding());
    } catch (error) {
      if (request.signal.aborted) return;
      app.dataset.search = "error";
      announce(t("searchFailed"), "warning");
      console.error(error);
    }
  }

  function endSearch(): void {
    searchRequest?.abort();
    lastQuery = null;
    offer.hidden = true;
    delete app.dataset.search;
    if (store.get().search !== null) store.update({ search: null });
  }

  const box = new SearchBox(container, {
    suggest: (query, signal) => fetchSuggestions(context(query), signal),
    onPick: (suggestion) => void pickPlace(suggestion),
    regionName,
    onSubmit: (query) => void runSearch(query),
    onClear: endSearch,
  });
  container.append(offer);

  store.subscribe((state, previous) => {
    if (state.regionId !== previous.regionId) {
      endSearch();
      box.setText("");
      const then = afterSwitch;
      afterSwitch = null;
      then?.();
    } else if (state.filters !== previous.filters && lastQuery !== null) {
      void runSearch(lastQuery);
    }
    // "Show all" in the list ends the search; the box follows.
    if (state.search === null && previous.search !== null && lastQuery !== null) {
      lastQuery = null;
      offer.hidden = true;
      delete app.dataset.search;
      box.setText("");
    }
  });
}
