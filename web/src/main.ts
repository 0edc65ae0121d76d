/**
 * The web app's entry: sets the language, creates the map and the features, and runs the
 * few effects that connect them (a region or filter change loads places, a search swaps the
 * places drawn, a selection highlights a marker, a long press sets a route's start). The
 * state of the places shown is mirrored on #app as data attributes (status, region, place
 * count, places drawn) for tests and styling.
 */
// MapLibre's stylesheet first, so ours can adjust its controls.
import "maplibre-gl/dist/maplibre-gl.css";
import "./shared/styles.css";
import { mountAccount } from "./features/family/account-panel.ts";
import { loadMember } from "./features/family/member-session.ts";
import "./features/family/family.css";
import { mountCategoryChips } from "./features/filters/category-chips.ts";
import { mountFilterPanel } from "./features/filters/filter-panel.ts";
import { mountLanguageToggle } from "./features/language/language-toggle.ts";
import { mountLocateButton } from "./features/locate/locate-button.ts";
import { mountPlaceCard } from "./features/place-card/place-card.ts";
import { attributionLines, defaultRegionId, mountRegionPicker } from "./features/regions/region-picker.ts";
import { mountResultsList } from "./features/results/results-list.ts";
import { mountRoute, type RouteController } from "./features/route/route.ts";
import { mountSearch } from "./features/search/search.ts";
import { MapView, type RenderedPlaces } from "./map/map-view.ts";
import { fetchBoundaries, fetchPlaces, fetchRegions } from "./shared/api.ts";
import { byId } from "./shared/dom.ts";
import { getLanguage, initLanguage, onLanguageChange, t } from "./shared/i18n.ts";
import { mapPadding, trackFilterBar } from "./shared/layout.ts";
import { currentRegion, findPlace, initialState, shownPlaces, Store, type AppState } from "./shared/store.ts";
import { announce } from "./shared/toast.ts";

/** The small test hook: what the map draws, read by the tests in e2e/. */
interface TestHook {
  renderedPlaces(): RenderedPlaces;
  markerPositions(): Array<{ id: string; x: number; y: number }>;
  /** Pieces of the chosen route's line drawn on screen now. */
  renderedRouteLines(): number;
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __tongxing?: TestHook;
  }
}

initLanguage();
const app = byId("app");
const store = new Store<AppState>(initialState());
// Set once the route feature is mounted; the map only calls it after a user gesture.
let route: RouteController | undefined;
const map = new MapView({
  container: byId("map"),
  lang: getLanguage(),
  onPlaceTap: (id) => store.update({ selectedId: id }),
  onLongPress: (lonLat) => route?.setStart(lonLat),
  onRouteTap: (index) => route?.chooseRoute(index),
});
window.__tongxing = {
  renderedPlaces: () => map.renderedPlaces(),
  markerPositions: () => map.markerPositions(),
  renderedRouteLines: () => map.renderedRouteLines(),
  idle: () => map.whenIdle(),
};

trackFilterBar(app, byId("filter-bar"));
mountSearch(byId("search"), { store, map, app });
mountRegionPicker(byId("region-picker"), store);
mountLanguageToggle(byId("top-actions"));
mountLocateButton(byId("top-actions"), store, map);
mountAccount(byId("top-actions"), byId("account-panel"));
void loadMember();
mountCategoryChips(byId("chips"), store, byId("filter-panel"));
mountFilterPanel(byId("filter-panel"), store);
mountResultsList(byId("results"), store, (id) => {
  const place = findPlace(store.get(), id);
  if (place) map.focusOn(place.geometry.coordinates, mapPadding());
});
route = mountRoute(byId("route-panel"), { store, map, app });
mountPlaceCard(byId("place-card"), store, { onRoute: (place) => route?.open(place) });

let placesRequest: AbortController | undefined;

/** Loads the places for the current region and filters; a newer call cancels an older one. */
async function loadPlaces(): Promise<void> {
  const { regionId, filters, selectedId } = store.get();
  if (regionId === null) return;
  placesRequest?.abort();
  const request = new AbortController();
  placesRequest = request;
  store.update({ status: "loading" });
  delete app.dataset.placesDrawn;
  try {
    const query = { region: regionId, categories: [...filters.categories], facilities: [...filters.facilities], age: filters.age, openNow: filters.openNow };
    const places = await fetchPlaces(query, request.signal);
    const keepSelection = findPlace({ ...store.get(), places }, selectedId) !== undefined;
    store.update({ places, status: "ready", selectedId: keepSelection ? selectedId : null });
  } catch (error) {
    if (request.signal.aborted) return;
    store.update({ status: "error" });
    announce(t("loadFailed"), "warning");
    console.error(error);
  }
}

let drawing = 0;

/** Draws the places shown now (the search's or the filtered ones); #app says how many once drawn. */
async function drawPlaces(state: AppState): Promise<void> {
  const turn = ++drawing;
  const places = shownPlaces(state);
  delete app.dataset.placesDrawn;
  await map.setPlaces(places);
  if (turn === drawing) app.dataset.placesDrawn = String(places.length);
}

async function loadBoundaries(regionId: string): Promise<void> {
  try {
    await map.setBoundaries(await fetchBoundaries(regionId));
  } catch (error) {
    console.error(error);
  }
}

store.subscribe((state, previous) => {
  app.dataset.status = state.status;
  app.dataset.placeCount = String(state.places?.features.length ?? 0);
  if (state.regionId !== null && state.regionId !== previous.regionId) {
    app.dataset.region = state.regionId;
    const region = currentRegion(state);
    map.setAttribution(attributionLines(region));
    if (region) map.showRegion(region, mapPadding(), previous.regionId !== null);
    void loadBoundaries(state.regionId);
    void loadPlaces();
  } else if (state.filters !== previous.filters) {
    void loadPlaces();
  }
  if (state.places !== previous.places || state.search !== previous.search) {
    if (state.places !== null || state.search !== null) void drawPlaces(state);
  }
  if (state.selectedId !== previous.selectedId) void map.setSelected(state.selectedId);
});
onLanguageChange((lang) => void map.setLanguage(lang));

async function start(): Promise<void> {
  try {
    const regions = await fetchRegions();
    store.update({ regions, regionId: defaultRegionId(regions) });
  } catch (error) {
    store.update({ status: "error" });
    announce(t("loadFailed"), "warning");
    console.error(error);
  }
}

void start();
