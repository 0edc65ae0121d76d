/**
 * A journey on the map: each leg in order on a white casing, walking legs dashed in the route
 * blue, vehicle legs solid in their line's colour, the stops where the family gets on and off
 * as dots in the line's colour, and the destination. Owned by MapView, which forwards to it
 * (`setJourney`); nothing outside src/map touches these sources and layers.
 */
import { LngLatBounds, type FilterSpecification, type GeoJSONSource, type LayerSpecification, type Map as MapLibreMap, type PaddingOptions } from "maplibre-gl";
import type { Feature, FeatureCollection, LineString, Point } from "geojson";

/** A position as [longitude, latitude]. */
type Position = readonly [number, number];

/** One piece of a journey: walking legs dashed, vehicle legs solid in their line's colour. */
export interface JourneyLine {
  readonly coordinates: readonly Position[];
  readonly dashed: boolean;
  readonly colour: string;
}

/** A stop where a vehicle is boarded or left. */
export interface JourneyStop {
  readonly at: Position;
  readonly name: string;
  readonly colour: string;
}

/** What the map draws of a journey. */
export interface JourneyDrawing {
  readonly lines: readonly JourneyLine[];
  readonly stops: readonly JourneyStop[];
  readonly end: Position;
}

const SOURCE_LINES = "journey-lines";
const SOURCE_STOPS = "journey-stops";

/** Layer ids (tests look for the legs). */
export const JOURNEY_LAYERS = { walk: "journey-walk", ride: "journey-ride", stops: "journey-stops" } as const;

function journeyLayers(): LayerSpecification[] {
  const width = (base: number): ["interpolate", ["linear"], ["zoom"], number, number, number, number] =>
    ["interpolate", ["linear"], ["zoom"], 12, base * 0.6, 17, base];
  const dashed: FilterSpecification = ["==", ["get", "dashed"], true];
  const solid: FilterSpecification = ["==", ["get", "dashed"], false];
  return [
    { id: "journey-casing", type: "line", source: SOURCE_LINES, filter: solid, layout: { "line-join": "round", "line-cap": "round" }, paint: { "line-color": "#ffffff", "line-width": width(15) } },
    { id: "journey-walk-casing", type: "line", source: SOURCE_LINES, filter: dashed, layout: { "line-join": "round", "line-cap": "round" }, paint: { "line-color": "#ffffff", "line-width": width(11) } },
    { id: JOURNEY_LAYERS.ride, type: "line", source: SOURCE_LINES, filter: solid, layout: { "line-join": "round", "line-cap": "round" }, paint: { "line-color": ["get", "colour"], "line-width": width(9) } },
    {
      id: JOURNEY_LAYERS.walk, type: "line", source: SOURCE_LINES, filter: dashed, layout: { "line-join": "round" },
      paint: { "line-color": ["get", "colour"], "line-width": width(6), "line-dasharray": [1.2, 1] },
    },
    {
      id: JOURNEY_LAYERS.stops, type: "circle", source: SOURCE_STOPS, filter: ["==", ["get", "kind"], "stop"],
      paint: { "circle-color": ["get", "colour"], "circle-radius": 8, "circle-stroke-color": "#ffffff", "circle-stroke-width": 3 },
    },
    {
      id: "journey-end", type: "circle", source: SOURCE_STOPS, filter: ["==", ["get", "kind"], "end"],
      paint: { "circle-color": "#c92a2a", "circle-radius": 9, "circle-stroke-color": "#ffffff", "circle-stroke-width": 4 },
    },
  ];
}

/** The journey sources and layers on a MapLibre map. */
export class JourneyOverlay {
  private drawing: JourneyDrawing | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** Adds the sources and layers; call after the route layers so a journey is drawn above places. */
  add(): void {
    this.map.addSource(SOURCE_LINES, { type: "geojson", data: this.lines() });
    this.map.addSource(SOURCE_STOPS, { type: "geojson", data: this.stops() });
    for (const layer of journeyLayers()) this.map.addLayer(layer);
  }

  /** Draws a journey (null clears it). */
  setJourney(drawing: JourneyDrawing | null): void {
    this.drawing = drawing;
    this.map.getSource<GeoJSONSource>(SOURCE_LINES)?.setData(this.lines());
    this.map.getSource<GeoJSONSource>(SOURCE_STOPS)?.setData(this.stops());
  }

  /** Frames the whole journey, keeping clear of the UI. */
  fit(padding: PaddingOptions): void {
    if (!this.drawing) return;
    const bounds = new LngLatBounds();
    for (const line of this.drawing.lines) for (const [lon, lat] of line.coordinates) bounds.extend([lon, lat]);
    if (bounds.isEmpty()) return;
    this.map.fitBounds(bounds, { padding, absolutePadding: true, maxZoom: 17, duration: 800 });
  }

  /** How many pieces of legs are drawn on screen now, walking and riding (test hook). */
  renderedLegs(): { walk: number; ride: number } {
    const count = (layer: string): number => (this.map.getLayer(layer) ? this.map.queryRenderedFeatures({ layers: [layer] }).length : 0);
    return { walk: count(JOURNEY_LAYERS.walk), ride: count(JOURNEY_LAYERS.ride) };
  }

  private lines(): FeatureCollection<LineString> {
    const features = (this.drawing?.lines ?? [])
      .map((line, index): Feature<LineString> => ({
        type: "Feature",
        geometry: { type: "LineString", coordinates: line.coordinates.map(([lon, lat]) => [lon, lat]) },
        properties: { index, dashed: line.dashed, colour: line.colour },
      }))
      .filter((feature) => feature.geometry.coordinates.length >= 2);
    return { type: "FeatureCollection", features };
  }

  private stops(): FeatureCollection<Point> {
    const drawing = this.drawing;
    if (!drawing) return { type: "FeatureCollection", features: [] };
    const point = (at: Position, properties: Record<string, string>): Feature<Point> => ({ type: "Feature", geometry: { type: "Point", coordinates: [at[0], at[1]] }, properties });
    return {
      type: "FeatureCollection",
      features: [...drawing.stops.map((stop) => point(stop.at, { kind: "stop", colour: stop.colour, name: stop.name })), point(drawing.end, { kind: "end" })],
    };
  }
}
