/**
 * Live status joined to the places the app holds: each place gets its status as `live`,
 * and a place staff said is closed shows as closed (`open.state`), with the hours' own
 * answer kept as `hoursOpen` for when the closure ends. Pure, so the store update and its
 * tests share it. With the open-now filter on, a place closed by staff leaves the list.
 */
import { type LiveStatus, activeStatus, closedByStaff } from "../../../../src/core/api/live-vocabulary.ts";
import type { PlaceCollection, PlaceFeature, PlaceProperties } from "../../shared/api.ts";

/** A place's properties with its live status. */
export type LiveProperties = PlaceProperties & { readonly live?: LiveStatus; readonly hoursOpen?: PlaceProperties["open"] };

/** The live status a place carries now (null when none or all expired). */
export function liveOf(place: PlaceFeature, now = new Date()): LiveStatus | null {
  const live = (place.properties as LiveProperties).live;
  return live ? activeStatus(live, now) : null;
}

/** The place with `status` joined (the same object when nothing changes). */
export function withLive(place: PlaceFeature, status: LiveStatus | undefined, now = new Date()): PlaceFeature {
  const props = place.properties as LiveProperties;
  if (props.live === status) return place;
  const hoursOpen = props.hoursOpen ?? props.open;
  const open = closedByStaff(status, now) ? { state: "closed" as const, nextChange: null, nextChangeDate: null } : hoursOpen;
  return { ...place, properties: { ...props, live: status, hoursOpen, open } as LiveProperties };
}

/**
 * The collection with every place's status joined from `statuses`; places staff closed are
 * left out when `openNowOnly`. The same object when nothing changes.
 */
export function mergeStatuses(collection: PlaceCollection, statuses: ReadonlyMap<string, LiveStatus>, openNowOnly: boolean, now = new Date()): PlaceCollection {
  let changed = false;
  const features: PlaceFeature[] = [];
  for (const place of collection.features) {
    const status = statuses.get(place.properties.id);
    if (openNowOnly && closedByStaff(status, now)) {
      changed = true;
      continue;
    }
    const joined = withLive(place, status, now);
    if (joined !== place) changed = true;
    features.push(joined);
  }
  return changed ? { ...collection, features, count: features.length } : collection;
}
