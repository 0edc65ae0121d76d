/**
 * Asking the browser where the person is, once, as a plain answer: the position, or why
 * there is none (refused, or not available: no GPS, a timeout, an insecure page). Shared by
 * "locate me" and the route panel, which asks when it opens without a start.
 */
import type { Position } from "../../shared/store.ts";

/** GeolocationPositionError.PERMISSION_DENIED, as a number so it works where the class is missing. */
const PERMISSION_DENIED = 1;
const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };

/** Where the person is, or why we could not tell. */
export type Geolocated = { readonly ok: true; readonly position: Position } | { readonly ok: false; readonly reason: "denied" | "unavailable" };

/** Asks the browser once; never throws. */
export function requestPosition(options: PositionOptions = POSITION_OPTIONS): Promise<Geolocated> {
  if (!("geolocation" in navigator)) return Promise.resolve({ ok: false, reason: "unavailable" });
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ ok: true, position: [coords.longitude, coords.latitude] }),
      (error) => resolve({ ok: false, reason: error.code === PERMISSION_DENIED ? "denied" : "unavailable" }),
      options,
    ),
  );
}
