/**
 * The app's map, started the way the device can afford. On a touch phone it opens as a picture
 * (preview-map.ts: tile pictures and dots, no WebGL) and loads MapLibre (map-view.ts) only when
 * the person needs more than a picture: a drag, a pinch, the zoom buttons, a route, the ideas
 * layer, their own position. Elsewhere MapLibre starts at once, as before. Either way the app
 * talks to one object: what it was told (places, selection, region, boundaries, credits,
 * language) is kept and handed to MapLibre when it starts, which takes over at the picture's
 * view, and the picture goes once MapLibre has drawn.
 */
import type { FeatureCollection, Geometry } from "geojson";
import type { PlaceFeature, Region } from "../shared/api.ts";
import type { Lang } from "../shared/i18n.ts";
import { trackMapCover } from "../shared/layout.ts";
import type { AppMap } from "./app-map.ts";
import type { Padding } from "./camera.ts";
import type { JourneyDrawing } from "./journey-overlay.ts";
import type { MapView, MapViewOptions } from "./map-view.ts";
import { CLUSTER_OPTIONS } from "./overlay-layers.ts";
import { PreviewMap } from "./preview-map.ts";
import type { RouteDrawing } from "./route-overlay.ts";

/** Close enough to see a place as a single marker (as MapView's focusOn). */
const PLACE_ZOOM = CLUSTER_OPTIONS.clusterMaxZoom + 1;

/** True on a device whose main pointer is a finger: a phone or a tablet. */
export function touchFirst(): boolean {
  return typeof matchMedia === "function" && matchMedia("(hover: none) and (pointer: coarse)").matches;
}

export interface LazyMapOptions extends MapViewOptions {
  /** Open with the picture map and start MapLibre on demand (a touch phone); else MapLibre at once. */
  readonly pictureFirst: boolean;
  /** Loads MapLibre's side (a dynamic import of map-view.ts). */
  readonly load: () => Promise<{ MapView: new (options: MapViewOptions) => MapView }>;
}

export class LazyMap implements AppMap {
  private real: MapView | null = null;
  private starting: Promise<MapView> | null = null;
  private preview: PreviewMap | null = null;
  private places: readonly PlaceFeature[] = [];
  private selected: string | null = null;
  private region: { region: Region; padding: Padding } | null = null;
  private boundaries: FeatureCollection<Geometry> | null = null;
  private attribution: readonly string[] = [];
  private lang: Lang;

  readonly ideas: AppMap["ideas"] = {
    show: async (...args) => (await this.start()).ideas.show(...args),
    hide: async () => this.real?.ideas.hide(),
    setDraft: async (lonLat) => (await this.start()).ideas.setDraft(lonLat),
    drawn: () => this.real?.ideas.drawn() ?? [],
  };

  constructor(private readonly options: LazyMapOptions) {
    this.lang = options.lang;
    // The controls (the picture's or MapLibre's) keep clear of the sheets and panels (shared/styles.css reads the variables).
    trackMapCover(options.container.closest<HTMLElement>(".app") ?? document.documentElement);
    if (options.pictureFirst) {
      options.container.dataset.mapKind = "picture";
      this.preview = new PreviewMap({ container: options.container, lang: options.lang, onPlaceTap: options.onPlaceTap, onWake: () => void this.start().catch(() => undefined) });
    } else {
      void this.start().catch(() => undefined);
    }
  }

  /** Whether MapLibre has been asked for (test hook and status). */
  get started(): boolean {
    return this.starting !== null;
  }

  /** Loads and starts MapLibre once, handing it everything the app said so far. */
  start(): Promise<MapView> {
    this.starting ??= this.options.load().then(async ({ MapView }) => {
      const view = this.preview?.view() ?? null;
      const real = new MapView({ ...this.options, lang: this.lang });
      real.setAttribution(this.attribution);
      if (this.boundaries) void real.setBoundaries(this.boundaries);
      if (view) real.jumpTo(view.center, view.zoom);
      else if (this.region) real.showRegion(this.region.region, this.region.padding, false);
      this.real = real;
      await real.setPlaces(this.places);
      await real.setSelected(this.selected);
      await real.whenIdle();
      // Dragged further while MapLibre was getting ready: it takes over where the picture is now.
      const latest = this.preview?.view() ?? null;
      if (latest && latest !== view) {
        real.jumpTo(latest.center, latest.zoom);
        await real.whenIdle();
      }
      this.preview?.remove();
      this.preview = null;
      this.options.container.dataset.mapKind = "vector";
      return real;
    });
    this.starting.catch(() => (this.starting = null));
    return this.starting;
  }

  async whenIdle(): Promise<void> {
    if (this.starting) return (await this.starting).whenIdle();
    return this.preview?.whenIdle();
  }

  async setPlaces(places: readonly PlaceFeature[]): Promise<void> {
    this.places = places;
    if (this.real) return this.real.setPlaces(places);
    if (this.starting) return (await this.starting).setPlaces(this.places);
    return this.preview?.setPlaces(places);
  }

  async setBoundaries(boundaries: FeatureCollection<Geometry>): Promise<void> {
    this.boundaries = boundaries;
    // The picture does not draw boundaries (a county is larger than a phone's first view).
    if (this.real) return this.real.setBoundaries(boundaries);
  }

  async setSelected(id: string | null): Promise<void> {
    this.selected = id;
    if (this.real) return this.real.setSelected(id);
    this.preview?.setSelected(id);
  }

  showRegion(region: Region, padding: Padding, animate: boolean): void {
    this.region = { region, padding };
    if (this.real) return this.real.showRegion(region, padding, animate);
    this.preview?.showRegion(region.bbox, Math.max(region.zoom, 12), padding, region.hasBasemap);
  }

  focusOn(lonLat: readonly [number, number], padding: Padding): void {
    if (this.real) return this.real.focusOn(lonLat, padding);
    this.preview?.focusOn(lonLat, PLACE_ZOOM, padding);
  }

  flyToPlace(lonLat: readonly [number, number], padding: Padding): void {
    if (this.real) return this.real.flyToPlace(lonLat, padding);
    this.preview?.focusOn(lonLat, PLACE_ZOOM, padding);
  }

  flyTo(lonLat: readonly [number, number], padding: Padding, zoom = PLACE_ZOOM): void {
    if (this.real) return this.real.flyTo(lonLat, padding, zoom);
    this.preview?.focusOn(lonLat, zoom, padding);
  }

  fitPositions(positions: readonly (readonly [number, number])[], padding: Padding): void {
    if (this.real) return this.real.fitPositions(positions, padding);
    this.preview?.fitPositions(positions, padding, PLACE_ZOOM);
  }

  center(): [number, number] {
    // While the picture is shown (MapLibre getting ready behind it), the picture is what the person sees.
    return this.preview?.center() ?? this.real?.center() ?? [0, 0];
  }

  async setRoutes(drawing: RouteDrawing | null, padding: Padding | null): Promise<void> {
    if (drawing === null && !this.real) return;
    return (await this.start()).setRoutes(drawing, padding);
  }

  async setJourney(drawing: JourneyDrawing | null, padding: Padding | null): Promise<void> {
    if (drawing === null && !this.real) return;
    return (await this.start()).setJourney(drawing, padding);
  }

  async setRouteStart(lonLat: readonly [number, number] | null): Promise<void> {
    if (lonLat === null && !this.real) return;
    return (await this.start()).setRouteStart(lonLat);
  }

  async pickPoint(): Promise<[number, number] | null> {
    return (await this.start()).pickPoint();
  }

  cancelPick(): void {
    this.real?.cancelPick();
  }

  async setUserDot(lonLat: readonly [number, number]): Promise<void> {
    return (await this.start()).setUserDot(lonLat);
  }

  async showUserLocation(lon: number, lat: number): Promise<void> {
    return (await this.start()).showUserLocation(lon, lat);
  }

  renderedRouteLines(): number {
    return this.real?.renderedRouteLines() ?? 0;
  }

  setAttribution(lines: readonly string[]): void {
    this.attribution = lines;
    this.real?.setAttribution(lines);
    this.preview?.setAttribution(lines);
  }

  async setLanguage(lang: Lang): Promise<void> {
    this.lang = lang;
    this.preview?.setLanguage(lang);
    if (this.real) return this.real.setLanguage(lang);
  }

  renderedPlaces(): { markers: number; clustered: number } {
    return this.preview?.renderedPlaces() ?? this.real?.renderedPlaces() ?? { markers: 0, clustered: 0 };
  }

  markerPositions(): Array<{ id: string; x: number; y: number }> {
    return this.preview?.markerPositions() ?? this.real?.markerPositions() ?? [];
  }
}
