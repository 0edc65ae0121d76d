/**
 * The web app's entry: sets the language, creates the map and the features, and runs the
 * few effects that connect them (a region or filter change loads places, a search swaps the
 * places drawn, a selection highlights a marker, a long press sets a route's start). The
 * state of the places shown is mirrored on #app as data attributes (status, region, place
 * count, places drawn) for tests and styling.
 *
 * The first screen waits only for the map, the search, the filters and the list. The rest
 * loads on demand, each as its own file: the route feature on its first use (a card's
 * 怎么去, a long press), the place card on the first place picked, and the account button
 * (with the family panels) and the "我的想法" button (children's ideas, whose panel and map
 * layer load on its first tap), 我的收藏 (saved places and guides, kept for offline use) and the
 * venues' live status stream once the map has drawn its first frame. A phone on a slow link
 * so gets the map first (docs/PERFORMANCE.md, "First load on a phone").
 */
// MapLibre's stylesheet first, so ours can adjust its controls.
import "maplibre-gl/dist/maplibre-gl.css";
import "./shared/styles.css";
import { mountCategoryChips } from "./features/filters/category-chips.ts";
import { mountFilterPanel } from "./features/filters/filter-panel.ts";
import { mountLanguageToggle } from "./features/language/language-toggle.ts";
import { mountLocateButton } from "./features/locate/locate-button.ts";
import { attributionLines, defaultRegionId, mountRegionPicker } from "./features/regions/region-picker.ts";
import { mountResultsList } from "./features/results/results-list.ts";
import type { RouteController } from "./features/route/route.ts";
import { mountSearch } from "./features/search/search.ts";
import { LazyMap, touchFirst } from "./map/lazy-map.ts";
import type { RenderedPlaces } from "./map/map-view.ts";
import { fetchBoundaries, fetchPlace, fetchPlaces, fetchRegions } from "./shared/api.ts";
import { followLiveUpdates } from "./shared/live-updates.ts";
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
  /** Children's idea pins drawn on screen now, with page and map positions. */
  ideaPositions(): Array<{ id: string; x: number; y: number; lon: number; lat: number }>;
  /** The [lon, lat] at the centre of the map now (the picture's or MapLibre's). */
  center(): [number, number];
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __tongxing?: TestHook;
  }
}

initLanguage();
// MapLibre (its code is most of the first load) and the regions are asked for at once; the
// parts of the first screen that need neither are drawn while they arrive. A touch phone
// opens with the map's picture instead and loads MapLibre when the person needs it.
const pictureFirst = touchFirst();
let mapModule: Promise<typeof import("./map/map-view.ts")> | undefined = pictureFirst ? undefined : import("./map/map-view.ts");
const regionsRequest = fetchRegions();
regionsRequest.catch(() => undefined);
const app = byId("app");
const store = new Store<AppState>(initialState());
trackFilterBar(app, byId("filter-bar"));
mountRegionPicker(byId("region-picker"), store);
mountLanguageToggle(byId("top-actions"));
mountCategoryChips(byId("chips"), store, byId("filter-panel"));
mountFilterPanel(byId("filter-panel"), store);
mountResultsList(byId("results"), store, (id) => {
  const place = findPlace(store.get(), id);
  if (place) map.focusOn(place.geometry.coordinates, mapPadding());
});
// Set once the route feature is mounted (on its first use, see `withRoute`).
let route: RouteController | undefined;
let routeLoad: Promise<RouteController> | undefined;

/** Runs `use` with the route feature, loading and mounting it on first use. */
function withRoute(use: (controller: RouteController) => void): void {
  routeLoad ??= import("./features/route/route.ts").then(({ mountRoute }) => (route = mountRoute(byId("route-panel"), { store, map, app })));
  routeLoad.then(use, (error: unknown) => {
    routeLoad = undefined;
    announce(t("loadFailed"), "warning");
    console.error(error);
  });
}

// The page's first paint (the bar, the empty map area) comes before the map's WebGL set-up,
// which on a slow phone takes longer than everything else on the first screen. A tab opened
// in the background goes on after at most 200 ms.
const afterFirstPaint = (): Promise<void> =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });
const map = new LazyMap({
  container: byId("map"),
  lang: getLanguage(),
  pictureFirst,
  load: () =>
    (mapModule ??= import("./map/map-view.ts")).then(
      async (module) => {
        await afterFirstPaint();
        return module;
      },
      (error: unknown) => {
        // Asked again next time (a phone back in signal). A picture map stays usable meanwhile.
        mapModule = undefined;
        if (!pictureFirst) store.update({ status: "error" });
        announce(t("loadFailed"), "warning");
        throw error;
      },
    ),
  onPlaceTap: (id) => store.update({ selectedId: id }),
  onLongPress: (lonLat) => withRoute((controller) => controller.setStart(lonLat)),
  // Alternatives are drawn by the route feature, so it is loaded when one is tapped.
  onRouteTap: (index) => route?.chooseRoute(index),
});
window.__tongxing = {
  renderedPlaces: () => map.renderedPlaces(),
  markerPositions: () => map.markerPositions(),
  renderedRouteLines: () => map.renderedRouteLines(),
  ideaPositions: () => map.ideas.drawn(),
  center: () => map.center(),
  idle: () => map.whenIdle(),
};

mountSearch(byId("search"), { store, map, app });
mountLocateButton(byId("top-actions"), store, map);

let placeCardLoad: Promise<void> | undefined;

/**
 * Loads and mounts the place card (and the reviews it shows). A place picked before it was
 * mounted is picked again once it is, so the card hears of it.
 */
function loadPlaceCard(): Promise<void> {
  placeCardLoad ??= Promise.all([import("./features/place-card/place-card.ts"), import("./card-sections.ts"), import("./features/family/family.css")]).then(
    ([{ mountPlaceCard }, { CARD_SECTIONS }]) => {
      mountPlaceCard(byId("place-card"), store, { onRoute: (place) => withRoute((controller) => controller.open(place)), sections: CARD_SECTIONS });
      const picked = store.get().selectedId;
      if (picked === null) return;
      store.update({ selectedId: null });
      store.update({ selectedId: picked });
    },
    (error: unknown) => {
      placeCardLoad = undefined;
      throw error;
    },
  );
  return placeCardLoad;
}

/** The account button, its panel and the member's session, mounted after the first map frame. */
async function loadAccount(): Promise<void> {
  const [{ mountAccount }, { loadMember }] = await Promise.all([
    import("./features/family/account-panel.ts"),
    import("./features/family/member-session.ts"),
    import("./features/family/family.css"),
  ]);
  mountAccount(byId("top-actions"), byId("account-panel"));
  await loadMember();
}

/** "我的收藏": the button beside 我的想法 and its panel (features/favourites/); a saved place opens its card. */
async function loadFavourites(): Promise<void> {
  const { mountFavourites } = await import("./features/favourites/favourites-panel.ts");
  mountFavourites(byId("ideas-entry"), app, {
    onPickPlace: (id) => void fetchPlace(id).then((place) => store.update({ pickedPlace: place, selectedId: id }), failedToLoad),
  });
}

/** The "我的想法" button; its panel loads on first use (features/ideas/ideas-entry.ts). */
async function loadIdeas(): Promise<void> {
  const { mountIdeasEntry } = await import("./features/ideas/ideas-entry.ts");
  mountIdeasEntry(byId("ideas-entry"), byId("ideas-panel"), { store, map, app });
}

let placesRequest: AbortController | undefined;

/** Loads the places for the current region and filters; a newer call cancels an older one. */
async function loadPlaces(): Promise<void> {
  const { regionId, filters } = store.get();
  if (regionId === null) return;
  placesRequest?.abort();
  const request = new AbortController();
  placesRequest = request;
  store.update({ status: "loading" });
  delete app.dataset.placesDrawn;
  try {
    const query = { region: regionId, categories: [...filters.categories], facilities: [...filters.facilities], age: filters.age, openNow: filters.openNow, includeUnknown: filters.includeUnknown === true };
    const places = await fetchPlaces(query, request.signal);
    // The selection now, not the one when the request left: a linked place (?place=) may have been picked meanwhile.
    const { selectedId } = store.get();
    const keepSelection = findPlace({ ...store.get(), places }, selectedId) !== undefined;
    store.update({ places, status: "ready", selectedId: keepSelection ? selectedId : null });
  } catch (error) {
    if (request.signal.aborted) return;
    store.update({ status: "error" });
    announce(t("loadFailed"), "warning");
    console.error(error);
  }
}

/** Places changed on the server (a staff fix, a badge, an import on any instance): the shown ones again, quietly. */
async function refreshPlaces(): Promise<void> {
  const { regionId, filters, selectedId } = store.get();
  if (regionId === null || store.get().status === "loading") return;
  try {
    const query = { region: regionId, categories: [...filters.categories], facilities: [...filters.facilities], age: filters.age, openNow: filters.openNow, includeUnknown: filters.includeUnknown === true };
    const places = await fetchPlaces(query);
    if (store.get().regionId !== regionId || store.get().filters !== filters || store.get().selectedId !== selectedId) return;
    const keepSelection = findPlace({ ...store.get(), places }, selectedId) !== undefined;
    store.update({ places, selectedId: keepSelection ? selectedId : null });
  } catch (error) {
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
  if (state.selectedId !== previous.selectedId) {
    void map.setSelected(state.selectedId);
    if (state.selectedId !== null && placeCardLoad === undefined) void loadPlaceCard().catch(failedToLoad);
  }
});
onLanguageChange((lang) => void map.setLanguage(lang));

async function start(): Promise<void> {
  try {
    const regions = await regionsRequest;
    store.update({ regions, regionId: defaultRegionId(regions) });
    void openLinkedPlace();
  } catch (error) {
    store.update({ status: "error" });
    announce(t("loadFailed"), "warning");
    console.error(error);
  }
}

/** A link to one place (`?place=<id>`, from moderation or a shared link) opens its card, even where filters hide it. */
async function openLinkedPlace(): Promise<void> {
  const id = new URLSearchParams(location.search).get("place");
  if (!id) return;
  try {
    const place = await fetchPlace(id);
    store.update({ pickedPlace: place, selectedId: place.properties.id });
  } catch (error) {
    failedToLoad(error);
  }
}

function failedToLoad(error: unknown): void {
  announce(t("loadFailed"), "warning");
  console.error(error);
}

void start();
// What the first screen does not need loads once the map has drawn its first frame.
void map.whenIdle().then(() => {
  // Read by e2e/first-load.e2e.test.ts: nothing loaded on demand may start before it.
  performance.mark("tongxing:map-ready");
  app.dataset.mapReady = "true";
  void loadPlaceCard().catch(failedToLoad);
  void loadAccount().catch(failedToLoad);
  void loadIdeas().catch(failedToLoad);
  void loadFavourites().catch(failedToLoad);
  followLiveUpdates((topic) => {
    if (topic === "places") void refreshPlaces();
  });
  void import("./features/live/live-follow.ts").then(({ followLiveStatus }) => followLiveStatus(store, { refresh: () => void refreshPlaces() }), failedToLoad);
});
