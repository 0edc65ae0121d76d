/**
 * Client of GET /api/suggest (as-you-type suggestions) and GET /api/search (the full search
 * behind Enter). Answers are checked for the shape the search box relies on; a suggestion
 * that is malformed is dropped rather than breaking the whole list.
 */
import { isCategoryId, type CategoryId } from "../../../../src/core/categories.ts";
import { ApiError, getJson, isRecord, toPlaceFeatures } from "../../shared/api.ts";
import type { Filters, Position, SearchResults } from "../../shared/store.ts";

/** The longest query the API accepts (q of 1 to 100 characters). */
export const MAX_QUERY_LENGTH = 100;

/** Most places a full search asks for. */
const SEARCH_LIMIT = 50;

/** One suggestion of GET /api/suggest. `matched: false` marks the nearest places offered instead. */
export interface Suggestion {
  readonly id: string;
  readonly name: { readonly zh: string | null; readonly en: string | null; readonly pinyin: string | null };
  readonly category: CategoryId;
  readonly icon: string;
  readonly districtName: string | null;
  readonly distanceM: number | null;
  readonly lon: number;
  readonly lat: number;
  readonly matched: boolean;
}

/** What a search is about: the text, where the user is (or looks), and the region shown. */
export interface SearchContext {
  readonly query: string;
  readonly near: Position | null;
  readonly regionId: string | null;
}

function nullableString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function toSuggestion(value: unknown): Suggestion | null {
  if (!isRecord(value) || !isRecord(value.name)) return null;
  const { id, category, icon, lon, lat, distanceM } = value;
  if (typeof id !== "string" || typeof category !== "string" || !isCategoryId(category)) return null;
  if (typeof lon !== "number" || typeof lat !== "number") return null;
  return {
    id,
    name: { zh: nullableString(value.name.zh), en: nullableString(value.name.en), pinyin: nullableString(value.name.pinyin) },
    category,
    icon: typeof icon === "string" ? icon : "star",
    districtName: nullableString(value.districtName),
    distanceM: typeof distanceM === "number" ? distanceM : null,
    lon,
    lat,
    matched: value.matched !== false,
  };
}

function contextParams(context: SearchContext): URLSearchParams {
  const params = new URLSearchParams({ q: context.query.slice(0, MAX_QUERY_LENGTH) });
  if (context.near) {
    params.set("lat", context.near[1].toFixed(6));
    params.set("lon", context.near[0].toFixed(6));
  }
  if (context.regionId !== null) params.set("region", context.regionId);
  return params;
}

/** GET /api/suggest: up to eight suggestions, nearest first among equally good matches. */
export async function fetchSuggestions(context: SearchContext, signal?: AbortSignal): Promise<Suggestion[]> {
  const body = await getJson(`/api/suggest?${contextParams(context)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.suggestions)) {
    throw new ApiError(500, "bad_response", "suggest answer has no suggestions list");
  }
  return body.suggestions.map(toSuggestion).filter((s): s is Suggestion => s !== null);
}

/** The query string of a full search: the context plus the filters the chips and panel set. */
export function searchParams(context: SearchContext, filters: Filters): URLSearchParams {
  const params = contextParams(context);
  params.set("limit", String(SEARCH_LIMIT));
  if (filters.categories.size > 0) params.set("category", [...filters.categories].join(","));
  if (filters.facilities.size > 0) params.set("facility", [...filters.facilities].join(","));
  if (filters.age !== null) params.set("age", String(filters.age));
  if (filters.openNow) params.set("open_now", "true");
  return params;
}

/** GET /api/search: the matching places, or the nearest ones as a fallback when none match. */
export async function fetchSearch(context: SearchContext, filters: Filters, signal?: AbortSignal): Promise<SearchResults> {
  const body = await getJson(`/api/search?${searchParams(context, filters)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) {
    throw new ApiError(500, "bad_response", "search answer is not a FeatureCollection");
  }
  const fallback = isRecord(body.fallback) && Array.isArray(body.fallback.features) ? body.fallback : null;
  return {
    query: context.query,
    features: toPlaceFeatures(body.features),
    fallback: fallback && {
      categories: Array.isArray(fallback.categories) ? fallback.categories.filter((c): c is string => typeof c === "string") : [],
      features: toPlaceFeatures(fallback.features as unknown[]),
    },
  };
}
