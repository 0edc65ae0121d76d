/**
 * The map, behind one class. The app feeds it data (places, boundaries, a region to show,
 * the user's position, the language) and hears back only which place was tapped; nothing
 * else touches MapLibre. Unchanged data is not pushed to the map again.
 */
import {
  AttributionControl,
  LngLatBounds,
  Map as MapLibreMap,
  NavigationControl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type PaddingOptions,
} from "maplibre-gl";
import type { FeatureCollection, Geometry } from "geojson";
import { CATEGORIES } from "../../../src/core/categories.ts";
import type { PlaceFeature, Region } from "../shared/api.ts";
import type { Lang } from "../shared/i18n.ts";
import { ICON_NAMES, rasterizeIcon } from "../shared/icons.ts";
import { UI_STRINGS } from "./basemap-style.ts";
import { createFlatMap } from "./flat-map.ts";
import { listenForLongPress } from "./long-press.ts";
import { emptyCollection, labelBoundaries, toMarkerCollection } from "./map-data.ts";
import { CLUSTER_OPTIONS, DIMMED_WITH_ROUTE, ICON_PREFIX, LAYERS, SOURCES, overlayLayers } from "./overlay-layers.ts";
import { ROUTE_LAYERS, RouteOverlay, type RouteDrawing } from "./route-overlay.ts";
import { IdeasLayer } from "./ideas-layer.ts";
import { JourneyOverlay, type JourneyDrawing } from "./journey-overlay.ts";

// The worker ships as its own file; without this a built app asks for it next to the bundle and 404s.

const TAP_TOLERANCE_PX = 10;
const ICON_PIXELS = 15;

/** What the map tells the app. */
export interface MapViewOptions {
  readonly container: HTMLElement;
  readonly lang: Lang;
  /** Called with the id of a tapped place marker. */
  readonly onPlaceTap: (id: string) => void;
  /** Called with the [lon, lat] of a long press (touch) or right-click (mouse). */
  readonly onLongPress?: (lonLat: [number, number]) => void;
  /** Called with the index of a dashed alternative route that was tapped. */
  readonly onRouteTap?: (index: number) => void;
}

/** Counts of what is drawn on screen now, for tests and status text. */
export interface RenderedPlaces {
  /** Single markers drawn. */
  readonly markers: number;
  /** Places hidden inside cluster bubbles drawn. */
  readonly clustered: number;
}

/** The MapLibre map with our basemap and overlays. */
export class MapView {
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private lang: Lang;
  private places: readonly PlaceFeature[] = [];
  private boundaries: FeatureCollection<Geometry> = { type: "FeatureCollection", features: [] };
  private attribution: readonly string[] = [];
  private navigation = new NavigationControl({ showCompass: false });
  private attributionControl = new AttributionControl({ compact: true });
  private readonly routes: RouteOverlay;
  private readonly journeys: JourneyOverlay;
  /** Set while the next tap on the map picks a point (a route's start) instead of a place. */
  private picking: ((lonLat: [number, number] | null) => void) | null = null;
  /** Children's ideas as their own layer, loaded on first use (ideas-layer.ts). */
  readonly ideas: IdeasLayer;

  constructor(private readonly options: MapViewOptions) {
    this.lang = options.lang;
    this.map = createFlatMap(options.container, options.lang);
    this.routes = new RouteOverlay(this.map);
    this.journeys = new JourneyOverlay(this.map);
    this.ideas = new IdeasLayer(this.map, options.container, () => this.whenIdle());
    if (options.onLongPress) listenForLongPress(this.map, options.onLongPress);
    this.addControls();
    this.loaded = new Promise((resolve) => this.map.once("load", () => void this.addOverlays().then(resolve)));
    this.map.on("click", (event) => this.handleTap(event));
    this.map.on("mousemove", (event) => {
      if (this.picking) return;
      this.map.getCanvas().style.cursor = this.featuresNear(event).length > 0 ? "pointer" : "";
    });
  }

  private addControls(): void {
    this.map.addControl(this.navigation, "bottom-right");
    this.map.addControl(this.attributionControl, "bottom-left");
    // Start folded to its (i) button: long credits must not cover the map on a phone.
    const attribution = this.map.getContainer().querySelector(".maplibregl-ctrl-attrib.maplibregl-compact");
    attribution?.classList.remove("maplibregl-compact-show");
    attribution?.removeAttribute("open");
  }

  private async addOverlays(): Promise<void> {
    await this.addIcons();
    this.map.addSource(SOURCES.boundaries, { type: "geojson", data: emptyCollection() });
    this.map.addSource(SOURCES.user, { type: "geojson", data: emptyCollection() });
    this.map.addSource(SOURCES.places, { type: "geojson", data: emptyCollection(), ...CLUSTER_OPTIONS });
    for (const layer of overlayLayers()) this.map.addLayer(layer);
    this.routes.add();
    this.journeys.add();
    this.markLayerOrder();
  }

  /** Says on the map's element whether the route's line and start are drawn above the place clusters (for tests). */
  private markLayerOrder(): void {
    const ids = (this.map.getStyle().layers ?? []).map((layer) => layer.id);
    const above = (upper: string): boolean => ids.indexOf(upper) > Math.max(ids.indexOf(LAYERS.clusters), ids.indexOf(LAYERS.points), ids.indexOf(LAYERS.names));
    this.options.container.dataset.routeAbovePlaces = String(above(ROUTE_LAYERS.casing) && above(ROUTE_LAYERS.line) && above(ROUTE_LAYERS.start));
  }

  /** Fades the place markers and clusters while a route is shown, and brings them back after. */
  private dimPlaces(dim: boolean): void {
    for (const [layer, property] of DIMMED_WITH_ROUTE) {
      if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, property, dim ? 0.3 : 1);
    }
    if (dim) this.options.container.dataset.placesDimmed = "true";
    else delete this.options.container.dataset.placesDimmed;
  }

  private async addIcons(): Promise<void> {
    const pixelRatio = Math.max(2, Math.ceil(window.devicePixelRatio || 1));
    const names = new Set([...ICON_NAMES, ...Object.values(CATEGORIES).map((c) => c.icon)]);
    await Promise.all(
      [...names].map(async (name) => {
        try {
          const image = await rasterizeIcon(name, ICON_PIXELS * pixelRatio, "#ffffff");
          if (!this.map.hasImage(ICON_PREFIX + name)) this.map.addImage(ICON_PREFIX + name, image, { pixelRatio });
        } catch (error) {
          // A missing icon leaves a plain coloured dot; the map must still work.
          console.warn(`icon ${name} could not be drawn`, error);
        }
      }),
    );
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`map source ${id} is missing`);
    return source;
  }

  /** Resolves once the map has drawn everything it was given and stopped moving. */
  async whenIdle(): Promise<void> {
    await this.loaded;
    const idle = this.map.once("idle");
    this.map.triggerRepaint();
    await idle;
  }

  /** Shows these places as markers; resolves when they are drawn. Same list twice is a no-op. */
  async setPlaces(places: readonly PlaceFeature[]): Promise<void> {
    await this.loaded;
    if (places === this.places) return;
    this.places = places;
    this.source(SOURCES.places).setData(toMarkerCollection(places, this.lang));
    await this.whenIdle();
  }

  /** Draws a region's administrative boundaries (an empty collection clears them). */
  async setBoundaries(boundaries: FeatureCollection<Geometry>): Promise<void> {
    await this.loaded;
    if (boundaries === this.boundaries) return;
    this.boundaries = boundaries;
    this.source(SOURCES.boundaries).setData(labelBoundaries(boundaries, this.lang));
  }

  /** Highlights one place's marker, or none, and lifts it above markers at the same spot. */
  async setSelected(id: string | null): Promise<void> {
    await this.loaded;
    const selected: ExpressionSpecification = ["==", ["get", "id"], id ?? ""];
    for (const layer of [LAYERS.selected, LAYERS.selectedPoint, LAYERS.selectedIcon]) {
      this.map.setFilter(layer, ["all", ["!", ["has", "point_count"]], selected]);
    }
    // Names do not overlap: the lower key wins the spot, so the selected place is named.
    this.map.setLayoutProperty(LAYERS.names, "symbol-sort-key", ["case", selected, 0, 1]);
  }

  /** Moves the camera to a whole region, keeping clear of the UI laid over the map. */
  showRegion(region: Region, padding: PaddingOptions, animate: boolean): void {
    const bounds = region.bbox as unknown as LngLatBoundsLike;
    // absolutePadding: the padding left by an earlier flyTo/easeTo must not add to this one.
    this.map.fitBounds(bounds, { padding, absolutePadding: true, maxZoom: Math.max(region.zoom, 12), animate, duration: 900 });
  }

  /** Centres on a place, zooming in enough to see it as a single marker. */
  focusOn(lonLat: readonly [number, number], padding: PaddingOptions): void {
    const zoom = Math.max(this.map.getZoom(), CLUSTER_OPTIONS.clusterMaxZoom + 1);
    this.map.easeTo({ center: [lonLat[0], lonLat[1]], zoom, padding, duration: 700 });
  }

  /** Flies to a place picked in the search, close enough to see it as a single marker. */
  flyToPlace(lonLat: readonly [number, number], padding: PaddingOptions): void {
    const zoom = Math.max(this.map.getZoom(), CLUSTER_OPTIONS.clusterMaxZoom + 1);
    this.map.flyTo({ center: [lonLat[0], lonLat[1]], zoom, padding, duration: 1200 });
  }

  /** Frames a set of places (search results), close enough to tell them apart; none is a no-op. */
  fitPositions(positions: readonly (readonly [number, number])[], padding: PaddingOptions): void {
    if (positions.length === 0) return;
    const bounds = new LngLatBounds();
    for (const [lon, lat] of positions) bounds.extend([lon, lat]);
    this.map.fitBounds(bounds, { padding, absolutePadding: true, maxZoom: CLUSTER_OPTIONS.clusterMaxZoom + 1, duration: 900 });
  }

  /** Puts the camera at once where another view of the map left it (the first view's picture). */
  jumpTo(center: readonly [number, number], zoom: number): void {
    this.map.jumpTo({ center: [center[0], center[1]], zoom });
  }

  /** The [lon, lat] at the centre of the map now. */
  center(): [number, number] {
    const { lng, lat } = this.map.getCenter();
    return [lng, lat];
  }

  /** Draws routes (null clears them) and, given a padding, frames the chosen one; resolves once drawn. */
  async setRoutes(drawing: RouteDrawing | null, padding: PaddingOptions | null): Promise<void> {
    await this.loaded;
    this.routes.setRoutes(drawing);
    this.dimPlaces(drawing !== null);
    if (drawing && padding) this.routes.fit(padding);
    await this.whenIdle();
  }

  /** Draws a journey leg by leg (null clears it) and, given a padding, frames it; resolves once drawn. */
  async setJourney(drawing: JourneyDrawing | null, padding: PaddingOptions | null): Promise<void> {
    await this.loaded;
    this.journeys.setJourney(drawing);
    this.dimPlaces(drawing !== null);
    if (drawing && padding) this.journeys.fit(padding);
    await this.whenIdle();
  }

  /** Shows where a route starts (null hides the dot). */
  async setRouteStart(lonLat: readonly [number, number] | null): Promise<void> {
    await this.loaded;
    this.routes.setStart(lonLat ? [lonLat[0], lonLat[1]] : null);
  }

  /**
   * The next tap on the map picks a point (a route's start) instead of a place: resolves
   * with its [lon, lat], or null when `cancelPick` is called first.
   */
  pickPoint(): Promise<[number, number] | null> {
    this.cancelPick();
    this.options.container.dataset.picking = "true";
    this.map.getCanvas().style.cursor = "crosshair";
    return new Promise((resolve) => {
      this.picking = resolve;
    });
  }

  /** Stops waiting for a picked point (the pending `pickPoint` resolves with null). */
  cancelPick(): void {
    const pending = this.picking;
    this.picking = null;
    delete this.options.container.dataset.picking;
    this.map.getCanvas().style.cursor = "";
    pending?.(null);
  }

  /** Puts the "you are here" dot on the map without moving the camera. */
  async setUserDot(lonLat: readonly [number, number]): Promise<void> {
    await this.loaded;
    this.source(SOURCES.user).setData({ type: "Point", coordinates: [lonLat[0], lonLat[1]] });
  }

  /** Pieces of the chosen route line drawn on screen now (test hook). */
  renderedRouteLines(): number {
    return this.routes.renderedLines();
  }

  /** Puts the "you are here" dot on the map and flies there. */
  async showUserLocation(lon: number, lat: number): Promise<void> {
    await this.loaded;
    this.source(SOURCES.user).setData({ type: "Point", coordinates: [lon, lat] });
    this.map.flyTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), 15) });
  }

  /** Moves the camera to a point at street level (an idea's pin). */
  flyTo(lonLat: readonly [number, number], padding: PaddingOptions, zoom = CLUSTER_OPTIONS.clusterMaxZoom + 1): void {
    this.map.flyTo({ center: [lonLat[0], lonLat[1]], zoom: Math.max(this.map.getZoom(), zoom), padding, duration: 900 });
  }

  /** Lists each data source's attribution (e.g. "© OpenStreetMap contributors"). */
  setAttribution(lines: readonly string[]): void {
    if (lines.join("\n") === this.attribution.join("\n")) return;
    this.attribution = lines;
    this.rebuildControls();
  }

  /** Relabels markers, boundaries and the map's own controls in another language. */
  async setLanguage(lang: Lang): Promise<void> {
    if (lang === this.lang) return;
    this.lang = lang;
    this.map._locale = { ...this.map._locale, ...UI_STRINGS[lang] };
    this.rebuildControls();
    this.map.getCanvas().setAttribute("aria-label", UI_STRINGS[lang]["Map.Title"] ?? "");
    await this.loaded;
    this.source(SOURCES.places).setData(toMarkerCollection(this.places, lang));
    this.source(SOURCES.boundaries).setData(labelBoundaries(this.boundaries, lang));
  }

  private rebuildControls(): void {
    this.map.removeControl(this.navigation);
    this.map.removeControl(this.attributionControl);
    this.navigation = new NavigationControl({ showCompass: false });
    this.attributionControl = new AttributionControl({ compact: true, customAttribution: [...this.attribution] });
    this.addControls();
  }

  /** Markers and clustered places drawn on screen now (test hook and status). */
  renderedPlaces(): RenderedPlaces {
    const markers = new Set(this.map.queryRenderedFeatures({ layers: [LAYERS.points] }).map((f) => f.properties.id));
    const clusters = new Map<number, number>();
    for (const f of this.map.queryRenderedFeatures({ layers: [LAYERS.clusters] })) {
      clusters.set(Number(f.properties.cluster_id), Number(f.properties.point_count));
    }
    return { markers: markers.size, clustered: [...clusters.values()].reduce((a, b) => a + b, 0) };
  }

  /** Page coordinates of the single markers on screen, with their place ids (test hook). */
  markerPositions(): Array<{ id: string; x: number; y: number }> {
    const rect = this.map.getCanvas().getBoundingClientRect();
    return this.map.queryRenderedFeatures({ layers: [LAYERS.points] }).flatMap((f) => {
      if (f.geometry.type !== "Point") return [];
      const point = this.map.project([f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0]);
      return [{ id: String(f.properties.id), x: rect.left + point.x, y: rect.top + point.y }];
    });
  }

  private featuresNear(event: MapMouseEvent): MapGeoJSONFeature[] {
    if (!this.map.getLayer(LAYERS.points)) return [];
    const { x, y } = event.point;
    const box: [[number, number], [number, number]] = [
      [x - TAP_TOLERANCE_PX, y - TAP_TOLERANCE_PX],
      [x + TAP_TOLERANCE_PX, y + TAP_TOLERANCE_PX],
    ];
    return this.map.queryRenderedFeatures(box, { layers: [LAYERS.points, LAYERS.clusters] });
  }

  private handleTap(event: MapMouseEvent): void {
    if (this.picking) {
      const resolve = this.picking;
      this.picking = null;
      delete this.options.container.dataset.picking;
      this.map.getCanvas().style.cursor = "";
      resolve([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    if (this.ideas.tap(event.point)) return;
    const features = this.featuresNear(event);
    const marker = features.find((f) => f.layer.id === LAYERS.points);
    if (marker) {
      this.options.onPlaceTap(String(marker.properties.id));
      return;
    }
    const cluster = features.find((f) => f.layer.id === LAYERS.clusters);
    if (cluster && cluster.geometry.type === "Point") {
      void this.expandCluster(cluster, cluster.geometry.coordinates);
      return;
    }
    const alternative = this.routes.alternativeAt(event.point);
    if (alternative !== null) this.options.onRouteTap?.(alternative);
  }

  private async expandCluster(cluster: MapGeoJSONFeature, at: number[]): Promise<void> {
    const zoom = await this.source(SOURCES.places).getClusterExpansionZoom(Number(cluster.properties.cluster_id));
    this.map.easeTo({ center: [at[0] ?? 0, at[1] ?? 0], zoom: Math.min(zoom + 0.2, this.map.getMaxZoom()) });
  }
}
