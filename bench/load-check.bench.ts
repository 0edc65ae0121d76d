/**
 * A bounded load check: the real server (a child process, real sample data, SQLite) under
 * wrk on search and nearby for several rounds, beside a bare Fastify route as the ceiling of
 * this machine, with the server's resident memory read from /proc before, between and after.
 * Memory that keeps growing from round to round once warm is a leak; the check fails (exit 1)
 * when the growth from the end of the warm-up rounds to the last round passes
 * LOAD_RSS_GROWTH_MB (default 48).
 * Run: node --import tsx bench/load-check.bench.ts   (needs Debian's wrk; loopback only)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { spawnServer } from "./spawn-server.ts";
import { seededRandom } from "./synthetic-places.ts";

const ROUND_S = Number(process.env["BENCH_SECONDS"] ?? 6);
const ROUNDS = Number(process.env["LOAD_ROUNDS"] ?? 6);
/** Rounds that warm the JIT, the caches and V8's heap sizing; growth is counted after them. */
const WARM_UP_ROUNDS = 2;
const GROWTH_LIMIT_MB = Number(process.env["LOAD_RSS_GROWTH_MB"] ?? 48);
const CONNECTIONS = 64;

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

if (!wrkAvailable()) throw new Error("this benchmark uses wrk: apt-get install wrk");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-load-"));
const server = await spawnServer(["--import", "tsx", "src/cli.ts", "start"], { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const ceiling = await spawnServer(["--import", "tsx", "bench/ceiling-server.ts"], {});

const random = seededRandom(11);
const nearby = Array.from({ length: 500 }, () =>
  `/api/places/nearby?lat=${(43.725 + random() * 0.025).toFixed(5)}&lon=${(7.41 + random() * 0.03).toFixed(5)}&k=10`);
const words = ["nhgy", "南湖", "滑滑梯", "jardin", "playground", "厕所 附近", "婦幼", "nanhugongyuan", "stade", "游泳", "公园", "gy", "musee", "图书馆", "hospital"];
const search = words.flatMap((q) => [`/api/search?q=${encodeURIComponent(q)}&lat=43.735&lon=7.42`, `/api/suggest?q=${encodeURIComponent(q)}`]);
const mixed = [...nearby.slice(0, 100), ...search];

console.log(`Load check: wrk 1 thread, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_S} s per path set`);
const ceilingResult = runWrk(ceiling.url, ["/"], ROUND_S, CONNECTIONS);
console.log(`  ceiling (bare Fastify fixed JSON): ${ceilingResult.rps.toFixed(0)} req/s, p99 ${ceilingResult.p99}`);
const startRss = rssMb(server.child.pid);
console.log(`  server RSS at start: ${startRss.toFixed(0)} MB`);
const warm: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const near = runWrk(server.url, nearby, ROUND_S, CONNECTIONS);
  const found = runWrk(server.url, search, ROUND_S, CONNECTIONS);
  const both = runWrk(server.url, mixed, ROUND_S, CONNECTIONS);
  const rss = rssMb(server.child.pid);
  warm.push(rss);
  console.log(`  round ${round}: nearby ${near.rps.toFixed(0)} req/s p99 ${near.p99} (${((near.rps / ceilingResult.rps) * 100).toFixed(0)}% of ceiling); ` +
    `search+suggest ${found.rps.toFixed(0)} req/s p99 ${found.p99}; mixed ${both.rps.toFixed(0)} req/s p99 ${both.p99}; RSS ${rss.toFixed(0)} MB`);
}
const growth = warm[warm.length - 1]! - warm[Math.min(WARM_UP_ROUNDS, warm.length) - 1]!;
console.log(`  RSS growth after ${WARM_UP_ROUNDS} warm-up rounds to the last: ${growth.toFixed(1)} MB (limit ${GROWTH_LIMIT_MB} MB)`);
ceiling.stop();
server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
if (growth > GROWTH_LIMIT_MB) {
  console.error("FAIL: memory keeps growing under load");
  process.exitCode = 1;
}
