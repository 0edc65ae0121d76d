/**
 * What the app and its features ask of the map, whichever draws it: MapLibre (map-view.ts) or,
 * on a touch phone until the person needs more, the picture map that stands in for it
 * (lazy-map.ts). Type-only: nothing here loads MapLibre.
 */
import type { IdeasLayer } from "./ideas-layer.ts";
import type { MapView } from "./map-view.ts";

export type AppMap = Pick<
  MapView,
  | "whenIdle" | "setPlaces" | "setBoundaries" | "setSelected" | "showRegion" | "focusOn" | "flyToPlace" | "fitPositions"
  | "center" | "setRoutes" | "setJourney" | "setRouteStart" | "pickPoint" | "cancelPick" | "setUserDot" | "renderedRouteLines"
  | "showUserLocation" | "flyTo" | "setAttribution" | "setLanguage" | "renderedPlaces" | "markerPositions"
> & {
  readonly ideas: Pick<IdeasLayer, "show" | "hide" | "setDraft" | "drawn">;
};
