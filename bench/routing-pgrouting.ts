/**
 * pgRouting as a peer engine for bench/routing.bench.ts: a throwaway PostgreSQL cluster
 * (scripts/postgres.sh) with the extension, our directed edges loaded with the same vertex
 * ids and costs, and two ways to ask it: every pair's cost in one call (to verify), and one
 * query per pair timed at the client with the loopback round trip (to time), after the same
 * warm-up pairs and in the same number of passes as our engines. What it cannot do here:
 * answer without the round trip and without rebuilding its graph from the edge table on
 * every query (pgRouting has no persistent in-memory graph).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { REPO_ROOT } from "../src/platform/config.ts";
import type { ProfileGraph } from "../src/routing/profile-graph.ts";
import { type Pair, percentile } from "./routing-pairs.ts";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway PostgreSQL with pgRouting, or null (said why) when pgRouting is missing. */
export async function startPgRouting(): Promise<{ client: pg.Client; stop(): Promise<void> } | null> {
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
export async function loadEdges(client: pg.Client, name: string, graph: ProfileGraph, pairs: readonly Pair[]): Promise<void> {
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
export async function pgCosts(client: pg.Client, name: string, fn: string, pairs: readonly Pair[]): Promise<number[]> {
  const result = await client.query<{ start_vid: string; end_vid: string; agg_cost: number }>(
    `SELECT start_vid, end_vid, agg_cost FROM ${fn}('SELECT id, source, target, cost FROM ${name}_edges', 'SELECT source, target FROM ${name}_pairs', true) WHERE edge = -1`);
  const cost = new Map(result.rows.map((r) => [`${r.start_vid}-${r.end_vid}`, r.agg_cost]));
  return pairs.map(([s, t]) => cost.get(`${s}-${t}`) ?? NaN);
}

/**
 * One pgRouting query per pair, timed at the client (round trip included), with the same
 * warm-up and repeat count as our engines: the `warmUp` pairs run once untimed (statement
 * preparation, caches), then every pair is timed in each of `rounds` passes and its median
 * counts. `check` sees each pair's cost from the first pass.
 */
export async function pgTimes(client: pg.Client, name: string, fn: string, pairs: readonly Pair[], check: (i: number, cost: number) => void, warmUp: readonly Pair[], rounds: number): Promise<number[]> {
  const text = `SELECT agg_cost FROM ${fn}('SELECT id, source, target, cost FROM ${name}_edges', $1::bigint, $2::bigint, true) WHERE edge = -1`;
  const route = (s: number, t: number) => client.query<{ agg_cost: number }>({ name: `${name}-${fn}`, text, values: [s, t] });
  for (const [s, t] of warmUp) await route(s, t);
  const passes: number[][] = [];
  for (let round = 0; round < rounds; round++) {
    const times: number[] = [];
    for (const [i, [s, t]] of pairs.entries()) {
      const started = performance.now();
      const result = await route(s, t);
      times.push(performance.now() - started);
      if (round === 0) check(i, result.rows[0]?.agg_cost ?? NaN);
    }
    passes.push(times);
  }
  return pairs.map((_, i) => percentile(passes.map((times) => times[i]!), 0.5));
}
