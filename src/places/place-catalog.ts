/**
 * The live set of places: an index rebuilt from the database at start and after each
 * import or edit, with no restart. Readers always see one whole index (the swap is a
 * single assignment), never a half-built one.
 */
import type { Place } from "../core/place.ts";
import type { Queryable } from "../platform/database/database.ts";
import { PlaceIndex } from "./place-index.ts";
import { loadAllPlaces } from "./place-store.ts";

export class PlaceCatalog {
  private current = new PlaceIndex([]);
  private counts = new Map<string, number>();
  private readonly listeners: Array<(places: readonly Place[]) => void> = [];

  get index(): PlaceIndex {
    return this.current;
  }

  /** Re-reads every place; other domains (search, coverage) subscribe with onChange. */
  async reload(db: Queryable): Promise<void> {
    const places = await loadAllPlaces(db);
    this.current = new PlaceIndex(places);
    this.counts = new Map();
    for (const place of places) this.counts.set(place.regionId, (this.counts.get(place.regionId) ?? 0) + 1);
    for (const listener of this.listeners) listener(places);
  }

  countIn(regionId: string): number {
    return this.counts.get(regionId) ?? 0;
  }

  onChange(listener: (places: readonly Place[]) => void): void {
    this.listeners.push(listener);
  }
}
