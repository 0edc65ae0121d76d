/**
 * Typed client for the Tongxing HTTP API. Responses are checked for the shape the UI relies
 * on before use, so a server change shows up as one clear error instead of a blank card.
 */
import type { FeatureCollection, Geometry } from "geojson";
import type { PlacesQueryText } from "../../../src/core/api/places.ts";
import type { OpenStatus } from "../../../src/core/opening-hours.ts";
import type { Place } from "../../../src/core/place.ts";
import { noteAnswer } from "./data-freshness.ts";
import { getLanguage, languageTag } from "./i18n.ts";

/** A region as listed by GET /api/regions. */
export interface Region {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly bbox: readonly [number, number, number, number];
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly timeZone: string;
  readonly attribution: string | readonly string[] | null;
  readonly hasBasemap: boolean;
  readonly placeCount: number;
  /** The server plans routes here (it has the region's streets). */
  readonly routes: boolean;
  /** The server can analyse walking coverage here (streets and residential areas). */
  readonly coverage: boolean;
}

/** The properties of a place feature: the stored place plus what the server works out. */
export type PlaceProperties = Omit<Place, "lon" | "lat" | "communityCode"> & {
  readonly communityCode?: string | null;
  readonly open: OpenStatus;
  readonly districtName: string | null;
  readonly distanceM?: number;
};

/** One place as a GeoJSON point feature. */
export interface PlaceFeature {
  readonly type: "Feature";
  readonly id: string;
  readonly geometry: { readonly type: "Point"; readonly coordinates: readonly [number, number] };
  readonly properties: PlaceProperties;
}

/** The answer of GET /api/places and /api/places/nearby. */
export interface PlaceCollection {
  readonly type: "FeatureCollection";
  readonly features: readonly PlaceFeature[];
  readonly count: number;
  readonly truncated: boolean;
  /** How many places the filters left out only because their hours or facilities are unknown. */
  readonly leftOut?: { readonly total: number; readonly unknownHours: number; readonly unknownFacilities: number };
}

/** What a places query can ask for; empty lists and undefined values are left out. */
export interface PlaceQuery {
  readonly region: string;
  readonly categories: readonly string[];
  readonly facilities: readonly string[];
  readonly age: number | null;
  readonly openNow: boolean;
  /** Let places with unknown hours or facilities pass (`unknown=include`). */
  readonly includeUnknown?: boolean;
}

/** An error answer of the API, or a network failure (status 0, code "network"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the error is about ("q", "from", "to"), when the server names one. */
    readonly field: string | null = null,
    /** Specifics the server adds (the safety guard's reasons). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** GETs an API path as JSON; an error answer becomes an ApiError with the server's code. */
export async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: "application/json", "accept-language": languageTag(getLanguage()) } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (response.ok) noteAnswer(response.headers);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = isRecord(body) ? body : {};
    const code = typeof detail.code === "string" ? detail.code : "http_" + response.status;
    const message = typeof detail.message === "string" ? detail.message : response.statusText;
    throw new ApiError(response.status, code, message, typeof detail.field === "string" ? detail.field : null);
  }
  return body;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when a JSON value has the shape of a place feature the UI can show. */
export function isPlaceFeature(value: unknown): value is PlaceFeature {
  if (!isRecord(value) || !isRecord(value.geometry) || !isRecord(value.properties)) return false;
  const coordinates = value.geometry.coordinates;
  const properties = value.properties;
  return (
    Array.isArray(coordinates) &&
    typeof coordinates[0] === "number" &&
    typeof coordinates[1] === "number" &&
    typeof properties.id === "string" &&
    isRecord(properties.name) &&
    Array.isArray(properties.categories) &&
    Array.isArray(properties.facilities)
  );
}

/** The place features of a JSON list, each with its id copied to the feature (what MapLibre keys on). */
export function toPlaceFeatures(list: readonly unknown[]): PlaceFeature[] {
  return list.filter(isPlaceFeature).map((f) => ({ ...f, id: f.properties.id }));
}

function toPlaceCollection(body: unknown): PlaceCollection {
  if (!isRecord(body) || !Array.isArray(body.features)) {
    throw new ApiError(500, "bad_response", "places answer is not a FeatureCollection");
  }
  const features = toPlaceFeatures(body.features);
  const count = typeof body.count === "number" ? body.count : features.length;
  const leftOut = isRecord(body.leftOut) ? body.leftOut as unknown as PlaceCollection["leftOut"] : undefined;
  return { type: "FeatureCollection", features, count, truncated: body.truncated === true, ...(leftOut ? { leftOut } : {}) };
}

/** GET /api/regions: every region the server knows, in its order. */
export async function fetchRegions(signal?: AbortSignal): Promise<Region[]> {
  const body = await getJson("/api/regions", signal);
  if (!isRecord(body) || !Array.isArray(body.regions)) {
    throw new ApiError(500, "bad_response", "regions answer has no regions list");
  }
  return body.regions.filter(
    (r): r is Region => isRecord(r) && typeof r.id === "string" && Array.isArray(r.bbox) && isRecord(r.name),
  );
}

/** GET /api/regions/{id}/boundaries: the region's administrative areas (maybe none). */
export async function fetchBoundaries(regionId: string, signal?: AbortSignal): Promise<FeatureCollection<Geometry>> {
  const body = await getJson(`/api/regions/${encodeURIComponent(regionId)}/boundaries`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) {
    throw new ApiError(500, "bad_response", "boundaries answer is not a FeatureCollection");
  }
  return body as unknown as FeatureCollection<Geometry>;
}

/** The query string GET /api/places is called with for a filter state. */
export function placesSearch(query: PlaceQuery): string {
  // The parameter names and spellings are the contract's (src/core/api/places.ts).
  const text: PlacesQueryText = { region: query.region };
  if (query.categories.length > 0) text.category = query.categories.join(",");
  if (query.facilities.length > 0) text.facility = query.facilities.join(",");
  if (query.age !== null) text.age = String(query.age);
  if (query.openNow) text.open_now = "true";
  if (query.includeUnknown) text.unknown = "include";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(text)) if (typeof value === "string") params.set(key, value);
  return params.toString();
}

/** GET /api/places for a region and filters. */
export async function fetchPlaces(query: PlaceQuery, signal?: AbortSignal): Promise<PlaceCollection> {
  return toPlaceCollection(await getJson(`/api/places?${placesSearch(query)}`, signal));
}

/** GET /api/places/{id}: one place, e.g. a search pick hidden by the current filters. */
export async function fetchPlace(id: string, signal?: AbortSignal): Promise<PlaceFeature> {
  const [feature] = toPlaceFeatures([await getJson(`/api/places/${encodeURIComponent(id)}`, signal)]);
  if (!feature) throw new ApiError(500, "bad_response", "place answer is not a place feature");
  return feature;
}

/** A property of a JSON answer, read without checks: for answers whose shape the caller knows. */
export function property<T>(value: unknown, key: string): T {
  return (isRecord(value) ? value[key] : undefined) as T;
}

/**
 * Sends a change (POST, DELETE, ...) as JSON, or a Blob as-is, with the header the server
 * demands of every change; `headers` come last, so a caller may set its own content type.
 * An error answer becomes an ApiError with code, field and details.
 */
export async function sendJson(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
  const blob = body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: "application/json",
        "accept-language": languageTag(getLanguage()),
        "x-tongxing-request": "1",
        ...(body === undefined ? {} : { "content-type": blob ? body.type || "application/octet-stream" : "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : blob ? body : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer;
  const detail = isRecord(answer) ? answer : {};
  const code = typeof detail.code === "string" ? detail.code : "http_" + response.status;
  const message = typeof detail.message === "string" ? detail.message : response.statusText;
  throw new ApiError(response.status, code, message, typeof detail.field === "string" ? detail.field : null, detail.details);
}
