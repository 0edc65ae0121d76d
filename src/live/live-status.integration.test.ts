/**
 * Live status over HTTP on the Monaco sample, on SQLite and PostgreSQL: who may set a
 * place's status (its venue staff and administrators; anyone else 401/403), what is refused
 * (a past end, a phone number in a notice), the stream's event ids and the replay after
 * Last-Event-ID, history and summary for planners, and on PostgreSQL a second instance
 * hearing the first one's change.
 */
import type { RunningServer } from "../app/server.ts";
import { startServerIn } from "../app/test-server.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOMAINS } from "../app/domain-list.ts";
import { addUser } from "../app/plan-commands.ts";
import { TEST_STAFF_PASSWORD } from "../app/test-actors.ts";
import type { LiveStatus } from "../core/api/live-vocabulary.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { createTestDatabase, testDialects, type TestDatabase } from "../platform/testing/test-databases.ts";
import { SseReader } from "./sse-reader.ts";

describe.each(testDialects())("live status on %s", (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const dirs: string[] = [];
  let placeA = "";
  let placeB = "";
  let admin: TestClient;
  let venueA: TestClient;
  let venueB: TestClient;
  const anon = () => new TestClient(server.url);
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-live-"));
    dirs.push(dir);
    return dir;
  };

  /** A staff account signed in: an administrator, or venue staff of `place`. */
  async function staff(username: string, role: "admin" | "venue", place?: string): Promise<TestClient> {
    process.env["TONGXING_PASSWORD"] = TEST_STAFF_PASSWORD;
    const added = await addUser(server.db, { username, role, name: `测试${role}`, ...(place ? { places: place } : {}) });
    expect(added.ok, added.message).toBe(true);
    const client = new TestClient(server.url, `10.9.${dirs.length}.${username.length}`);
    expect((await client.post("/api/auth/login", { username, password: TEST_STAFF_PASSWORD })).status).toBe(200);
    return client;
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    server = await startServerIn(fresh(), { databaseUrl: database.url });
    const places = (await anon().get("/api/places?region=monaco&limit=2")).body as { features: Array<{ id: string }> };
    [placeA, placeB] = places.features.map((f) => f.id) as [string, string];
    admin = await staff("liveadmin", "admin");
    venueA = await staff("venuea", "venue", placeA);
    venueB = await staff("venueb", "venue", placeB);
  }, 180_000);
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await server?.close();
    await database?.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lets only the place's venue staff and administrators set its status", async () => {
    const close = { facet: "opening", state: "closed_today", reason: "设备检修" };
    expect((await anon().post(`/api/places/${placeA}/status`, close)).status).toBe(401);
    const other = await venueB.post(`/api/places/${placeA}/status`, close);
    expect([other.status, other.body.code]).toEqual([403, "forbidden"]);
    expect((await venueA.post(`/api/places/${placeA}/status`, close, { withoutChangeHeader: true })).status).toBe(403);
    const done = await venueA.post(`/api/places/${placeA}/status`, close);
    expect(done.status).toBe(200);
    const status = done.body as unknown as LiveStatus;
    expect(status.opening).toMatchObject({ state: "closed_today", reason: "设备检修" });
    expect(Date.parse(status.opening!.until)).toBeGreaterThan(Date.now());
    expect((await admin.post(`/api/places/${placeB}/status`, { facet: "crowding", level: "busy" })).status).toBe(200);
    const publicView = (await anon().get(`/api/places/${placeA}/status`)).body as unknown as LiveStatus;
    expect(publicView.opening?.state).toBe("closed_today");
    const region = (await anon().get("/api/status?region=monaco")).body as { lastChangeId: number; statuses: LiveStatus[] };
    expect(region.statuses.map((s) => s.placeId).sort()).toEqual([placeA, placeB].sort());
    expect(region.lastChangeId).toBeGreaterThanOrEqual(2);
  });

  it("refuses a past end, a missing one, an over-long notice and personal information", async () => {
    const post = (body: unknown) => venueA.post(`/api/places/${placeA}/status`, body);
    const missing = await post({ facet: "opening", state: "temporarily_closed", reason: "整修" });
    expect([missing.status, missing.body.field]).toEqual([400, "until"]);
    expect((await post({ facet: "opening", state: "temporarily_closed", until: "2020-01-01T00:00:00Z" })).status).toBe(400);
    expect((await post({ facet: "notice", text: "很".repeat(141) })).status).toBe(400);
    const phone = await post({ facet: "notice", text: "有事请打13812345678找王老师" });
    expect(phone.status).toBe(422);
    expect((await anon().get(`/api/places/${placeA}/status`)).body).toMatchObject({ notice: null });
    expect((await anon().get("/api/places/osm:node-nowhere/status")).status).toBe(404);
  });

  it("streams each change with its id and replays what a reconnecting browser missed", async () => {
    const stream = await SseReader.open(`${server.url}/api/status/stream?region=monaco`);
    expect(stream.status).toBe(200);
    await venueA.post(`/api/places/${placeA}/status`, { facet: "crowding", level: "full" });
    await stream.until((events) => events.some((e) => e.event === "status"));
    const first = stream.events.find((e) => e.event === "status")!;
    expect(JSON.parse(first.data)).toMatchObject({ placeId: placeA, regionId: "monaco", facet: "crowding", status: { crowding: { level: "full" } } });
    stream.close();
    // Two changes while the browser is away…
    await venueA.post(`/api/places/${placeA}/status`, { facet: "notice", text: "戏水池今天维修，其他区域开放" });
    await venueA.post(`/api/places/${placeA}/status`, { facet: "opening", state: "open" });
    // …both come back, in order, after the last id it saw; then live ones follow.
    const again = await SseReader.open(`${server.url}/api/status/stream?region=monaco`, first.id!);
    await again.until((events) => events.filter((e) => e.event === "status").length >= 2);
    expect(again.ids).toEqual([first.id! + 1, first.id! + 2]);
    const last = JSON.parse(again.events.at(-1)!.data) as { status: LiveStatus };
    expect(last.status).toMatchObject({ opening: { state: "open" }, notice: { text: "戏水池今天维修，其他区域开放" } });
    await venueA.post(`/api/places/${placeA}/status`, { facet: "crowding", level: null });
    await again.until((events) => events.filter((e) => e.event === "status").length >= 3);
    expect(again.ids).toEqual([first.id! + 1, first.id! + 2, first.id! + 3]);
    again.close();
  });

  it("answers HEAD on both streams with their headers at once, holding nothing open", async () => {
    for (const path of ["/api/status/stream?region=monaco", "/api/live"]) {
      const answer = await fetch(`${server.url}${path}`, { method: "HEAD", signal: AbortSignal.timeout(5_000) });
      expect([path, answer.status, answer.headers.get("content-type")]).toEqual([path, 200, "text/event-stream; charset=utf-8"]);
    }
    // Still checked first: a bad query is a 400, as on GET.
    expect((await fetch(`${server.url}/api/status/stream?nonsense=1`, { method: "HEAD", signal: AbortSignal.timeout(5_000) })).status).toBe(400);
  });

  it("shows a place's history to its staff and a region's summary to planners, as JSON and CSV", async () => {
    expect((await anon().get(`/api/places/${placeA}/status/history`)).status).toBe(401);
    expect((await venueB.get(`/api/places/${placeA}/status/history`)).status).toBe(403);
    const history = (await venueA.get(`/api/places/${placeA}/status/history`)).body as { changes: Array<{ id: number; facet: string; value: string | null }> };
    const ids = history.changes.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(history.changes.at(-1)).toMatchObject({ facet: "opening", value: "closed_today" });
    const csv = await venueA.get(`/api/places/${placeA}/status/history?format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(String(csv.body.text)).toContain("closed_today");
    expect((await venueA.get("/api/status/summary?region=monaco")).status).toBe(403);
    const summary = (await admin.get("/api/status/summary?region=monaco&days=7")).body as { places: Array<{ placeId: string; closures: number; closedDays: number; fullReports: number }>; busyByWeekdayHour: number[][] };
    expect(summary.places.find((p) => p.placeId === placeA)).toMatchObject({ closures: 1, closedDays: 1, fullReports: 1 });
    expect(summary.busyByWeekdayHour.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  // Once the composition root lists the domain, the places and search filters hear of closures.
  it.runIf(DOMAINS.some((d) => d.name === "live"))("leaves a place its staff closed out of open now, in places and search", async () => {
    const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
    await venueA.post(`/api/places/${placeA}/status`, { facet: "opening", state: "open" });
    const ids = async (path: string) => ((await anon().get(path)).body as { features: Array<{ id: string }> }).features.map((f) => f.id);
    const openNow = "/api/places?region=monaco&open_now=true&unknown=include&limit=5000";
    expect(await ids(openNow)).toContain(placeA);
    expect((await venueA.post(`/api/places/${placeA}/status`, { facet: "opening", state: "temporarily_closed", reason: "整修", until })).status).toBe(200);
    expect(await ids(openNow)).not.toContain(placeA);
    expect(await ids("/api/places?region=monaco&limit=5000")).toContain(placeA);
    const place = (await anon().get(`/api/places/${placeA}`)).body as { properties: { name: { zh?: string; en?: string } } };
    const q = encodeURIComponent((place.properties.name.zh ?? place.properties.name.en)!);
    expect(await ids(`/api/search?q=${q}&region=monaco`)).toContain(placeA);
    expect(await ids(`/api/search?q=${q}&region=monaco&open_now=true`)).not.toContain(placeA);
    await venueA.post(`/api/places/${placeA}/status`, { facet: "opening", state: "open" });
    expect(await ids(openNow)).toContain(placeA);
  });

  it.runIf(dialect === "postgres")("tells a browser on another instance of the same database", async () => {
    const second = await startServerIn(fresh(), { databaseUrl: database.url });
    try {
      const stream = await SseReader.open(`${second.url}/api/status/stream`);
      const made = (await venueA.post(`/api/places/${placeA}/status`, { facet: "opening", state: "closed_today", reason: "临时停电" })).body as unknown as LiveStatus;
      await stream.until((events) => events.some((e) => e.event === "status" && e.id === made.changeId));
      expect(JSON.parse(stream.events.find((e) => e.id === made.changeId)!.data)).toMatchObject({ placeId: placeA, status: { opening: { reason: "临时停电" } } });
      stream.close();
      const there = await fetch(`${second.url}/api/places/${placeA}/status`).then((r) => r.json()) as LiveStatus;
      expect(there.opening?.reason).toBe("临时停电");
    } finally {
      await second.close();
    }
  }, 180_000);
});
