import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveStatus } from "../../../../src/core/api/live-vocabulary.ts";
import type { PlaceCollection, PlaceFeature } from "../../shared/api.ts";
import { initialState, Store, type AppState } from "../../shared/store.ts";
import { type StatusSource, followLiveStatus, parseStatusEvent } from "./live-follow.ts";
import { liveOf, mergeStatuses } from "./live-merge.ts";

const place = (id: string): PlaceFeature => ({
  type: "Feature", id, geometry: { type: "Point", coordinates: [7.42, 43.73] },
  properties: { id, regionId: "monaco", name: { zh: id }, categories: ["playground"], kind: "playground", facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null, demonstration: null, precision: "exact", locationNote: null, provenance: null, updatedAt: "2026-12-01", open: { state: "open", nextChange: null, nextChangeDate: null }, districtName: null } as unknown as PlaceFeature["properties"],
});
const collection = (...ids: string[]): PlaceCollection => ({ type: "FeatureCollection", features: ids.map(place), count: ids.length, truncated: false });
const later = new Date(Date.now() + 3_600_000).toISOString();
const closed = (placeId: string, changeId: number): LiveStatus => ({ placeId, opening: { state: "closed_today", reason: "检修", until: later, setAt: new Date().toISOString() }, crowding: null, notice: null, changeId });
const cleared = (placeId: string, changeId: number): LiveStatus => ({ placeId, opening: { state: "open", reason: null, until: later, setAt: new Date().toISOString() }, crowding: null, notice: null, changeId });

function fakeSource() {
  const listeners = new Map<string, (event: { data?: string }) => void>();
  const source: StatusSource & { url: string; send(type: string, data: unknown): void } = {
    url: "",
    addEventListener: (type, listener) => void listeners.set(type, listener),
    close: () => undefined,
    send: (type, data) => listeners.get(type)?.({ data: JSON.stringify(data) }),
  };
  return source;
}

describe("live status in the store", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ region: "monaco", lastChangeId: 41, statuses: [closed("b", 41)] }), { headers: { "content-type": "application/json" } }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it("shows a place staff closed as closed, and leaves it out under open now", () => {
    const merged = mergeStatuses(collection("a", "b"), new Map([["b", closed("b", 1)]]), false);
    expect(merged.features[1]!.properties.open.state).toBe("closed");
    expect(liveOf(merged.features[1]!)?.opening?.state).toBe("closed_today");
    expect(merged.features[0]).toBe(collection("a", "b").features.length ? merged.features[0] : null);
    expect(mergeStatuses(collection("a", "b"), new Map([["b", closed("b", 1)]]), true).features.map((f) => f.id)).toEqual(["a"]);
    // Reopened: the hours' own answer comes back.
    expect(mergeStatuses(merged, new Map([["b", cleared("b", 2)]]), false).features[1]!.properties.open.state).toBe("open");
  });

  it("loads the region's statuses, opens the stream after the last id and applies each change to the places", async () => {
    const store = new Store<AppState>({ ...initialState(), regionId: "monaco", places: collection("a", "b") });
    const source = fakeSource();
    const stop = followLiveStatus(store, { open: (url) => Object.assign(source, { url }) });
    await vi.waitFor(() => expect(source.url).toBe("/api/status/stream?region=monaco&after=41"));
    expect(liveOf(store.get().places!.features[1]!)?.opening?.state).toBe("closed_today");
    source.send("status", { placeId: "a", regionId: "monaco", facet: "opening", status: closed("a", 42) });
    expect(store.get().places!.features[0]!.properties.open.state).toBe("closed");
    // Another region's change and nonsense are ignored.
    source.send("status", { placeId: "b", regionId: "nanjing", facet: "opening", status: cleared("b", 43) });
    source.send("status", "<script>");
    expect(liveOf(store.get().places!.features[1]!)?.opening?.state).toBe("closed_today");
    // New places from the server get the statuses joined again.
    store.update({ places: collection("a", "b", "c") });
    expect(liveOf(store.get().places!.features[0]!)?.changeId).toBe(42);
    stop();
  });

  it("reads only well-formed events", () => {
    expect(parseStatusEvent(JSON.stringify({ placeId: "a", regionId: "monaco", facet: "opening", status: closed("a", 1) }))?.placeId).toBe("a");
    expect(parseStatusEvent('{"placeId":"a"}')).toBeNull();
    expect(parseStatusEvent("nope")).toBeNull();
  });
});
