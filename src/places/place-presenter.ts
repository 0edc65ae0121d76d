/**
 * A place as the API shows it: a GeoJSON Feature whose properties add what is computed
 * per request (open now, in the place's own time zone) and looked up (district name).
 * Written as JSON text directly: this is the hot path of the map.
 */
import { type OpenStatus, openStatus } from "../core/opening-hours.ts";
import type { Place } from "../core/place.ts";

export interface PresentContext {
  now: Date;
  timeZoneOf: (regionId: string) => string;
  divisionName: (code: string | null) => string | null;
}

export type PlaceProperties = Omit<Place, "lon" | "lat"> & {
  open: OpenStatus;
  districtName: string | null;
  communityName: string | null;
  distanceM?: number;
};

// The static part of each place's JSON, cached per place object: the catalog makes new
// objects on every reload, so a changed place never meets a stale string. Only the open
// status and the distance are written per request (docs/PERFORMANCE.md).
const staticJson = new WeakMap<Place, string>();

/** Seven decimals of a degree is about 1 cm: more is noise in the response. */
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

function staticPart(place: Place, context: PresentContext): string {
  let json = staticJson.get(place);
  if (json !== undefined) return json;
  const feature = {
    type: "Feature",
    id: place.id,
    geometry: { type: "Point", coordinates: [round7(place.lon), round7(place.lat)] },
    properties: {
      id: place.id,
      regionId: place.regionId,
      name: place.name,
      categories: place.categories,
      kind: place.kind,
      facilities: place.facilities,
      ageMin: place.ageMin,
      ageMax: place.ageMax,
      openingHours: place.openingHours,
      address: place.address,
      districtCode: place.districtCode,
      districtName: context.divisionName(place.districtCode),
      communityCode: place.communityCode,
      communityName: context.divisionName(place.communityCode),
      demonstration: place.demonstration,
      precision: place.precision,
      locationNote: place.locationNote,
      provenance: place.provenance,
      updatedAt: place.updatedAt,
    },
  };
  // Drop the closing "}}" so the per-request members can follow inside properties.
  json = JSON.stringify(feature).slice(0, -2);
  staticJson.set(place, json);
  return json;
}

/**
 * One place as a GeoJSON Feature (JSON text) with `PlaceProperties`; `extra` adds members
 * of another domain's answer to the properties (search adds its score).
 */
export function placeFeatureJson(place: Place, context: PresentContext, distanceM?: number, extra?: Readonly<Record<string, number>>): string {
  const open = openStatus(place.openingHours, context.now, context.timeZoneOf(place.regionId));
  const distance = distanceM === undefined ? "" : `,"distanceM":${Math.round(distanceM)}`;
  const more = extra ? Object.entries(extra).map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`).join("") : "";
  return `${staticPart(place, context)},"open":${JSON.stringify(open)}${distance}${more}}}`;
}

/**
 * How many places a filter left out only because their opening hours or facilities are
 * unknown: `total` with both let through, and each unknown alone.
 */
export interface LeftOut {
  total: number;
  unknownHours: number;
  unknownFacilities: number;
}

/**
 * A FeatureCollection (JSON text) with the count, whether the limit cut it short and, when
 * the filters could leave places out for unknown facts, how many they did (`leftOut`).
 */
export function placeCollectionJson(features: readonly string[], truncated: boolean, leftOut?: LeftOut): string {
  const more = leftOut ? `,"leftOut":${JSON.stringify(leftOut)}` : "";
  return `{"type":"FeatureCollection","features":[${features.join(",")}],"count":${features.length},"truncated":${truncated}${more}}`;
}
