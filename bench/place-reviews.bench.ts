/**
 * What a place card asks when it opens: the rating summary and the five latest published
 * reviews with nicknames and photo ids (ReviewStore.summary + published), on 50,000
 * reviews by 5,000 members over 5,000 places with a quarter not published. Beside it, the
 * plain baseline any implementation pays: one indexed SELECT of the five latest rows.
 * On SQLite by default; on PostgreSQL too when DATABASE_URL is set.
 * Run: node --import tsx bench/place-reviews.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemberStore } from "../src/accounts/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/database/database.ts";
import { openDatabase } from "../src/app/database.ts";
import { ReviewStore } from "../src/reviews/index.ts";

const MEMBERS = 5_000;
const PLACES = 5_000;
const REVIEWS = 50_000;
const ROUNDS = 2_000;
const STATUSES = ["published", "published", "published", "pending"] as const;

async function fill(db: Database): Promise<void> {
  const members = new MemberStore(db);
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < MEMBERS; i++) {
      const member = await members.create({ kind: i % 3 === 0 ? "child" : "adult", login: `bench${i}@example.cn`, nickname: `家长${i}`, guardianId: null, birthYear: null }, "x", tx);
      ids.push(member.id);
    }
    for (let i = 0; i < REVIEWS; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      await tx.run(
        "INSERT INTO reviews (id, place_id, member_id, rating, body, status, hold_reasons, created_at, status_at) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)",
        [`r${i}`, `place-${i % PLACES}`, ids[i % MEMBERS]!, 1 + (i % 5), "滑梯很干净，孩子玩得很开心，周末人有点多", STATUSES[i % 4]!, at, at],
      );
    }
  });
}

async function time(work: (place: string) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const place = `place-${(i * 7919) % PLACES}`;
    const start = process.hrtime.bigint();
    await work(place);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(ROUNDS * 0.5)]!, p99: times[Math.floor(ROUNDS * 0.99)]! };
}

async function run(label: string, env: Record<string, string>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
  const db = await openDatabase(loadConfig({ ...env, DATA_DIR: dataDir }));
  try {
    await fill(db);
    const store = new ReviewStore(db);
    const ours = await time(async (place) => Promise.all([store.summary(place), store.published(place, 5)]));
    const plain = await time((place) => db.all("SELECT * FROM reviews WHERE place_id = ? AND status = 'published' ORDER BY created_at DESC LIMIT 5", [place]));
    const f = (n: number) => n.toFixed(3);
    console.log(`${label}: card reviews p50 ${f(ours.p50)} / p99 ${f(ours.p99)} ms; plain SELECT p50 ${f(plain.p50)} / p99 ${f(plain.p99)} ms; ratio p50 ${(ours.p50 / plain.p50).toFixed(1)}x`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`${REVIEWS.toLocaleString("en")} reviews, ${MEMBERS.toLocaleString("en")} members, ${PLACES.toLocaleString("en")} places; ${ROUNDS} card opens`);
await run("SQLite", {});
if (process.env["DATABASE_URL"]) await run("PostgreSQL", { DATABASE_URL: process.env["DATABASE_URL"] });
