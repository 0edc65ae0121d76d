/**
 * Several instances on one database (issue 16): a change one instance makes, or another
 * process makes (a `tongxing import`, a script), reaches every instance's catalog and
 * search within seconds; instances starting together on an empty database load the
 * first-start data once; a new instance with an empty data folder builds its own files
 * and never imports the sample into the shared database again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deletePlace, setDemonstration } from "../places/index.ts";
import { type Config, loadConfig } from "../platform/config.ts";
import { createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { openDatabase } from "./database.ts";
import { type RunningServer, startServer } from "./server.ts";
import { SAMPLE_REGION_ID } from "./bootstrap.ts";
import { TEST_STAFF_PASSWORD, signedInAdult, signedInStaff } from "./test-actors.ts";
import type { TestServer } from "./test-server.ts";

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const freshDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-instances-"));
  made.push(dir);
  return dir;
};
const configFor = (dataDir: string, url: string | undefined): Config =>
  loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(url ? { DATABASE_URL: url } : {}) });

/** Polls `probe` until it is true or `ms` pass; answers whether it became true. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return probe();
}

/** Opens B's live-update stream (GET /api/live) and resolves with the first change event of `topic`, or null after `ms`. */
function liveEvent(server: RunningServer, topic: string, ms: number): Promise<{ topic: string } | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  return (async () => {
    try {
      const answer = await fetch(`${server.url}/api/live`, { signal: abort.signal });
      expect(answer.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        text += value;
        for (const block of text.split("\n\n")) {
          const data = /^event: change\ndata: (.*)$/m.exec(block)?.[1];
          if (data && (JSON.parse(data) as { topic: string }).topic === topic) return JSON.parse(data) as { topic: string };
        }
      }
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  })();
}

const placeOn = async (server: RunningServer, id: string) => fetch(`${server.url}/api/places/${encodeURIComponent(id)}`);

describe.each(testDialects())("instances on one %s database", (dialect) => {
  it("start together on an empty database, load the sample once, and see each other's changes", async () => {
    const database = await createTestDatabase(dialect);
    // PostgreSQL: two instances, each with its own data folder. SQLite is one process's
    // file: one instance, and the other writer is a second connection (as a CLI import is).
    const dirs = dialect === "sqlite" ? [freshDir()] : [freshDir(), freshDir()];
    const servers = await Promise.all(dirs.map((dir) => startServer(configFor(dir, database.url), { buildWeb: false, say: () => undefined })));
    const a = servers[0]!;
    const b = servers[1] ?? a;
    const other = dialect === "sqlite" ? await openDatabase(configFor(dirs[0]!, undefined)) : b.db;
    try {
      const imports = await a.db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM imports WHERE region_id = ? AND format = 'osm'", [SAMPLE_REGION_ID]);
      expect(Number(imports[0]!.n)).toBe(1);
      expect(b.catalog.countIn(SAMPLE_REGION_ID)).toBe(a.catalog.countIn(SAMPLE_REGION_ID));

      // A badge written by another process (here: straight into the database, no reload anywhere).
      const [badged, removed] = a.catalog.index.places.filter((p) => p.regionId === SAMPLE_REGION_ID && !p.demonstration);
      // A browser connected to B hears of it on B's live stream.
      const heard = liveEvent(b, "places", 8_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await setDemonstration(other, badged!.id, { type: "park", year: 2026 });
      const seenOnB = await within(dialect === "postgres" ? 2_000 : 5_000, async () => {
        const body = (await (await placeOn(b, badged!.id)).json()) as { properties: { demonstration: unknown } };
        return body.properties.demonstration !== null;
      });
      expect(seenOnB).toBe(true);
      expect(await heard).toMatchObject({ topic: "places" });
      expect(await within(5_000, async () => a.catalog.index.get(badged!.id)?.demonstration?.year === 2026)).toBe(true);

      // A place removed on one instance is gone from the other's card and search.
      await deletePlace(other, removed!.id);
      expect(await within(5_000, async () => (await placeOn(a, removed!.id)).status === 404)).toBe(true);
      const name = removed!.name.en ?? removed!.name.zh!;
      const search = await fetch(`${a.url}/api/search?q=${encodeURIComponent(name.slice(0, 40))}&region=${SAMPLE_REGION_ID}`);
      const answer = (await search.json()) as { features: Array<{ id: string }> };
      expect(search.status, JSON.stringify(answer)).toBe(200);
      const hits = answer.features;
      expect(hits.map((f) => f.id)).not.toContain(removed!.id);

      if (dialect === "postgres") {
        // A new instance with an empty data folder: its own tiles, the database's places as they are now.
        const c = await startServer(configFor(freshDir(), database.url), { buildWeb: false, say: () => undefined });
        try {
          expect((await placeOn(c, removed!.id)).status).toBe(404);
          expect(c.catalog.index.get(badged!.id)?.demonstration).toEqual({ type: "park", year: 2026 });
          expect((await fetch(`${c.url}/tiles/14/8529/5974.mvt`)).status).toBe(200);
          const after = await c.db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM imports WHERE region_id = ? AND format = 'osm'", [SAMPLE_REGION_ID]);
          expect(Number(after[0]!.n)).toBe(1);
        } finally {
          await c.close();
        }
      }
      // A review on one instance of a place removed on the other: refused, nothing stored.
      const adult = await signedInAdult({ server: b, base: b.url } as TestServer, "13900002001");
      const review = await adult.post(`/api/places/${encodeURIComponent(removed!.id)}/reviews`, { rating: 4, body: "滑梯很干净，树荫也多。" });
      expect(review.status).toBe(404);
      expect(await a.db.all("SELECT id FROM reviews WHERE place_id = ?", [removed!.id])).toEqual([]);

      // Ten wrong passwords at the same moment, half on each instance: every one is counted, the account is paused.
      await signedInStaff({ server: a, base: a.url } as TestServer, "burst.admin", "admin");
      const login = (server: RunningServer, password: string) => fetch(`${server.url}/api/auth/login`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "burst.admin", password }),
      });
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => login(i % 2 ? a : b, `wrong password ${i} of ten`)));
      expect(burst.every((r) => r.status === 401 || r.status === 423)).toBe(true);
      const counted = await a.db.all<{ n: number | string }>("SELECT MAX(failures) AS n FROM sign_in_throttle");
      expect(Number(counted[0]!.n)).toBe(10);
      expect((await login(b, TEST_STAFF_PASSWORD)).status).toBe(423);

      // A limit holds across instances: 20 reports of wrong information an hour from one address, counted in the database.
      const target = a.catalog.index.places.find((p) => p.regionId === SAMPLE_REGION_ID)!;
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        const server = i % 2 === 0 ? a : b;
        const answer = await fetch(`${server.url}/api/places/${encodeURIComponent(target.id)}/corrections`, {
          method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "hours_wrong", detail: `report ${i}` }),
        });
        statuses.push(answer.status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
      expect((await fetch(`${a.url}/api/ready`)).status).toBe(200);
    } finally {
      if (other !== b.db) await other.close();
      for (const server of servers) await server.close();
      await database.drop();
    }
  });
});
