/**
 * Profiling aid for the journey planner on the SYNTHETIC large feed (no database, no HTTP):
 * earliest-arrival RAPTOR beside TD Dijkstra, then the Pareto search with walks.
 * Run: node --import tsx --cpu-prof bench/journey-profile.ts (env Q queries, P Pareto queries, DIJ=0 skips the baseline;
 * the parsed feed is cached in the temporary folder)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeFeed, encodeFeed } from "../src/transit/feed-codec.ts";
import type { TransitFeed } from "../src/transit/feed.ts";
import { parseGtfs } from "../src/transit/gtfs-parse.ts";
import { syntheticGtfs, randomSource } from "../src/transit/synthetic-feed.ts";
import { TransitNetwork } from "../src/transit/network.ts";
import { raptor } from "../src/transit/raptor.ts";
import { timeDependentDijkstra } from "../src/transit/td-dijkstra.ts";
import { searchJourneys } from "../src/transit/journey-search.ts";
const t0 = performance.now();
const CACHE = process.env.FEED_CACHE ?? path.join(os.tmpdir(), "tongxing-journey-large.feed");
let feed: TransitFeed;
if (fs.existsSync(CACHE)) feed = decodeFeed(fs.readFileSync(CACHE));
else {
  const parsed = parseGtfs(syntheticGtfs({ side: 142, routes: 2100, stopsPerRoute: 14, tripsPerDirection: 48, frequencyEvery: 0, turn: 0.1, stride: 2, seed: 11 }));
  if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  feed = parsed.feed;
  fs.writeFileSync(CACHE, encodeFeed(feed));
}
const network = new TransitNetwork("s", feed);
const DATE = 20261015;
const day = network.day(DATE);
console.log("built", (performance.now() - t0).toFixed(0), "ms", day.patterns.length, "patterns");
const ws = network.workspace(DATE, "all", 16);
const random = randomSource(42);
const n = network.feed.stops.length;
const Q = Number(process.env.Q ?? 600);
const queries = Array.from({ length: Q }, () => { const from = Math.floor(random() * n); return { from, to: (from + 1 + Math.floor(random() * (n - 1))) % n, start: 6 * 3600 + Math.floor(random() * 14 * 3600) }; });
const cr: number[] = []; const cd: number[] = [];
const ts: number[] = []; const td: number[] = []; let dis = 0;
for (const q of queries) {
  const access = [{ stop: q.from, seconds: 0 }], egress = [{ stop: q.to, seconds: 0 }];
  let s = performance.now(); let cpu = process.cpuUsage();
  const a = raptor(day, network.footpaths, ws, q.start, access, egress, 16, 1.0).pareto.at(-1)?.arrival ?? null;
  ts.push(performance.now() - s); const u = process.cpuUsage(cpu); cr.push((u.user + u.system) / 1000);
  if (process.env.DIJ !== "0") { s = performance.now(); cpu = process.cpuUsage();
  const b = timeDependentDijkstra(day, network.footpaths, n, q.start, access, egress, 1.0);
  td.push(performance.now() - s); const v = process.cpuUsage(cpu); cd.push((v.user + v.system) / 1000); if (a !== b) dis++; }
}
const pc = (l: number[], p: number) => { const x = [...l].sort((a, b) => a - b); return x[Math.min(x.length - 1, Math.floor(p * x.length))]?.toFixed(2); };
const avg = (l: number[]) => (l.slice(100).reduce((a, b) => a + b, 0) / Math.max(1, l.length - 100)).toFixed(2);
console.log("mean CPU raptor", avg(cr), "dijkstra", avg(cd), "cpu p99", pc(cr.slice(100), .99), pc(cd.slice(100), .99));
console.log("EA raptor p50", pc(ts.slice(100), .5), "p99", pc(ts.slice(100), .99), " dij p50", pc(td.slice(100), .5), "p99", pc(td.slice(100), .99), "dis", dis);
const r2 = randomSource(7); const stops = network.feed.stops;
const point = (): [number, number] => { const s = stops[Math.floor(r2() * stops.length)]!; return [s.lon + (r2() - 0.5) * 0.009, s.lat + (r2() - 0.5) * 0.006]; };
const tp: number[] = []; let j = 0;
for (let i = 0; i < Number(process.env.P ?? 300); i++) {
  const input = { from: point(), to: point(), date: DATE, seconds: 7 * 3600 + Math.floor(r2() * 12 * 3600), arriveBy: i % 4 === 3, profile: "child-walk" as const, maxWalkM: 1000 };
  const s = performance.now(); const r = searchJourneys(network, input, () => null); tp.push(performance.now() - s); j += r.plans.length;
}
console.log("pareto p50", pc(tp.slice(50), .5), "p99", pc(tp.slice(50), .99), "journeys", j);
