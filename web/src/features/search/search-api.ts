/**
 * Client of GET /api/suggest (as-you-type suggestions) and GET /api/search (the full search
 * behind Enter). Answers are checked for the shape the search box relies on; a suggestion
 * that is malformed is dropped rather than breaking the whole list.
 */
import { isCategoryId, type CategoryId } from "../../../../src/core/categories.ts";
import { ApiError, type PlaceFeature, getJson, isRecord, toPlaceFeatures } from "../../shared/api.ts";
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

/**
 * What a search is about: the text, where the person is (distances are measured from there,
 * and only when it is known), where to look first when that is unknown or in another city
 * (the map centre: it ranks but gives no distances), and the region shown.
 */
export interface SearchContext {
  readonly query: string;
  readonly person: Position | null;
  readonly focus: Position | null;
  readonly regionId: string | null;
}

/** Strong matches the server found in another region when the one searched had none. */
export interface Elsewhere<T> {
  readonly regionId: string;
  readonly count: number;
  readonly items: readonly T[];
}

/** The answer of GET /api/suggest: suggestions here, and perhaps an offer of another region. */
export interface SuggestAnswer {
  readonly suggestions: readonly Suggestion[];
  readonly elsewhere: Elsewhere<Suggestion> | null;
}

/** The answer of GET /api/search: the results here, and perhaps an offer of another region. */
export interface SearchAnswer {
  readonly results: SearchResults;
  readonly elsewhere: Elsewhere<PlaceFeature> | null;
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
  if (context.person) {
    params.set("lat", context.person[1].toFixed(6));
    params.set("lon", context.person[0].toFixed(6));
  }
  if (context.focus) {
    params.set("focus_lat", context.focus[1].toFixed(6));
    params.set("focus_lon", context.focus[0].toFixed(6));
  }
  if (context.regionId !== null) params.set("region", context.regionId);
  return params;
}

/** The offer of another region in an answer, its items read by `read`; null when absent or malformed. */
function toElsewhere<T>(value: unknown, read: (items: unknown[]) => T[]): Elsewhere<T> | null {
  if (!isRecord(value) || typeof value.region !== "string" || typeof value.count !== "number") return null;
  const list = Array.isArray(value.suggestions) ? value.suggestions : Array.isArray(value.features) ? value.features : [];
  const items = read(list);
  return items.length > 0 ? { regionId: value.region, count: value.count, items } : null;
}

function toSuggestions(values: unknown[]): Suggestion[] {
  return values.map(toSuggestion).filter((s): s is Suggestion => s !== null);
}

/** GET /api/suggest: up to eight suggestions, nearest first among equally good matches. */
export async function fetchSuggestions(context: SearchContext, signal?: AbortSignal): Promise<SuggestAnswer> {
  const body = await getJson(`/api/suggest?${contextParams(context)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.suggestions)) {
    throw new ApiError(500, "bad_response", "suggest answer has no suggestions list");
  }
  return { suggestions: toSuggestions(body.suggestions), elsewhere: toElsewhere(body.elsewhere, toSuggestions) };
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
export async function fetchSearch(context: SearchContext, filters: Filters, signal?: AbortSignal): Promise<SearchAnswer> {
  const body = await getJson(`/api/search?${searchParams(context, filters)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) {
    throw new ApiError(500, "bad_response", "search answer is not a FeatureCollection");
  }
  const fallback = isRecord(body.fallback) && Array.isArray(body.fallback.features) ? body.fallback : null;
  const results: SearchResults = {
    query: context.query,
    features: toPlaceFeatures(body.features),
    fallback: fallback && {
      categories: Array.isArray(fallback.categories) ? fallback.categories.filter((c): c is string => typeof c === "string") : [],
      features: toPlaceFeatures(fallback.features as unknown[]),
    },
  };
  return { results, elsewhere: toElsewhere(body.elsewhere, toPlaceFeatures) };
}
