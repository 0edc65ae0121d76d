/**
 * Crash safety of the real server (`tongxing start` in a child process), killed with
 * SIGKILL so that no shutdown code runs, as when the OOM killer or a power cut stops it:
 *
 * - at random points of a first start (before the OSM sample, while its tiles are cut,
 *   while it is saved), then started again: every region is whole, with as many places as
 *   after an uninterrupted first start, and /api/health answers;
 * - under write load (reports of wrong information, family sign-ups and reviews over HTTP),
 *   then started again: no write the server acknowledged with a 2xx answer is lost.
 *
 * SQLite always, PostgreSQL too when TONGXING_TEST_DATABASE_URL is set. The kill points are
 * drawn from a printed seed; TONGXING_CRASH_SEED=<seed> replays a run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openPostgres } from "../platform/database/postgres.ts";
import { openSqlite } from "../platform/database/sqlite.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { type TestDatabase, createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { SignupCodes } from "../accounts/index.ts";
import { sampleFiles } from "./bootstrap.ts";
import { TEST_MEMBER_PASSWORD } from "./test-actors.ts";
import { buildWebAssets, webBuildNeeded } from "./web-assets.ts";

const SAMPLE_OSM = path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf");
const START_TIMEOUT_MS = 120_000;
const SEED = Number(process.env["TONGXING_CRASH_SEED"] ?? Date.now() % 1_000_000);

/** A seeded generator (mulberry32) in [0, 1), so a failing run's kill points can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One `tongxing start` child process and what it has said. */
interface ServerProcess {
  child: ChildProcess;
  startedAt: number;
  /** The base URL once the server listens; rejects when it exits or takes too long. */
  listening: Promise<string>;
  readonly listened: boolean;
  readonly running: boolean;
  exited: Promise<void>;
}

function launch(dataDir: string, database: TestDatabase): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "start"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: database.url ?? "",
      LOG_LEVEL: "warn", TONGXING_SAMPLE_OSM: SAMPLE_OSM, TONGXING_TRUST_PROXY: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let listened = false;
  let running = true;
  const exited = new Promise<void>((resolve) => child.once("exit", () => {
    running = false;
    resolve();
  }));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not listen within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Tongxing listening on (http:\/\/\S+)/.exec(output);
      if (!match || listened) return;
      listened = true;
      clearTimeout(timer);
      resolve(match[1]!.replace(/\/$/, ""));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening:\n${output}`));
    });
  });
  listening.catch(() => undefined); // a start killed on purpose never listens
  return { child, startedAt: Date.now(), listening, exited, get listened() { return listened; }, get running() { return running; } };
}

async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill("SIGKILL");
  await server.exited;
}

async function stopGently(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await server.exited;
  clearTimeout(timer);
}

/** Waits until `ready()` holds, the server listens or exits, or `limitMs` pass; polled every 10 ms. */
async function until(server: ServerProcess, ready: () => boolean, limitMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!ready() && !server.listened && server.running && Date.now() < deadline) await sleep(10);
}

const writtenSince = (file: string, since: number): boolean => (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= since;

/** Where in a first start each kill lands: a stage's name and how to wait for it. */
function killPoints(dataDir: string, random: () => number): Array<{ stage: string; reach(server: ServerProcess): Promise<void> }> {
  const [tiles, , access] = sampleFiles(dataDir);
  return [
    // Loading code, migrations, the bundled regions and plans; stops short of the sample.
    { stage: "before the sample", reach: (s) => until(s, () => writtenSince(`${tiles}.partial`, s.startedAt), 300 + random() * 2500) },
    { stage: "cutting tiles", reach: async (s) => {
      await until(s, () => writtenSince(`${tiles}.partial`, s.startedAt));
      await sleep(random() * 1500);
    } },
    // The last file is written: what follows is the sample's database transaction.
    { stage: "saving the sample", reach: async (s) => {
      await until(s, () => writtenSince(access!, s.startedAt));
      await sleep(random() * 60);
    } },
  ];
}

interface RegionCount { id: string; placeCount: number }

/** Each region's place count as /api/regions gives it, after checking /api/health. */
async function regionsServed(base: string): Promise<Record<string, number>> {
  const health = await (await fetch(`${base}/api/health`)).json() as { status: string };
  expect(health.status).toBe("ok");
  const { regions } = await (await fetch(`${base}/api/regions`)).json() as { regions: RegionCount[] };
  return Object.fromEntries(regions.map((r) => [r.id, r.placeCount]));
}

/** What the server answered with a 2xx: data-quality reports, member logins, review ids. */
interface Acknowledged {
  corrections: string[];
  members: string[];
  reviews: string[];
}

const acknowledgedCount = (acked: Acknowledged): number => acked.corrections.length + acked.members.length + acked.reviews.length;

function openStore(dataDir: string, database: TestDatabase): Promise<Database> | Database {
  return database.url ? openPostgres(database.url) : openSqlite(path.join(dataDir, "tongxing.sqlite"));
}

/**
 * Signs an adult up, reading the code from the message outbox when the server asks for one
 * (where an SMS gateway would read it); the client keeps the member's session.
 */
async function signUp(client: TestClient, login: string, store: Database): Promise<boolean> {
  const signup = await client.post("/api/members/register", { login, password: TEST_MEMBER_PASSWORD, nickname: "家长", birthYear: 1988, acceptAgreement: true });
  if (signup.status === 201) return true;
  if (signup.status !== 202) throw new Error(`sign-up answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  const code = /\b(\d{6})\b/.exec((await new SignupCodes(store).messagesTo(login))[0] ?? "")?.[1];
  if (!code) throw new Error(`no sign-up code for ${login} in the outbox`);
  const confirmed = await client.post("/api/members/register/confirm", { login, code });
  if (confirmed.status !== 201) throw new Error(`confirming a sign-up answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  return true;
}

/**
 * Visitors reporting wrong information about places, and families signing up and
 * reviewing, from many addresses at once until `stop.now` is set (the server is about to
 * be killed); only 2xx answers are recorded.
 */
async function writeLoad(base: string, round: number, placeIds: string[], store: Database, stop: { now: boolean }, acked: Acknowledged): Promise<void> {
  const placeId = (i: number) => encodeURIComponent(placeIds[i % placeIds.length]!);
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stop.now; i++) {
      const client = new TestClient(base, `10.${round}.${w * 16 + (i >> 8)}.${i & 255}`);
      try {
        const correction = await client.post(`/api/places/${placeId(i)}/corrections`, { kind: "hours_wrong", detail: `周一闭馆（第 ${round}-${w}-${i} 条）` });
        if (correction.status !== 201) throw new Error(`a correction answered ${correction.status}: ${JSON.stringify(correction.body)}`);
        acked.corrections.push((correction.body.correction as { id: string }).id);
        if (i % 4 !== 0) continue;
        const login = `crash-${round}-${w}-${i}@example.cn`;
        if (await signUp(client, login, store)) acked.members.push(login);
        const review = await client.post(`/api/places/${placeId(i)}/reviews`, { rating: 5, body: "滑梯很好玩，孩子玩了一下午" });
        if (review.status !== 201) throw new Error(`a review answered ${review.status}: ${JSON.stringify(review.body)}`);
        acked.reviews.push((review.body.review as { id: string }).id);
      } catch (error) {
        if (stop.now) return; // the server was killed under this request: nothing was acknowledged
        throw error;
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
}

/** The acknowledged writes the database does not have. */
async function lostWrites(store: Database, acked: Acknowledged): Promise<string[]> {
  const present = async (sql: string) => new Set((await store.all<{ key: string }>(sql)).map((r) => r.key));
  const corrections = await present("SELECT id AS key FROM place_corrections");
  const members = await present("SELECT login AS key FROM members");
  const reviews = await present("SELECT id AS key FROM reviews");
  return [
    ...acked.corrections.filter((id) => !corrections.has(id)).map((id) => `correction ${id}`),
    ...acked.members.filter((login) => !members.has(login)).map((login) => `member ${login}`),
    ...acked.reviews.filter((id) => !reviews.has(id)).map((id) => `review ${id}`),
  ];
}

describe.each(testDialects())("killed with SIGKILL, on %s", (dialect) => {
  const made: string[] = [];
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  // One generator per phase, as the two run at once: a seed replays both.
  const firstStartRandom = seededRandom(SEED * 4 + (dialect === "postgres" ? 2 : 0));
  const writeRandom = seededRandom(SEED * 4 + (dialect === "postgres" ? 3 : 1));
  const fresh = async (): Promise<{ dataDir: string; database: TestDatabase }> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-crash-"));
    made.push(dataDir);
    const database = await createTestDatabase(dialect);
    databases.push(database);
    return { dataDir, database };
  };
  const start = (dataDir: string, database: TestDatabase): ServerProcess => {
    const server = launch(dataDir, database);
    servers.push(server);
    return server;
  };

  // With a stale web build every started server would rebuild dist/web, two at once here:
  // build it once first. (`npm test` builds it before any test, so there this only checks.)
  beforeAll(async () => {
    if (webBuildNeeded()) await buildWebAssets();
  });
  afterAll(async () => {
    for (const server of servers) if (server.running) await killHard(server);
    for (const database of databases) await database.drop();
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A first start killed at each kill point in turn, then let run: what it serves. */
  async function interruptedFirstStart(): Promise<{ served: Record<string, number>; kills: string[] }> {
    const { dataDir, database } = await fresh();
    const kills: string[] = [];
    for (const point of killPoints(dataDir, firstStartRandom)) {
      const server = start(dataDir, database);
      await point.reach(server);
      const during = server.listened ? "after the start" : "during the first start";
      await killHard(server);
      kills.push(`${point.stage} at ${Date.now() - server.startedAt} ms (${during})`);
    }
    const server = start(dataDir, database);
    const served = await regionsServed(await server.listening);
    await stopGently(server);
    return { served, kills };
  }

  /** An uninterrupted first start, then two rounds of write load each ended by a kill. */
  async function writesThroughKills(): Promise<{ reference: Record<string, number>; afterKills: Record<string, number>; acked: Acknowledged; lost: string[] }> {
    const { dataDir, database } = await fresh();
    let server = start(dataDir, database);
    let base = await server.listening;
    const reference = await regionsServed(base);
    const nearby = await (await fetch(`${base}/api/places/nearby?lat=43.7384&lon=7.4246&k=5`)).json() as { features: Array<{ properties: { id: string } }> };
    const placeIds = nearby.features.map((f) => f.properties.id);
    const acked: Acknowledged = { corrections: [], members: [], reviews: [] };
    const store = await openStore(dataDir, database);
    try {
      for (const round of [1, 2]) {
        const stop = { now: false };
        const load = writeLoad(base, round, placeIds, store, stop, acked);
        // Killed once a random number of writes more were acknowledged, sign-ups among them.
        const target = acknowledgedCount(acked) + 20 + Math.floor(writeRandom() * 30);
        const members = acked.members.length + 2;
        const deadline = Date.now() + 30_000;
        await Promise.race([load, (async () => {
          while ((acknowledgedCount(acked) < target || acked.members.length < members) && Date.now() < deadline) await sleep(5);
        })()]);
        stop.now = true;
        await killHard(server);
        await load;
        server = start(dataDir, database);
        base = await server.listening;
      }
      const afterKills = await regionsServed(base);
      const lost = await lostWrites(store, acked);
      await stopGently(server);
      return { reference, afterKills, acked, lost };
    } finally {
      await store.close();
    }
  }

  it("keeps every region whole through kills of a first start, and every acknowledged write through kills under load", async () => {
    const [interrupted, writes] = await Promise.all([interruptedFirstStart(), writesThroughKills()]);
    const checked = acknowledgedCount(writes.acked);
    console.info(
      `crash suite on ${dialect} (seed ${SEED}): survived ${interrupted.kills.length + 2} kills ` +
      `(${interrupted.kills.join("; ")}; 2 under write load); ` +
      `regions ${JSON.stringify(interrupted.served)} vs uninterrupted ${JSON.stringify(writes.reference)}; ` +
      `${checked} acknowledged writes checked (${writes.acked.corrections.length} reports of wrong information, ` +
      `${writes.acked.members.length} sign-ups, ${writes.acked.reviews.length} reviews), ${writes.lost.length} lost`,
    );
    expect(interrupted.served).toEqual(writes.reference);
    expect(writes.reference["hengyang"]).toBeGreaterThan(0);
    expect(writes.reference["monaco"]).toBeGreaterThan(0);
    expect(writes.afterKills).toEqual(writes.reference);
    expect(interrupted.kills.filter((k) => k.endsWith("(during the first start)")).length).toBeGreaterThanOrEqual(2);
    expect(checked).toBeGreaterThan(0);
    expect(writes.lost).toEqual([]);
  }, 170_000);
});
