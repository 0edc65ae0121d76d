/**
 * Several instances on one PostgreSQL behind HAProxy (docs/DEPLOYMENT.md): search and nearby
 * through the balancer over 1, 2 and 3 instances, beside one instance reached directly in the
 * same run (the ratio is what the balancer and the extra instances give on this machine), and
 * the time from a change written to the database to its visibility on another instance (p50,
 * p99). A throwaway PostgreSQL (scripts/postgres.sh); every instance shares one data folder
 * of read-only files, as instances on one volume would.
 * Run: node --import tsx bench/instances.bench.ts   (needs Debian's wrk and haproxy; loopback only)
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runWrk, wrkAvailable } from "./load-generator.ts";
import { type ChildServer, spawnServer } from "./spawn-server.ts";
import { seededRandom } from "./synthetic-places.ts";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 6);
const CONNECTIONS = 64;
const CHANGES = Number(process.env["BENCH_CHANGES"] ?? 30);

for (const tool of ["haproxy"]) {
  try {
    execFileSync("which", [tool]);
  } catch {
    throw new Error(`this benchmark uses ${tool}: apt-get install ${tool}`);
  }
}
if (!wrkAvailable()) throw new Error("this benchmark uses wrk: apt-get install wrk");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-instances-bench-"));
// Its own folder under /tmp: the postgres user cannot enter a mkdtemp folder (mode 700).
const pgDir = path.join(os.tmpdir(), `tongxing-bench-pg-${process.pid}`);
const url = execFileSync("bash", ["scripts/postgres.sh", "start", pgDir, String(57000 + Math.floor(Math.random() * 2000))], { encoding: "utf8" }).trim();
execFileSync("psql", [url, "-qc", "CREATE EXTENSION IF NOT EXISTS postgis"]);
const dataDir = path.join(work, "data");
const env = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", DATABASE_URL: url };
const start = () => spawnServer(["--import", "tsx", "src/cli.ts", "start"], env);

const instances: ChildServer[] = [await start()];
instances.push(await start(), await start());

function balancer(over: readonly ChildServer[]): { url: string; child: ChildProcess } {
  const port = 58000 + Math.floor(Math.random() * 1500);
  const config = path.join(work, `haproxy-${over.length}.cfg`);
  fs.writeFileSync(config, [
    "global", "  maxconn 4096",
    "defaults", "  mode http", "  timeout connect 5s", "  timeout client 60s", "  timeout server 60s", "  option http-keep-alive",
    "frontend www", `  bind 127.0.0.1:${port}`, "  default_backend app",
    "backend app", "  balance leastconn",
    ...over.map((s, i) => `  server s${i} ${new URL(s.url).host}`),
  ].join("\n") + "\n");
  const child = spawn("haproxy", ["-f", config, "-db"], { stdio: "ignore" });
  return { url: `http://127.0.0.1:${port}`, child };
}

const random = seededRandom(7);
const nearby = Array.from({ length: 300 }, () => `/api/places/nearby?lat=${(43.725 + random() * 0.025).toFixed(5)}&lon=${(7.41 + random() * 0.03).toFixed(5)}&k=10`);
const words = ["nhgy", "jardin", "playground", "游泳", "公园", "musee", "图书馆", "hospital", "stade", "厕所"];
const search = words.map((q) => `/api/search?q=${encodeURIComponent(q)}&region=monaco`);

console.log(`Instances on one PostgreSQL behind HAProxy: wrk 1 thread, ${CONNECTIONS} connections, ${SECONDS} s each, ${os.cpus().length} cores`);
const direct = { nearby: runWrk(instances[0]!.url, nearby, SECONDS, CONNECTIONS), search: runWrk(instances[0]!.url, search, SECONDS, CONNECTIONS) };
console.log(`  one instance, direct: nearby ${direct.nearby.rps.toFixed(0)} req/s p99 ${direct.nearby.p99}; search ${direct.search.rps.toFixed(0)} req/s p99 ${direct.search.p99}`);
for (const n of [1, 2, 3]) {
  const lb = balancer(instances.slice(0, n));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const near = runWrk(lb.url, nearby, SECONDS, CONNECTIONS);
  const found = runWrk(lb.url, search, SECONDS, CONNECTIONS);
  console.log(`  ${n} instance(s) via HAProxy: nearby ${near.rps.toFixed(0)} req/s p99 ${near.p99} (×${(near.rps / direct.nearby.rps).toFixed(2)} of direct); ` +
    `search ${found.rps.toFixed(0)} req/s p99 ${found.p99} (×${(found.rps / direct.search.rps).toFixed(2)})`);
  lb.child.kill("SIGTERM");
}

// A change written to the database (as instance A's fix does), read on instance B until it shows.
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query<{ id: string }>("SELECT id FROM places WHERE region_id = 'monaco' ORDER BY id LIMIT 1");
const id = rows[0]!.id;
const delays: number[] = [];
for (let i = 0; i < CHANGES; i++) {
  const hours = `Mo-Su 0${i % 10}:00-18:00`;
  const written = performance.now();
  await client.query("UPDATE places SET opening_hours = $1, updated_at = $2 WHERE id = $3", [hours, new Date().toISOString(), id]);
  for (;;) {
    const body = (await (await fetch(`${instances[1]!.url}/api/places/${encodeURIComponent(id)}`)).json()) as { properties: { openingHours: string } };
    if (body.properties.openingHours === hours) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  delays.push(performance.now() - written);
}
delays.sort((a, b) => a - b);
const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!.toFixed(0);
console.log(`  a change on the database seen on another instance: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${CHANGES} changes; NOTIFY, then the catalog reload)`);
await client.end();
for (const instance of instances) instance.stop();
execFileSync("bash", ["scripts/postgres.sh", "stop", pgDir]);
fs.rmSync(work, { recursive: true, force: true });
