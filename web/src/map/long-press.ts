/**
 * "Long-press the map" on touch screens and right-click with a mouse, as one event: the way
 * to put a route's start somewhere other than where the user is. A press that moves (a
 * pan) or adds a finger (a pinch) is not a long press. Android also fires `contextmenu`
 * on a long press; the second report of the same press is ignored.
 */
import type { Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from "maplibre-gl";

const HOLD_MS = 550;
const MOVE_TOLERANCE_PX = 10;
const SAME_PRESS_MS = 900;

/** Calls `handler` with the [lon, lat] of each long press or right-click on the map. */
export function listenForLongPress(map: MapLibreMap, handler: (lonLat: [number, number]) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let startPoint: { x: number; y: number } | null = null;
  let lastFired = 0;

  const fire = (lng: number, lat: number): void => {
    const now = Date.now();
    if (now - lastFired < SAME_PRESS_MS) return;
    lastFired = now;
    handler([lng, lat]);
  };
  const cancel = (): void => {
    clearTimeout(timer);
    startPoint = null;
  };

  map.on("touchstart", (event: MapTouchEvent) => {
    cancel();
    if (event.originalEvent.touches.length !== 1) return;
    startPoint = { x: event.point.x, y: event.point.y };
    const { lng, lat } = event.lngLat;
    timer = setTimeout(() => fire(lng, lat), HOLD_MS);
  });
  map.on("touchmove", (event: MapTouchEvent) => {
    if (!startPoint) return;
    const moved = Math.hypot(event.point.x - startPoint.x, event.point.y - startPoint.y);
    if (moved > MOVE_TOLERANCE_PX || event.originalEvent.touches.length !== 1) cancel();
  });
  map.on("touchend", cancel);
  map.on("touchcancel", cancel);
  map.on("contextmenu", (event: MapMouseEvent) => {
    event.preventDefault();
    fire(event.lngLat.lng, event.lngLat.lat);
  });
}
