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
}

/** Whether places are being fetched, shown, or failed to load. */
export type LoadStatus = "loading" | "ready" | "error";

/** Everything the UI shows. */
export interface AppState {
  readonly regions: readonly Region[];
  readonly regionId: string | null;
  readonly filters: Filters;
  readonly places: PlaceCollection | null;
  readonly status: LoadStatus;
  readonly selectedId: string | null;
}

/** The state before anything is loaded. */
export function initialState(): AppState {
  return {
    regions: [],
    regionId: null,
    filters: { categories: new Set(), facilities: new Set(), age: null, openNow: false },
    places: null,
    status: "loading",
    selectedId: null,
  };
}

/** A value that tells its subscribers when it changes. */
export class Store<T> {
  private readonly listeners = new Set<(state: T, previous: T) => void>();

  constructor(private state: T) {}

  /** The current state. */
  get(): T {
    return this.state;
  }

  /** Replaces some fields and notifies subscribers with the new and previous state. */
  update(patch: Partial<T>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
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

/** The full place with this id among the loaded places (indexed by id once per answer). */
export function findPlace(state: AppState, id: string | null): PlaceFeature | undefined {
  if (id === null || state.places === null) return undefined;
  let index = indexes.get(state.places);
  if (!index) {
    index = new Map(state.places.features.map((f) => [f.properties.id, f]));
    indexes.set(state.places, index);
  }
  return index.get(id);
}
