/**
 * What the favourites list shows of a saved thing (its name and position) and whether it still
 * exists, looked up in the domains that own places and guides. Until a guides domain gives
 * its lookup, a guide is taken on trust (`undefined`: cannot tell) and listed without a name.
 */
import type { FavouriteKind } from "../core/api/favourites.ts";
import type { Place } from "../core/place.ts";

/** A saved thing as the list shows it. */
export interface FavouriteTarget {
  name: { zh: string | null; en: string | null };
  lon: number | null;
  lat: number | null;
}

/** null: no such place or guide (any more); undefined: this server cannot tell. */
export type DescribeTarget = (kind: FavouriteKind, id: string) => Promise<FavouriteTarget | null | undefined>;

/** The lookup over the place catalog, and over guides when a guides lookup is given. */
export function favouriteTargets(places: { get(id: string): Place | undefined }, guide?: (id: string) => Promise<FavouriteTarget | null>): DescribeTarget {
  return async (kind, id) => {
    if (kind === "guide") return guide ? guide(id) : undefined;
    const place = places.get(id);
    return place ? { name: { zh: place.name.zh, en: place.name.en }, lon: place.lon, lat: place.lat } : null;
  };
}
