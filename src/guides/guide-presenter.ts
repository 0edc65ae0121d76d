/**
 * A stored guide as the public reads it: each stop where its place is now and whether the
 * place has closed (removed from the map) or moved since the guide was written, the author
 * credited by nickname and team (a child) or by unit (staff), never by account. The status
 * is shown only to those who may see a guide before it is public.
 */
import { GUIDE_LIMITS, type GuideDetail, type GuideLegFeature, type GuideStopState, type GuideSummary } from "../core/api/guides.ts";
import { distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import type { StoredGuide, StoredStop } from "./guide-store.ts";

export type PlaceLookup = (id: string) => Place | undefined;
type StopView = GuideDetail["stops"][number];

/** What became of a stop's place: closed when the map no longer serves it, moved when it lies far from where it was. */
export function stopState(stop: Pick<StoredStop, "lon" | "lat">, place: Pick<Place, "lon" | "lat"> | undefined): GuideStopState {
  if (!place) return "closed";
  return distanceMeters([stop.lon, stop.lat], [place.lon, place.lat]) > GUIDE_LIMITS.movedM ? "moved" : "open";
}

export function stopView(stop: StoredStop, place: Place | undefined): StopView {
  const state = stopState(stop, place);
  return {
    placeId: stop.placeId,
    name: place?.name.zh ?? place?.name.en ?? stop.name,
    nameEn: place?.name.en ?? null,
    note: stop.note,
    lat: place?.lat ?? stop.lat,
    lon: place?.lon ?? stop.lon,
    state,
    photos: stop.photoIds.map((id) => `/api/guide-photos/${id}`),
  };
}

/** The points legs are computed between: where each place is now, or was when it closed. */
export function stopPoints(guide: StoredGuide, places: PlaceLookup): Array<[number, number]> {
  return guide.stops.map((s) => {
    const place = places(s.placeId);
    return place ? [place.lon, place.lat] : [s.lon, s.lat];
  });
}

export function guideSummary(guide: StoredGuide, places: PlaceLookup, options: { withStatus?: boolean; distanceM?: number } = {}): GuideSummary {
  const stops = guide.stops.map((s) => stopView(s, places(s.placeId)));
  const first = stops[0]!;
  return {
    id: guide.id, kind: guide.kind, title: guide.title, summary: guide.summary, theme: guide.theme,
    ageMin: guide.ageMin, ageMax: guide.ageMax, minutes: guide.minutes, cost: guide.cost, stroller: guide.stroller, wheelchair: guide.wheelchair,
    regionId: guide.regionId,
    author: { name: guide.authorName, team: guide.team, byChild: guide.authorKind === "child" },
    stopCount: stops.length,
    start: { placeId: first.placeId, name: first.name, lat: first.lat, lon: first.lon },
    changedStops: stops.filter((s) => s.state !== "open").length,
    ...(options.distanceM !== undefined ? { distanceM: Math.round(options.distanceM) } : {}),
    ...(options.withStatus ? { status: guide.status } : {}),
    publishedAt: guide.publishedAt,
  };
}

export function guideDetail(guide: StoredGuide, places: PlaceLookup, legs: readonly GuideLegFeature[], shareUrl: string, withStatus: boolean): GuideDetail {
  return {
    ...guideSummary(guide, places, { withStatus }),
    stops: guide.stops.map((s) => stopView(s, places(s.placeId))),
    legs: { type: "FeatureCollection", features: [...legs] },
    travelMinutes: Math.round(legs.reduce((sum, leg) => sum + leg.properties.durationS, 0) / 60),
    shareUrl,
  };
}
