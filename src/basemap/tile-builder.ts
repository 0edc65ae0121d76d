/**
 * Cuts the basemap layers into Mapbox Vector Tiles (geojson-vt slices, vt-pbf encodes),
 * gzips them and writes one MBTiles file per region. Run at import or first start, so the
 * server only reads finished tiles.
 */
import { gzipSync } from "node:zlib";
import GeoJSONVT from "geojson-vt";
import vtpbf from "vt-pbf";
import type { BBox } from "../core/geo.ts";
import type { BasemapLayers } from "./basemap-features.ts";
import type { LayerName } from "./basemap-layers.ts";
import { writeMbtiles } from "./mbtiles.ts";

export const BASEMAP_MAX_ZOOM = 14;

/** Tile column and row of a position at a zoom (Web Mercator, XYZ scheme). */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const clampedLat = Math.max(-85.0511, Math.min(85.0511, lat));
  const rad = (clampedLat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

function* encodedTiles(layers: BasemapLayers, bounds: BBox, maxZoom: number) {
  const indexes = Object.entries(layers)
    .filter(([, features]) => features.length > 0)
    .map(([name, features]) => ({
      name: name as LayerName,
      index: new GeoJSONVT({ type: "FeatureCollection", features }, { maxZoom, indexMaxZoom: 5, tolerance: 3, buffer: 64 }),
    }));
  for (let z = 0; z <= maxZoom; z++) {
    const min = tileOf(bounds[0], bounds[3], z);
    const max = tileOf(bounds[2], bounds[1], z);
    for (let x = min.x; x <= max.x; x++) {
      for (let y = min.y; y <= max.y; y++) {
        const tileLayers: Record<string, { features: unknown[] }> = {};
        for (const { name, index } of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[name] = tile;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        const pbf = Buffer.from(vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }));
        yield { z, x, y, data: gzipSync(pbf) };
      }
    }
  }
}

/** Writes the region's tileset; returns the number of tiles. */
export function buildBasemapTiles(
  file: string,
  regionId: string,
  layers: BasemapLayers,
  bounds: BBox,
  attribution: string,
): number {
  return writeMbtiles(
    file,
    {
      name: `tongxing-${regionId}`,
      bounds: [...bounds] as [number, number, number, number],
      minzoom: 0,
      maxzoom: BASEMAP_MAX_ZOOM,
      attribution,
      vectorLayers: Object.keys(layers),
    },
    encodedTiles(layers, bounds, BASEMAP_MAX_ZOOM),
  );
}
