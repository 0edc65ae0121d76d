/**
 * Reviews, corrections and ideas refer to places by foreign key (issue 16). A re-import of
 * a source updates its places in place, so what refers to them keeps them; a place the
 * source dropped is deleted when nothing refers to it, else kept marked removed and served
 * nowhere; a reference to a place that is not there fails at the key, and over HTTP as a
 * clean 404 or 409, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_REGION_ID } from "../app/bootstrap.ts";
import { signedInAdult } from "../app/test-actors.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import type { Place } from "../core/place.ts";
import { type Database, type Queryable, ReferenceConflictError } from "../platform/database/database.ts";
import type { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { type ImportTarget, savePlaces } from "./place-import.ts";
import { deletePlace } from "./place-store.ts";

const SOURCE = "references test";

describe.each(testDialects())("places referred to by reviews, corrections and ideas, on %s", (dialect) => {
  let t: TestServer;
  let db: Database;
  let adult: TestClient;
  let at: { lon: number; lat: number };
  const place = (id: string, name = id): Place => ({
    id, regionId: SAMPLE_REGION_ID, name: { zh: name, en: null, pinyin: null, alt: [] }, categories: ["play"], kind: "playground",
    facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null, communityCode: null,
    demonstration: null, lon: at.lon, lat: at.lat, precision: "exact", locationNote: null,
    provenance: { source: SOURCE, licence: "test", sourceId: id, importedAt: "2026-12-01T00:00:00.000Z" }, updatedAt: "2026-12-01T00:00:00.000Z",
  });
  const target: ImportTarget = { regionId: SAMPLE_REGION_ID, source: SOURCE, licence: "test", countyAt: () => null, replace: true };
  const save = async (places: Place[]) => {
    const result = await db.transaction((tx) => savePlaces(tx, target, { ok: true, places, notices: [] }, { format: "table", fileName: "references.csv" }));
    await t.server.catalog.reload(db);
    return result;
  };
  const count = async (table: string, placeId: string) =>
    Number((await db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE place_id = ?`, [placeId]))[0]!.n);
  const removedAt = async (id: string) => (await db.all<{ removed_at: string | null }>("SELECT removed_at FROM places WHERE id = ?", [id]))[0]?.removed_at;
  const placeAnswer = async (id: string) => (await t.get(`/api/places/${encodeURIComponent(id)}`)).status;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    db = t.server.db;
    const sample = t.server.catalog.index.places.find((p) => p.regionId === SAMPLE_REGION_ID)!;
    at = { lon: sample.lon, lat: sample.lat };
    adult = await signedInAdult(t, "13800003001");
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("re-imports by id: what refers to a place keeps it; a dropped place is removed, or deleted when nothing refers to it", async () => {
    expect(await save([place("refs-keep"), place("refs-dropped-reviewed"), place("refs-dropped-free")])).toMatchObject({ ok: true, places: 3 });
    expect((await adult.post("/api/places/refs-keep/reviews", { rating: 5, body: "滑梯很干净，树荫也多。" })).status).toBe(201);
    expect((await adult.post("/api/places/refs-dropped-reviewed/reviews", { rating: 4, body: "沙坑很大，孩子玩得开心。" })).status).toBe(201);
    expect((await adult.post("/api/places/refs-keep/corrections", { kind: "hours_wrong", detail: "周一闭园" })).status).toBe(201);
    const idea = await adult.post("/api/ideas", { kind: "shade", title: "想要树荫", text: "夏天这里太晒了，希望多种几棵大树。", placeId: "refs-keep", region: SAMPLE_REGION_ID });
    expect(idea.status, JSON.stringify(idea.body)).toBe(201);

    const again = await save([place("refs-keep", "改名的乐园"), place("refs-new")]);
    expect(again).toMatchObject({ ok: true, places: 2, removed: 2, kept: 1 });

    // Updated in place: same id, new name, everything that referred to it still does.
    expect(t.server.catalog.index.get("refs-keep")?.name.zh).toBe("改名的乐园");
    expect([await count("reviews", "refs-keep"), await count("place_corrections", "refs-keep"), await count("ideas", "refs-keep")]).toEqual([1, 1, 1]);
    expect(await placeAnswer("refs-new")).toBe(200);
    // Dropped but reviewed: kept in the database with its review, served nowhere.
    expect(await removedAt("refs-dropped-reviewed")).toEqual(expect.any(String));
    expect(await count("reviews", "refs-dropped-reviewed")).toBe(1);
    expect(await placeAnswer("refs-dropped-reviewed")).toBe(404);
    const near = (await t.get(`/api/places/nearby?lon=${at.lon}&lat=${at.lat}&k=50`)).body as { features: Array<{ id: string }> };
    const box = (await t.get(`/api/places?bbox=${at.lon - 0.01},${at.lat - 0.01},${at.lon + 0.01},${at.lat + 0.01}&limit=500`)).body as { features: Array<{ id: string }> };
    const found = (await t.get(`/api/search?q=${encodeURIComponent("refs-dropped-reviewed")}&region=${SAMPLE_REGION_ID}`)).body as { features: Array<{ id: string }> };
    expect(near.features.map((f) => f.id)).toContain("refs-keep");
    expect(box.features.map((f) => f.id)).toContain("refs-keep");
    for (const answer of [near, box, found]) expect(answer.features.map((f) => f.id)).not.toContain("refs-dropped-reviewed");
    // Dropped and referred to by nothing: deleted.
    expect(await db.all("SELECT id FROM places WHERE id = ?", ["refs-dropped-free"])).toEqual([]);
    // An import counts only places it would newly remove: a second run with the same data removes nothing.
    expect(await save([place("refs-keep", "改名的乐园"), place("refs-new")])).toMatchObject({ ok: true, removed: 0, kept: 0 });
  });

  it("brings back a removed place its source has again; a staff removal also keeps a referred-to place", async () => {
    expect(await save([place("refs-keep", "改名的乐园"), place("refs-new"), place("refs-dropped-reviewed")])).toMatchObject({ ok: true, removed: 0 });
    expect(await removedAt("refs-dropped-reviewed")).toBeNull();
    expect(await placeAnswer("refs-dropped-reviewed")).toBe(200);
    expect(await deletePlace(db, "refs-dropped-reviewed")).toBe("marked");
    expect(await deletePlace(db, "refs-new")).toBe("deleted");
    await t.server.catalog.reload(db);
    expect(await placeAnswer("refs-dropped-reviewed")).toBe(404);
    expect(await count("reviews", "refs-dropped-reviewed")).toBe(1);
  });

  it("refuses a reference to a place that is not there at the key, and over HTTP with 404 or 409", async () => {
    const [review] = await db.all<{ member_id: string }>("SELECT member_id FROM reviews WHERE place_id = ?", ["refs-keep"]);
    const now = new Date().toISOString();
    const inserts: Array<[string, unknown[]]> = [
      ["INSERT INTO reviews (id, place_id, member_id, rating, body, status, hold_reasons, created_at, status_at) VALUES ('refs-r', 'refs-nowhere', ?, 5, 'x', 'published', '[]', ?, ?)", [review!.member_id, now, now]],
      ["INSERT INTO place_corrections (id, place_id, kind, detail, status, created_at) VALUES ('refs-c', 'refs-nowhere', 'hours_wrong', 'x', 'open', ?)", [now]],
      [`INSERT INTO ideas (id, author_kind, author_name, kind, title, body, dedupe_key, region_id, place_id, lat, lon, status, hold_reasons, status_at, stage, stage_at, created_at, changed_at)
        VALUES ('refs-i', 'adult', 'x', 'shade', 'x', 'x', 'refs-i', ?, 'refs-nowhere', 0, 0, 'published', '[]', ?, 'new', ?, ?, ?)`, [SAMPLE_REGION_ID, now, now, now, now]],
    ];
    for (const [sql, params] of inserts) await expect(db.run(sql, params as string[])).rejects.toBeInstanceOf(ReferenceConflictError);

    // A place removed while it is still referred to: its row satisfies the key, but nothing new may refer to it.
    expect((await adult.post("/api/places/refs-dropped-reviewed/reviews", { rating: 3, body: "还会再来玩的。" })).status).toBe(404);
    expect((await adult.post("/api/places/refs-dropped-reviewed/corrections", { kind: "closed", detail: "关门了" })).status).toBe(404);

    // A catalog that still shows a place the database no longer has (another instance deleted it a moment ago).
    const [row] = await db.all("SELECT * FROM places WHERE id = ?", ["refs-keep"]);
    const stale: Queryable = { ...db, all: async <T extends Record<string, unknown>>(sql: string, params?: readonly (string | number | null | Buffer)[]) => {
      const rows = await db.all<T>(sql, params);
      return /FROM places WHERE removed_at IS NULL/.test(sql) ? [...rows, { ...row, id: "refs-ghost" } as unknown as T] : rows;
    } };
    await t.server.catalog.reload(stale);
    // The review's own transaction and the idea's check of the place find no row (404); the
    // correction is refused by the key (409). Should the change feed reload the catalog first, all are 404.
    const attempts: Array<[number, () => ReturnType<TestClient["post"]>]> = [
      [404, () => adult.post("/api/places/refs-ghost/reviews", { rating: 4, body: "草地很软。" })],
      [409, () => adult.post("/api/places/refs-ghost/corrections", { kind: "closed", detail: "找不到了" })],
      [404, () => adult.post("/api/ideas", { kind: "shade", title: "想要凉亭", text: "希望这里有一个凉亭可以休息。", placeId: "refs-ghost", region: SAMPLE_REGION_ID })],
    ];
    for (const [whenStale, attempt] of attempts) {
      const stillStale = t.server.catalog.index.get("refs-ghost") !== undefined;
      const answer = await attempt();
      expect(answer.status, JSON.stringify(answer.body)).toBe(stillStale ? whenStale : 404);
      expect(answer.body).toMatchObject({ code: answer.status === 404 ? "not_found" : "conflict" });
    }
    for (const table of ["reviews", "place_corrections", "ideas"]) expect(await count(table, "refs-ghost")).toBe(0);
    await t.server.catalog.reload(db);
  });
});
