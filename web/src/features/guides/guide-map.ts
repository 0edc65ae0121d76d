/**
 * A guide on the map: its legs as lines (walks green, buses blue, straight-line estimates
 * dashed) and its stops as numbered circles (red when the place has closed or moved), on the
 * app's basemap, framed to fit. MapLibre stays behind this class; the page feeds it a guide.
 */
import { AttributionControl, type GeoJSONSource, LngLatBounds, type Map as MapLibreMap, NavigationControl } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import type { GuideDetail } from "../../../../src/core/api/guides.ts";
import { LABEL_FONT } from "../../map/basemap-style.ts";
import { createFlatMap } from "../../map/flat-map.ts";
import type { Lang } from "../../shared/i18n.ts";

const LEGS = "guide-legs";
const STOPS = "guide-stops";
const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

export class GuideMap {
  readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;

  /** `credits` are the region's data sources ("© OpenStreetMap contributors"), shown as the ODbL asks. */
  constructor(container: HTMLElement, lang: Lang, credits: readonly string[]) {
    this.map = createFlatMap(container, lang);
    this.map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: [...credits] }), "bottom-right");
    this.loaded = new Promise((resolve) => this.map.once("load", () => resolve(this.addLayers())));
  }

  private addLayers(): void {
    this.map.addSource(LEGS, { type: "geojson", data: empty });
    this.map.addSource(STOPS, { type: "geojson", data: empty });
    this.map.addLayer({
      id: LEGS, type: "line", source: LEGS, layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": ["match", ["get", "mode"], "bus", "#1971c2", "#2b8a3e"], "line-width": 5, "line-opacity": 0.85 },
    });
    this.map.addLayer({ id: `${LEGS}-straight`, type: "line", source: LEGS, filter: ["==", ["get", "mode"], "straight"], paint: { "line-color": "#ffffff", "line-width": 2, "line-dasharray": [2, 2] } });
    this.map.addLayer({ id: STOPS, type: "circle", source: STOPS, paint: { "circle-color": ["case", ["==", ["get", "state"], "open"], "#2b8a3e", "#c92a2a"], "circle-radius": 12, "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } });
    this.map.addLayer({ id: `${STOPS}-number`, type: "symbol", source: STOPS, layout: { "text-field": ["get", "n"], "text-size": 13, "text-allow-overlap": true, "text-font": LABEL_FONT }, paint: { "text-color": "#ffffff" } });
  }

  /** Draws the guide and frames its stops and legs. */
  async show(guide: GuideDetail): Promise<void> {
    await this.loaded;
    (this.map.getSource(LEGS) as GeoJSONSource).setData({ type: "FeatureCollection", features: guide.legs.features.map((f) => ({ ...f, geometry: { type: "LineString", coordinates: f.geometry.coordinates.map(([x, y]) => [x, y]) } })) });
    (this.map.getSource(STOPS) as GeoJSONSource).setData({
      type: "FeatureCollection",
      features: guide.stops.map((s, i) => ({ type: "Feature", geometry: { type: "Point", coordinates: [s.lon, s.lat] }, properties: { n: String(i + 1), state: s.state } })),
    });
    const bounds = new LngLatBounds();
    for (const s of guide.stops) bounds.extend([s.lon, s.lat]);
    for (const f of guide.legs.features) for (const [x, y] of f.geometry.coordinates) bounds.extend([x, y]);
    this.map.fitBounds(bounds, { padding: 48, maxZoom: 16, duration: 0 });
  }
}
