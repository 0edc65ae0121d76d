/**
 * Children's ideas on the map (金点子): each public idea as a yellow-ringed pin with its
 * kind's picture, the member's own ideas with a halo, and the spot a child has just tapped
 * while placing a new idea (a dashed ring that only their own screen shows; the pin the
 * server gives back is the coarsened one). Loaded by MapView on the first `showIdeas`, so
 * the map's first load does not carry it. Nothing outside src/map touches these layers.
 */
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap, PointLike } from "maplibre-gl";
import type { Feature, FeatureCollection, Point } from "geojson";
import { rasterizeIcon } from "../shared/icons.ts";
import { LABEL_FONT } from "./basemap-style.ts";

/** One idea's pin: where (the public, coarsened point), its colour, picture and label. */
export interface IdeaPin {
  readonly id: string;
  readonly lonLat: readonly [number, number];
  readonly color: string;
  /** A key of the icons given to `add`. */
  readonly icon: string;
  /** One of the member's own ideas (drawn with a halo). */
  readonly mine: boolean;
  /** Shown under the pin from street level on (its support count, say). */
  readonly label: string;
}

const SOURCE = "ideas";
const SOURCE_DRAFT = "idea-draft";
const ICON_PREFIX = "tx-idea-";
const ICON_PIXELS = 17;
const TAP_TOLERANCE_PX = 12;

/** Layer ids MapView and the tests read. */
export const IDEA_LAYERS = { pins: "idea-pins", icons: "idea-icons", mine: "idea-mine", draft: "idea-draft", labels: "idea-labels" } as const;

const mine: FilterSpecification = ["==", ["get", "mine"], true];

function layers(): LayerSpecification[] {
  return [
    { id: IDEA_LAYERS.mine, type: "circle", source: SOURCE, filter: mine, paint: { "circle-color": "#fab005", "circle-opacity": 0.35, "circle-radius": 26 } },
    {
      id: IDEA_LAYERS.pins, type: "circle", source: SOURCE,
      paint: { "circle-color": ["get", "color"], "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 13, 16, 17], "circle-stroke-color": "#fab005", "circle-stroke-width": 4 },
    },
    {
      id: IDEA_LAYERS.icons, type: "symbol", source: SOURCE,
      layout: { "icon-image": ["concat", ICON_PREFIX, ["get", "icon"]], "icon-allow-overlap": true, "icon-ignore-placement": true },
    },
    {
      id: IDEA_LAYERS.labels, type: "symbol", source: SOURCE, minzoom: 15,
      layout: { "text-field": ["get", "label"], "text-font": LABEL_FONT, "text-size": 13, "text-anchor": "top", "text-offset": [0, 1.5], "text-optional": true },
      paint: { "text-color": "#5c3c00", "text-halo-color": "#ffffff", "text-halo-width": 2 },
    },
    {
      id: IDEA_LAYERS.draft, type: "circle", source: SOURCE_DRAFT,
      paint: { "circle-color": "#ffffff", "circle-opacity": 0.6, "circle-radius": 14, "circle-stroke-color": "#e8590c", "circle-stroke-width": 4 },
    },
  ];
}

function collection(features: Array<Feature<Point>>): FeatureCollection<Point> {
  return { type: "FeatureCollection", features };
}

/** The ideas' source and layers on a MapLibre map. */
export class IdeasOverlay {
  private pins: readonly IdeaPin[] = [];

  constructor(private readonly map: MapLibreMap) {}

  /** Registers the kinds' pictures (SVG sources by name) and adds the layers on top of the places. */
  async add(icons: Readonly<Record<string, string>>): Promise<void> {
    const pixelRatio = Math.max(2, Math.ceil(window.devicePixelRatio || 1));
    await Promise.all(Object.entries(icons).map(async ([name, svg]) => {
      if (this.map.hasImage(ICON_PREFIX + name)) return;
      try {
        this.map.addImage(ICON_PREFIX + name, await rasterizeIcon(svg, ICON_PIXELS * pixelRatio, "#ffffff"), { pixelRatio });
      } catch (error) {
        console.warn(`idea icon ${name} could not be drawn`, error);
      }
    }));
    if (this.map.getSource(SOURCE)) return;
    this.map.addSource(SOURCE, { type: "geojson", data: collection([]) });
    this.map.addSource(SOURCE_DRAFT, { type: "geojson", data: collection([]) });
    for (const layer of layers()) this.map.addLayer(layer);
  }

  /** Draws these pins (an empty list clears them). */
  setPins(pins: readonly IdeaPin[]): void {
    this.pins = pins;
    const features = pins.map((pin): Feature<Point> => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [pin.lonLat[0], pin.lonLat[1]] },
      properties: { id: pin.id, color: pin.color, icon: pin.icon, mine: pin.mine, label: pin.label },
    }));
    this.map.getSource<GeoJSONSource>(SOURCE)?.setData(collection(features));
  }

  /** Marks the spot tapped for a new idea (null removes the mark). */
  setDraft(lonLat: readonly [number, number] | null): void {
    const features: Array<Feature<Point>> = lonLat ? [{ type: "Feature", geometry: { type: "Point", coordinates: [lonLat[0], lonLat[1]] }, properties: {} }] : [];
    this.map.getSource<GeoJSONSource>(SOURCE_DRAFT)?.setData(collection(features));
  }

  /** Shows or hides every idea layer. */
  setVisible(visible: boolean): void {
    for (const id of Object.values(IDEA_LAYERS)) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
  }

  /** The id of the idea pin at a screen point, or null. */
  idAt(point: { x: number; y: number }): string | null {
    if (!this.map.getLayer(IDEA_LAYERS.pins)) return null;
    const box: [PointLike, PointLike] = [[point.x - TAP_TOLERANCE_PX, point.y - TAP_TOLERANCE_PX], [point.x + TAP_TOLERANCE_PX, point.y + TAP_TOLERANCE_PX]];
    const hit = this.map.queryRenderedFeatures(box, { layers: [IDEA_LAYERS.pins] })[0];
    return hit ? String(hit.properties.id) : null;
  }

  /** The pins drawn on screen now with their page coordinates and map positions (test hook). */
  drawn(): Array<{ id: string; x: number; y: number; lon: number; lat: number }> {
    if (!this.map.getLayer(IDEA_LAYERS.pins)) return [];
    const rect = this.map.getCanvas().getBoundingClientRect();
    const onScreen = new Set(this.map.queryRenderedFeatures({ layers: [IDEA_LAYERS.pins] }).map((f) => String(f.properties.id)));
    return this.pins.filter((pin) => onScreen.has(pin.id)).map((pin) => {
      const at = this.map.project([pin.lonLat[0], pin.lonLat[1]]);
      return { id: pin.id, x: rect.left + at.x, y: rect.top + at.y, lon: pin.lonLat[0], lat: pin.lonLat[1] };
    });
  }
}
