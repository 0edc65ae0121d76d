/**
 * Favourites on a phone (favourites-state.ts, favourites-sync.ts): saved and unsaved offline
 * at once, queued, sent in order when the network is back, merged with the server's list,
 * a refused save taken back, the member remembered offline and forgotten at sign-out.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api.ts";
import type { FavouriteAnswer, FavouriteKind, FavouritesApi } from "./favourites-api.ts";
import { change, EMPTY_STATE, flush, merge, parseState, type PendingChange } from "./favourites-state.ts";
import { FavouritesSync, resultOf } from "./favourites-sync.ts";

const item = (id: string, savedAt = "2026-12-03T08:00:00.000Z", kind: FavouriteKind = "place"): FavouriteAnswer => ({ kind, id, savedAt, name: { zh: id, en: null }, lon: 7.42, lat: 43.73, available: true });
const save = (id: string, at = "2026-12-03T09:00:00.000Z"): PendingChange => ({ op: "save", kind: "place", id, at, item: item(id, at) });
const unsave = (id: string, at = "2026-12-03T09:30:00.000Z"): PendingChange => ({ op: "unsave", kind: "place", id, at });

describe("favourites state", () => {
  it("changes the list at once and keeps only the last change to each thing", () => {
    let state = change(EMPTY_STATE, save("a"));
    state = change(state, save("b"));
    expect(state.items.map((f) => f.id)).toEqual(["b", "a"]);
    state = change(state, unsave("a"));
    expect(state.items.map((f) => f.id)).toEqual(["b"]);
    expect(state.queue.map((c) => `${c.op}:${c.id}`)).toEqual(["save:b", "unsave:a"]);
  });

  it("lays the changes still queued over the server's list, newest first", () => {
    const server = [item("old", "2026-11-01T00:00:00.000Z"), item("gone-here", "2026-12-01T00:00:00.000Z")];
    const merged = merge(server, [save("new"), unsave("gone-here")]);
    expect(merged.items.map((f) => f.id)).toEqual(["new", "old"]);
  });

  it("sends in order, stops where the network fails, drops refused saves from the list", async () => {
    let state = change(change(change(EMPTY_STATE, save("a")), save("gone")), save("c"));
    const tried: string[] = [];
    const first = await flush(state, async (c) => {
      tried.push(c.id);
      return c.id === "gone" ? "refused" : c.id === "c" ? "unreachable" : "sent";
    });
    expect(tried).toEqual(["a", "gone", "c"]);
    expect(first.refused.map((c) => c.id)).toEqual(["gone"]);
    expect(first.state.queue.map((c) => c.id)).toEqual(["c"]);
    expect(first.state.items.map((f) => f.id)).toEqual(["c", "a"]);
    state = first.state;
    expect((await flush(state, async () => "sent")).state.queue).toEqual([]);
  });

  it("reads back what it stored, and starts empty from anything else", () => {
    const state = change(EMPTY_STATE, save("a"));
    expect(parseState(JSON.stringify(state))).toEqual(state);
    expect(parseState("not json")).toEqual(EMPTY_STATE);
    expect(parseState('{"items": 3}')).toEqual(EMPTY_STATE);
    expect(parseState(null)).toEqual(EMPTY_STATE);
  });

  it("tells an unreachable server (try again) from a refusal (give up)", () => {
    expect(resultOf(new ApiError(0, "network", "down"))).toBe("unreachable");
    expect(resultOf(new ApiError(503, "offline", "offline"))).toBe("unreachable");
    expect(resultOf(new ApiError(401, "unauthenticated", "sign in"))).toBe("unreachable");
    expect(resultOf(new ApiError(404, "not_found", "gone"))).toBe("refused");
    expect(resultOf(new ApiError(409, "conflict", "full"))).toBe("refused");
    expect(resultOf(new TypeError("Failed to fetch"))).toBe("unreachable");
  });
});

/** A server that keeps favourites per test, and can be cut off. */
function fakeServer() {
  const saved = new Map<string, FavouriteAnswer>();
  const calls: string[] = [];
  const server = { online: true, saved, calls, missing: new Set<string>() };
  const reach = () => {
    if (!server.online) throw new ApiError(0, "network", "Failed to fetch");
  };
  const api: FavouritesApi = {
    async list() {
      reach();
      calls.push("list");
      return [...saved.values()];
    },
    async save(kind, id, savedAt) {
      reach();
      calls.push(`save ${id}`);
      if (server.missing.has(id)) throw new ApiError(404, "not_found", "no such place");
      if (!saved.has(`${kind}:${id}`)) saved.set(`${kind}:${id}`, item(id, savedAt, kind));
    },
    async unsave(kind, id) {
      reach();
      calls.push(`unsave ${id}`);
      saved.delete(`${kind}:${id}`);
    },
  };
  return { server, api };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

describe("favourites sync", () => {
  const draft = (id: string) => ({ kind: "place" as const, id, name: { zh: id, en: null }, lon: 7.42, lat: 43.73 });

  it("saves offline at once, keeps it for offline use, and sends the queue when back online", async () => {
    const { server, api } = fakeServer();
    const storage = memoryStorage();
    const kept: string[] = [];
    const sync = new FavouritesSync({ api, storage, keep: async (_k, id) => (server.online ? (kept.push(id), true) : false), drop: (_k, id) => void kept.splice(kept.indexOf(id), 1) });
    sync.setMember("m1");
    await sync.sync();
    server.online = false;
    expect(sync.toggle(draft("a"))).toBe(true);
    expect(sync.toggle(draft("b"))).toBe(true);
    expect(sync.toggle(draft("b"))).toBe(false);
    await sync.sync();
    expect(sync.items.map((f) => f.id)).toEqual(["a"]);
    expect(sync.pending.map((c) => `${c.op}:${c.id}`)).toEqual(["save:a", "unsave:b"]);
    // Saved offline: nothing could be kept for offline use yet.
    expect(kept).toEqual([]);
    expect(server.saved.size).toBe(0);
    // Still there after a reload of the page (a new sync over the same storage), before any network.
    const reloaded = new FavouritesSync({ api, storage });
    reloaded.restore();
    expect(reloaded.member).toBe("m1");
    expect(reloaded.items.map((f) => f.id)).toEqual(["a"]);
    server.online = true;
    await reloaded.sync();
    expect(server.calls.slice(-3)).toEqual(["save a", "unsave b", "list"]);
    expect([...server.saved.keys()]).toEqual(["place:a"]);
    expect(reloaded.pending).toEqual([]);
    // Back online, what was saved offline is kept for offline use, once.
    await sync.sync();
    expect(kept).toEqual(["a"]);
    await sync.sync();
    expect(kept).toEqual(["a"]);
  });

  it("takes back a save the server refuses and says which", async () => {
    const { server, api } = fakeServer();
    server.missing.add("removed-place");
    const sync = new FavouritesSync({ api, storage: memoryStorage() });
    const refused: string[] = [];
    sync.onRefused((r) => refused.push(...r.map((c) => c.id)));
    sync.setMember("m1");
    await sync.sync();
    sync.toggle(draft("removed-place"));
    await sync.sync();
    expect(refused).toEqual(["removed-place"]);
    expect(sync.items).toEqual([]);
    expect(sync.pending).toEqual([]);
  });

  it("shows another phone's saves after a sync, and forgets everything at sign-out", async () => {
    const { server, api } = fakeServer();
    server.saved.set("guide:g1", item("g1", "2026-12-02T00:00:00.000Z", "guide"));
    const storage = memoryStorage();
    const sync = new FavouritesSync({ api, storage });
    sync.setMember("m1");
    await sync.sync();
    expect(sync.isSaved("guide", "g1")).toBe(true);
    expect(storage.data.size).toBe(2);
    sync.setMember(null);
    expect(sync.items).toEqual([]);
    expect(storage.data.size).toBe(0);
    expect(() => sync.toggle(draft("a"))).toThrow(/no member/);
  });
});
