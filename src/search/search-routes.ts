/**
 * GET /api/search and GET /api/suggest. Same error contract as the rest of the API: an
 * empty or over-long query is a 400; anything else (emoji, SQL or regex characters, lone
 * surrogates) is normalised away and at worst gives a kind, empty result.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CATEGORIES, CATEGORY_IDS } from "../core/categories.ts";
import { FACILITY_IDS } from "../core/facilities.ts";
import { LIMITS, REGION_ID_PATTERN } from "../core/limits.ts";
import { openStatus } from "../core/opening-hours.ts";
import { ApiError } from "../platform/errors.ts";
import { booleanFlag, integerIn, latitude, listOf, longitude } from "../platform/http/query-fields.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlaceFilter } from "../places/index.ts";
import type { SearchService } from "./search-service.ts";
import { MAX_QUERY_LENGTH } from "./text-normalise.ts";

export interface SearchRouteDeps {
  search: SearchService;
  hasRegion: (id: string) => boolean;
  timeZoneOf: (regionId: string) => string;
  divisionName: (code: string | null) => string | null;
  /** The same feature JSON as /api/places, with extra members appended. */
  featureJson: (place: import("../core/place.ts").Place, distanceM?: number) => string;
}

const searchQuery = z.object({
  q: z.string().min(1, "type something to search for").max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`),
  lat: latitude.optional(),
  lon: longitude.optional(),
  limit: integerIn(1, 50).default(20),
  category: listOf(CATEGORY_IDS, "category").optional(),
  facility: listOf(FACILITY_IDS, "facility").optional(),
  age: integerIn(0, LIMITS.maxAge).optional(),
  open_now: booleanFlag.optional(),
  district: z.string().regex(/^\d{6}$/, "a 6-digit county code").optional(),
  region: z.string().regex(REGION_ID_PATTERN, "unknown region id format").optional(),
}).refine((q) => (q.lat === undefined) === (q.lon === undefined), { message: "give lat and lon together", path: ["lat"] });

/** Nearest candidates per part for an unfiltered suggestion list (it shows at most 8). */
const SUGGEST_CANDIDATES = 40;

export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  const run = (input: unknown, defaultLimit: number | null) => {
    const q = parseRequest(searchQuery, input);
    if (q.region !== undefined && !deps.hasRegion(q.region)) throw ApiError.invalid("region", `no region "${q.region}"`);
    const now = new Date();
    const isOpen = (place: { openingHours: string | null; regionId: string }) =>
      openStatus(place.openingHours, now, deps.timeZoneOf(place.regionId)).state === "open";
    const filter: PlaceFilter = {
      categories: q.category, facilities: q.facility, age: q.age, regionId: q.region,
      predicate: q.open_now || q.district
        ? (place) => (!q.open_now || isOpen(place)) && (!q.district || place.districtCode === q.district)
        : undefined,
    };
    const limit = defaultLimit !== null && (input as { limit?: unknown }).limit === undefined ? defaultLimit : q.limit;
    const unfiltered = !q.category && !q.facility && q.age === undefined && q.region === undefined && !q.open_now && !q.district;
    return deps.search.engine.search(q.q, { limit, lon: q.lon, lat: q.lat, filter, isOpen, ...(defaultLimit !== null && unfiltered ? { nearestCandidates: SUGGEST_CANDIDATES } : {}) });
  };

  app.get("/api/search", async (request, reply) => {
    const result = run(request.query, null);
    const features = result.hits.map((h) => deps.featureJson(h.place, h.distanceM ?? undefined).slice(0, -2) + `,"score":${h.score.toFixed(2)}}}`);
    const fallback = result.fallback
      ? `{"categories":${JSON.stringify(result.fallback.categories)},"features":[${result.fallback.hits.map((h) => deps.featureJson(h.place, h.distanceM ?? undefined)).join(",")}]}`
      : "null";
    const body = `{"type":"FeatureCollection","query":${JSON.stringify(result.query.normalised)},"count":${features.length},"features":[${features.join(",")}],"fallback":${fallback}}`;
    return reply.type("application/json").send(body);
  });

  app.get("/api/suggest", async (request) => {
    const result = run(request.query, 8);
    const suggestions = (result.hits.length > 0 ? result.hits : (result.fallback?.hits ?? [])).map((h) => {
      const category = h.place.categories[0]!;
      return {
        id: h.place.id,
        name: h.place.name,
        category,
        icon: CATEGORIES[category].icon,
        districtName: deps.divisionName(h.place.districtCode),
        distanceM: h.distanceM === null ? null : Math.round(h.distanceM),
        lon: h.place.lon,
        lat: h.place.lat,
        matched: result.hits.length > 0,
      };
    });
    return { query: result.query.normalised, suggestions };
  });
}
