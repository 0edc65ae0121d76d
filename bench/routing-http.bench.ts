/**
 * Requests per second of GET /api/route over HTTP on loopback: the real server (a child
 * process) routing child-walk trips between 1,000 random reachable pairs of the Monaco
 * sample, beside a bare Fastify route returning a fixed small JSON as the ceiling of this
 * machine. wrk shares the 2 cores with the server, so the figures are conservative; the
 * load average is printed beside each.
 * Run: node --import tsx bench/routing-http.bench.ts
 * Env: BENCH_SECONDS (per load, 8), BENCH_CONNECTIONS (32).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOsmFile } from "../src/osm/index.ts";
import { REPO_ROOT } from "../src/platform/config.ts";
import { buildProfileGraph } from "../src/routing/profile-graph.ts";
import { buildStreetNetwork } from "../src/routing/street-network.ts";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { loadAverage, randomPairs } from "./routing-pairs.ts";
import { spawnServer } from "./spawn-server.ts";

const DURATION_S = Number(process.env["BENCH_SECONDS"] ?? 8);
const CONNECTIONS = Number(process.env["BENCH_CONNECTIONS"] ?? 32);
const MONACO_PBF = path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf");
const TARGET_RPS = 2000;

function load(title: string, base: string, paths: readonly string[]): number {
  const { rps, p99 } = runWrk(base, paths, DURATION_S, CONNECTIONS);
  console.log(`  ${title.padEnd(50)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${p99.padStart(8)}  (${loadAverage()})`);
  return rps;
}

if (!wrkAvailable()) throw new Error("this benchmark uses wrk: apt-get install wrk");
// Pairs from the same street network the server builds, as lat,lon of their vertices.
const network = buildStreetNetwork(readOsmFile(MONACO_PBF));
const graph = buildProfileGraph(network, "child-walk");
const at = (v: number) => `${network.coords[2 * v + 1]!.toFixed(6)},${network.coords[2 * v]!.toFixed(6)}`;
const pairs = randomPairs(graph, 1000, 11);
const routes = pairs.map(([s, t]) => `/api/route?from=${at(s)}&to=${at(t)}&profile=child-walk`);
const withAlternatives = routes.map((p) => `${p}&alternatives=true`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
const started = performance.now();
const server = await spawnServer(["--import", "tsx", path.join(REPO_ROOT, "src/cli.ts"), "start"], { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const ceiling = await spawnServer(["--import", "tsx", path.join(REPO_ROOT, "bench/ceiling-server.ts")], {});
try {
  // Every path must answer 200 before the load: an error page is fast and would flatter.
  for (const p of routes) {
    const response = await fetch(`${server.url}${p}`);
    if (response.status !== 200) throw new Error(`${p} -> ${response.status} ${await response.text()}`);
  }
  console.log(`HTTP on loopback with wrk (1 thread, ${CONNECTIONS} connections, ${DURATION_S} s each); server up and checked in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const bare = load("bare Fastify fixed JSON (ceiling)", ceiling.url, ["/"]);
  const route = load("GET /api/route child-walk (1,000 random pairs)", server.url, routes);
  load("  the same with alternatives=true", server.url, withAlternatives);
  console.log(`  routes at ${((route / bare) * 100).toFixed(0)}% of the ceiling`);
  console.log(`  ${route >= TARGET_RPS ? "MET   " : "MISSED"} GET /api/route >= ${TARGET_RPS.toLocaleString("en")} requests/s (Monaco): ${route.toFixed(0)} req/s`);
} finally {
  ceiling.stop();
  server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
