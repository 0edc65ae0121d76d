/**
 * The pictures of basemap tiles a touch phone's first view is made of (GET /tiles/{z}/{x}/{y}.webp,
 * src/basemap/tile-picture.ts): the time to draw one from its stored vector tile, ours beside a
 * plain baseline, sharp rasterising an SVG of the background alone at the same size (the floor
 * any picture of a tile costs here), on the same tiles, with the same warm-up, in one run.
 *
 *   node --import tsx bench/tile-picture.bench.ts [path/to/region.mbtiles]
 *
 * Without an argument it builds Monaco's tiles from the sample extract first (as the server does).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { MbtilesReader } from "../src/basemap/mbtiles.ts";
import { PICTURE_TILE_SIZE, tilePicture } from "../src/basemap/tile-picture.ts";

async function monacoTiles(): Promise<string> {
  const given = process.argv[2];
  if (given) return given;
  const { buildBasemapTiles, basemapFeatures } = await import("../src/basemap/index.ts");
  const { readOsmFile } = await import("../src/osm/index.ts");
  const extract = path.resolve(import.meta.dirname, "../../shared/data/osm/monaco-2019-09-30.osm.pbf");
  const elements = readOsmFile(extract);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tile-picture-bench-")), "monaco.mbtiles");
  buildBasemapTiles(file, "monaco", basemapFeatures(elements), [7.4092128, 43.7253151, 7.4388185, 43.7514147], "© OpenStreetMap contributors");
  return file;
}

const file = await monacoTiles();
const reader = new MbtilesReader(file);
// The tiles of Monaco's first views: z12–z14 over the principality.
const addresses: Array<[number, number, number]> = [];
for (const [z, x0, x1, y0, y1] of [[12, 2132, 2132, 1493, 1493], [13, 4263, 4265, 2986, 2987], [14, 8527, 8530, 5972, 5975]] as const) {
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) if (reader.tile(z, x, y)) addresses.push([z, x, y]);
}
const tiles = addresses.map(([z, x, y]) => ({ z, data: reader.tile(z, x, y)! }));

const background = (ratio: number): Buffer => {
  const size = PICTURE_TILE_SIZE * ratio;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" fill="#fdf6e3"/></svg>`);
};
const baseline = (ratio: number) => sharp(background(ratio)).webp({ quality: 78, effort: 2 }).toBuffer();

async function time(label: string, ratio: 1 | 2, draw: (tile: (typeof tiles)[number]) => Promise<Buffer>): Promise<{ p50: number; p99: number; bytes: number }> {
  for (const tile of tiles) await draw(tile); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < 5; round++) {
    for (const tile of tiles) {
      const start = performance.now();
      bytes += (await draw(tile)).length;
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const result = { p50: at(0.5), p99: at(0.99), bytes: bytes / times.length };
  console.log(`${label} ratio ${ratio}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${(result.bytes / 1024).toFixed(1)} KB per picture (${times.length} pictures)`);
  return result;
}

console.log(`${tiles.length} Monaco tiles (z12–z14), ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
for (const ratio of [1, 2] as const) {
  const ours = await time("ours (vector tile → SVG → WebP)", ratio, (tile) => tilePicture(tile.data, tile.z, ratio));
  const floor = await time("baseline (background only → WebP)", ratio, () => baseline(ratio));
  console.log(`  ratio ${ratio}: ours / baseline at p50 ${(ours.p50 / floor.p50).toFixed(1)}×`);
}
reader.close();
