/**
 * Our own bright basemap, drawn from the server's vector tiles (/tiles/{z}/{x}/{y}.mvt).
 * No internet tiles and no `glyphs` URL: labels are drawn with the device's fonts, and
 * Chinese with `localIdeographFontFamily` (IDEOGRAPH_FONTS, passed in map-view.ts), beside
 * MapLibre's own control labels in both languages. Colours are sunny and soft so the
 * category markers on top stay the loudest thing on the map.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import { BASEMAP_COLORS, LANDUSE_COLORS, ROAD_WIDTH_FACTOR, ROAD_WIDTH_FACTOR_OTHER, ROAD_WIDTH_STOPS } from "../../../src/core/basemap-palette.ts";
import type { Lang } from "../shared/i18n.ts";

/** The id of the vector tile source, shared with layers added later. */
export const BASEMAP_SOURCE = "basemap";

const c = BASEMAP_COLORS;
const source = BASEMAP_SOURCE;
const classIn = (...classes: string[]): ExpressionSpecification => ["in", ["get", "class"], ["literal", classes]];

/** The font stack labels ask for; without glyphs MapLibre draws them with local fonts. */
export const LABEL_FONT = ["Noto Sans CJK SC", "Noto Sans", "sans-serif"];

/** Chinese first, then the usual CJK fonts of phones and desktops. */
export const IDEOGRAPH_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

/** MapLibre's own words (map title, zoom buttons, credits button) in each language. */
export const UI_STRINGS: Readonly<Record<Lang, Record<string, string>>> = {
  zh: {
    "Map.Title": "儿童友好地点地图",
    "NavigationControl.ZoomIn": "放大",
    "NavigationControl.ZoomOut": "缩小",
    "AttributionControl.ToggleAttribution": "地图数据来源",
  },
  en: {
    "Map.Title": "Map of child-friendly places",
    "NavigationControl.ZoomIn": "Zoom in",
    "NavigationControl.ZoomOut": "Zoom out",
    "AttributionControl.ToggleAttribution": "Map data sources",
  },
};

function landLayers(): LayerSpecification[] {
  const landuseColor = ["match", ["get", "class"], ...Object.entries(LANDUSE_COLORS).flat(), c.residential] as unknown as ExpressionSpecification;
  return [
    { id: "background", type: "background", paint: { "background-color": c.background } },
    { id: "landuse", type: "fill", source, "source-layer": "landuse", paint: { "fill-color": landuseColor } },
    { id: "water", type: "fill", source, "source-layer": "water", paint: { "fill-color": c.water } },
    {
      id: "waterway",
      type: "line",
      source,
      "source-layer": "waterway",
      paint: { "line-color": c.water, "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 16, 4] },
    },
    { id: "coastline", type: "line", source, "source-layer": "coastline", paint: { "line-color": c.waterLine, "line-width": 1.5 } },
    {
      id: "building",
      type: "fill",
      source,
      "source-layer": "building",
      minzoom: 13,
      paint: { "fill-color": c.building, "fill-outline-color": c.buildingLine },
    },
  ];
}

const roadWidth = (base: number): ExpressionSpecification => [
  "interpolate",
  ["exponential", 1.6],
  ["zoom"],
  10,
  base * 0.4,
  14,
  base * 1.6,
  18,
  base * 8,
];

function roadLayers(): LayerSpecification[] {
  const major = classIn("motorway", "trunk", "primary", "secondary");
  const drivable = classIn("motorway", "trunk", "primary", "secondary", "tertiary", "minor", "service");
  const majorWidth = ["match", ["get", "class"], ...Object.entries(ROAD_WIDTH_FACTOR).flat(), ROAD_WIDTH_FACTOR_OTHER] as unknown as ExpressionSpecification;
  const width = (extra: number): ExpressionSpecification =>
    ["interpolate", ["exponential", 1.6], ["zoom"], ...ROAD_WIDTH_STOPS.flatMap(([zoom, perFactor, perExtra]) => [zoom, ["+", ["*", majorWidth, perFactor], extra * perExtra]])] as unknown as ExpressionSpecification;
  return [
    { id: "road-casing", type: "line", source, "source-layer": "road", filter: drivable, layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": c.roadCasing, "line-width": width(1.5) } },
    {
      id: "road-pedestrian",
      type: "line",
      source,
      "source-layer": "road",
      filter: classIn("pedestrian"),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": c.pedestrian, "line-width": roadWidth(1.4) },
    },
    {
      id: "road-path",
      type: "line",
      source,
      "source-layer": "road",
      minzoom: 14,
      filter: classIn("footway", "path", "steps", "track"),
      paint: { "line-color": c.path, "line-width": 1.2, "line-dasharray": [2, 1.5] },
    },
    { id: "road-cycleway", type: "line", source, "source-layer": "road", minzoom: 13, filter: classIn("cycleway"), paint: { "line-color": c.cycleway, "line-width": 1.4, "line-dasharray": [3, 1.5] } },
    {
      id: "road",
      type: "line",
      source,
      "source-layer": "road",
      filter: drivable,
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": ["case", classIn("motorway", "trunk"), c.motorway, major, c.primary, c.minor],
        "line-width": width(0),
      },
    },
    { id: "rail", type: "line", source, "source-layer": "rail", paint: { "line-color": c.rail, "line-width": 1.5, "line-dasharray": [4, 2] } },
  ];
}

const labelPaint = { "text-color": c.label, "text-halo-color": c.labelHalo, "text-halo-width": 1.6 } as const;

function labelLayers(): LayerSpecification[] {
  return [
    {
      id: "road-label",
      type: "symbol",
      source,
      "source-layer": "road",
      minzoom: 15,
      filter: ["has", "name"],
      layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-font": LABEL_FONT, "text-size": 12 },
      paint: labelPaint,
    },
    {
      id: "place-label",
      type: "symbol",
      source,
      "source-layer": "place_label",
      layout: {
        "text-field": ["get", "name"],
        "text-font": LABEL_FONT,
        "text-size": ["match", ["get", "class"], ["city", "town"], 18, ["village", "suburb"], 15, 13],
        "text-max-width": 8,
      },
      paint: labelPaint,
    },
  ];
}

/**
 * The complete basemap style for tiles served at `origin` (absolute URLs: MapLibre's
 * workers cannot resolve relative ones). Overlay layers are added on top by MapView.
 */
export function basemapStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: "Tongxing bright",
    sources: {
      [BASEMAP_SOURCE]: { type: "vector", tiles: [`${origin}/tiles/{z}/{x}/{y}.mvt`], minzoom: 0, maxzoom: 14 },
    },
    layers: [...landLayers(), ...roadLayers(), ...labelLayers()],
  };
}
