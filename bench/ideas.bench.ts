/**
 * Children's ideas at 100,000: the map layer for one phone-sized view and a zoomed-out one
 * (the in-memory grid of src/voice/idea-layer.ts, kept fresh from the database as the server
 * does), beside the plain baseline of one indexed SQL SELECT of the same rectangle; and the
 * public "what happened to our ideas" figures three ways, each uncached: counted over the
 * in-memory layer (src/voice/accountability-figures.ts), counted by the database
 * (src/voice/accountability-sql.ts) before and after the covering partial indexes of the
 * voice migration 0004-idea-figures (dropped after the migrations, made here as that migration does, then ANALYZE /
 * VACUUM ANALYZE as autovacuum would), beside plain GROUP BYs. Ideas spread over 1° × 1°
 * around Hengyang, 95% public, published over 2025. On SQLite by default; on PostgreSQL too
 * when DATABASE_URL is set (e.g. from `bash scripts/postgres.sh start DIR PORT`); BENCH_EXPLAIN=1
 * prints the PostgreSQL plans (EXPLAIN ANALYZE) of the figures' queries.
 * Run: node --import tsx bench/ideas.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { MemberStore } from "../src/accounts/index.ts";
import { openDatabase } from "../src/app/database.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/database/database.ts";
import { accountabilityFigures } from "../src/voice/accountability-figures.ts";
import { figuresFromDatabase } from "../src/voice/accountability-sql.ts";
import { LiveIdeaLayer } from "../src/voice/idea-layer.ts";
import { IdeaStore } from "../src/voice/idea-store.ts";
import { IDEA_KINDS, IDEA_LAYER_MAX } from "../src/core/api/voice.ts";

const IDEAS = Number(process.env["BENCH_IDEAS"] ?? 100_000);
const MEMBERS = 2_000;
const LAYER_ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 2_000);
const FIGURE_ROUNDS = Number(process.env["BENCH_FIGURE_ROUNDS"] ?? 200);
/** The SQL figures before their indexes take close to a second: a few rounds show it. */
const UNINDEXED_ROUNDS = 20;
const STAGES = ["new", "new", "new", "new", "sent", "sent", "received", "under_study", "accepted", "accepted", "in_progress", "done", "not_adopted", "merged"] as const;
const UNITS = Array.from({ length: 30 }, (_, i) => `unit-${i}`);
const DISTRICTS = Array.from({ length: 12 }, (_, i) => String(430401 + i));
/** The voice migration 0004-idea-figures, word for word. */
const FIGURE_INDEXES = `
  CREATE INDEX ideas_figures ON ideas(unit_id, district_code, stage, published_at, answer_days, region_id) WHERE status = 'published' AND stage <> 'merged';
  CREATE INDEX ideas_answered ON ideas(answer_days, region_id) WHERE status = 'published' AND stage <> 'merged' AND answer_days IS NOT NULL;
  CREATE INDEX ideas_done ON ideas(status, stage, done_at, id);`;

let seed = 11;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

async function fill(db: Database): Promise<void> {
  const members = new MemberStore(db);
  await db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < MEMBERS; i++) ids.push((await members.create({ kind: i % 2 ? "child" : "adult", login: `idea${i}@example.cn`, nickname: `家长${i}`, guardianId: null, birthYear: null }, "x", tx)).id);
    for (let i = 0; i < IDEAS; i++) {
      const stage = STAGES[i % STAGES.length]!;
      const published = new Date(Date.UTC(2025, 0, 1) + i * 200_000).toISOString();
      const answered = !["new", "sent", "merged"].includes(stage);
      const days = answered ? 1 + random() * 60 : null;
      await tx.run(
        `INSERT INTO ideas (id, member_id, author_kind, author_name, kind, title, body, dedupe_key, region_id, district_code, lat, lon, status, hold_reasons, status_at, stage, stage_at,
          unit_id, task_number, triaged_at, first_answer_at, answer_days, done_at, support_count, created_at, published_at, changed_at)
         VALUES (?, ?, 'child', '乐乐', ?, '想要树荫', '夏天太晒了', ?, 'hengyang', ?, ?, ?, ?, '[]', ?, ?, ?, ?, 17, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [`idea-${i}`, ids[i % MEMBERS]!, IDEA_KINDS[i % IDEA_KINDS.length]!, `k${i}`, DISTRICTS[i % DISTRICTS.length]!, 26.4 + random(), 112.1 + random(), i % 20 === 0 ? "pending" : "published",
          published, stage, published, stage === "new" ? null : UNITS[i % UNITS.length]!, stage === "new" ? null : published, answered ? published : null, days, stage === "done" ? published : null,
          Math.floor(random() * 50), published, i % 20 === 0 ? null : published, published],
      );
    }
  });
}

function percentiles(times: number[]): { p50: number; p99: number } {
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! };
}

async function time(rounds: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(50, rounds); i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(times);
}

/** A view `w` degrees wide (and 0.75 w tall) at a spot the round picks. */
const view = (i: number, w: number): [number, number, number, number] => {
  const x = 112.1 + ((i * 7919) % 1000) / 1000 * (1 - w), y = 26.4 + ((i * 104729) % 1000) / 1000 * (1 - w);
  return [x, y, x + w, y + w * 0.75];
};

async function run(label: string, env: Record<string, string>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
  const db = await openDatabase(loadConfig({ ...env, DATA_DIR: dataDir }));
  // The database starts as it was before migration voice/0004 made these indexes; they are made below.
  for (const index of ["ideas_figures", "ideas_answered", "ideas_done"]) await db.run(`DROP INDEX IF EXISTS ${index}`);
  try {
    await fill(db);
    const store = new IdeaStore(db);
    const live = new LiveIdeaLayer({ changedSince: (since) => store.layerRows(since) });
    const loadStart = Date.now();
    await live.fresh();
    const f = (n: number) => n.toFixed(3);
    console.log(`${label}: layer loaded ${live.layer.size.toLocaleString("en")} public ideas in ${Date.now() - loadStart} ms`);
    const features = (ideas: ReadonlyArray<{ id: string; lon: number; lat: number }>) => ideas.map((i) => ({ type: "Feature", geometry: { type: "Point", coordinates: [i.lon, i.lat] }, properties: i }));
    for (const [name, width] of [["phone view 0.04°", 0.04], ["zoomed out 0.2°", 0.2]] as const) {
      let count = 0;
      const ours = await time(LAYER_ROUNDS, async (i) => {
        const { ideas } = (await live.fresh()).query(view(i, width), undefined, IDEA_LAYER_MAX);
        count += ideas.length;
        return features(ideas);
      });
      const plain = await time(LAYER_ROUNDS, async (i) => {
        const [a, b, c, d] = view(i, width);
        const rows = await db.all(`SELECT id, kind, title, stage, support_count, lon, lat FROM ideas WHERE status = 'published' AND stage <> 'merged' AND on_map = 1 AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? LIMIT ${IDEA_LAYER_MAX}`, [a, c, b, d]);
        return features(rows as Array<{ id: string; lon: number; lat: number }>);
      });
      console.log(`${label}: ${name} (${Math.round(count / (LAYER_ROUNDS + 50))} ideas avg): layer p50 ${f(ours.p50)} / p99 ${f(ours.p99)} ms; plain SQL p50 ${f(plain.p50)} / p99 ${f(plain.p99)} ms; ratio p99 ${(plain.p99 / ours.p99).toFixed(1)}x faster`);
    }
    const names = { unitName: (id: string | null) => id, districtName: (code: string | null) => code };
    const plain = await time(FIGURE_ROUNDS, () => db.all("SELECT stage, COUNT(*) AS n FROM ideas WHERE status = 'published' GROUP BY stage"));
    const grouped = await time(FIGURE_ROUNDS, () => db.all("SELECT unit_id, district_code, stage, COUNT(*) AS n, SUM(CASE WHEN answer_days IS NULL THEN 0 ELSE 1 END) AS answered FROM ideas WHERE status = 'published' AND stage <> 'merged' GROUP BY unit_id, district_code, stage"));
    console.log(`${label}: plain SQL: GROUP BY stage alone p50 ${f(plain.p50)} / p99 ${f(plain.p99)} ms, GROUP BY unit, district, stage p50 ${f(grouped.p50)} / p99 ${f(grouped.p99)} ms`);
    const inMemory = await time(FIGURE_ROUNDS, async () => accountabilityFigures(db, (await live.fresh()).all(), names, { deadlineDays: 30 }));
    console.log(`${label}: accountability page over the layer p50 ${f(inMemory.p50)} / p99 ${f(inMemory.p99)} ms`);
    const bySql = async (region?: string, rounds = FIGURE_ROUNDS) => time(rounds, () => figuresFromDatabase(db, names, { deadlineDays: 30, region }));
    const before = await bySql(undefined, UNINDEXED_ROUNDS);
    console.log(`${label}: accountability page in SQL, without the 0004 indexes p50 ${f(before.p50)} / max ${f(before.p99)} ms (${UNINDEXED_ROUNDS} rounds)`);
    if (process.env["BENCH_EXPLAIN"] && db.dialect === "postgres") await explain(db, "without the 0004 indexes");
    for (const statement of FIGURE_INDEXES.split(";").map((x) => x.trim()).filter(Boolean)) await db.run(statement);
    await db.run(db.dialect === "postgres" ? "VACUUM ANALYZE ideas" : "ANALYZE");
    if (process.env["BENCH_EXPLAIN"] && db.dialect === "postgres") await explain(db, "with the 0004 indexes");
    const after = await bySql();
    const region = await bySql("hengyang");
    const same = JSON.stringify(await figuresFromDatabase(db, names, { deadlineDays: 30 })) === JSON.stringify(await accountabilityFigures(db, (await live.fresh()).all(), names, { deadlineDays: 30 }));
    const plainAfter = await time(FIGURE_ROUNDS, () => db.all("SELECT unit_id, district_code, stage, COUNT(*) AS n, SUM(CASE WHEN answer_days IS NULL THEN 0 ELSE 1 END) AS answered FROM ideas WHERE status = 'published' AND stage <> 'merged' GROUP BY unit_id, district_code, stage"));
    console.log(`${label}: accountability page in SQL, with the 0004 indexes p50 ${f(after.p50)} / p99 ${f(after.p99)} ms (region=hengyang p50 ${f(region.p50)} / p99 ${f(region.p99)} ms); plain GROUP BY unit, district, stage now p50 ${f(plainAfter.p50)} / p99 ${f(plainAfter.p99)} ms; same figures as over the layer: ${same}`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The plans of the figures' queries (the shapes accountability-sql.ts sends). */
async function explain(db: Database, when: string): Promise<void> {
  const queries = [
    ["groups", "SELECT unit_id, district_code, stage, COUNT(*) AS n, COUNT(answer_days) AS answered, COUNT(*) FILTER (WHERE answer_days IS NULL AND stage IN ('new', 'sent') AND published_at < '2026-11-01') AS late FROM ideas WHERE status = 'published' AND stage <> 'merged' GROUP BY unit_id, district_code, stage"],
    ["median", "SELECT answer_days FROM ideas WHERE status = 'published' AND stage <> 'merged' AND answer_days IS NOT NULL ORDER BY answer_days LIMIT 2 OFFSET 23570"],
    ["median by percentile_cont, for comparison", "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY answer_days) FROM ideas WHERE status = 'published' AND stage <> 'merged' AND answer_days IS NOT NULL"],
    ["done", "SELECT id, title, kind, unit_id, done_at FROM ideas WHERE status = 'published' AND stage = 'done' ORDER BY done_at DESC, id DESC LIMIT 50"],
  ];
  for (const [name, sql] of queries) {
    const rows = await db.all(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    console.log(`-- ${name}, ${when}\n${rows.map((r) => String(Object.values(r)[0])).join("\n")}`);
  }
}

console.log(`${IDEAS.toLocaleString("en")} ideas by ${MEMBERS.toLocaleString("en")} members; ${LAYER_ROUNDS} map views per size, ${FIGURE_ROUNDS} accountability pages`);
await run("SQLite", {});
const server = process.env["DATABASE_URL"];
if (server) {
  // A database of its own, dropped afterwards, so runs never meet each other's rows.
  const name = `tongxing_ideas_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    await run("PostgreSQL", { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
}
