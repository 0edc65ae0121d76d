/**
 * The map's camera as plain numbers, for the picture map of a phone's first view
 * (preview-map.ts): Web Mercator with 512-pixel tiles, as MapLibre draws vector tiles, so a
 * camera framed here shows what MapLibre shows for the same bounds and padding.
 */

/** Pixels of the whole world at zoom 0 (MapLibre's tile size). */
export const WORLD_TILE = 512;
const MAX_LAT = 85.051129;

export interface Camera {
  /** [lon, lat] at the centre of the map's element. */
  readonly center: readonly [number, number];
  readonly zoom: number;
}

export interface Padding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** lon/lat to the unit square (x east, y south), 0..1. */
export function toUnit(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** The unit square back to lon/lat. */
export function fromUnit(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/** The world's width in pixels at `zoom`. */
export const worldSize = (zoom: number): number => WORLD_TILE * 2 ** zoom;

/**
 * The camera that frames `bbox` (west, south, east, north) inside an element of `width` ×
 * `height` pixels less `padding`, no closer than `maxZoom`: the box centred in the free area.
 */
export function fitBounds(bbox: readonly [number, number, number, number], width: number, height: number, padding: Padding, maxZoom: number): Camera {
  const [west, south, east, north] = bbox;
  const [x0, y0] = toUnit(west, north);
  const [x1, y1] = toUnit(east, south);
  const freeWidth = Math.max(1, width - padding.left - padding.right);
  const freeHeight = Math.max(1, height - padding.top - padding.bottom);
  const spanX = Math.max(x1 - x0, 1e-12);
  const spanY = Math.max(y1 - y0, 1e-12);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(freeWidth / (spanX * WORLD_TILE), freeHeight / (spanY * WORLD_TILE))));
  return centredIn([(x0 + x1) / 2, (y0 + y1) / 2], zoom, width, height, padding);
}

/** The camera that puts the unit point `at` in the middle of the free area at `zoom`. */
export function centredIn(at: readonly [number, number], zoom: number, width: number, height: number, padding: Padding): Camera {
  const size = worldSize(zoom);
  // The free area's centre is off the element's centre by half the difference of the paddings.
  const dx = (padding.left - padding.right) / 2;
  const dy = (padding.top - padding.bottom) / 2;
  const center = fromUnit(at[0] - dx / size, at[1] - dy / size);
  return { center, zoom };
}

/** Where lon/lat falls in an element of `width` × `height` pixels under `camera`. */
export function project(camera: Camera, width: number, height: number, lon: number, lat: number): [number, number] {
  const size = worldSize(camera.zoom);
  const [cx, cy] = toUnit(camera.center[0], camera.center[1]);
  const [x, y] = toUnit(lon, lat);
  return [(x - cx) * size + width / 2, (y - cy) * size + height / 2];
}

/** The lon/lat under the pixel (px, py) of the element. */
export function unproject(camera: Camera, width: number, height: number, px: number, py: number): [number, number] {
  const size = worldSize(camera.zoom);
  const [cx, cy] = toUnit(camera.center[0], camera.center[1]);
  return fromUnit(cx + (px - width / 2) / size, cy + (py - height / 2) / size);
}

/** One tile to draw: its address and where its top-left corner and side fall in the element. */
export interface PlacedTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly left: number;
  readonly top: number;
  readonly size: number;
}

/**
 * The tiles of zoom floor(camera.zoom) (at most `maxTileZoom`) that cover the element, each
 * placed and scaled to the camera's fractional zoom; columns wrap around the world.
 */
export function tilesFor(camera: Camera, width: number, height: number, maxTileZoom: number): PlacedTile[] {
  const z = Math.max(0, Math.min(maxTileZoom, Math.floor(camera.zoom)));
  const n = 2 ** z;
  const side = worldSize(camera.zoom) / n;
  const [cx, cy] = toUnit(camera.center[0], camera.center[1]);
  const originX = width / 2 - cx * n * side;
  const originY = height / 2 - cy * n * side;
  const tiles: PlacedTile[] = [];
  const firstX = Math.floor(-originX / side);
  const lastX = Math.floor((width - originX) / side);
  const firstY = Math.max(0, Math.floor(-originY / side));
  const lastY = Math.min(n - 1, Math.floor((height - originY) / side));
  for (let ty = firstY; ty <= lastY; ty++) {
    for (let tx = firstX; tx <= lastX; tx++) {
      tiles.push({ z, x: ((tx % n) + n) % n, y: ty, left: originX + tx * side, top: originY + ty * side, size: side });
    }
  }
  return tiles;
}
