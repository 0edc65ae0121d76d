/**
 * The app's state in one place and a minimal store around it: features read the state,
 * ask for changes with `update`, and re-render in `subscribe`. No framework needed.
 */
import type { CategoryId } from "../../../src/core/categories.ts";
import type { FacilityId } from "../../../src/core/facilities.ts";
import type { PlaceCollection, PlaceFeature, Region } from "./api.ts";

/** What the user filters places by. Empty sets mean "any". */
export interface Filters {
  readonly categories: ReadonlySet<CategoryId>;
  readonly facilities: ReadonlySet<FacilityId>;
  readonly age: number | null;
  readonly openNow: boolean;
  /** Places whose opening hours or facilities are unknown pass "open now" and facilities too. */
  readonly includeUnknown?: boolean;
}

/** Whether places are being fetched, shown, or failed to load. */
export type LoadStatus = "loading" | "ready" | "error";

/** A position as [longitude, latitude] in degrees, the GeoJSON order. */
export type Position = readonly [lon: number, lat: number];

/**
 * The answer of a full search (Enter in the search box). While it is set, the list and the
 * map show its places instead of the filtered ones; `fallback` holds the nearest places
 * offered when nothing matched.
 */
export interface SearchResults {
  readonly query: string;
  readonly features: readonly PlaceFeature[];
  readonly fallback: { readonly categories: readonly string[]; readonly features: readonly PlaceFeature[] } | null;
}

/** Everything the UI shows. */
export interface AppState {
  readonly regions: readonly Region[];
  readonly regionId: string | null;
  readonly filters: Filters;
  readonly places: PlaceCollection | null;
  readonly status: LoadStatus;
  readonly selectedId: string | null;
  /** Where "locate me" found the user, once they allowed it. */
  readonly userPosition: Position | null;
  readonly search: SearchResults | null;
  /** A place picked from the search that the current filters may hide; the card can still show it. */
  readonly pickedPlace: PlaceFeature | null;
}

/** The state before anything is loaded. */
export function initialState(): AppState {
  return {
    regions: [],
    regionId: null,
    filters: { categories: new Set(), facilities: new Set(), age: null, openNow: false, includeUnknown: false },
    places: null,
    status: "loading",
    selectedId: null,
    userPosition: null,
    search: null,
    pickedPlace: null,
  };
}

/**
 * A value that tells its subscribers when it changes. An update asked for by a subscriber
 * is applied once every subscriber has heard of the current one, so all of them see the
 * changes in the same order and never a stale "previous".
 */
export class Store<T> {
  private readonly listeners = new Set<(state: T, previous: T) => void>();
  private readonly pending: Array<Partial<T>> = [];
  private notifying = false;

  constructor(private state: T) {}

  /** The current state. */
  get(): T {
    return this.state;
  }

  /** Replaces some fields and notifies subscribers with the new and previous state. */
  update(patch: Partial<T>): void {
    this.pending.push(patch);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) {
        const previous = this.state;
        this.state = { ...previous, ...next };
        for (const listener of this.listeners) listener(this.state, previous);
      }
    } finally {
      this.notifying = false;
      this.pending.length = 0;
    }
  }

  /** Calls `listener` after every update; returns an unsubscribe function. */
  subscribe(listener: (state: T, previous: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The region currently chosen, if the regions are loaded. */
export function currentRegion(state: AppState): Region | undefined {
  return state.regions.find((r) => r.id === state.regionId);
}

const indexes = new WeakMap<PlaceCollection, ReadonlyMap<string, PlaceFeature>>();

function loadedPlace(places: PlaceCollection | null, id: string): PlaceFeature | undefined {
  if (places === null) return undefined;
  let index = indexes.get(places);
  if (!index) {
    index = new Map(places.features.map((f) => [f.properties.id, f]));
    indexes.set(places, index);
  }
  return index.get(id);
}

/** The places drawn on the map and listed now: the search's when one is shown, else the filtered ones. */
export function shownPlaces(state: AppState): readonly PlaceFeature[] {
  if (state.search) return state.search.features.length > 0 ? state.search.features : (state.search.fallback?.features ?? []);
  return state.places?.features ?? [];
}

/**
 * The full place with this id among the loaded places (indexed by id once per answer), the
 * search results or the place picked from a suggestion.
 */
export function findPlace(state: AppState, id: string | null): PlaceFeature | undefined {
  if (id === null) return undefined;
  const byId = (f: PlaceFeature): boolean => f.properties.id === id;
  return (
    loadedPlace(state.places, id) ??
    state.search?.features.find(byId) ??
    state.search?.fallback?.features.find(byId) ??
    (state.pickedPlace && byId(state.pickedPlace) ? state.pickedPlace : undefined)
  );
}
