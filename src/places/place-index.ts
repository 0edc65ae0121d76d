/**
 * The in-memory spatial index every place query runs on: a static k-d tree (KDBush) over
 * all places, rebuilt whole when places change (a rebuild of 100k places takes tens of
 * milliseconds, see docs/PERFORMANCE.md). Filters are bitmasks so a query tests a place
 * with two ANDs instead of array scans.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { CATEGORY_IDS, type CategoryId } from "../core/categories.ts";
import { FACILITY_IDS, type FacilityId } from "../core/facilities.ts";
import { type BBox, distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";

/** What a family filters by; every given condition must hold. */
export interface PlaceFilter {
  categories?: readonly CategoryId[];
  facilities?: readonly FacilityId[];
  /** Places with no facility recorded (unknown, not absent) pass the facility condition. */
  unknownFacilitiesPass?: boolean;
  /** A child's age; places with no age range stated count as suitable. */
  age?: number;
  regionId?: string;
  /** Called last, only for places that passed everything else (open-now is the costly one). */
  predicate?: (place: Place) => boolean;
}

export interface NearbyHit {
  place: Place;
  distanceM: number;
}

const maskOf = <T extends string>(all: readonly T[], some: readonly T[]): number =>
  some.reduce((mask, item) => mask | (1 << all.indexOf(item)), 0);

export class PlaceIndex {
  private readonly tree: KDBush;
  private readonly categoryMasks: Uint32Array;
  private readonly facilityMasks: Uint32Array;
  private readonly byId = new Map<string, Place>();
  private readonly positions = new Map<string, number>();

  constructor(readonly places: readonly Place[]) {
    this.tree = new KDBush(Math.max(1, places.length));
    this.categoryMasks = new Uint32Array(places.length);
    this.facilityMasks = new Uint32Array(places.length);
    places.forEach((place, i) => {
      this.tree.add(place.lon, place.lat);
      this.categoryMasks[i] = maskOf(CATEGORY_IDS, place.categories);
      this.facilityMasks[i] = maskOf(FACILITY_IDS, place.facilities);
      this.byId.set(place.id, place);
      this.positions.set(place.id, i);
    });
    if (places.length === 0) this.tree.add(0, 0);
    this.tree.finish();
  }

  get size(): number {
    return this.places.length;
  }

  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /** The filter as a test on a place object (for callers holding places, like search). */
  matcherFor(filter: PlaceFilter): (place: Place) => boolean {
    const test = this.matcher(filter);
    return (place) => {
      const i = this.positions.get(place.id);
      return i !== undefined && test(i);
    };
  }

  /** A test for one place index, with the masks computed once per query. */
  private matcher(filter: PlaceFilter): (i: number) => boolean {
    const categoryMask = filter.categories?.length ? maskOf(CATEGORY_IDS, filter.categories) : 0;
    const facilityMask = filter.facilities?.length ? maskOf(FACILITY_IDS, filter.facilities) : 0;
    const { age, regionId, predicate, unknownFacilitiesPass } = filter;
    return (i) => {
      const place = this.places[i];
      if (!place) return false;
      if (categoryMask && (this.categoryMasks[i]! & categoryMask) === 0) return false;
      const facilities = this.facilityMasks[i]!;
      if (facilityMask && (facilities & facilityMask) !== facilityMask && !(unknownFacilitiesPass && facilities === 0)) return false;
      if (regionId !== undefined && place.regionId !== regionId) return false;
      if (age !== undefined && ((place.ageMin ?? 0) > age || (place.ageMax ?? 99) < age)) return false;
      return predicate ? predicate(place) : true;
    };
  }

  /** Places inside a bbox that pass the filter, at most `limit`, plus whether more matched. */
  inBBox(bbox: BBox, filter: PlaceFilter, limit: number): { places: Place[]; truncated: boolean } {
    const test = this.matcher(filter);
    const found: Place[] = [];
    for (const i of this.tree.range(bbox[0], bbox[1], bbox[2], bbox[3])) {
      if (!test(i)) continue;
      if (found.length === limit) return { places: found, truncated: true };
      found.push(this.places[i]!);
    }
    return { places: found, truncated: false };
  }

  /** Every place that passes the filter (used with a region and no bbox). */
  matching(filter: PlaceFilter, limit: number): { places: Place[]; truncated: boolean } {
    const test = this.matcher(filter);
    const found: Place[] = [];
    for (let i = 0; i < this.places.length; i++) {
      if (!test(i)) continue;
      if (found.length === limit) return { places: found, truncated: true };
      found.push(this.places[i]!);
    }
    return { places: found, truncated: false };
  }

  /** How many places (inside `bbox`, when given) pass the filter, with no limit. */
  count(bbox: BBox | undefined, filter: PlaceFilter): number {
    const test = this.matcher(filter);
    let n = 0;
    if (bbox) {
      for (const i of this.tree.range(bbox[0], bbox[1], bbox[2], bbox[3])) if (test(i)) n++;
      return n;
    }
    for (let i = 0; i < this.places.length; i++) if (test(i)) n++;
    return n;
  }

  /** The k nearest places passing the filter, within maxDistanceM, nearest first. */
  nearby(lon: number, lat: number, k: number, maxDistanceM: number, filter: PlaceFilter = {}): NearbyHit[] {
    if (this.places.length === 0) return [];
    const test = this.matcher(filter);
    const ids = around(this.tree, lon, lat, k, maxDistanceM / 1000, test) as number[];
    return ids.map((i) => {
      const place = this.places[i]!;
      return { place, distanceM: distanceMeters([lon, lat], [place.lon, place.lat]) };
    });
  }
}
