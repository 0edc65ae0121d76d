/**
 * A picture of one basemap tile (GET /tiles/{z}/{x}/{y}.webp): the vector tile drawn as the
 * web style draws it (land use, water, buildings, roads by class, rail; no labels), as SVG,
 * rasterised by sharp to a 512-pixel WebP (1024 for screens of two device pixels per CSS pixel).
 * A phone's first view is made of these (web/src/map/preview-map.ts): images decode off the
 * page's main thread, where a WebGL map costs seconds on a slow phone before its first frame.
 */
import zlib from "node:zlib";
import { VectorTile, type VectorTileLayer } from "@mapbox/vector-tile";
import Pbf from "pbf";
import sharp from "sharp";
import { BASEMAP_COLORS as c, DRIVABLE_ROADS, LANDUSE_COLORS, roadWidthAt } from "../core/basemap-palette.ts";

/** A tile's side in CSS pixels (MapLibre draws vector tiles 512 wide). */
export const PICTURE_TILE_SIZE = 512;

type Point = { x: number; y: number };

/** An SVG path of rings or lines in tile units scaled to `scale`, rounded to a tenth of a pixel. */
function pathData(rings: Point[][], scale: number, closed: boolean): string {
  let d = "";
  for (const ring of rings) {
    if (ring.length < 2) continue;
    d += ring.map((p, i) => `${i === 0 ? "M" : "L"}${Math.round(p.x * scale * 10) / 10} ${Math.round(p.y * scale * 10) / 10}`).join("");
    if (closed) d += "Z";
  }
  return d;
}

/** Every feature of `layer` (when the tile has it) grouped by a key, as one path each. */
function grouped(layer: VectorTileLayer | undefined, size: number, closed: boolean, key: (properties: Record<string, unknown>) => string | null): Map<string, string> {
  const paths = new Map<string, string>();
  if (!layer) return paths;
  const scale = size / layer.extent;
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const k = key(feature.properties);
    if (k === null) continue;
    paths.set(k, (paths.get(k) ?? "") + pathData(feature.loadGeometry(), scale, closed));
  }
  return paths;
}

/** The SVG of a decoded tile at zoom `z`, `size` pixels square (`pixelRatio` pixels per CSS pixel). */
export function tileSvg(tile: VectorTile, z: number, pixelRatio = 1): string {
  const size = PICTURE_TILE_SIZE * pixelRatio;
  const parts: string[] = [`<rect width="${size}" height="${size}" fill="${c.background}"/>`];
  const fill = (d: string, color: string, extra = ""): void => void (d && parts.push(`<path d="${d}" fill="${color}" fill-rule="evenodd"${extra}/>`));
  const stroke = (d: string, color: string, width: number, dashed = ""): void =>
    void (d && parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${Math.round(width * pixelRatio * 100) / 100}" stroke-linejoin="round" stroke-linecap="${dashed ? "butt" : "round"}"${dashed}/>`));

  for (const [cls, d] of grouped(tile.layers["landuse"], size, true, (p) => String(p["class"] ?? ""))) fill(d, LANDUSE_COLORS[cls] ?? c.residential);
  fill(grouped(tile.layers["water"], size, true, () => "").get("") ?? "", c.water);
  stroke(grouped(tile.layers["waterway"], size, false, () => "").get("") ?? "", c.water, 1 + (3 * Math.max(0, Math.min(6, z - 10))) / 6);
  stroke(grouped(tile.layers["coastline"], size, false, () => "").get("") ?? "", c.waterLine, 1.5);
  if (z >= 13) fill(grouped(tile.layers["building"], size, true, () => "").get("") ?? "", c.building, ` stroke="${c.buildingLine}" stroke-width="${pixelRatio * 0.5}"`);

  const roads = grouped(tile.layers["road"], size, false, (p) => String(p["class"] ?? ""));
  const drivable = [...roads].filter(([cls]) => DRIVABLE_ROADS.has(cls));
  // Casings under every drivable road, then the roads, minor first so major ones lie on top.
  for (const [cls, d] of drivable) stroke(d, c.roadCasing, roadWidthAt(cls, z, 1.5));
  stroke(roads.get("pedestrian") ?? "", c.pedestrian, roadWidthAt("minor", z) * 0.7);
  const dash = (a: number, b: number): string => ` stroke-dasharray="${a * pixelRatio} ${b * pixelRatio}"`;
  if (z >= 14) for (const cls of ["footway", "path", "steps", "track"]) stroke(roads.get(cls) ?? "", c.path, 1.2, dash(2.4, 1.8));
  if (z >= 13) stroke(roads.get("cycleway") ?? "", c.cycleway, 1.4, dash(4.2, 2.1));
  const order = (cls: string): number => (cls === "motorway" || cls === "trunk" ? 2 : cls === "primary" || cls === "secondary" ? 1 : 0);
  for (const [cls, d] of drivable.sort(([a], [b]) => order(a) - order(b))) {
    stroke(d, order(cls) === 2 ? c.motorway : order(cls) === 1 ? c.primary : c.minor, roadWidthAt(cls, z));
  }
  stroke(grouped(tile.layers["rail"], size, false, () => "").get("") ?? "", c.rail, 1.5, dash(6, 3));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${parts.join("")}</svg>`;
}

/** The WebP picture of a stored (gzip'd) vector tile at zoom `z`. */
export async function tilePicture(storedTile: Buffer, z: number, pixelRatio = 1): Promise<Buffer> {
  const raw = storedTile[0] === 0x1f && storedTile[1] === 0x8b ? zlib.gunzipSync(storedTile) : storedTile;
  // pbf 4 reads as the PbfReader vector-tile 3 names (its types come from pbf 5).
  const svg = tileSvg(new VectorTile(new Pbf(raw) as unknown as ConstructorParameters<typeof VectorTile>[0]), z, pixelRatio);
  return sharp(Buffer.from(svg)).webp({ quality: 78, effort: 2 }).toBuffer();
}
