/**
 * Which OSM features go into which basemap layer, and with which class. The web style
 * (web/src/map/basemap-style.ts) draws these layers and classes; keep the two in step.
 */
import type { OsmTags } from "../osm/index.ts";

export type LayerName = "water" | "waterway" | "coastline" | "landuse" | "building" | "road" | "rail" | "place_label";

const ROAD_CLASS: Record<string, string> = {
  motorway: "motorway", motorway_link: "motorway", trunk: "trunk", trunk_link: "trunk",
  primary: "primary", primary_link: "primary", secondary: "secondary", secondary_link: "secondary",
  tertiary: "tertiary", tertiary_link: "tertiary", residential: "minor", unclassified: "minor",
  living_street: "minor", road: "minor", service: "service", pedestrian: "pedestrian",
  footway: "footway", corridor: "footway", path: "path", bridleway: "path", cycleway: "cycleway",
  steps: "steps", track: "track",
};

const AREA_CLASS: Array<[key: string, values: readonly string[], cls: (v: string) => string]> = [
  ["leisure", ["park", "garden", "playground", "pitch", "recreation_ground", "dog_park"], (v) => (v === "recreation_ground" || v === "dog_park" ? "park" : v)],
  ["landuse", ["grass", "meadow", "village_green", "recreation_ground"], () => "grass"],
  ["landuse", ["forest"], () => "forest"],
  ["natural", ["wood", "scrub"], () => "forest"],
  ["natural", ["beach", "sand"], () => "beach"],
  ["landuse", ["residential"], () => "residential"],
  ["landuse", ["commercial", "retail"], () => "commercial"],
  ["landuse", ["industrial", "railway"], () => "industrial"],
  ["landuse", ["cemetery"], () => "cemetery"],
  ["amenity", ["school", "kindergarten", "college", "university"], () => "school"],
  ["amenity", ["hospital", "clinic"], () => "hospital"],
];

const PLACE_CLASSES = new Set(["city", "town", "village", "suburb", "neighbourhood", "quarter", "hamlet"]);

/** The layer and properties of a line (open way), or null when the basemap leaves it out. */
export function lineLayer(tags: OsmTags): { layer: LayerName; properties: Record<string, string> } | null {
  const highway = tags["highway"];
  if (highway && ROAD_CLASS[highway]) {
    const properties: Record<string, string> = { class: ROAD_CLASS[highway] };
    if (tags["name"]) properties["name"] = tags["name"];
    if (tags["tunnel"] === "yes") properties["tunnel"] = "yes";
    return { layer: "road", properties };
  }
  if (tags["railway"] && ["rail", "light_rail", "narrow_gauge", "tram"].includes(tags["railway"])) {
    return { layer: "rail", properties: { class: tags["railway"], tunnel: tags["tunnel"] ?? "no" } };
  }
  if (tags["waterway"] && ["river", "stream", "canal"].includes(tags["waterway"])) return { layer: "waterway", properties: { class: tags["waterway"] } };
  if (tags["natural"] === "coastline") return { layer: "coastline", properties: {} };
  return null;
}

/** The layer and properties of an area (closed way or multipolygon), or null. */
export function areaLayer(tags: OsmTags): { layer: LayerName; properties: Record<string, string> } | null {
  if (tags["natural"] === "water" || tags["waterway"] === "riverbank" || ["reservoir", "basin"].includes(tags["landuse"] ?? "")) {
    return { layer: "water", properties: {} };
  }
  for (const [key, values, cls] of AREA_CLASS) {
    const value = tags[key];
    if (value && values.includes(value)) return { layer: "landuse", properties: { class: cls(value) } };
  }
  if (tags["building"] && tags["building"] !== "no") return { layer: "building", properties: {} };
  return null;
}

/** A point label for a named place node. */
export function pointLayer(tags: OsmTags): { layer: LayerName; properties: Record<string, string> } | null {
  const place = tags["place"];
  if (!place || !PLACE_CLASSES.has(place) || !tags["name"]) return null;
  return { layer: "place_label", properties: { class: place, name: tags["name:zh"] ?? tags["name"] } };
}
