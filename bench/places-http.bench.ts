/**
 * Requests per second over HTTP on loopback: nearby places, a bbox query and vector tiles,
 * against the real server on the real sample data (SQLite), beside a bare Fastify route
 * returning a fixed small JSON as the ceiling of this machine. autocannon runs in the same
 * process, so the figures are conservative on 2 cores.
 * Run: node --import tsx bench/places-http.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { startServer } from "../src/app/server.ts";
import { loadConfig } from "../src/platform/config.ts";
import { seededRandom } from "./synthetic-places.ts";

const DURATION_S = Number(process.env["BENCH_SECONDS"] ?? 8);

async function load(title: string, url: string, requests?: Array<{ path: string }>): Promise<number> {
  const result = await autocannon({ url, connections: 32, pipelining: 1, duration: DURATION_S, requests });
  const rps = result.requests.average;
  console.log(`  ${title.padEnd(44)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`);
  return rps;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
const server = await startServer(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { buildWeb: false, say: () => undefined });
const ceiling = Fastify();
ceiling.get("/", async () => ({ status: "ok" }));
const ceilingUrl = await ceiling.listen({ port: 0, host: "127.0.0.1" });

const random = seededRandom(3);
const nearby = Array.from({ length: 500 }, () => ({
  path: `/api/places/nearby?lat=${(43.725 + random() * 0.025).toFixed(5)}&lon=${(7.41 + random() * 0.03).toFixed(5)}&k=10`,
}));
const tiles = [];
for (let z = 12; z <= 14; z++) {
  const n = 2 ** z;
  const x0 = Math.floor(((7.41 + 180) / 360) * n);
  const rad = (43.735 * Math.PI) / 180;
  const y0 = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  for (let dx = 0; dx <= 1; dx++) for (let dy = 0; dy <= 1; dy++) tiles.push({ path: `/tiles/${z}/${x0 + dx}/${y0 + dy}.mvt` });
}

console.log(`HTTP on loopback, ${DURATION_S} s each, 32 connections (${server.catalog.index.size} places)`);
const base = await load("bare Fastify fixed JSON (ceiling)", ceilingUrl);
const near = await load("GET /api/places/nearby k=10 (random points)", server.url, nearby);
await load("GET /api/places?bbox (Monaco, all places)", `${server.url}/api/places?bbox=7.40,43.72,7.44,43.76`);
const tile = await load("GET /tiles/{z}/{x}/{y}.mvt (z12-14)", server.url, tiles);
console.log(`  nearby at ${((near / base) * 100).toFixed(0)}% of the ceiling, tiles at ${((tile / base) * 100).toFixed(0)}%`);

await ceiling.close();
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
