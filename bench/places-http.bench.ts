/**
 * Requests per second over HTTP on loopback: nearby places, a bbox query and vector tiles,
 * against the real server (a child process) on the real sample data (SQLite), beside a
 * bare Fastify route returning a fixed small JSON as the ceiling of this machine. The load
 * generator shares the 2 cores with the server, so the figures are conservative.
 * Run: node --import tsx bench/places-http.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { spawnServer } from "./spawn-server.ts";
import { seededRandom } from "./synthetic-places.ts";

const DURATION_S = Number(process.env["BENCH_SECONDS"] ?? 8);

function load(title: string, base: string, paths: readonly string[]): number {
  const { rps, p99 } = runWrk(base, paths, DURATION_S);
  console.log(`  ${title.padEnd(44)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${p99}`);
  return rps;
}

if (!wrkAvailable()) throw new Error("this benchmark uses wrk: apt-get install wrk");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
const server = await spawnServer(["--import", "tsx", "src/cli.ts", "start"], { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const ceiling = await spawnServer(["--import", "tsx", "bench/ceiling-server.ts"], {});
const health = (await (await fetch(`${server.url}/api/health`)).json()) as { places: number };

const random = seededRandom(3);
const nearby = Array.from({ length: 500 }, () =>
  `/api/places/nearby?lat=${(43.725 + random() * 0.025).toFixed(5)}&lon=${(7.41 + random() * 0.03).toFixed(5)}&k=10`);
const tiles: string[] = [];
for (let z = 12; z <= 14; z++) {
  const n = 2 ** z;
  const x0 = Math.floor(((7.41 + 180) / 360) * n);
  const rad = (43.735 * Math.PI) / 180;
  const y0 = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  for (let dx = 0; dx <= 1; dx++) for (let dy = 0; dy <= 1; dy++) tiles.push(`/tiles/${z}/${x0 + dx}/${y0 + dy}.mvt`);
}

console.log(`HTTP on loopback with wrk (1 thread), ${DURATION_S} s each, 32 connections (${health.places} places)`);
const base = load("bare Fastify fixed JSON (ceiling)", ceiling.url, ["/"]);
const near = load("GET /api/places/nearby k=10 (random points)", server.url, nearby);
load("GET /api/places/{id}", server.url, ["/api/places/hengyang-nanhu-park"]);
load("GET /api/places?bbox (Monaco, ~140 places)", server.url, ["/api/places?bbox=7.40,43.72,7.44,43.76"]);
const tile = load("GET /tiles/{z}/{x}/{y}.mvt (z12-14)", server.url, tiles);
const queries = ["nhgy", "南湖", "滑滑梯", "jardin", "playground", "厕所 附近", "婦幼", "nanhugongyuan", "stade", "游泳"];
load("GET /api/search (10 queries of every kind)", server.url, queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&lat=43.735&lon=7.42`));
load("GET /api/suggest (10 queries of every kind)", server.url, queries.map((q) => `/api/suggest?q=${encodeURIComponent(q)}&lat=43.735&lon=7.42`));
console.log(`  nearby at ${((near / base) * 100).toFixed(0)}% of the ceiling, tiles at ${((tile / base) * 100).toFixed(0)}%`);

ceiling.stop();
server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
