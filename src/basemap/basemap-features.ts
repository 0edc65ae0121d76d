/**
 * OSM elements to the GeoJSON features of each basemap layer: ways become lines or
 * polygons, multipolygon relations are assembled into rings, named place nodes become labels.
 */
import type { Feature, Geometry } from "geojson";
import type { LonLat } from "../core/geo.ts";
import { type OsmElement, type OsmWay, assembleRings, isClosed } from "../osm/index.ts";
import { type LayerName, areaLayer, lineLayer, pointLayer } from "./basemap-layers.ts";

export type BasemapLayers = Record<LayerName, Feature[]>;

const emptyLayers = (): BasemapLayers => ({
  water: [], waterway: [], coastline: [], landuse: [], building: [], road: [], rail: [], place_label: [],
});

function feature(geometry: Geometry, properties: Record<string, string>): Feature {
  return { type: "Feature", geometry, properties };
}

/** Builds every layer in one pass over the elements (after indexing nodes and ways). */
export function basemapFeatures(elements: readonly OsmElement[]): BasemapLayers {
  const layers = emptyLayers();
  const nodes = new Map<number, LonLat>();
  const ways = new Map<number, OsmWay>();
  for (const e of elements) {
    if (e.type === "node") nodes.set(e.id, [e.lon, e.lat]);
    else if (e.type === "way") ways.set(e.id, e);
  }
  const line = (way: OsmWay): LonLat[] => way.refs.map((r) => nodes.get(r)).filter((p): p is LonLat => p !== undefined);

  for (const e of elements) {
    if (e.type === "node") {
      const label = pointLayer(e.tags);
      if (label) layers[label.layer].push(feature({ type: "Point", coordinates: [e.lon, e.lat] }, label.properties));
    } else if (e.type === "way") {
      const coordinates = line(e);
      if (coordinates.length < 2) continue;
      const area = isClosed(coordinates) && !e.tags["highway"] && e.tags["area"] !== "no" ? areaLayer(e.tags) : null;
      if (area) {
        layers[area.layer].push(feature({ type: "Polygon", coordinates: [coordinates] }, area.properties));
        continue;
      }
      const lineInfo = lineLayer(e.tags);
      if (lineInfo) layers[lineInfo.layer].push(feature({ type: "LineString", coordinates }, lineInfo.properties));
    } else if (e.tags["type"] === "multipolygon") {
      const area = areaLayer(e.tags);
      if (!area) continue;
      const member = (role: string) =>
        e.members.filter((m) => m.type === "way" && (m.role || "outer") === role)
          .map((m) => ways.get(m.ref)).filter((w): w is OsmWay => w !== undefined).map(line);
      const outers = assembleRings(member("outer"));
      const inners = assembleRings(member("inner"));
      if (outers.length === 0) continue;
      // Holes are attached to the first outer ring; geojson-vt and MapLibre fill by the
      // even-odd rule, so a hole inside another outer still renders as a hole.
      const polygons = outers.map((ring, i) => (i === 0 ? [ring, ...inners] : [ring]));
      layers[area.layer].push(feature({ type: "MultiPolygon", coordinates: polygons }, area.properties));
    }
  }
  return layers;
}
