/**
 * Routing engines side by side on the same graphs, costs and pairs: our contraction
 * hierarchy, our plain Dijkstra, ngraph.path (A* and NBA*, in process) and pgRouting
 * (pgr_dijkstra, pgr_bdDijkstra, timed from the client with the round trip), on the real
 * Monaco sample and on a synthetic city of over 300,000 vertices (synthetic, and said so).
 * All engines must agree on every pair's cost before anything is timed. Then requests per
 * second of GET /api/route on Monaco over HTTP with wrk.
 * Run: node --import tsx bench/routing.bench.ts
 * Env: BENCH_SECONDS (wrk, 8), CH_LIMIT_S (synthetic hierarchy build, 180), SYNTHETIC_LINES (380).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import createGraph, { type Graph } from "ngraph.graph";
import { aStar, nba, type PathFinder } from "ngraph.path";
import pg from "pg";
import { distanceMeters } from "../src/core/geo.ts";
import { readOsmFile } from "../src/places/index.ts";
import { REPO_ROOT } from "../src/platform/config.ts";
import { type Hierarchy, buildHierarchy } from "../src/routing/contraction-hierarchy.ts";
import { dijkstra } from "../src/routing/dijkstra.ts";
import { HierarchyQuery } from "../src/routing/hierarchy-query.ts";
import { type ProfileGraph, buildProfileGraph } from "../src/routing/profile-graph.ts";
import { PROFILE_IDS } from "../src/routing/profiles.ts";
import { largestComponent } from "../src/routing/route-planner.ts";
import { type StreetNetwork, buildStreetNetwork } from "../src/routing/street-network.ts";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { spawnServer } from "./spawn-server.ts";
import { syntheticCity } from "./synthetic-city.ts";
import { seededRandom } from "./synthetic-places.ts";

const DURATION_S = Number(process.env["BENCH_SECONDS"] ?? 8);
const CH_LIMIT_S = Number(process.env["CH_LIMIT_S"] ?? 180);
const SYNTHETIC = { lines: Number(process.env["SYNTHETIC_LINES"] ?? 380), seed: 7 };
const MONACO_PBF = path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf");
/** Costs are sums of the same doubles in different orders: equal to this tolerance. */
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 + 1e-9 * Math.abs(a);

/** pgRouting functions compared, with the upstream bug report of a known wrong result. */
const PG_FUNCTIONS: ReadonlyArray<readonly [string, string | undefined]> = [
  ["pgr_dijkstra", undefined],
  ["pgr_bdDijkstra", "known pgRouting bug, https://github.com/pgRouting/pgrouting/issues/3145"],
];

const TARGETS = { sampleP99Ms: 1, scaleP99Ms: 3, scalePreprocessS: 60, routeRps: 2000 };

interface Timed {
  engine: string;
  /** Milliseconds per query, in pair order. */
  times: number[];
  /** What the figures include or lack (pairs timed, round trip, wrong costs). */
  note?: string;
}

type Pair = [number, number];

function typedBytes(arrays: object): number {
  return Object.values(arrays).reduce((sum: number, v: unknown) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
}

function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const ms = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The synthetic city's child-walk graph; the worker and the main thread build the same one. */
function syntheticGraph(): { network: StreetNetwork; graph: ProfileGraph } {
  const network = buildStreetNetwork(syntheticCity(SYNTHETIC));
  return { network, graph: buildProfileGraph(network, "child-walk") };
}

/** Builds the synthetic hierarchy in a worker, so a build past the limit can be stopped. */
function buildHierarchyBounded(limitS: number): Promise<{ hierarchy: Hierarchy; seconds: number } | null> {
  const api = import.meta.resolve("tsx/esm/api");
  const self = JSON.stringify(import.meta.url);
  const worker = new Worker(`import(${JSON.stringify(api)}).then((m) => m.tsImport(${self}, ${self}))`, { eval: true, workerData: "build" });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, limitS * 1000);
    worker.once("message", (message: { hierarchy: Hierarchy; seconds: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Random pairs (start != end) in the largest connected piece; the Dijkstra pass checks each is reachable. */
function randomPairs(graph: ProfileGraph, count: number, seed: number): Pair[] {
  const main = largestComponent(graph);
  const vertices = [...main.keys()].filter((v) => main[v] === 1);
  const random = seededRandom(seed);
  const pairs: Pair[] = [];
  while (pairs.length < count) {
    const s = vertices[Math.floor(random() * vertices.length)]!;
    const t = vertices[Math.floor(random() * vertices.length)]!;
    if (s !== t) pairs.push([s, t]);
  }
  return pairs;
}

/** ngraph.path finders over the same directed edges (the cheapest of parallel ones) and costs. */
function ngraphFinders(network: StreetNetwork, graph: ProfileGraph) {
  const n = graph.vertexCount;
  const ng: Graph<null, number> = createGraph<null, number>();
  const cheapest = new Map<number, number>();
  let rate = Infinity;
  for (let v = 0; v < n; v++) ng.addNode(v, null);
  for (let v = 0; v < n; v++) {
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      const w = graph.target[e]!;
      const key = v * n + w;
      if ((cheapest.get(key) ?? Infinity) > graph.cost[e]!) cheapest.set(key, graph.cost[e]!);
      rate = Math.min(rate, graph.cost[e]! / network.segments[Math.abs(graph.segment[e]!) - 1]!.lengthM);
    }
  }
  for (const [key, cost] of cheapest) ng.addLink(Math.floor(key / n), key % n, cost);
  // Admissible: no edge costs less per metre than `rate`; shaved for floating rounding.
  const at = (v: number): [number, number] => [network.coords[2 * v]!, network.coords[2 * v + 1]!];
  const options = {
    oriented: true,
    distance: (_a: unknown, _b: unknown, link: { data: number }) => link.data,
    heuristic: (a: { id: string | number }, b: { id: string | number }) => distanceMeters(at(Number(a.id)), at(Number(b.id))) * rate * (1 - 1e-9),
  };
  const costOf = (path: Array<{ id: string | number }>, source: number): number => {
    const ids = path.map((node) => Number(node.id));
    if (ids[0] !== source) ids.reverse();
    let cost = 0;
    for (let i = 1; i < ids.length; i++) cost += cheapest.get(ids[i - 1]! * n + ids[i]!)!;
    return ids.length > 1 ? cost : NaN;
  };
  return { aStar: aStar(ng, options) as PathFinder<null>, nba: nba(ng, options) as PathFinder<null>, costOf };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway PostgreSQL with pgRouting, or null (said why) when pgRouting is missing. */
async function startPgRouting(): Promise<{ client: pg.Client; stop(): Promise<void> } | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-pgr-"));
  const script = path.join(REPO_ROOT, "scripts/postgres.sh");
  const url = execFileSync("bash", [script, "start", dir, String(await freePort())], { encoding: "utf8" }).trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stop = async () => {
    await client.end();
    execFileSync("bash", [script, "stop", dir]);
  };
  try {
    await client.query("CREATE EXTENSION pgrouting CASCADE");
  } catch (error) {
    console.log(`\n  pgRouting unavailable (${(error as Error).message}): apt-get install postgresql-15-pgrouting`);
    await stop();
    return null;
  }
  const versions = await client.query<{ pgr: string; pg: string }>("SELECT pgr_version() AS pgr, current_setting('server_version') AS pg");
  console.log(`\npgRouting ${versions.rows[0]!.pgr} on PostgreSQL ${versions.rows[0]!.pg.split(" ")[0]}, loopback, one connection`);
  return { client, stop };
}

/** Loads the graph's directed edges (id = our edge index, same vertex ids and costs) and the pairs. */
async function loadEdges(client: pg.Client, name: string, graph: ProfileGraph, pairs: readonly Pair[]): Promise<void> {
  await client.query(`CREATE TABLE ${name}_edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, cost float8 NOT NULL)`);
  const chunk = 50_000;
  for (let first = 0; first < graph.vertexCount; first += chunk) {
    const ids: number[] = [], sources: number[] = [], targets: number[] = [], costs: number[] = [];
    for (let v = first; v < Math.min(graph.vertexCount, first + chunk); v++) {
      for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
        ids.push(e); sources.push(v); targets.push(graph.target[e]!); costs.push(graph.cost[e]!);
      }
    }
    await client.query(`INSERT INTO ${name}_edges SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[])`, [ids, sources, targets, costs]);
  }
  await client.query(`CREATE TABLE ${name}_pairs (source bigint, target bigint)`);
  await client.query(`INSERT INTO ${name}_pairs SELECT * FROM unnest($1::bigint[], $2::bigint[])`, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  await client.query(`ANALYZE ${name}_edges`);
}

/** Every pair's cost from one pgRouting call over all pairs (the graph is built once). */
async function pgCosts(client: pg.Client, name: string, fn: string, pairs: readonly Pair[]): Promise<number[]> {
  const result = await client.query<{ start_vid: string; end_vid: string; agg_cost: number }>(
    `SELECT start_vid, end_vid, agg_cost FROM ${fn}('SELECT id, source, target, cost FROM ${name}_edges', 'SELECT source, target FROM ${name}_pairs', true) WHERE edge = -1`);
  const cost = new Map(result.rows.map((r) => [`${r.start_vid}-${r.end_vid}`, r.agg_cost]));
  return pairs.map(([s, t]) => cost.get(`${s}-${t}`) ?? NaN);
}

/** One pgRouting query per pair, timed at the client (round trip included); `check` sees each cost. */
async function pgTimes(client: pg.Client, name: string, fn: string, pairs: readonly Pair[], check: (i: number, cost: number) => void): Promise<number[]> {
  const text = `SELECT agg_cost FROM ${fn}('SELECT id, source, target, cost FROM ${name}_edges', $1::bigint, $2::bigint, true) WHERE edge = -1`;
  const times: number[] = [];
  for (const [i, [s, t]] of pairs.entries()) {
    const started = performance.now();
    const result = await client.query<{ agg_cost: number }>({ name: `${name}-${fn}`, text, values: [s, t] });
    times.push(performance.now() - started);
    check(i, result.rows[0]?.agg_cost ?? NaN);
  }
  return times;
}

function timeEach(pairs: readonly Pair[], run: (s: number, t: number) => unknown): number[] {
  return pairs.map(([s, t]) => {
    const started = performance.now();
    run(s, t);
    return performance.now() - started;
  });
}

/**
 * Aborts unless `costs` equal plain Dijkstra's on every pair. An engine with a known upstream
 * bug (`knownBug`) may return costlier paths: those are counted and shown, never cheaper ones
 * (a cheaper path would mean our own engines are wrong). Returns the number of wrong pairs.
 */
function checkAgreement(engine: string, pairs: readonly Pair[], reference: readonly number[], costs: readonly number[], knownBug?: string): number {
  const wrong = pairs.flatMap((_, i) => (agree(reference[i]!, costs[i]!) ? [] : [i]));
  const cheaper = wrong.find((i) => !knownBug || !(costs[i]! > reference[i]!));
  if (cheaper !== undefined) {
    const [s, t] = pairs[cheaper]!;
    throw new Error(`DISAGREEMENT: ${engine} gives ${costs[cheaper]} for ${s}->${t}, plain Dijkstra ${reference[cheaper]}; nothing timed`);
  }
  if (wrong.length === 0) console.log(`  ${engine.padEnd(26)} agrees on all ${pairs.length} pairs`);
  else {
    const worst = Math.max(...wrong.map((i) => costs[i]! / reference[i]! - 1));
    console.log(`  ${engine.padEnd(26)} WRONG on ${wrong.length} of ${pairs.length} pairs: costlier paths, up to +${(worst * 100).toFixed(1)}% (${knownBug}); timed but flagged`);
  }
  return wrong.length;
}

function printTable(title: string, rows: readonly Timed[]): { p50: number; p99: number } | null {
  const ours = rows.find((r) => r.engine.startsWith("ours"));
  const base = ours ? { p50: percentile(ours.times, 0.5), p99: percentile(ours.times, 0.99) } : null;
  console.log(`\n${title}`);
  console.log(`  ${"engine".padEnd(30)} ${"queries".padStart(7)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"mean ms".padStart(9)} ${"p50 ×ours".padStart(10)} ${"p99 ×ours".padStart(10)}`);
  for (const row of rows) {
    const p50 = percentile(row.times, 0.5);
    const p99 = percentile(row.times, 0.99);
    const mean = row.times.reduce((a, b) => a + b, 0) / row.times.length;
    const ratio = (x: number, b: number | undefined) => (b ? `${(x / b).toFixed(1)}×` : "n/a");
    console.log(`  ${row.engine.padEnd(30)} ${String(row.times.length).padStart(7)} ${ms(p50).padStart(9)} ${ms(p99).padStart(9)} ${ms(mean).padStart(9)} ${ratio(p50, base?.p50).padStart(10)} ${ratio(p99, base?.p99).padStart(10)}${row.note ? `  ${row.note}` : ""}`);
  }
  return base;
}

interface CityRun {
  name: string;
  network: StreetNetwork;
  graph: ProfileGraph;
  hierarchy: Hierarchy | null;
  pairs: Pair[];
  /** How many pairs ngraph.path runs (it takes ~0.3 s a query at 300k vertices). */
  peerPairs: number;
  /** How many pairs pgRouting times one by one (all are verified in one call). */
  pgTimed: number;
}

/** Verifies every engine on every pair against plain Dijkstra, then times each; prints the table. */
async function compareEngines(city: CityRun, pgRouting: pg.Client | null): Promise<{ p50: number; p99: number } | null> {
  const { name, network, graph, hierarchy, pairs } = city;
  console.log(`\n${name}: verifying ${pairs.length} pairs (child-walk) against plain Dijkstra`);
  const reference = pairs.map(([s, t]) => {
    const path = dijkstra(graph, s, t);
    if (!path) throw new Error(`pair ${s}->${t} is unreachable for ${graph.profile}: choose reachable pairs`);
    return path.cost;
  });
  const query = hierarchy ? new HierarchyQuery(hierarchy) : null;
  if (query) checkAgreement("ours (hierarchy)", pairs, reference, pairs.map(([s, t]) => query.route(s, t)?.cost ?? NaN));
  const built = performance.now();
  const finders = ngraphFinders(network, graph);
  console.log(`  (ngraph graph built in ${((performance.now() - built) / 1000).toFixed(1)} s)`);
  const peer = pairs.slice(0, city.peerPairs);
  checkAgreement("ngraph.path aStar", peer, reference, peer.map(([s, t]) => finders.costOf(finders.aStar.find(s, t), s)));
  checkAgreement("ngraph.path nba", peer, reference, peer.map(([s, t]) => finders.costOf(finders.nba.find(s, t), s)));
  const table = name.startsWith("Monaco") ? "monaco" : "synthetic";
  const pgWrong = new Map<string, number>();
  if (pgRouting) {
    await loadEdges(pgRouting, table, graph, pairs);
    for (const [fn, bug] of PG_FUNCTIONS) pgWrong.set(fn, checkAgreement(`pgRouting ${fn}`, pairs, reference, await pgCosts(pgRouting, table, fn, pairs), bug));
  }
  const rows: Timed[] = [];
  if (query) rows.push({ engine: "ours (contraction hierarchy)", times: timeEach(pairs, (s, t) => query.route(s, t)) });
  rows.push({ engine: "ours (plain Dijkstra)", times: timeEach(pairs, (s, t) => dijkstra(graph, s, t)) });
  const peerNote = peer.length < pairs.length ? `(first ${peer.length} pairs)` : undefined;
  rows.push({ engine: "ngraph.path aStar", times: timeEach(peer, (s, t) => finders.aStar.find(s, t)), note: peerNote });
  rows.push({ engine: "ngraph.path nba", times: timeEach(peer, (s, t) => finders.nba.find(s, t)), note: peerNote });
  for (const [fn, bug] of pgRouting ? PG_FUNCTIONS : []) {
    const timed = pairs.slice(0, city.pgTimed);
    const check = (i: number, cost: number) => {
      if (!agree(cost, reference[i]!) && !(bug && cost > reference[i]!)) throw new Error(`DISAGREEMENT: ${fn} gives ${cost} for pair ${i}, plain Dijkstra ${reference[i]}`);
    };
    const times = await pgTimes(pgRouting!, table, fn, timed, check);
    const notes = [timed.length < pairs.length ? `first ${timed.length} pairs` : "", "client round trip", pgWrong.get(fn) ? `WRONG cost on ${pgWrong.get(fn)} of ${pairs.length} pairs` : ""];
    rows.push({ engine: `pgRouting ${fn}`, times, note: `(${notes.filter(Boolean).join("; ")})` });
  }
  return printTable(`${name}: child-walk queries, ${pairs.length} random reachable pairs`, rows);
}

function preprocessRow(label: string, graph: ProfileGraph, hierarchy: Hierarchy | null, seconds: number | string): void {
  const arcs = hierarchy ? String(hierarchy.outTarget.length + hierarchy.inSource.length) : "n/a";
  const time = typeof seconds === "number" ? `${seconds.toFixed(1)} s` : seconds;
  console.log(`  ${label.padEnd(40)} ${String(graph.vertexCount).padStart(8)} ${String(graph.target.length).padStart(8)} ${time.padStart(17)} ${arcs.padStart(9)} ${mb(typedBytes(graph)).padStart(9)} ${(hierarchy ? mb(typedBytes(hierarchy)) : "n/a").padStart(9)}`);
}

const PREPROCESS_HEADER = `  ${"graph".padEnd(40)} ${"vertices".padStart(8)} ${"edges".padStart(8)} ${"hierarchy build".padStart(17)} ${"up arcs".padStart(9)} ${"graph".padStart(9)} ${"hierarchy".padStart(9)}`;

/** Requests per second of /api/route on Monaco with random pairs, beside the bare-Fastify ceiling. */
async function httpRoute(network: StreetNetwork, graph: ProfileGraph): Promise<number> {
  if (!wrkAvailable()) throw new Error("this benchmark uses wrk: apt-get install wrk");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
  const started = performance.now();
  const server = await spawnServer(["--import", "tsx", path.join(REPO_ROOT, "src/cli.ts"), "start"], { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  console.log(`\nHTTP on loopback with wrk (1 thread, 32 connections, ${DURATION_S} s); server up in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const ceiling = await spawnServer(["--import", "tsx", path.join(REPO_ROOT, "bench/ceiling-server.ts")], {});
  try {
    const at = (v: number) => `${network.coords[2 * v + 1]!.toFixed(6)},${network.coords[2 * v]!.toFixed(6)}`;
    const paths = randomPairs(graph, 1000, 11).map(([s, t]) => `/api/route?from=${at(s)}&to=${at(t)}&profile=child-walk`);
    for (const p of paths.slice(0, 20)) {
      const response = await fetch(`${server.url}${p}`);
      if (response.status !== 200) throw new Error(`${p} -> ${response.status} ${await response.text()}`);
    }
    const bare = runWrk(ceiling.url, ["/"], DURATION_S);
    console.log(`  ${"bare Fastify fixed JSON (ceiling)".padEnd(52)} ${bare.rps.toFixed(0).padStart(7)} req/s  p99 ${bare.p99}`);
    const route = runWrk(server.url, paths, DURATION_S);
    console.log(`  ${"GET /api/route child-walk (1,000 random pairs)".padEnd(52)} ${route.rps.toFixed(0).padStart(7)} req/s  p99 ${route.p99}  (${((route.rps / bare.rps) * 100).toFixed(0)}% of the ceiling)`);
    return route.rps;
  } finally {
    ceiling.stop();
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdict(label: string, value: string, ok: boolean): void {
  console.log(`  ${ok ? "MET   " : "MISSED"} ${label.padEnd(58)} ${value}`);
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  console.log(`Routing benchmark, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
  const monaco = buildStreetNetwork(readOsmFile(MONACO_PBF));
  console.log(`\nPreprocessing (contraction hierarchy build; memory = typed-array bytes)`);
  console.log(PREPROCESS_HEADER);
  let monacoWalk: { graph: ProfileGraph; hierarchy: Hierarchy } | null = null;
  for (const profile of PROFILE_IDS) {
    const graph = buildProfileGraph(monaco, profile);
    const started = performance.now();
    const hierarchy = buildHierarchy(graph);
    preprocessRow(`Monaco ${profile}`, graph, hierarchy, (performance.now() - started) / 1000);
    if (profile === "child-walk") monacoWalk = { graph, hierarchy };
  }
  const synthetic = syntheticGraph();
  const built = await buildHierarchyBounded(CH_LIMIT_S);
  const label = `synthetic city (${SYNTHETIC.lines}² grid) child-walk`;
  preprocessRow(label, synthetic.graph, built?.hierarchy ?? null, built ? built.seconds : `> ${CH_LIMIT_S} s (stopped)`);
  console.log(`  (the synthetic city is generated, not real data: ${synthetic.graph.vertexCount.toLocaleString("en")} vertices)`);

  const pgRouting = await startPgRouting();
  let monacoQuery: { p50: number; p99: number } | null = null;
  let scaleQuery: { p50: number; p99: number } | null = null;
  try {
    monacoQuery = await compareEngines({ name: "Monaco (real OSM sample)", network: monaco, ...monacoWalk!, pairs: randomPairs(monacoWalk!.graph, 1000, 5), peerPairs: 1000, pgTimed: 1000 }, pgRouting?.client ?? null);
    scaleQuery = await compareEngines({
      name: `Synthetic city, ${synthetic.graph.vertexCount.toLocaleString("en")} vertices`,
      network: synthetic.network, graph: synthetic.graph, hierarchy: built?.hierarchy ?? null,
      pairs: randomPairs(synthetic.graph, 300, 6), peerPairs: 60, pgTimed: 20,
    }, pgRouting?.client ?? null);
  } finally {
    await pgRouting?.stop();
  }
  const rps = await httpRoute(monaco, monacoWalk!.graph);

  console.log(`\nTargets`);
  verdict("query p99 <= 1 ms in process on the Monaco sample", monacoQuery ? `${ms(monacoQuery.p99)} ms` : "n/a", (monacoQuery?.p99 ?? Infinity) <= TARGETS.sampleP99Ms);
  verdict(`query p99 <= 3 ms at ${synthetic.graph.vertexCount.toLocaleString("en")} vertices (synthetic)`, scaleQuery ? `${ms(scaleQuery.p99)} ms` : "n/a (no hierarchy)", (scaleQuery?.p99 ?? Infinity) <= TARGETS.scaleP99Ms);
  verdict("preprocessing <= 60 s at 300k vertices (child-walk)", built ? `${built.seconds.toFixed(1)} s` : `> ${CH_LIMIT_S} s (stopped)`, (built?.seconds ?? Infinity) <= TARGETS.scalePreprocessS);
  verdict("GET /api/route >= 2,000 requests/s (Monaco)", `${rps.toFixed(0)} req/s`, rps >= TARGETS.routeRps);
  console.log(`\nTotal benchmark time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
}

if (isMainThread) {
  await main();
} else if (workerData === "build") {
  const { graph } = syntheticGraph();
  const started = performance.now();
  const hierarchy = buildHierarchy(graph);
  const seconds = (performance.now() - started) / 1000;
  const buffers = Object.values(hierarchy).flatMap((v: unknown) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ hierarchy, seconds }, buffers);
}
