/**
 * The MapLibre map every page of the app starts from: our basemap, Chinese glyphs drawn
 * locally, labels in the page's language, and no rotation or tilt (a child should never
 * find the map upside down). The worker is set once here for all of them.
 */
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { Map as MapLibreMap, type MapOptions, setWorkerUrl } from "maplibre-gl";
import type { Lang } from "../shared/i18n.ts";
import { IDEOGRAPH_FONTS, UI_STRINGS, basemapStyle } from "./basemap-style.ts";

setWorkerUrl(workerUrl);

export function createFlatMap(container: HTMLElement, lang: Lang, extra: Partial<MapOptions> = {}): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(location.origin),
    center: [112.57, 26.89],
    zoom: 3,
    maxZoom: 19,
    attributionControl: false,
    localIdeographFontFamily: IDEOGRAPH_FONTS,
    locale: UI_STRINGS[lang],
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    ...extra,
  });
  map.touchZoomRotate.disableRotation();
  return map;
}
