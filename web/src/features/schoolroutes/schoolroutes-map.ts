/**
 * The school-route map: one school's catchment (its homes as small dots), its walks as lines whose width says how much of the homes'
 * floor area walks there, the crossings on them as dots coloured by their control (signals
 * green, zebra blue, unmarked orange, none red; a marked what-if ringed), the hazards families
 * reported (dark, ringed yellow), the gates, all on
 * the app's basemap. A tap on a crossing reports its id; the page decides. The drawing buffer
 * is kept so the parents' map prints with its map.
 */
import { AttributionControl, type ExpressionSpecification, type GeoJSONSource, LngLatBounds, type Map as MapLibreMap, NavigationControl } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import { createFlatMap } from "../../map/flat-map.ts";
import type { Lang } from "../../shared/i18n.ts";
import { CONTROL_COLORS, walkWidth } from "./school-figures.ts";
import type { LonLat, SchoolAnswer } from "./schoolroutes-api.ts";

const WALKS = "school-walks";
const CROSSINGS = "school-crossings";
const GATES = "school-gates";
const HAZARDS = "school-hazards";
const HOMES = "school-homes";
/** The colour of hazards families reported (the legend's too). */
export const HAZARD_COLOR = "#212529";
/** The colour of the catchment's homes (the legend's too). */
export const HOME_COLOR = "#0b7285";
const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

const controlColor: ExpressionSpecification = ["match", ["get", "control"], "signals", CONTROL_COLORS.signals, "zebra", CONTROL_COLORS.zebra, "unmarked", CONTROL_COLORS.unmarked, CONTROL_COLORS.none];

export class SchoolRoutesMap {
  readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private walkCount = 0;

  constructor(container: HTMLElement, lang: Lang, credits: readonly string[], onCrossingTap: (id: string) => void) {
    this.map = createFlatMap(container, lang, { canvasContextAttributes: { preserveDrawingBuffer: true } });
    this.map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: [...credits] }), "bottom-right");
    this.loaded = new Promise((resolve) => this.map.once("load", () => resolve(this.addLayers())));
    this.map.on("click", CROSSINGS, (event) => {
      const id = event.features?.[0]?.properties?.["id"];
      if (typeof id === "string") onCrossingTap(id);
    });
    this.map.on("mouseenter", CROSSINGS, () => (this.map.getCanvas().style.cursor = "pointer"));
    this.map.on("mouseleave", CROSSINGS, () => (this.map.getCanvas().style.cursor = ""));
  }

  private addLayers(): void {
    for (const id of [HOMES, WALKS, CROSSINGS, GATES, HAZARDS]) this.map.addSource(id, { type: "geojson", data: empty });
    this.map.addLayer({ id: HOMES, type: "circle", source: HOMES, paint: { "circle-color": HOME_COLOR, "circle-opacity": 0.55, "circle-radius": ["interpolate", ["linear"], ["zoom"], 13, 1.5, 17, 4] } });
    this.map.addLayer({ id: WALKS, type: "line", source: WALKS, layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": "#7048e8", "line-opacity": 0.75, "line-width": ["get", "width"] } });
    this.map.addLayer({
      id: CROSSINGS, type: "circle", source: CROSSINGS,
      layout: { "circle-sort-key": ["get", "score"] },
      paint: { "circle-color": controlColor, "circle-radius": ["interpolate", ["linear"], ["zoom"], 13, 4, 17, 9], "circle-stroke-color": ["case", ["get", "marked"], "#000000", "#ffffff"], "circle-stroke-width": ["case", ["get", "marked"], 3, 1.5] },
    });
    this.map.addLayer({ id: HAZARDS, type: "circle", source: HAZARDS, paint: { "circle-color": HAZARD_COLOR, "circle-radius": 6, "circle-stroke-color": "#ffd43b", "circle-stroke-width": 3 } });
    this.map.addLayer({ id: GATES, type: "circle", source: GATES, paint: { "circle-color": "#ffffff", "circle-radius": 7, "circle-stroke-color": "#7048e8", "circle-stroke-width": 3 } });
  }

  /** Draws a school's walks, crossings (those marked in the what-if ringed) and gates, and frames them. */
  async show(answer: SchoolAnswer, marked: ReadonlySet<string>, frame: boolean): Promise<void> {
    await this.loaded;
    const max = Math.max(0, ...answer.routes.features.map((f) => f.properties.areaM2));
    const walks: FeatureCollection = { type: "FeatureCollection", features: answer.routes.features.map((f) => ({ ...f, properties: { width: walkWidth(f.properties.areaM2, max) } })) };
    const crossings: FeatureCollection = {
      type: "FeatureCollection",
      features: answer.crossings.map((c) => ({ type: "Feature", geometry: { type: "Point", coordinates: [...c.position] }, properties: { id: c.id, control: c.control, score: c.score, marked: marked.has(c.id) } })),
    };
    const gatePoints: LonLat[] = answer.school.gates.length > 0 ? answer.school.gates : [answer.school.position];
    const gates: FeatureCollection = { type: "FeatureCollection", features: gatePoints.map((p) => ({ type: "Feature", geometry: { type: "Point", coordinates: [...p] }, properties: {} })) };
    (this.map.getSource(WALKS) as GeoJSONSource).setData(walks);
    this.walkCount = walks.features.length;
    (this.map.getSource(CROSSINGS) as GeoJSONSource).setData(crossings);
    (this.map.getSource(GATES) as GeoJSONSource).setData(gates);
    const hazards: FeatureCollection = { type: "FeatureCollection", features: answer.hazards.map((h) => ({ type: "Feature", geometry: { type: "Point", coordinates: [...h.position] }, properties: { kind: h.kind } })) };
    (this.map.getSource(HAZARDS) as GeoJSONSource).setData(hazards);
    const homes: FeatureCollection = { type: "FeatureCollection", features: answer.homes.map((p) => ({ type: "Feature", geometry: { type: "Point", coordinates: [...p] }, properties: {} })) };
    (this.map.getSource(HOMES) as GeoJSONSource).setData(homes);
    if (!frame) return;
    const bounds = new LngLatBounds();
    for (const f of answer.routes.features) for (const c of f.geometry.coordinates) bounds.extend(c as [number, number]);
    for (const p of gatePoints) bounds.extend(p as [number, number]);
    if (!bounds.isEmpty()) this.map.fitBounds(bounds, { padding: 40, maxZoom: 17, animate: false });
  }

  /** Street pieces of walks on the map now (test hook). */
  walks(): number {
    return this.walkCount;
  }

  /** Resolves when the map has drawn what it was given (for printing). */
  idle(): Promise<void> {
    return new Promise((resolve) => (this.map.loaded() ? resolve() : this.map.once("idle", () => resolve())));
  }

  destroy(): void {
    this.map.remove();
  }
}
