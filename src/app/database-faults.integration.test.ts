/**
 * The database restarting under traffic (issue 16): the instance stays up, answers what
 * needs the database with 503 `unavailable` and Retry-After (never a 500, never a hang),
 * keeps answering what it holds in memory, and recovers by itself when the database is
 * back, with nothing acknowledged lost. PostgreSQL only: it runs its own throwaway server
 * (scripts/postgres.sh), since stopping the shared test server would stop other tests.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, loadConfig } from "../platform/config.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { type RunningServer, startServer } from "./server.ts";

const SCRIPT = path.join(REPO_ROOT, "scripts/postgres.sh");
const pgDir = path.join(os.tmpdir(), `tongxing-faults-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-faults-data-"));
const postgres = (...args: string[]): string => execFileSync("bash", [SCRIPT, ...args], { encoding: "utf8" }).trim();
// Halting and resuming run beside the server (in this process), so it keeps answering meanwhile.
const postgresAsync = async (...args: string[]): Promise<void> => void (await promisify(execFile)("bash", [SCRIPT, ...args]));

afterAll(() => {
  postgres("stop", pgDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(testDialects().includes("postgres"))("PostgreSQL restarting under traffic", () => {
  it("answers 503 with Retry-After while it is down, keeps serving what it holds, and recovers alone", async () => {
    const url = postgres("start", pgDir, String(56000 + Math.floor(Math.random() * 3000)));
    execFileSync("psql", [url, "-qc", "CREATE EXTENSION IF NOT EXISTS postgis"]);
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", DATABASE_URL: url });
    const server: RunningServer = await startServer(config, { buildWeb: false, say: () => undefined });
    try {
      const place = server.catalog.index.places[0]!;
      const reviewsUrl = `${server.url}/api/places/${encodeURIComponent(place.id)}/reviews`;
      expect((await fetch(reviewsUrl)).status).toBe(200);
      // Traffic while the database goes down and comes back: every answer is 200 or 503.
      const statuses: number[] = [];
      let traffic = true;
      const load = (async () => {
        while (traffic) {
          statuses.push((await fetch(reviewsUrl)).status);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await postgresAsync("halt", pgDir);
      const down = await fetch(`${server.url}/api/ready`);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await down.json()) as { code: string }).code).toBe("unavailable");
      const reviews = await fetch(reviewsUrl, { headers: { "accept-language": "zh" } });
      expect(reviews.status).toBe(503);
      const refusal = (await reviews.json()) as { code: string; message: string };
      expect(refusal.code).toBe("unavailable");
      expect(refusal.message).toMatch(/数据库/);
      // What the instance holds in memory still answers.
      expect((await fetch(`${server.url}/api/places/${encodeURIComponent(place.id)}`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await postgresAsync("resume", pgDir);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await fetch(`${server.url}/api/ready`)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
      traffic = false;
      await load;
      expect(statuses.length).toBeGreaterThan(3);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect((await fetch(reviewsUrl)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(testDialects().includes("postgres"))("PostgreSQL frozen (SIGSTOP) under traffic", () => {
  const frozenDir = `${pgDir}-frozen`;
  afterAll(() => postgres("stop", frozenDir));

  it("answers 503 once the answer timeout passes instead of hanging, keeps /api/health cheap, and recovers when it thaws", async () => {
    const url = postgres("start", frozenDir, String(59000 + Math.floor(Math.random() * 900)));
    execFileSync("psql", [url, "-qc", "CREATE EXTENSION IF NOT EXISTS postgis"]);
    const frozenData = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-frozen-data-"));
    // A short answer timeout, so the test waits 2 s rather than the default 20 s.
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: frozenData, LOG_LEVEL: "silent", DATABASE_URL: url, TONGXING_DB_TIMEOUT_MS: "2000" });
    const server: RunningServer = await startServer(config, { buildWeb: false, say: () => undefined });
    try {
      const place = server.catalog.index.places[0]!;
      const reviewsUrl = `${server.url}/api/places/${encodeURIComponent(place.id)}/reviews`;
      expect((await fetch(reviewsUrl)).status).toBe(200);
      await postgresAsync("freeze", frozenDir);
      try {
        const [reviews, health] = await Promise.all([fetch(reviewsUrl), fetch(`${server.url}/api/health`)]);
        expect(health.status).toBe(200);
        expect(reviews.status).toBe(503);
        expect(reviews.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(((await reviews.json()) as { code: string }).code).toBe("unavailable");
        expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);
      } finally {
        await postgresAsync("thaw", frozenDir);
      }
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await fetch(reviewsUrl)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await fetch(reviewsUrl)).status).toBe(200);
      expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    } finally {
      await server.close();
      fs.rmSync(frozenData, { recursive: true, force: true });
    }
  }, 90_000);
});
