/**
 * The route on the map: the chosen route as a thick bright line on a white casing, the other
 * routes as dashed lines that can be tapped to choose them, the warnings along the chosen
 * route as orange caution dots, and the start as a green dot. Owned by MapView, which
 * forwards to it; nothing outside src/map touches these sources and layers.
 */
import { LngLatBounds, type FilterSpecification, type GeoJSONSource, type Map as MapLibreMap, type LayerSpecification, type PaddingOptions, type PointLike } from "maplibre-gl";
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import { ICON_PREFIX } from "./overlay-layers.ts";

/** A position as [longitude, latitude]. */
type Position = readonly [number, number];

/** What to draw: every route's line, which one is chosen, and the chosen route's warnings. */
export interface RouteDrawing {
  readonly lines: readonly (readonly Position[])[];
  readonly chosen: number;
  readonly warnings: readonly Position[];
  /** Where the route ends (the destination), drawn as a flag-coloured dot. */
  readonly end?: Position;
}

const SOURCE_LINES = "route-lines";
const SOURCE_MARKS = "route-marks";

/** Layer ids: the chosen line (what tests look for) and the tappable alternatives. */
export const ROUTE_LAYERS = { line: "route-line", alternative: "route-alternative", start: "route-start", casing: "route-alternative-casing" } as const;

const ROUTE_BLUE = "#1c7ed6";
const TAP_TOLERANCE_PX = 12;

const chosen: FilterSpecification = ["==", ["get", "chosen"], true];
const other: FilterSpecification = ["==", ["get", "chosen"], false];

function routeLayers(): LayerSpecification[] {
  const lineLayout = { "line-join": "round", "line-cap": "round" } as const;
  const width = (base: number): ["interpolate", ["linear"], ["zoom"], number, number, number, number] =>
    ["interpolate", ["linear"], ["zoom"], 12, base * 0.6, 17, base];
  return [
    { id: ROUTE_LAYERS.casing, type: "line", source: SOURCE_LINES, filter: other, layout: lineLayout, paint: { "line-color": "#ffffff", "line-width": width(10) } },
    {
      id: ROUTE_LAYERS.alternative, type: "line", source: SOURCE_LINES, filter: other, layout: { "line-join": "round" },
      paint: { "line-color": "#4dabf7", "line-width": width(6), "line-dasharray": [1.4, 1] },
    },
    { id: "route-shadow", type: "line", source: SOURCE_LINES, filter: chosen, layout: lineLayout, paint: { "line-color": "#0b3d6e", "line-width": width(17), "line-opacity": 0.25, "line-blur": 2 } },
    { id: "route-casing", type: "line", source: SOURCE_LINES, filter: chosen, layout: lineLayout, paint: { "line-color": "#ffffff", "line-width": width(15) } },
    { id: ROUTE_LAYERS.line, type: "line", source: SOURCE_LINES, filter: chosen, layout: lineLayout, paint: { "line-color": ROUTE_BLUE, "line-width": width(9) } },
    {
      id: "route-warnings", type: "circle", source: SOURCE_MARKS, filter: ["==", ["get", "kind"], "warning"],
      paint: { "circle-color": "#e8590c", "circle-radius": 11, "circle-stroke-color": "#ffffff", "circle-stroke-width": 3 },
    },
    {
      id: "route-warning-icons", type: "symbol", source: SOURCE_MARKS, filter: ["==", ["get", "kind"], "warning"],
      layout: { "icon-image": ICON_PREFIX + "caution", "icon-allow-overlap": true, "icon-ignore-placement": true, "icon-size": 0.8 },
    },
    {
      id: "route-end", type: "circle", source: SOURCE_MARKS, filter: ["==", ["get", "kind"], "end"],
      paint: { "circle-color": "#c92a2a", "circle-radius": 9, "circle-stroke-color": "#ffffff", "circle-stroke-width": 4 },
    },
    {
      id: ROUTE_LAYERS.start, type: "circle", source: SOURCE_MARKS, filter: ["==", ["get", "kind"], "start"],
      paint: { "circle-color": "#2f9e44", "circle-radius": 10, "circle-stroke-color": "#ffffff", "circle-stroke-width": 4 },
    },
  ];
}

function point(kind: string, at: Position): Feature<Point> {
  return { type: "Feature", geometry: { type: "Point", coordinates: [at[0], at[1]] }, properties: { kind } };
}

/** The route sources and layers on a MapLibre map. */
export class RouteOverlay {
  private drawing: RouteDrawing | null = null;
  private start: Position | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** Adds the sources and layers on top of every other layer: clusters and markers never cover a route. */
  add(): void {
    this.map.addSource(SOURCE_LINES, { type: "geojson", data: this.lines() });
    this.map.addSource(SOURCE_MARKS, { type: "geojson", data: this.marks() });
    for (const layer of routeLayers()) this.map.addLayer(layer);
  }

  /** Draws routes (null clears them). The chosen line is drawn last, on top of the others. */
  setRoutes(drawing: RouteDrawing | null): void {
    this.drawing = drawing;
    this.refresh();
  }

  /** Shows the start dot (null hides it). */
  setStart(start: Position | null): void {
    this.start = start;
    this.refresh();
  }

  /** Frames the chosen route (and the start), keeping clear of the UI. */
  fit(padding: PaddingOptions): void {
    const line = this.drawing?.lines[this.drawing.chosen];
    if (!line || line.length === 0) return;
    const bounds = new LngLatBounds();
    for (const [lon, lat] of line) bounds.extend([lon, lat]);
    if (this.start) bounds.extend([this.start[0], this.start[1]]);
    this.map.fitBounds(bounds, { padding, absolutePadding: true, maxZoom: 17, duration: 800 });
  }

  /** How many pieces of the chosen line are drawn on screen now (0 when none is). */
  renderedLines(): number {
    if (!this.map.getLayer(ROUTE_LAYERS.line)) return 0;
    return this.map.queryRenderedFeatures({ layers: [ROUTE_LAYERS.line] }).length;
  }

  /** The index of the alternative route under a tap, if any. */
  alternativeAt(at: { x: number; y: number }): number | null {
    if (!this.map.getLayer(ROUTE_LAYERS.alternative)) return null;
    const box: [PointLike, PointLike] = [
      [at.x - TAP_TOLERANCE_PX, at.y - TAP_TOLERANCE_PX],
      [at.x + TAP_TOLERANCE_PX, at.y + TAP_TOLERANCE_PX],
    ];
    const [hit] = this.map.queryRenderedFeatures(box, { layers: [ROUTE_LAYERS.alternative] });
    return hit ? Number(hit.properties.index) : null;
  }

  private refresh(): void {
    this.map.getSource<GeoJSONSource>(SOURCE_LINES)?.setData(this.lines());
    this.map.getSource<GeoJSONSource>(SOURCE_MARKS)?.setData(this.marks());
  }

  private lines(): FeatureCollection<LineString> {
    const drawing = this.drawing;
    if (!drawing) return { type: "FeatureCollection", features: [] };
    const features = drawing.lines
      .map((line, index): Feature<LineString> => ({
        type: "Feature",
        geometry: { type: "LineString", coordinates: line.map(([lon, lat]) => [lon, lat]) },
        properties: { index, chosen: index === drawing.chosen },
      }))
      .filter((feature) => feature.geometry.coordinates.length >= 2);
    // The chosen route last, so where routes share streets the bright line is on top.
    features.sort((a, b) => Number(a.properties?.chosen) - Number(b.properties?.chosen));
    return { type: "FeatureCollection", features };
  }

  private marks(): FeatureCollection<Point> {
    const warnings = (this.drawing?.warnings ?? []).map((at) => point("warning", at));
    const end = this.drawing?.end ? [point("end", this.drawing.end)] : [];
    return { type: "FeatureCollection", features: [...end, ...warnings, ...(this.start ? [point("start", this.start)] : [])] };
  }
}
