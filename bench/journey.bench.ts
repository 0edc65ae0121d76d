/**
 * Journey planning beside its baseline in one run: the earliest-arrival search (the
 * Connection Scan, src/transit/connection-scan.ts, what `criteria=fastest` runs), RAPTOR
 * (src/transit/raptor.ts, the Pareto search, here with one criterion) and the plain
 * time-dependent Dijkstra (src/transit/td-dijkstra.ts) on the same day's timetable, the same
 * random stop-to-stop queries (every answer compared: same earliest arrival), the same warm-up;
 * then the Pareto search with access and egress walks between points near random stops
 * (straight lines: these networks are timed without streets), on the S48 feed (New York, real), the OSM bus lines of Monaco
 * and Nanjing (estimated headways), and a SYNTHETIC feed the size of a large city
 * (≥ 2,000 routes, ≥ 20,000 stops, ≥ 200,000 trips a day; made up, and said so), whose
 * GTFS import (parse, validate, store in SQLite) is timed too. Last, /api/journey over HTTP
 * on the Monaco sample with walking legs on its streets (wrk, loopback).
 * Run: node --import tsx bench/journey.bench.ts
 * Env: QUERIES (stop-to-stop queries per network, 1000), PARETO (Pareto queries, 300),
 * LARGE=0 (skip the synthetic feed), HTTP_SECONDS (10; 0 skips the HTTP load).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOsmFile } from "../src/osm/index.ts";
import { REPO_ROOT } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/database/open-database.ts";
import { importGtfs, syntheticGtfs, transitMigrations } from "../src/transit/index.ts";
import type { TransitFeed } from "../src/transit/feed.ts";
import { parseGtfs } from "../src/transit/gtfs-parse.ts";
import { searchJourneys } from "../src/transit/journey-search.ts";
import { MAX_ROUNDS, TransitNetwork } from "../src/transit/network.ts";
import { osmTransitFeed } from "../src/transit/osm-bus.ts";
import { raptor } from "../src/transit/raptor.ts";
import { randomSource } from "../src/transit/synthetic-feed.ts";
import { timeDependentDijkstra } from "../src/transit/td-dijkstra.ts";
import { readZip } from "../src/transit/zip-reader.ts";
import { ConnectionScan } from "../src/transit/connection-scan.ts";
import { encodeZip } from "../src/transit/zip-writer.ts";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { loadAverage, percentile } from "./routing-pairs.ts";
import { spawnServer } from "./spawn-server.ts";

const QUERIES = Number(process.env["QUERIES"] ?? 1000);
const PARETO = Number(process.env["PARETO"] ?? 300);
const HTTP_SECONDS = Number(process.env["HTTP_SECONDS"] ?? 10);
const WARM_UP = 100;
const DATE = 20261015;
const OSM = path.resolve(REPO_ROOT, "../shared/data/osm");
const S48 = path.resolve(REPO_ROOT, "../shared/data/gtfs/mta-bus-si-S48-weekday-subset.gtfs.zip");

const ms = (v: number) => `${v.toFixed(v < 1 ? 3 : 2)} ms`;
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const out = work();
  return [out, performance.now() - start];
};

/** Milliseconds of this process's CPU a piece of work took (less swayed than wall time by other processes). */
const cpuOf = <T>(work: () => T): [T, number] => {
  const start = process.cpuUsage();
  const out = work();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1000];
};
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);

function feedOf(files: Map<string, () => Buffer>): TransitFeed {
  const parsed = parseGtfs(files);
  if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.feed;
}

/**
 * Stop-to-stop earliest arrival on the same queries by three engines, taken in turn (the order
 * rotates every query, so the load of other processes falls on all alike): the Connection
 * Scan (ours for one criterion, journey read back included), RAPTOR and TD Dijkstra; all must
 * agree with TD Dijkstra. Figures are given over all queries and over those with a journey
 * (a start no vehicle leaves, or an end none reaches, is answered at once by ours).
 */
function compareEngines(name: string, network: TransitNetwork): void {
  const [day, buildMs] = time(() => network.day(DATE));
  const ws = network.workspace(DATE, "all", 16);
  const [scan, scanMs] = time(() => new ConnectionScan(day, network.feed.stops));
  const random = randomSource(42);
  const n = network.feed.stops.length;
  const paths = network.footpaths;
  const queries = Array.from({ length: QUERIES + WARM_UP }, () => {
    const from = Math.floor(random() * n);
    return { from, to: (from + 1 + Math.floor(random() * (n - 1))) % n, start: 6 * 3600 + Math.floor(random() * 14 * 3600) };
  });
  type Query = (typeof queries)[number];
  const one = (q: Query) => [[{ stop: q.from, seconds: 0 }], [{ stop: q.to, seconds: 0 }]] as const;
  const engines: Array<{ name: string; run: (q: Query) => number | null; wall: number[]; cpu: number[] }> = [
    { name: "Connection Scan", run: (q) => scan.fastest(paths, q.start, ...one(q), 1.0)?.arrival ?? null, wall: [], cpu: [] },
    { name: "RAPTOR", run: (q) => raptor(day, paths, ws, q.start, ...one(q), 16, 1.0).pareto.at(-1)?.arrival ?? null, wall: [], cpu: [] },
    { name: "TD Dijkstra", run: (q) => timeDependentDijkstra(day, paths, n, q.start, ...one(q), 1.0), wall: [], cpu: [] },
  ];
  let disagree = 0, reached = 0;
  const hasJourney: boolean[] = [];
  for (const [i, q] of queries.entries()) {
    const answers = new Map<string, number | null>();
    for (let e = 0; e < engines.length; e++) {
      const engine = engines[(e + i) % engines.length]!;
      const [[answer, wall], cpu] = cpuOf(() => time(() => engine.run(q)));
      answers.set(engine.name, answer);
      if (i < WARM_UP) continue;
      engine.wall.push(wall);
      engine.cpu.push(cpu);
    }
    if (i < WARM_UP) continue;
    const plain = answers.get("TD Dijkstra")!;
    if ([...answers.values()].some((a) => a !== plain)) disagree++;
    if (plain !== null) reached++;
    hasJourney.push(plain !== null);
  }
  const p = (list: number[], q: number) => percentile(list, q);
  console.log(`${name}: ${n} stops, ${day.patterns.length} patterns, ${day.tripCount} trips on ${DATE} (timetable built in ${ms(buildMs)}, ${scan.departure.length} connections sorted in ${ms(scanMs)})`);
  console.log(`  earliest arrival, ${QUERIES} stop-to-stop queries (${reached} reachable), ${disagree} disagreements`);
  const ours = engines[0]!;
  const withJourney = (list: number[]) => list.filter((_, x) => hasJourney[x]);
  for (const e of engines) {
    const vs = e === ours ? "" : `  (ours ${(p(e.wall, 0.5) / p(ours.wall, 0.5)).toFixed(2)}× as fast at p50, ${(p(e.wall, 0.99) / p(ours.wall, 0.99)).toFixed(2)}× at p99, ${(mean(e.cpu) / mean(ours.cpu)).toFixed(2)}× in mean CPU)`;
    console.log(`    ${e.name.padEnd(16)} p50 ${ms(p(e.wall, 0.5))}  p99 ${ms(p(e.wall, 0.99))}  mean CPU ${ms(mean(e.cpu))}  CPU p99 ${ms(p(e.cpu, 0.99))}${vs}`);
    console.log(`    ${"".padEnd(16)} with a journey only (${reached}): p50 ${ms(p(withJourney(e.wall), 0.5))}  p99 ${ms(p(withJourney(e.wall), 0.99))}  CPU p99 ${ms(p(withJourney(e.cpu), 0.99))}`);
  }
  if (disagree > 0) process.exitCode = 1;
}

/** The Pareto search with access and egress walks between random points within 500 m of random stops. */
function paretoQueries(name: string, network: TransitNetwork): void {
  const random = randomSource(7);
  const stops = network.feed.stops;
  const point = (): [number, number] => {
    const s = stops[Math.floor(random() * stops.length)]!;
    return [s.lon + (random() - 0.5) * 0.009, s.lat + (random() - 0.5) * 0.006];
  };
  const times: number[] = [], cpus: number[] = [];
  let journeys = 0;
  for (let i = 0; i < PARETO + WARM_UP; i++) {
    const input = { from: point(), to: point(), date: DATE, seconds: 7 * 3600 + Math.floor(random() * 12 * 3600), arriveBy: i % 4 === 3, profile: "child-walk" as const, maxWalkM: 1000 };
    const [[result, t], cpu] = cpuOf(() => time(() => searchJourneys(network, input, () => null)));
    if (i < WARM_UP) continue;
    times.push(t);
    cpus.push(cpu);
    journeys += result.plans.length;
  }
  console.log(`  Pareto (arrival × transfers, ≤ ${MAX_ROUNDS} vehicles) with access/egress walks ≤ 1 km, ${PARETO} queries (¼ arrive-by), ${(journeys / PARETO).toFixed(2)} journeys each`);
  console.log(`    RAPTOR + walks   p50 ${ms(percentile(times, 0.5))}  p99 ${ms(percentile(times, 0.99))}  mean CPU ${ms(mean(cpus))}  CPU p99 ${ms(percentile(cpus, 0.99))}`);
}

async function largeImport(): Promise<TransitFeed> {
  const options = { side: 142, routes: 2100, stopsPerRoute: 14, tripsPerDirection: 48, frequencyEvery: 0, turn: 0.1, stride: 2, seed: 11 };
  const files = syntheticGtfs(options);
  const zip = encodeZip(Object.fromEntries([...files].map(([n, f]) => [n, f()])));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-journey-bench-"));
  const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined }, transitMigrations);
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const summary = await importGtfs(db, "synthetic", zip, "synthetic.zip");
    const seconds = (performance.now() - start) / 1000;
    const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
    if ("problems" in summary) throw new Error(JSON.stringify(summary.problems.slice(0, 3)));
    console.log(`SYNTHETIC large feed (made up): ${summary.routes} routes, ${summary.stops} stops, ${summary.trips} trips a day, ${(zip.length / 1e6).toFixed(0)} MB zip`);
    console.log(`  GTFS import (unzip, parse, validate, store in SQLite): ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s of CPU in this process)`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return feedOf(readZip(zip));
}

/** Milliseconds of CPU a process has used (Linux /proc; NaN elsewhere). */
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function httpLoad(): Promise<void> {
  if (HTTP_SECONDS <= 0) return;
  if (!wrkAvailable()) return console.log("HTTP: wrk not installed (scripts/system-packages.sh); skipped");
  const server = await spawnServer(["--import", "tsx", path.join(REPO_ROOT, "bench/journey-server.ts")], {});
  try {
    const random = randomSource(9);
    const point = () => `${(43.725 + random() * 0.022).toFixed(5)},${(7.41 + random() * 0.025).toFixed(5)}`;
    const paths = Array.from({ length: 500 }, (_, i) => `/api/journey?from=${point()}&to=${point()}&depart=2026-10-15T${String(7 + (i % 12)).padStart(2, "0")}:15&profile=${i % 3 === 0 ? "stroller" : "child-walk"}`);
    runWrk(server.url, paths.slice(0, 50), 2, 8);
    const cpuBefore = serverCpuMs(server.child.pid);
    const load = runWrk(server.url, paths, HTTP_SECONDS, 16);
    // The server's own CPU per request: what the load of other processes sways least.
    const cpuPerRequest = (serverCpuMs(server.child.pid) - cpuBefore) / (load.rps * HTTP_SECONDS);
    console.log(`HTTP /api/journey on Monaco (OSM bus lines, walking legs on its streets, 500 random pairs, 16 connections, ${HTTP_SECONDS} s): ${load.rps.toFixed(0)} req/s, p99 ${load.p99}, server CPU ${ms(cpuPerRequest)} a request`);
  } finally {
    server.stop();
  }
}

console.log(`Journey planning benchmark, ${os.cpus().length} cores, ${loadAverage()}, Node ${process.version}`);
const s48 = new TransitNetwork("s48", feedOf(readZip(fs.readFileSync(S48))));
compareEngines("S48 (MTA Staten Island, real feed)", s48);
paretoQueries("S48", s48);
for (const [name, file, zone] of [["Monaco OSM bus lines", "monaco-2019-09-30.osm.pbf", "Europe/Monaco"], ["Nanjing Xinjiekou OSM lines", "nanjing-xinjiekou-2021-06-12.osm", "Asia/Shanghai"]] as const) {
  const built = osmTransitFeed(readOsmFile(path.join(OSM, file)), { timeZone: zone });
  const network = new TransitNetwork(name, built.feed);
  compareEngines(`${name} (estimated headways)`, network);
  paretoQueries(name, network);
}
if (process.env["LARGE"] !== "0") {
  const feed = await largeImport();
  const network = new TransitNetwork("synthetic", feed);
  compareEngines("SYNTHETIC large", network);
  paretoQueries("SYNTHETIC large", network);
}
await httpLoad();
