/**
 * Child-safe routes, wired to the app. "How to get there" on a place card opens the panel
 * and asks GET /api/route for the chosen way of going. The start is the person's position
 * when the browser gives it (asked for when the panel opens), else one they choose: locate
 * me, a tap (or long press, right-click) on the map, or a place found by name. Until then
 * the panel asks for a start and plans nothing: never from the map centre, which is usually
 * the destination itself. A start at the destination is said in words, without a request.
 * Where the city has no street data, the panel tells what is known instead (straight-line
 * distance, district). The route is drawn on the map, the alternative as a dashed line that
 * can be tapped. Beside walking, the bus: the journeys of the same trip are asked for at the
 * same time (journey.ts), drawn leg by leg when the bus side is chosen. State is mirrored on
 * #app (data-route-status, -profile, -distance, -drawn, -start, -way, data-journey-status,
 * -drawn) for tests and styling.
 */
import "./route.css";
import { distanceMeters } from "../../../../src/core/geo.ts";
import { placeName } from "../../map/map-data.ts";
import type { AppMap } from "../../map/app-map.ts";
import type { PlaceFeature } from "../../shared/api.ts";
import { getLanguage, onLanguageChange, pick, type Lang } from "../../shared/i18n.ts";
import { t } from "./route-messages.ts";
import { type Padding, mapPadding } from "../../shared/layout.ts";
import { currentRegion, findPlace, type AppState, type Position, type Store } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { requestPosition } from "../locate/geolocate.ts";
import { fetchRoutes, type Route, type RouteProfile } from "./route-api.ts";
import { SAME_PLACE_M, routeErrorText, type StartSource } from "./route-format.ts";
import { mountRoutePanel, type RoutePanel, type RouteView } from "./route-panel.ts";
import { searchStarts, type StartCandidate } from "./start-search-api.ts";
import { JourneyTab } from "./journey.ts";
import { type JourneyDrawing, journeyDrawing, journeyPath } from "./journey-format.ts";
import type { Way } from "./journey-panel.ts";

/** The map's drawing of journeys (AppMap.setJourney), where the map has it; else a journey is drawn as one route. */
interface JourneyMap {
  setJourney?(drawing: JourneyDrawing | null, padding: Padding | null): Promise<void>;
}

/** What the route feature needs from the app. */
export interface RouteDeps {
  readonly store: Store<AppState>;
  readonly map: AppMap;
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
  readonly district: string | null;
}

/** Where the route starts and how it was chosen; `from` is null until there is a start. */
interface Start {
  readonly from: Position | null;
  readonly source: StartSource;
  readonly name: string | null;
}

const NO_START: Start = { from: null, source: "none", name: null };
const ROUTE_DATA = ["routeOpen", "routeStatus", "routeProfile", "routeDistance", "routeDrawn", "routeStart", "routeWay", "journeyStatus", "journeyDrawn"] as const;

/** The route feature: one trip at a time, its panel, its requests and its drawing. */
class RouteFeature implements RouteController {
  private profile: RouteProfile = "child-walk";
  /** A start picked before any trip (a long press) waits here for the next one. */
  private start: Start = NO_START;
  private picking = false;
  private trip: Trip | null = null;
  private view: RouteView | null = null;
  private request: AbortController | undefined;
  private readonly panel: RoutePanel;
  private way: Way = "walk";
  private readonly journeys = new JourneyTab(() => this.journeyChanged());

  constructor(
    private readonly section: HTMLElement,
    private readonly deps: RouteDeps,
  ) {
    section.hidden = true;
    this.panel = mountRoutePanel(section, {
      onProfile: (profile) => this.setProfile(profile),
      onChoose: (index) => this.chooseRoute(index),
      onBack: () => this.close(true),
      onShowOnMap: (at) => deps.map.focusOn(at, mapPadding()),
      onLocate: () => void this.locate(),
      onPick: () => void this.pickOnMap(),
      onSearch: (query) => searchStarts(query, deps.store.get().regionId),
      onChooseStart: (candidate: StartCandidate) => this.useStart({ from: candidate.at, source: "searched", name: candidate.name }),
      onWay: (way) => this.setWay(way),
      onDepart: (depart) => this.journeys.setDepart(depart),
      onChooseJourney: (index) => this.journeys.choose(index),
      onToggleBoard: (stop) => void this.journeys.toggleBoard(stop),
    });
    deps.store.subscribe((state, previous) => this.follow(state, previous));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.defaultPrevented || !this.trip) return;
      event.preventDefault();
      if (this.picking) this.deps.map.cancelPick();
      else this.close(true);
    });
    onLanguageChange((lang) => this.relabel(lang));
  }

  open(place: PlaceFeature): void {
    const to: Position = [place.geometry.coordinates[0], place.geometry.coordinates[1]];
    this.trip = { placeId: place.properties.id, to, district: place.properties.districtName };
    const name = placeName(place, getLanguage());
    this.view = { placeName: name, profile: this.profile, start: this.startView(), status: "loading", routes: [], chosen: 0, error: null, noRoutes: null, way: this.way, journey: this.journeys.view };
    this.section.hidden = false;
    this.section.scrollTop = 0;
    this.deps.app.dataset.routeOpen = "true";
    this.panel.focusTitle();
    if (!this.cityHasStreets()) {
      this.showNoRoutes();
      return;
    }
    const mine = this.deps.store.get().userPosition;
    if (this.start.from === null && mine) this.start = { from: mine, source: "mine", name: null };
    if (this.start.from === null) void this.locate();
    else void this.compute();
  }

  setStart(lonLat: Position): void {
    this.useStart({ from: lonLat, source: "pressed", name: null });
    announce(t(this.trip ? "routeStartSet" : "routeStartHint"));
  }

  chooseRoute(index: number): void {
    const view = this.view;
    const route = view?.routes[index];
    if (!view || !route || view.status !== "ready" || index === view.chosen || this.way !== "walk") return;
    this.show({ chosen: index });
    this.deps.app.dataset.routeDistance = String(route.distanceM);
    void this.draw(view.routes, index, false);
  }

  private setProfile(profile: RouteProfile): void {
    this.profile = profile;
    void this.compute();
  }

  /** Walking or the bus: the panel and the map show that side; both were asked for already. */
  private setWay(way: Way): void {
    if (way === this.way) return;
    this.way = way;
    this.show({});
    const view = this.view;
    if (!view || !this.planning()) return;
    if (way === "transit" || view.status === "ready") void this.draw(view.routes, view.chosen, true);
    else void (this.deps.map as AppMap & JourneyMap).setJourney?.(null, null);
  }

  /** Whether there is a trip with a start to plan from (not waiting for one, not already there, not a city without streets). */
  private planning(): boolean {
    const status = this.view?.status;
    return status === "ready" || status === "loading" || status === "error";
  }

  /** The bus tab changed (an answer came, a journey was chosen, a board opened): show it, and draw it when it is shown. */
  private journeyChanged(): void {
    if (!this.trip || !this.view) return;
    const before = this.view.journey;
    this.show({});
    const journey = this.journeys.view;
    this.deps.app.dataset.journeyStatus = journey.status;
    const redraw = journey.answer !== before.answer || journey.chosen !== before.chosen;
    if (redraw && this.way === "transit" && this.planning()) void this.draw(this.view.routes, this.view.chosen, true);
  }

  private cityHasStreets(): boolean {
    return currentRegion(this.deps.store.get())?.routes !== false;
  }

  private startView(): RouteView["start"] {
    return { source: this.start.source, name: this.start.name, picking: this.picking };
  }

  /** A start was chosen (picked, found or located): show it and plan from it. */
  private useStart(start: Start): void {
    if (this.picking) this.deps.map.cancelPick();
    this.start = start;
    void this.deps.map.setRouteStart(start.from);
    if (this.trip && this.view?.status !== "no-routes") void this.compute();
  }

  /** Asks the browser where the person is; without an answer the panel asks for a start. */
  private async locate(): Promise<void> {
    const trip = this.trip;
    if (!trip) return;
    const noRoutes = this.view?.status === "no-routes";
    if (!noRoutes) {
      this.start = { from: null, source: "locating", name: null };
      this.show({ status: "locating", routes: [], error: null });
    }
    const found = await requestPosition();
    if (this.trip !== trip) return;
    if (found.ok) {
      this.deps.store.update({ userPosition: found.position });
      void this.deps.map.setUserDot(found.position);
      if (noRoutes) this.showNoRoutes();
      else this.useStart({ from: found.position, source: "mine", name: null });
      return;
    }
    if (noRoutes) {
      announce(t(found.reason === "denied" ? "routeNeedStartDenied" : "routeNeedStartUnavailable"), "warning");
      return;
    }
    this.start = NO_START;
    this.show({ status: "need-start", error: t(found.reason === "denied" ? "routeNeedStartDenied" : "routeNeedStartUnavailable") });
  }

  /** The next tap on the map sets the start. */
  private async pickOnMap(): Promise<void> {
    if (!this.trip) return;
    if (this.picking) {
      this.deps.map.cancelPick();
      return;
    }
    this.picking = true;
    this.show({});
    const at = await this.deps.map.pickPoint();
    this.picking = false;
    if (at && this.trip) this.setStart(at);
    else this.show({});
  }

  private show(patch: Partial<RouteView>): void {
    if (!this.trip || !this.view) return;
    this.view = { ...this.view, ...patch, profile: this.profile, start: this.startView(), way: this.way, journey: this.journeys.view };
    this.panel.render(this.view);
    this.deps.app.dataset.routeStatus = this.view.status;
    this.deps.app.dataset.routeProfile = this.profile;
    this.deps.app.dataset.routeStart = this.start.source;
    this.deps.app.dataset.routeWay = this.way;
  }

  /** Where the city has no street data: what is known (distance from the person, district). */
  private showNoRoutes(): void {
    const { trip } = this;
    if (!trip) return;
    const state = this.deps.store.get();
    const region = currentRegion(state);
    const mine = state.userPosition;
    const straightM = mine ? distanceMeters([mine[0], mine[1]], [trip.to[0], trip.to[1]]) : null;
    const noRoutes = { city: region ? pick(region.name) : "", straightM, district: trip.district };
    this.show({ status: "no-routes", routes: [], error: null, noRoutes });
    void this.deps.map.setRoutes(null, null);
  }

  /** Draws the side shown: the walking routes, or the chosen journey leg by leg. */
  private async draw(routes: readonly Route[], chosen: number, frame: boolean): Promise<void> {
    const map = this.deps.map as AppMap & JourneyMap;
    const padding = frame ? mapPadding() : null;
    const journey = this.way === "transit" ? this.journeys.chosenJourney() : undefined;
    delete this.deps.app.dataset.journeyDrawn;
    if (this.way === "transit") {
      if (!journey) {
        await map.setJourney?.(null, null);
        await this.deps.map.setRoutes(null, null);
        return;
      }
      const drawing = journeyDrawing(journey);
      if (map.setJourney) {
        await this.deps.map.setRoutes(null, null);
        await map.setJourney(drawing, padding);
      } else {
        await this.deps.map.setRoutes({ lines: [journeyPath(journey)], chosen: 0, warnings: [], end: drawing.end }, padding);
      }
      if (this.journeys.chosenJourney() === journey) this.deps.app.dataset.journeyDrawn = `${drawing.lines.length}:${drawing.lines.filter((l) => !l.dashed).length}`;
      return;
    }
    await map.setJourney?.(null, null);
    const lines = routes.map((r) => r.coordinates);
    const warnings = routes[chosen]?.warnings.map((w) => w.at) ?? [];
    await this.deps.map.setRoutes({ lines, chosen, warnings, end: this.trip?.to }, padding);
  }

  /** Asks for the bus journeys of the trip from `from`, beside the walking routes. */
  private askJourneys(from: Position): void {
    const trip = this.trip;
    const region = currentRegion(this.deps.store.get());
    if (!trip || !region) return;
    void this.journeys.compute({ from, to: trip.to, profile: this.profile, timeZone: region.timeZone });
  }

  /** Asks for the routes of the current trip and profile; a newer request cancels an older one. */
  private async compute(): Promise<void> {
    const { trip, deps } = this;
    if (!trip || this.view?.status === "no-routes") return;
    this.request?.abort();
    delete deps.app.dataset.routeDrawn;
    delete deps.app.dataset.routeDistance;
    const from = this.start.from;
    if (from === null) {
      if (this.start.source === "none") this.show({ status: "need-start", routes: [] });
      return;
    }
    if (distanceMeters([from[0], from[1]], [trip.to[0], trip.to[1]]) < SAME_PLACE_M) {
      this.show({ status: "same-place", routes: [], error: null });
      await deps.map.setRoutes(null, null);
      return;
    }
    const request = new AbortController();
    this.request = request;
    this.askJourneys(from);
    this.show({ status: "loading", routes: [], chosen: 0, error: null });
    try {
      const routes = await fetchRoutes({ from, to: trip.to, profile: this.profile, lang: getLanguage() }, request.signal);
      if (this.request !== request) return;
      if ((routes[0]?.distanceM ?? 0) === 0) {
        this.show({ status: "same-place", routes: [] });
        await deps.map.setRoutes(null, null);
        return;
      }
      const distance = String(routes[0]?.distanceM ?? 0);
      this.show({ status: "ready", routes, chosen: 0 });
      deps.app.dataset.routeDistance = distance;
      await this.draw(routes, 0, true);
      if (this.request === request) deps.app.dataset.routeDrawn = `${this.profile}:${distance}`;
    } catch (error) {
      if (request.signal.aborted) return;
      this.show({ status: "error", error: routeErrorText(error, this.cityHasStreets()) });
      await deps.map.setRoutes(null, null);
    }
  }

  private close(backToCard: boolean): void {
    if (!this.trip) return;
    this.request?.abort();
    if (this.picking) this.deps.map.cancelPick();
    this.trip = null;
    this.view = null;
    this.start = NO_START;
    this.journeys.reset();
    void (this.deps.map as AppMap & JourneyMap).setJourney?.(null, null);
    this.section.hidden = true;
    for (const key of ROUTE_DATA) delete this.deps.app.dataset[key];
    void this.deps.map.setRoutes(null, null);
    void this.deps.map.setRouteStart(null);
    if (backToCard) document.querySelector<HTMLElement>("#place-card .card-route-button")?.focus({ preventScroll: true });
  }

  /** Another place chosen, the card closed or the city changed: the trip is over. A position found later is the start. */
  private follow(state: AppState, previous: AppState): void {
    if (!this.trip) return;
    if (state.selectedId !== this.trip.placeId || state.regionId !== previous.regionId) this.close(false);
    else if (state.userPosition !== previous.userPosition && state.userPosition) {
      if (this.view?.status === "no-routes") this.showNoRoutes();
      else if (this.start.source === "none") this.useStart({ from: state.userPosition, source: "mine", name: null });
    }
  }

  /** The directions come from the server in one language: ask again in the new one. */
  private relabel(lang: Lang): void {
    if (!this.trip || !this.view) return;
    const place = findPlace(this.deps.store.get(), this.trip.placeId);
    this.view = { ...this.view, placeName: place ? placeName(place, lang) : this.view.placeName };
    if (this.view.status === "no-routes") this.showNoRoutes();
    else if (this.view.status === "ready" || this.view.status === "loading" || this.view.status === "error") void this.compute();
    else this.show({});
  }
}

/** Mounts the route panel in `section` (hidden until a route is asked for). */
export function mountRoute(section: HTMLElement, deps: RouteDeps): RouteController {
  return new RouteFeature(section, deps);
}
