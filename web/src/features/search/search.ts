/**
 * Search, wired to the app: suggestions and full searches are asked for around the user's
 * position when known, else the map centre, within the city shown. Picking a suggestion
 * opens the place's card and flies the map there (fetching the place if the filters hide
 * it); Enter runs a full search whose places fill the list and the map until it is cleared.
 * A full search follows filter changes and ends when the city changes.
 */
import "./search.css";
import { bboxContains } from "../../../../src/core/geo.ts";
import type { MapView } from "../../map/map-view.ts";
import { fetchPlace } from "../../shared/api.ts";
import { t } from "./search-messages.ts";
import { mapPadding } from "../../shared/layout.ts";
import { currentRegion, findPlace, shownPlaces, type AppState, type Position, type Store } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { fetchSearch, fetchSuggestions, type SearchContext, type Suggestion } from "./search-api.ts";
import { SearchBox } from "./search-box.ts";
import { suggestionNames } from "./search-format.ts";

/** What the search needs from the app. */
export interface SearchDeps {
  readonly store: Store<AppState>;
  readonly map: MapView;
  /** The root element, where the search's state is mirrored for tests (data-search). */
  readonly app: HTMLElement;
}

/** Mounts the search box in `container` and connects it to the store and the map. */
export function mountSearch(container: HTMLElement, { store, map, app }: SearchDeps): void {
  let searchRequest: AbortController | undefined;
  let lastQuery: string | null = null;

  /**
   * The user's position, else the map centre; but a point outside the city searched in
   * (a user far away, a camera still flying there) is replaced by the city's centre, since
   * the API looks for places matching by meaning ("滑滑梯") only around the point it is given.
   */
  const context = (query: string): SearchContext => {
    const state = store.get();
    const region = currentRegion(state);
    const inCity = (p: Position | null): p is Position => p !== null && (!region || bboxContains(region.bbox, p[0], p[1]));
    const near = [state.userPosition, map.center()].find(inCity) ?? region?.center ?? map.center();
    return { query, near, regionId: state.regionId };
  };

  async function pickPlace(suggestion: Suggestion): Promise<void> {
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
      const results = await fetchSearch(context(query), store.get().filters, request.signal);
      if (searchRequest !== request) return;
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
    delete app.dataset.search;
    if (store.get().search !== null) store.update({ search: null });
  }

  const box = new SearchBox(container, {
    suggest: (query, signal) => fetchSuggestions(context(query), signal),
    onPick: (suggestion) => void pickPlace(suggestion),
    onSubmit: (query) => void runSearch(query),
    onClear: endSearch,
  });

  store.subscribe((state, previous) => {
    if (state.regionId !== previous.regionId) {
      endSearch();
      box.setText("");
    } else if (state.filters !== previous.filters && lastQuery !== null) {
      void runSearch(lastQuery);
    }
    // "Show all" in the list ends the search; the box follows.
    if (state.search === null && previous.search !== null && lastQuery !== null) {
      lastQuery = null;
      delete app.dataset.search;
      box.setText("");
    }
  });
}
