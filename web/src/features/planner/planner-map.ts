/**
 * The planner's map, behind one class like web/src/map/map-view.ts and on the same basemap:
 * residential areas as discs of their footprint coloured by walking minutes (the gap in
 * orange and red, drawn on top and outlined), and markers that are buttons: existing sites
 * (tap to close or reopen one), proposed sites (tap to take one away) and suggested sites
 * (tap to adopt one). A tap elsewhere on the map proposes a site there. The page feeds it
 * data; it reports taps only. Unchanged data is not pushed again. The drawing buffer is
 * kept so the print brief can take a snapshot of the map.
 */
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type PaddingOptions,
} from "maplibre-gl";
import type { Feature, FeatureCollection, Point } from "geojson";
import { UI_STRINGS } from "../../map/basemap-style.ts";
import { createFlatMap } from "../../map/flat-map.ts";
import type { Region } from "../../shared/api.ts";
import type { Lang } from "../../shared/i18n.ts";
import { iconElement } from "../../shared/icons.ts";
import { BAND_COLORS, bandOf, footprintRadius, type Band } from "./coverage-bands.ts";
import type { CoverageLayer, LonLat } from "./planner-api.ts";


const AREAS = "coverage-areas";
const AREA_LAYER = "coverage-area-discs";
/** Smallest disc drawn, so a small building still shows its colour. */
const MIN_RADIUS_PX = 2.5;
/** Metres per pixel at zoom 0 on the equator for MapLibre's 512-pixel tiles. */
const METRES_PER_PIXEL_Z0 = 78271.517;

/** An existing site of the chosen kinds. */
export interface SiteMarker {
  readonly id: string;
  readonly lonLat: LonLat;
  /** The accessible name: the place's name and what a tap does. */
  readonly label: string;
  readonly icon: string;
  readonly closed: boolean;
}

/** A proposed site (what-if) or a suggested one. */
export interface PointMarker {
  readonly lonLat: LonLat;
  readonly label: string;
  /** Short text on the marker: its number, or a suggestion's gain. */
  readonly text: string;
  /** A proposed site too far from any street to count. */
  readonly warning?: boolean;
}

/** What the map tells the page. */
export interface PlannerMapOptions {
  readonly container: HTMLElement;
  readonly lang: Lang;
  readonly onMapTap: (lonLat: LonLat) => void;
  readonly onSiteTap: (id: string) => void;
  readonly onProposedTap: (index: number) => void;
  readonly onSuggestionTap: (index: number) => void;
}

interface AreaFeatureProperties {
  readonly band: Band;
  readonly radiusM: number;
  readonly gap: number;
}

/** Disc radius in pixels: the footprint's radius in metres at the zoom, never below MIN_RADIUS_PX. */
function radiusExpression(latitude: number): ExpressionSpecification {
  const metresPerPixel = (zoom: number): number => (METRES_PER_PIXEL_Z0 * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoom;
  const at = (zoom: number): ExpressionSpecification => ["max", MIN_RADIUS_PX, ["/", ["get", "radiusM"], metresPerPixel(zoom)]];
  return ["interpolate", ["exponential", 2], ["zoom"], 10, at(10), 20, at(20)];
}

const bandColor: ExpressionSpecification = ["match", ["get", "band"], "near", BAND_COLORS.near, "covered", BAND_COLORS.covered, "miss", BAND_COLORS.miss, BAND_COLORS.far];

function markerButton(className: string, label: string, ...content: Array<Node | string>): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `planner-marker ${className}`;
  button.setAttribute("aria-label", label);
  button.title = label;
  button.append(...content);
  return button;
}

/** The MapLibre map with the coverage layer and the site markers. */
export class PlannerMap {
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private areas: CoverageLayer | null = null;
  private markers: Marker[] = [];
  private markerKey = "";
  private credits: readonly string[] = [];
  private drawn: { sites: readonly SiteMarker[]; proposed: readonly PointMarker[]; suggestions: readonly PointMarker[] } = { sites: [], proposed: [], suggestions: [] };
  private navigation = new NavigationControl({ showCompass: false });
  private attribution = new AttributionControl({ compact: true });

  constructor(private readonly options: PlannerMapOptions) {
    this.map = createFlatMap(options.container, options.lang, {
      // The print brief copies the canvas; without this it would copy a cleared buffer.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.addControls();
    this.loaded = new Promise((resolve) => this.map.once("load", () => resolve(this.addLayers())));
    this.map.on("click", (event) => {
      // A tap on a marker button is that marker's; MapLibre reports it to the map as well.
      if (event.originalEvent.target instanceof Element && event.originalEvent.target.closest(".planner-marker")) return;
      options.onMapTap([event.lngLat.lng, event.lngLat.lat]);
    });
  }

  private addControls(): void {
    this.map.addControl(this.navigation, "top-right");
    this.map.addControl(this.attribution, "bottom-right");
    const credits = this.map.getContainer().querySelector(".maplibregl-ctrl-attrib.maplibregl-compact");
    credits?.classList.remove("maplibregl-compact-show");
    credits?.removeAttribute("open");
  }

  private addLayers(): void {
    this.map.addSource(AREAS, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    this.map.addLayer({
      id: AREA_LAYER,
      type: "circle",
      source: AREAS,
      layout: { "circle-sort-key": ["get", "gap"] },
      paint: {
        "circle-color": bandColor,
        "circle-opacity": ["case", ["==", ["get", "gap"], 1], 0.85, 0.6],
        "circle-radius": radiusExpression(0),
        "circle-stroke-color": ["case", ["==", ["get", "gap"], 1], "#7a1010", "#ffffff"],
        "circle-stroke-width": ["case", ["==", ["get", "gap"], 1], 1.2, 0.5],
      },
    });
  }

  /** Resolves once the map has drawn what it was given and stopped moving. */
  async whenIdle(): Promise<void> {
    await this.loaded;
    const idle = this.map.once("idle");
    this.map.triggerRepaint();
    await idle;
  }

  /** Frames a region clear of `padding` (the legend over a desktop map) and credits its data. */
  showRegion(region: Region, padding: PaddingOptions): void {
    const bounds = region.bbox as unknown as LngLatBoundsLike;
    this.map.fitBounds(bounds, { padding, maxZoom: 17, animate: false });
    const credits = region.attribution === null ? [] : typeof region.attribution === "string" ? [region.attribution] : [...region.attribution];
    if (credits.join("\n") !== this.credits.join("\n")) {
      this.credits = credits;
      this.rebuildControls();
    }
    void this.loaded.then(() => this.map.setPaintProperty(AREA_LAYER, "circle-radius", radiusExpression(region.center[1])));
  }

  /** Draws the residential areas coloured for threshold `minutes` (null clears them). */
  async setAreas(layer: CoverageLayer | null, minutes: number): Promise<void> {
    await this.loaded;
    if (layer === this.areas) return;
    this.areas = layer;
    const features = (layer?.features ?? []).map((f): Feature<Point, AreaFeatureProperties> => {
      const band = bandOf(f.properties, minutes);
      return { type: "Feature", geometry: f.geometry, properties: { band, radiusM: footprintRadius(f.properties.areaM2), gap: f.properties.covered ? 0 : 1 } };
    });
    const data: FeatureCollection<Point, AreaFeatureProperties> = { type: "FeatureCollection", features };
    this.map.getSource<GeoJSONSource>(AREAS)?.setData(data);
  }

  /** Replaces the markers; the same markers twice is a no-op. */
  setMarkers(sites: readonly SiteMarker[], proposed: readonly PointMarker[], suggestions: readonly PointMarker[]): void {
    const key = JSON.stringify([sites, proposed, suggestions]);
    if (key === this.markerKey) return;
    this.markerKey = key;
    this.drawn = { sites, proposed, suggestions };
    for (const marker of this.markers) marker.remove();
    this.markers = [
      ...sites.map((site) => this.siteMarker(site)),
      ...suggestions.map((s, i) => this.pointMarker(s, "planner-suggestion", () => this.options.onSuggestionTap(i))),
      ...proposed.map((p, i) => this.pointMarker(p, "planner-proposed", () => this.options.onProposedTap(i))),
    ];
  }

  private siteMarker(site: SiteMarker): Marker {
    const button = markerButton("planner-site", site.label, iconElement(site.icon, "planner-site-icon"));
    button.setAttribute("aria-pressed", String(site.closed));
    button.dataset.site = site.id;
    button.addEventListener("click", () => this.options.onSiteTap(site.id));
    return new Marker({ element: button }).setLngLat([site.lonLat[0], site.lonLat[1]]).addTo(this.map);
  }

  private pointMarker(point: PointMarker, className: string, tap: () => void): Marker {
    const button = markerButton(className, point.label, point.text);
    if (point.warning) button.dataset.warning = "true";
    button.addEventListener("click", tap);
    return new Marker({ element: button, anchor: "center" }).setLngLat([point.lonLat[0], point.lonLat[1]]).addTo(this.map);
  }

  /** Relabels MapLibre's own controls in another language, and names the map `title`. */
  setLanguage(lang: Lang, title: string): void {
    this.map._locale = { ...this.map._locale, ...UI_STRINGS[lang] };
    this.map.getCanvas().setAttribute("aria-label", title);
    this.rebuildControls();
  }

  private rebuildControls(): void {
    this.map.removeControl(this.navigation);
    this.map.removeControl(this.attribution);
    this.navigation = new NavigationControl({ showCompass: false });
    this.attribution = new AttributionControl({ compact: true, customAttribution: [...this.credits] });
    this.addControls();
  }

  /** Frees the map's WebGL context and listeners. */
  destroy(): void {
    for (const marker of this.markers) marker.remove();
    this.map.remove();
  }

  /**
   * The map as a PNG data URL for the print brief, with the markers drawn in: they are
   * buttons over the canvas, so a copy of the canvas alone would leave them out.
   */
  snapshot(): string {
    const source = this.map.getCanvas();
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext("2d");
    if (!context) return source.toDataURL("image/png");
    context.drawImage(source, 0, 0);
    const scale = source.width / Math.max(1, source.clientWidth);
    const dot = (lonLat: LonLat, fill: string, text: string, dashed: boolean): void => {
      const { x, y } = this.map.project([lonLat[0], lonLat[1]]);
      context.beginPath();
      context.arc(x * scale, y * scale, 11 * scale, 0, 2 * Math.PI);
      context.fillStyle = fill;
      context.fill();
      context.setLineDash(dashed ? [4 * scale, 3 * scale] : []);
      context.lineWidth = 3 * scale;
      context.strokeStyle = dashed ? "#d9480f" : "#ffffff";
      context.stroke();
      context.fillStyle = dashed ? "#7a2e06" : "#ffffff";
      context.font = `900 ${12 * scale}px sans-serif`;
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.fillText(text, x * scale, y * scale);
    };
    const { sites, proposed, suggestions } = this.drawn;
    for (const site of sites) dot(site.lonLat, site.closed ? "#868e96" : "#1864ab", site.closed ? "×" : "", false);
    suggestions.forEach((s, i) => dot(s.lonLat, "#fff3bf", String(i + 1), true));
    proposed.forEach((p, i) => dot(p.lonLat, "#7048e8", String(i + 1), false));
    return canvas.toDataURL("image/png");
  }

  /** Residential areas in the coverage source now (test hook). */
  areaCount(): number {
    return this.areas?.features.length ?? 0;
  }

  /** Page coordinates of a point on the map (test hook). */
  pagePoint(lonLat: LonLat): { x: number; y: number } {
    const rect = this.map.getCanvas().getBoundingClientRect();
    const point = this.map.project([lonLat[0], lonLat[1]]);
    return { x: rect.left + point.x, y: rect.top + point.y };
  }
}
