/**
 * Turns API data into what MapLibre sources hold. MapLibre stringifies nested properties,
 * so markers get flat ones (id, first category's colour and icon, a label in the current
 * language); the full place stays with the app, looked up by id when a marker is tapped.
 */
import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import { CATEGORIES, isCategoryId } from "../../../src/core/categories.ts";
import { type LiveStatus, closedByStaff } from "../../../src/core/api/live-vocabulary.ts";
import type { PlaceFeature } from "../shared/api.ts";
import type { Lang } from "../shared/i18n.ts";

/** The flat properties of one marker feature. */
export interface MarkerProperties {
  readonly id: string;
  readonly category: string;
  readonly icon: string;
  readonly color: string;
  readonly label: string;
}

const FALLBACK = { icon: "star", color: "#495057" } as const;
/** A place its venue's staff closed (today, or until a time) is drawn grey. */
const CLOSED_COLOR = "#868e96";

/**
 * A place's name in `lang`, falling back to the other language (the same rule as
 * `displayName` in src/core/place.ts, which the browser does not import to keep zod out).
 */
export function placeName(place: PlaceFeature, lang: Lang): string {
  const { zh, en } = place.properties.name;
  return (lang === "zh" ? (zh ?? en) : (en ?? zh)) ?? "";
}

/** Marker features for the places source, one per place, labelled in `lang`. */
export function toMarkerCollection(places: readonly PlaceFeature[], lang: Lang): FeatureCollection<Point, MarkerProperties> {
  const now = new Date();
  const features = places.map((place): Feature<Point, MarkerProperties> => {
    const first = place.properties.categories.find(isCategoryId);
    const info = first ? CATEGORIES[first] : undefined;
    return {
      type: "Feature",
      geometry: { type: "Point", coordinates: [place.geometry.coordinates[0], place.geometry.coordinates[1]] },
      properties: {
        id: place.properties.id,
        category: first ?? "",
        icon: info?.icon ?? FALLBACK.icon,
        color: closedByStaff((place.properties as { live?: LiveStatus }).live, now) ? CLOSED_COLOR : (info?.color ?? FALLBACK.color),
        label: placeName(place, lang),
      },
    };
  });
  return { type: "FeatureCollection", features };
}

function boundaryName(name: unknown, lang: Lang): string {
  if (typeof name === "string") return name;
  if (typeof name !== "object" || name === null) return "";
  const pair = name as { zh?: unknown; en?: unknown };
  const wanted = lang === "zh" ? pair.zh : pair.en;
  const other = lang === "zh" ? pair.en : pair.zh;
  if (typeof wanted === "string") return wanted;
  return typeof other === "string" ? other : "";
}

/**
 * Boundary features with a flat `label` in `lang`. The API's `name` may be a plain string
 * or a `{zh, en}` pair; both are accepted.
 */
export function labelBoundaries(boundaries: FeatureCollection<Geometry>, lang: Lang): FeatureCollection<Geometry> {
  return {
    type: "FeatureCollection",
    features: boundaries.features.map((feature) => ({
      ...feature,
      properties: {
        code: feature.properties?.code ?? null,
        level: feature.properties?.level ?? null,
        label: boundaryName(feature.properties?.name, lang),
      },
    })),
  };
}

/** An empty collection, the starting data of every overlay source. */
export function emptyCollection(): FeatureCollection {
  return { type: "FeatureCollection", features: [] };
}
