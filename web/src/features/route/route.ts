/**
 * Child-safe routes, wired to the app. "How to get there" on a place card opens the panel
 * and asks GET /api/route for the chosen way of going. The start is, in this order, a point
 * the user long-pressed (or right-clicked) on the map, their position, or the map centre,
 * and the panel says which. The route is drawn on the map, the alternative as a dashed
 * line that can be tapped. State is mirrored on #app (data-route-status, -profile,
 * -distance, -drawn) for tests and styling.
 */
import "./route.css";
import { placeName } from "../../map/map-data.ts";
import type { MapView } from "../../map/map-view.ts";
import type { PlaceFeature } from "../../shared/api.ts";
import { getLanguage, onLanguageChange, type Lang } from "../../shared/i18n.ts";
import { t } from "./route-messages.ts";
import { mapPadding } from "../../shared/layout.ts";
import { currentRegion, findPlace, type AppState, type Position, type Store } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { fetchRoutes, type Route, type RouteProfile } from "./route-api.ts";
import { routeErrorText, type StartSource } from "./route-format.ts";
import { mountRoutePanel, type RoutePanel, type RouteView } from "./route-panel.ts";

/** What the route feature needs from the app. */
export interface RouteDeps {
  readonly store: Store<AppState>;
  readonly map: MapView;
  readonly app: HTMLElement;
}

/** How the app drives the feature: from a place card, a long press, or a tap on an alternative. */
export interface RouteController {
  open(place: PlaceFeature): void;
  setStart(lonLat: Position): void;
  chooseRoute(index: number): void;
}

interface Trip {
  readonly placeId: string;
  readonly to: Position;
  readonly from: Position;
  readonly start: StartSource;
}

const ROUTE_DATA = ["routeOpen", "routeStatus", "routeProfile", "routeDistance", "routeDrawn"] as const;

/** The route feature: one trip at a time, its panel, its requests and its drawing. */
class RouteFeature implements RouteController {
  private profile: RouteProfile = "child-walk";
  private pressed: Position | null = null;
  private trip: Trip | null = null;
  private view: RouteView | null = null;
  private request: AbortController | undefined;
  private readonly panel: RoutePanel;

  constructor(
    private readonly section: HTMLElement,
    private readonly deps: RouteDeps,
  ) {
    section.hidden = true;
    this.panel = mountRoutePanel(section, {
      onProfile: (profile) => this.setProfile(profile),
      onChoose: (index) => this.chooseRoute(index),
      onUseMine: () => this.useMyPosition(),
      onBack: () => this.close(true),
      onShowOnMap: (at) => deps.map.focusOn(at, mapPadding()),
    });
    deps.store.subscribe((state, previous) => this.follow(state, previous));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.defaultPrevented || !this.trip) return;
      event.preventDefault();
      this.close(true);
    });
    onLanguageChange((lang) => this.relabel(lang));
  }

  open(place: PlaceFeature): void {
    const to: Position = [place.geometry.coordinates[0], place.geometry.coordinates[1]];
    this.trip = { placeId: place.properties.id, to, ...this.startFor() };
    const name = placeName(place, getLanguage());
    this.view = { placeName: name, profile: this.profile, start: this.trip.start, canUseMine: false, status: "loading", routes: [], chosen: 0, error: null };
    this.section.hidden = false;
    this.section.scrollTop = 0;
    this.deps.app.dataset.routeOpen = "true";
    this.panel.focusTitle();
    void this.compute();
  }

  setStart(lonLat: Position): void {
    this.pressed = lonLat;
    void this.deps.map.setRouteStart(lonLat);
    announce(t(this.trip ? "routeStartSet" : "routeStartHint"));
    this.restart();
  }

  chooseRoute(index: number): void {
    const view = this.view;
    const route = view?.routes[index];
    if (!view || !route || view.status !== "ready" || index === view.chosen) return;
    this.show({ chosen: index });
    this.deps.app.dataset.routeDistance = String(route.distanceM);
    void this.draw(view.routes, index, false);
  }

  private setProfile(profile: RouteProfile): void {
    this.profile = profile;
    void this.compute();
  }

  private useMyPosition(): void {
    this.pressed = null;
    void this.deps.map.setRouteStart(null);
    this.restart();
  }

  /** The start, in order of preference: the pressed point, the user's position, the map centre. */
  private startFor(): { from: Position; start: StartSource } {
    const mine = this.deps.store.get().userPosition;
    if (this.pressed) return { from: this.pressed, start: "pressed" };
    if (mine) return { from: mine, start: "mine" };
    return { from: this.deps.map.center(), start: "centre" };
  }

  private show(patch: Partial<RouteView>): void {
    if (!this.trip || !this.view) return;
    const canUseMine = this.trip.start === "pressed" && this.deps.store.get().userPosition !== null;
    this.view = { ...this.view, ...patch, profile: this.profile, start: this.trip.start, canUseMine };
    this.panel.render(this.view);
    this.deps.app.dataset.routeStatus = this.view.status;
    this.deps.app.dataset.routeProfile = this.profile;
  }

  private async draw(routes: readonly Route[], chosen: number, frame: boolean): Promise<void> {
    const lines = routes.map((r) => r.coordinates);
    const warnings = routes[chosen]?.warnings.map((w) => w.at) ?? [];
    await this.deps.map.setRoutes({ lines, chosen, warnings }, frame ? mapPadding() : null);
  }

  /** Asks for the routes of the current trip and profile; a newer request cancels an older one. */
  private async compute(): Promise<void> {
    const { trip, deps } = this;
    if (!trip) return;
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    delete deps.app.dataset.routeDrawn;
    delete deps.app.dataset.routeDistance;
    this.show({ status: "loading", routes: [], chosen: 0, error: null });
    try {
      const routes = await fetchRoutes({ from: trip.from, to: trip.to, profile: this.profile, lang: getLanguage() }, request.signal);
      if (this.request !== request) return;
      const distance = String(routes[0]?.distanceM ?? 0);
      this.show({ status: "ready", routes, chosen: 0 });
      deps.app.dataset.routeDistance = distance;
      await this.draw(routes, 0, true);
      if (this.request === request) deps.app.dataset.routeDrawn = `${this.profile}:${distance}`;
    } catch (error) {
      if (request.signal.aborted) return;
      const hasStreets = currentRegion(deps.store.get())?.routes !== false;
      this.show({ status: "error", error: routeErrorText(error, hasStreets) });
      await deps.map.setRoutes(null, null);
    }
  }

  private restart(): void {
    if (!this.trip) return;
    this.trip = { ...this.trip, ...this.startFor() };
    void this.compute();
  }

  private close(backToCard: boolean): void {
    if (!this.trip) return;
    this.request?.abort();
    this.trip = null;
    this.view = null;
    this.pressed = null;
    this.section.hidden = true;
    for (const key of ROUTE_DATA) delete this.deps.app.dataset[key];
    void this.deps.map.setRoutes(null, null);
    void this.deps.map.setRouteStart(null);
    if (backToCard) document.querySelector<HTMLElement>("#place-card .card-route-button")?.focus({ preventScroll: true });
  }

  /** Another place chosen, the card closed or the city changed: the trip is over. */
  private follow(state: AppState, previous: AppState): void {
    if (!this.trip) return;
    if (state.selectedId !== this.trip.placeId || state.regionId !== previous.regionId) this.close(false);
    else if (state.userPosition !== previous.userPosition && this.trip.start === "centre") this.restart();
  }

  /** The directions come from the server in one language: ask again in the new one. */
  private relabel(lang: Lang): void {
    if (!this.trip || !this.view) return;
    const place = findPlace(this.deps.store.get(), this.trip.placeId);
    this.view = { ...this.view, placeName: place ? placeName(place, lang) : this.view.placeName };
    void this.compute();
  }
}

/** Mounts the route panel in `section` (hidden until a route is asked for). */
export function mountRoute(section: HTMLElement, deps: RouteDeps): RouteController {
  return new RouteFeature(section, deps);
}
