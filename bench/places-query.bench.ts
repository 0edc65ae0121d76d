/**
 * Nearest-k and bbox queries in process: our KDBush index beside a plain scan and SQLite's
 * R*Tree, on the same places and the same query points, printing p50/p99 and ratios.
 * Run: node --import tsx bench/places-query.bench.ts
 */
import BetterSqlite3 from "better-sqlite3";
import { distanceMeters } from "../src/core/geo.ts";
import type { Place } from "../src/core/place.ts";
import { PlaceIndex } from "../src/places/place-index.ts";
import { percentiles, seededRandom, syntheticPlaces } from "./synthetic-places.ts";

const K = 10;
const QUERIES = 2000;

function plainNearest(places: readonly Place[], lon: number, lat: number, k: number): string[] {
  return places
    .map((p) => ({ id: p.id, d: distanceMeters([lon, lat], [p.lon, p.lat]) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((h) => h.id);
}

function sqliteRtree(places: readonly Place[]) {
  const db = new BetterSqlite3(":memory:");
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, min_lon, max_lon, min_lat, max_lat)");
  const insert = db.prepare("INSERT INTO r VALUES (?, ?, ?, ?, ?)");
  db.transaction(() => places.forEach((p, i) => insert.run(i, p.lon, p.lon, p.lat, p.lat)))();
  const box = db.prepare("SELECT id, min_lon AS lon, min_lat AS lat FROM r WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?");
  return {
    bbox: (b: number[]) => box.all(b[0], b[2], b[1], b[3]) as Array<{ id: number; lon: number; lat: number }>,
    /** The usual R*Tree nearest-k: grow a box until it holds k, then sort by true distance. */
    nearest(lon: number, lat: number, k: number) {
      for (let r = 0.002; ; r *= 2) {
        const rows = box.all(lon - r, lon + r, lat - r, lat + r) as Array<{ id: number; lon: number; lat: number }>;
        if (rows.length >= k || r > 1) {
          // A box of half-side r only guarantees the points within distance r.
          const sorted = rows.map((row) => ({ id: row.id, d: distanceMeters([lon, lat], [row.lon, row.lat]) })).sort((a, b) => a.d - b.d);
          if (sorted.length >= k && sorted[k - 1]!.d <= r * 111_000 * Math.cos((lat * Math.PI) / 180)) return sorted.slice(0, k);
          if (r > 1) return sorted.slice(0, k);
        }
      }
    },
  };
}

function run(label: string, places: Place[]): void {
  const random = seededRandom(7);
  const points = Array.from({ length: QUERIES }, () => [112.45 + random() * 0.3, 26.75 + random() * 0.3] as [number, number]);
  const boxes = points.map(([lon, lat]) => [lon - 0.005, lat - 0.005, lon + 0.005, lat + 0.005]);
  const buildStart = performance.now();
  const index = new PlaceIndex(places);
  const buildMs = performance.now() - buildStart;
  const rtree = sqliteRtree(places);
  const plainQueries = points.slice(0, places.length > 20_000 ? 200 : QUERIES);

  // Same answers first, or the timings mean nothing.
  const [lon, lat] = points[0]!;
  const ours = index.nearby(lon, lat, K, 100_000).map((h) => h.place.id);
  if (ours.join() !== plainNearest(places, lon, lat, K).join()) throw new Error("nearest-k differs from the plain scan");

  const rows = [
    ["nearest-10 ours (KDBush)", percentiles(points, ([x, y]) => index.nearby(x, y, K, 100_000))],
    ["nearest-10 SQLite R*Tree", percentiles(points, ([x, y]) => rtree.nearest(x, y, K))],
    ["nearest-10 plain scan", percentiles(plainQueries, ([x, y]) => plainNearest(places, x, y, K))],
    ["bbox ~1 km ours (KDBush)", percentiles(boxes, (b) => index.inBBox(b as [number, number, number, number], {}, 5000))],
    ["bbox ~1 km SQLite R*Tree", percentiles(boxes, (b) => rtree.bbox(b))],
    ["bbox ~1 km plain scan", percentiles(boxes.slice(0, plainQueries.length), (b) => places.filter((p) => p.lon >= b[0]! && p.lon <= b[2]! && p.lat >= b[1]! && p.lat <= b[3]!))],
  ] as const;
  console.log(`\n${label}: ${places.length} places, index build ${buildMs.toFixed(1)} ms`);
  const oursNearest = rows[0][1].p99;
  const oursBbox = rows[3][1].p99;
  for (const [name, { p50, p99 }] of rows) {
    const base = name.startsWith("nearest") ? oursNearest : oursBbox;
    console.log(`  ${name.padEnd(28)} p50 ${p50.toFixed(4).padStart(9)} ms  p99 ${p99.toFixed(4).padStart(9)} ms  p99 x${(p99 / base).toFixed(1)} of ours`);
  }
}

for (const n of [1_000, 10_000, 100_000]) run(`synthetic (Hengyang urban area, real name parts)`, syntheticPlaces(n));
