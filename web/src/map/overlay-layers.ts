/**
 * The layers MapView draws over the basemap: county boundaries, clustered place markers
 * (a circle in the category colour with a white Maki icon, the selected one ringed and
 * drawn again on top of any place at the same spot) and the "you are here" dot.
 * Pure style objects; MapView owns the sources and adds these once the style has loaded.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from "maplibre-gl";
import { LABEL_FONT } from "./basemap-style.ts";

/** Source ids of the overlays. */
export const SOURCES = { places: "places", boundaries: "boundaries", user: "user-location" } as const;

/** Layer ids MapView listens to for taps. */
export const LAYERS = {
  clusters: "place-clusters",
  points: "place-points",
  selected: "place-selected",
  icons: "place-icons",
  names: "place-names",
  selectedPoint: "place-selected-point",
  selectedIcon: "place-selected-icon",
  userHalo: "user-halo",
} as const;

/** Prefix of the marker icon images registered with `map.addImage`. */
export const ICON_PREFIX = "tx-";

/** Clustering options of the places source: merge close markers until street level. */
export const CLUSTER_OPTIONS = { cluster: true, clusterRadius: 46, clusterMaxZoom: 15 } as const;

const unclustered: FilterSpecification = ["!", ["has", "point_count"]];
const clustered: FilterSpecification = ["has", "point_count"];
const count: ExpressionSpecification = ["get", "point_count"];

/** Neighbouring counties get different pastel colours (picked by division code), like a puzzle map. */
const countyColor: ExpressionSpecification = [
  "match",
  ["%", ["to-number", ["get", "code"], 0], 6],
  0,
  "#ffec99",
  1,
  "#b2f2bb",
  2,
  "#a5d8ff",
  3,
  "#ffc9c9",
  4,
  "#d0bfff",
  "#ffd8a8",
];

function boundaryLayers(): LayerSpecification[] {
  const source = SOURCES.boundaries;
  return [
    { id: "boundary-fill", type: "fill", source, paint: { "fill-color": countyColor, "fill-opacity": 0.45 } },
    { id: "boundary-casing", type: "line", source, paint: { "line-color": "#ffffff", "line-width": 5, "line-opacity": 0.8 } },
    {
      id: "boundary-line",
      type: "line",
      source,
      layout: { "line-join": "round" },
      paint: { "line-color": "#9c36b5", "line-width": 2, "line-dasharray": [3, 1.5] },
    },
    {
      id: "boundary-label",
      type: "symbol",
      source,
      layout: { "text-field": ["get", "label"], "text-font": LABEL_FONT, "text-size": 15, "text-max-width": 6 },
      paint: { "text-color": "#862e9c", "text-halo-color": "#ffffff", "text-halo-width": 2 },
    },
  ];
}

const nothing: FilterSpecification = ["==", ["get", "id"], ""];

/** A place marker's coloured circle. */
function markerCircle(id: string, filter: FilterSpecification): LayerSpecification {
  return {
    id,
    type: "circle",
    source: SOURCES.places,
    filter,
    paint: {
      "circle-color": ["get", "color"],
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 12, 16, 15],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2.5,
    },
  };
}

/** A place marker's white category icon. */
function markerIcon(id: string, filter: FilterSpecification): LayerSpecification {
  return {
    id,
    type: "symbol",
    source: SOURCES.places,
    filter,
    layout: {
      "icon-image": ["concat", ICON_PREFIX, ["get", "icon"]],
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
      "icon-size": ["interpolate", ["linear"], ["zoom"], 10, 0.8, 16, 1],
    },
  };
}

function placeLayers(): LayerSpecification[] {
  const source = SOURCES.places;
  return [
    {
      id: LAYERS.clusters,
      type: "circle",
      source,
      filter: clustered,
      paint: {
        "circle-color": ["step", count, "#1c7ed6", 10, "#e8590c", 50, "#c2255c"],
        "circle-radius": ["step", count, 17, 10, 21, 50, 27],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 3,
      },
    },
    {
      id: "place-cluster-count",
      type: "symbol",
      source,
      filter: clustered,
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        "text-font": LABEL_FONT,
        "text-size": 15,
        "text-allow-overlap": true,
      },
      paint: { "text-color": "#ffffff" },
    },
    {
      id: LAYERS.selected,
      type: "circle",
      source,
      filter: nothing,
      paint: { "circle-color": "#ffffff", "circle-radius": 22, "circle-stroke-color": "#212529", "circle-stroke-width": 3 },
    },
    markerCircle(LAYERS.points, unclustered),
    markerIcon(LAYERS.icons, unclustered),
    // The selected place again, on top of any other place at the same spot (MapView sets the filter).
    markerCircle(LAYERS.selectedPoint, nothing),
    markerIcon(LAYERS.selectedIcon, nothing),
    {
      id: LAYERS.names,
      type: "symbol",
      source,
      minzoom: 16,
      filter: unclustered,
      layout: {
        "text-field": ["get", "label"],
        "text-font": LABEL_FONT,
        "text-size": 13,
        "text-anchor": "top",
        "text-offset": [0, 1.4],
        "text-max-width": 9,
        "text-optional": true,
      },
      paint: { "text-color": "#212529", "text-halo-color": "#ffffff", "text-halo-width": 2 },
    },
  ];
}

function userLayers(): LayerSpecification[] {
  return [
    { id: LAYERS.userHalo, type: "circle", source: SOURCES.user, paint: { "circle-color": "#4dabf7", "circle-opacity": 0.25, "circle-radius": 22 } },
    {
      id: "user-dot",
      type: "circle",
      source: SOURCES.user,
      paint: { "circle-color": "#1971c2", "circle-radius": 8, "circle-stroke-color": "#ffffff", "circle-stroke-width": 3 },
    },
  ];
}

/** Place layers faded while a route is shown, so the route, its start and its end read first: layer and paint property. */
export const DIMMED_WITH_ROUTE: ReadonlyArray<readonly [layer: string, property: "circle-opacity" | "circle-stroke-opacity" | "text-opacity" | "icon-opacity"]> = [
  [LAYERS.clusters, "circle-opacity"],
  [LAYERS.clusters, "circle-stroke-opacity"],
  ["place-cluster-count", "text-opacity"],
  [LAYERS.points, "circle-opacity"],
  [LAYERS.points, "circle-stroke-opacity"],
  [LAYERS.icons, "icon-opacity"],
  [LAYERS.names, "text-opacity"],
];

/** Every overlay layer, bottom to top (MapView adds the route layers above them all). */
export function overlayLayers(): LayerSpecification[] {
  return [...boundaryLayers(), ...userLayers(), ...placeLayers()];
}
