import { describe, expect, it } from "vitest";
import type { PlaceCollection, PlaceFeature } from "./api.ts";
import { type AppState, Store, currentRegion, findPlace, initialState, shownPlaces } from "./store.ts";

function place(id: string): PlaceFeature {
  return { type: "Feature", geometry: { type: "Point", coordinates: [112.6, 26.9] }, properties: { id } } as unknown as PlaceFeature;
}

function collection(...ids: string[]): PlaceCollection {
  return { type: "FeatureCollection", features: ids.map(place) } as unknown as PlaceCollection;
}

describe("Store", () => {
  it("tells each subscriber the new and the previous state", () => {
    const store = new Store({ n: 1, word: "a" });
    const seen: Array<[number, number]> = [];
    store.subscribe((state, previous) => seen.push([state.n, previous.n]));
    store.update({ n: 2 });
    expect(store.get()).toEqual({ n: 2, word: "a" });
    expect(seen).toEqual([[2, 1]]);
  });

  it("applies an update asked for by a subscriber after every subscriber heard the current one", () => {
    const store = new Store({ n: 0 });
    const first: Array<[number, number]> = [];
    const second: Array<[number, number]> = [];
    store.subscribe((state, previous) => {
      first.push([state.n, previous.n]);
      if (state.n === 1) store.update({ n: 2 });
    });
    store.subscribe((state, previous) => second.push([state.n, previous.n]));
    store.update({ n: 1 });
    expect(first).toEqual([[1, 0], [2, 1]]);
    expect(second).toEqual(first);
  });

  it("stops calling a listener once it unsubscribes", () => {
    const store = new Store({ n: 0 });
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.update({ n: 1 });
    stop();
    store.update({ n: 2 });
    expect(calls).toBe(1);
  });
});

describe("app state", () => {
  it("starts loading, with no region, no filters and nothing selected", () => {
    const state = initialState();
    expect(state.status).toBe("loading");
    expect(state.regionId).toBeNull();
    expect(state.filters.categories.size).toBe(0);
    expect(shownPlaces(state)).toEqual([]);
    expect(currentRegion(state)).toBeUndefined();
  });

  it("finds the chosen region", () => {
    const regions = [{ id: "hengyang" }, { id: "monaco" }] as unknown as AppState["regions"];
    expect(currentRegion({ ...initialState(), regions, regionId: "monaco" })).toBe(regions[1]);
  });

  it("shows the search's places over the filtered ones, and its fallback when it found none", () => {
    const places = collection("p1", "p2");
    const base: AppState = { ...initialState(), places };
    expect(shownPlaces(base).map((f) => f.properties.id)).toEqual(["p1", "p2"]);
    const search = { query: "公园", features: [place("s1")], fallback: null } as unknown as AppState["search"];
    expect(shownPlaces({ ...base, search }).map((f) => f.properties.id)).toEqual(["s1"]);
    const empty = { query: "公园", features: [], fallback: collection("f1") } as unknown as AppState["search"];
    expect(shownPlaces({ ...base, search: empty }).map((f) => f.properties.id)).toEqual(["f1"]);
  });

  it("finds a place among the loaded ones, the search's or the picked one", () => {
    const picked = place("picked");
    const search = { query: "x", features: [place("s1")], fallback: collection("f1") } as unknown as AppState["search"];
    const state: AppState = { ...initialState(), places: collection("p1"), search, pickedPlace: picked };
    expect(findPlace(state, "p1")?.properties.id).toBe("p1");
    expect(findPlace(state, "s1")?.properties.id).toBe("s1");
    expect(findPlace(state, "f1")?.properties.id).toBe("f1");
    expect(findPlace(state, "picked")).toBe(picked);
    expect(findPlace(state, "nowhere")).toBeUndefined();
    expect(findPlace(state, null)).toBeUndefined();
  });
});
