/**
 * Live status to 1,000 open maps: 1,000 status streams held open on one server, then a
 * series of changes, each timed from the moment the change is sent to the moment every
 * stream has it (p50, p99, max over all streams and changes). Beside it, in the same run
 * with the same clients, a bare node:http server that writes an event of the same size to
 * the same number of streams on POST /publish (bench/sse-baseline-server.ts): no database,
 * sign-in, safety check or replay, so the ratio is what Tongxing's path costs over a bare
 * write. Both servers run in their own process; the clients share this one.
 * Run: node --import tsx bench/live-stream.bench.ts   (BENCH_STREAMS, BENCH_CHANGES)
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { TEST_STAFF_PASSWORD } from "../src/app/test-actors.ts";
import { type ChildServer, spawnServer } from "./spawn-server.ts";

const STREAMS = Number(process.env["BENCH_STREAMS"] ?? 1000);
const CHANGES = Number(process.env["BENCH_CHANGES"] ?? 30);
const WARM_UP = 3;
const DEADLINE_MS = 10_000;

/** One open stream: how many status events it has had, and when each came. */
interface Client {
  count: number;
  arrivals: number[];
  tail: string;
  request: http.ClientRequest;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function openStreams(url: string, n: number): Promise<Client[]> {
  return Promise.all(Array.from({ length: n }, () => new Promise<Client>((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      let opened = false;
      response.on("data", (chunk: string) => {
        const text = client.tail + chunk;
        const events = text.split("\nevent: status\n").length - 1;
        for (let i = 0; i < events; i++) {
          client.count++;
          client.arrivals.push(performance.now());
        }
        client.tail = text.slice(-16);
        if (!opened) {
          opened = true;
          resolve(client);
        }
      });
    });
    const client: Client = { count: 0, arrivals: [], tail: "", request };
    request.on("error", reject);
  })));
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-tongxing-request": "1", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response;
}

async function waitForAll(clients: Client[], count: number): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (clients.some((c) => c.count < count)) {
    if (Date.now() > deadline) throw new Error(`change ${count}: ${clients.filter((c) => c.count < count).length} streams did not get it in ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const rss = (pid: number | undefined): string => {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return line ? `${Math.round(Number(line.replace(/\D/g, "")) / 1024)} MB` : "?";
};

/** Opens the streams, makes the changes one after the other, and gives every delivery time in ms. */
async function measure(name: string, server: ChildServer, streamUrl: string, change: (k: number) => Promise<void>): Promise<number[]> {
  const before = rss(server.child.pid);
  const clients = await openStreams(streamUrl, STREAMS);
  const after = rss(server.child.pid);
  const delays: number[] = [];
  for (let k = 1; k <= WARM_UP + CHANGES; k++) {
    const sent = performance.now();
    await change(k);
    await waitForAll(clients, k);
    if (k > WARM_UP) for (const c of clients) delays.push(c.arrivals[k - 1]! - sent);
  }
  for (const c of clients) c.request.destroy();
  console.log(`${name}: ${STREAMS} streams open (server RSS ${before} → ${after})`);
  return delays.sort((a, b) => a - b);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-live-bench-"));
const ours = await spawnServer(["--import", "tsx", "bench/live-server.ts"], { DATA_DIR: work, TONGXING_PASSWORD: TEST_STAFF_PASSWORD });
const baseline = await spawnServer(["--import", "tsx", "bench/sse-baseline-server.ts"], {});
try {
  const login = await post(`${ours.url}/api/auth/login`, { username: "benchadmin", password: TEST_STAFF_PASSWORD });
  const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  const places = await (await fetch(`${ours.url}/api/places?region=monaco&limit=1`)).json() as { features: Array<{ id: string }> };
  const placeId = places.features[0]!.id;
  let sample = "";
  const levels = ["quiet", "busy", "full"] as const;
  const oursDelays = await measure("Tongxing /api/status/stream", ours, `${ours.url}/api/status/stream?region=monaco`, async (k) => {
    const status = await (await post(`${ours.url}/api/places/${encodeURIComponent(placeId)}/status`, { facet: "crowding", level: levels[k % 3] }, { cookie })).json();
    sample ||= JSON.stringify({ placeId, regionId: "monaco", facet: "crowding", status });
  });
  const baseDelays = await measure("bare node:http SSE", baseline, `${baseline.url}/stream`, async () => {
    await post(`${baseline.url}/publish`, JSON.parse(sample));
  });
  const row = (name: string, d: number[]) => `${name.padEnd(30)} p50 ${quantile(d, 0.5).toFixed(1).padStart(7)} ms   p99 ${quantile(d, 0.99).toFixed(1).padStart(7)} ms   max ${d.at(-1)!.toFixed(1).padStart(7)} ms`;
  console.log(`\nDelivery of a change to all ${STREAMS} streams, ${CHANGES} changes (${oursDelays.length} deliveries each), event ${sample.length} bytes:`);
  console.log(row("Tongxing (POST → stream)", oursDelays));
  console.log(row("bare node:http (POST → stream)", baseDelays));
  console.log(`ratio Tongxing / bare: p50 ${(quantile(oursDelays, 0.5) / quantile(baseDelays, 0.5)).toFixed(2)}×, p99 ${(quantile(oursDelays, 0.99) / quantile(baseDelays, 0.99)).toFixed(2)}×, max ${(oursDelays.at(-1)! / baseDelays.at(-1)!).toFixed(2)}×`);
  console.log(`every delivery within 1 s: ${oursDelays.at(-1)! < 1000 ? "yes" : "NO"}`);
} finally {
  ours.stop();
  baseline.stop();
  agent.destroy();
  setTimeout(() => fs.rmSync(work, { recursive: true, force: true }), 2_000).unref();
}
