/**
 * Favourites over real HTTP on SQLite and PostgreSQL: a member saves places and guides, the
 * list names them, saving twice and unsaving twice are harmless (an offline queue replayed),
 * an offline save keeps its time, and nobody reaches another member's favourites.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAVOURITES } from "../core/api/favourites.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { type FavouritesWorld, startFavouritesServer } from "./favourites-test-server.ts";

const GUIDE = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";

describe.each(testDialects())("favourites on %s", (dialect) => {
  let w: FavouritesWorld;
  let placeId = "";
  let otherPlaceId = "";
  const mine = (path = "") => `/api/members/me/favourites${path}`;
  const put = (c: TestClient, path: string, body: unknown = {}) => c.call("PUT", mine(path), body);

  beforeAll(async () => {
    w = await startFavouritesServer(dialect);
    const places = w.server.catalog.index.places;
    placeId = places[0]!.id;
    otherPlaceId = places[1]!.id;
  });
  afterAll(async () => {
    await w?.stop();
  });

  it("saves places and guides, lists them newest first with names, and unsaves them", async () => {
    const c = await w.adult();
    expect((await c.get(mine())).body).toEqual({ favourites: [] });
    const saved = await put(c, `/place/${encodeURIComponent(placeId)}`, { savedAt: "2026-12-01T08:00:00.000Z" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const place = w.server.catalog.index.get(placeId)!;
    expect(saved.body.favourite).toEqual({ kind: "place", id: placeId, savedAt: "2026-12-01T08:00:00.000Z", name: { zh: place.name.zh, en: place.name.en }, lon: place.lon, lat: place.lat, available: true });
    expect((await put(c, `/guide/${GUIDE}`)).status).toBe(200);
    const list = await c.get(mine());
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    expect((list.body.favourites as Array<{ kind: string; id: string }>).map((f) => `${f.kind}:${f.id}`)).toEqual([`guide:${GUIDE}`, `place:${placeId}`]);
    expect((await c.delete(mine(`/guide/${GUIDE}`))).body).toEqual({ removed: true });
    expect((await c.delete(mine(`/guide/${GUIDE}`))).body).toEqual({ removed: false });
    expect(((await c.get(mine())).body.favourites as unknown[]).length).toBe(1);
  });

  it("keeps the first save's time when a queue is replayed, and never a time in the future", async () => {
    const c = await w.adult();
    const path = `/place/${encodeURIComponent(otherPlaceId)}`;
    await put(c, path, { savedAt: "2026-11-30T10:00:00.000Z" });
    const again = await put(c, path, { savedAt: "2026-12-02T10:00:00.000Z" });
    expect(again.body.favourite).toMatchObject({ savedAt: "2026-11-30T10:00:00.000Z" });
    const future = await put(c, `/place/${encodeURIComponent(placeId)}`, { savedAt: "2999-01-01T00:00:00.000Z" });
    expect(Date.parse((future.body.favourite as { savedAt: string }).savedAt)).toBeLessThanOrEqual(Date.now());
  });

  it("refuses unknown places, bad kinds and ids, and answers in the request's language", async () => {
    const c = await w.adult();
    expect(await put(c, "/place/osm:n999999999999")).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect((await c.call("PUT", `${mine("/place/osm:n999999999999")}?lang=zh`, {})).body.message).toMatch(/找不到地点/);
    expect((await put(c, `/review/${GUIDE}`)).status).toBe(400);
    expect((await put(c, "/place/%20bad")).status).toBe(400);
    expect((await put(c, `/place/${encodeURIComponent(placeId)}`, { savedAt: "yesterday" })).status).toBe(400);
  });

  it("answers 401 without a session and 403 without the change header; nobody reaches another member's favourites", async () => {
    const owner = await w.adult("爸爸");
    await put(owner, `/place/${encodeURIComponent(placeId)}`);
    const stranger = new TestClient(w.base);
    expect((await stranger.get(mine())).status).toBe(401);
    expect((await put(stranger, `/place/${encodeURIComponent(placeId)}`)).status).toBe(401);
    expect((await stranger.delete(mine(`/place/${encodeURIComponent(placeId)}`))).status).toBe(401);
    expect((await owner.call("PUT", mine(`/place/${encodeURIComponent(otherPlaceId)}`), {}, { withoutChangeHeader: true })).status).toBe(403);
    const other = await w.adult("奶奶");
    expect((await other.get(mine())).body).toEqual({ favourites: [] });
    // The other member's unsave touches only their own (empty) list.
    expect((await other.delete(mine(`/place/${encodeURIComponent(placeId)}`))).body).toEqual({ removed: false });
    expect(((await owner.get(mine())).body.favourites as unknown[]).length).toBe(1);
    // There is no path naming another member.
    expect((await other.get(`/api/members/${"x".repeat(8)}/favourites`)).status).toBe(404);
  });

  it("stops at the most favourites a member may keep", async () => {
    const c = await w.adult();
    const member = (await c.get("/api/members/me")).body.member as { id: string };
    const rows = Array.from({ length: MAX_FAVOURITES }, (_, i) => w.server.db.run("INSERT INTO favourites (member_id, kind, target_id, saved_at) VALUES (?, 'guide', ?, ?)", [member.id, `g-${i}`, new Date(0).toISOString()]));
    await Promise.all(rows);
    expect((await put(c, `/place/${encodeURIComponent(placeId)}`)).status).toBe(409);
    // Saving one already saved is still fine.
    expect((await put(c, "/guide/g-1")).status).toBe(200);
  });
});
