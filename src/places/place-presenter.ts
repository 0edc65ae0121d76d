/**
 * A place as the API shows it: a GeoJSON Feature whose properties add what is computed
 * per request (open now, in the place's own time zone) and looked up (district name).
 */
import type { Feature, FeatureCollection, Point } from "geojson";
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

export function placeFeature(place: Place, context: PresentContext, distanceM?: number): Feature<Point, PlaceProperties> {
  const { lon, lat, ...rest } = place;
  const properties: PlaceProperties = {
    ...rest,
    open: openStatus(place.openingHours, context.now, context.timeZoneOf(place.regionId)),
    districtName: context.divisionName(place.districtCode),
    communityName: context.divisionName(place.communityCode),
  };
  if (distanceM !== undefined) properties.distanceM = Math.round(distanceM);
  return { type: "Feature", id: place.id, geometry: { type: "Point", coordinates: [lon, lat] }, properties };
}

export function placeCollection(
  features: Array<Feature<Point, PlaceProperties>>,
  truncated: boolean,
): FeatureCollection<Point, PlaceProperties> & { count: number; truncated: boolean } {
  return { type: "FeatureCollection", features, count: features.length, truncated };
}
