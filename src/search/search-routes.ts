/**
 * GET /api/search and GET /api/suggest. Same error contract as the rest of the API: an
 * empty or over-long query is a 400; anything else (emoji, SQL or regex characters, lone
 * surrogates) is normalised away and at worst gives a kind, empty result.
 */
import type { FastifyInstance } from "fastify";
import { searchQuery } from "../core/api/search.ts";
import { CATEGORIES } from "../core/categories.ts";
import { openStatus } from "../core/opening-hours.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlaceFilter } from "../places/index.ts";
import { type Elsewhere, strongMatchElsewhere } from "./elsewhere.ts";
import type { SearchHit } from "./search-engine.ts";
import type { SearchService } from "./search-service.ts";

export interface SearchRouteDeps {
  search: SearchService;
  hasRegion: (id: string) => boolean;
  timeZoneOf: (regionId: string) => string;
  divisionName: (code: string | null) => string | null;
  /** The same feature JSON as /api/places (places' presenter), with `extra` members in its properties. */
  featureJson: (place: import("../core/place.ts").Place, distanceM?: number, extra?: Readonly<Record<string, number>>) => string;
  /** Whether the place's venue staff said it is closed now (live status): open_now leaves it out. */
  closedNow?: (placeId: string, now: Date) => boolean;
}

/** Nearest candidates per part for an unfiltered suggestion list (it shows at most 8). */
const SUGGEST_CANDIDATES = 40;

/** The search domain over HTTP, as one Fastify plugin. */
export async function searchDomain(app: FastifyInstance, deps: SearchRouteDeps): Promise<void> {
  const run = (input: unknown, defaultLimit: number | null) => {
    const q = parseRequest(searchQuery, input);
    if (q.region !== undefined && !deps.hasRegion(q.region)) throw ApiError.invalid("region", say(`没有“${q.region}”这个地区`, `no region "${q.region}"`));
    const now = new Date();
    const isOpen = (place: { id: string; openingHours: string | null; regionId: string }) =>
      openStatus(place.openingHours, now, deps.timeZoneOf(place.regionId)).state === "open" && !deps.closedNow?.(place.id, now);
    const filter: PlaceFilter = {
      categories: q.category, facilities: q.facility, age: q.age, regionId: q.region,
      predicate: q.open_now || q.district
        ? (place) => (!q.open_now || isOpen(place)) && (!q.district || place.districtCode === q.district)
        : undefined,
    };
    const limit = defaultLimit !== null && (input as { limit?: unknown }).limit === undefined ? defaultLimit : q.limit;
    const unfiltered = !q.category && !q.facility && q.age === undefined && q.region === undefined && !q.open_now && !q.district;
    // Distances are from the person (lat, lon); the focus (a map centre) only ranks.
    const origin = q.lat !== undefined && q.lon !== undefined ? { lon: q.lon, lat: q.lat } : null;
    const near = q.focus_lat !== undefined && q.focus_lon !== undefined ? { lon: q.focus_lon, lat: q.focus_lat } : origin;
    const options = { limit, ...(near ? near : {}), origin, filter, isOpen, ...(defaultLimit !== null && unfiltered ? { nearestCandidates: SUGGEST_CANDIDATES } : {}) };
    const result = deps.search.engine.search(q.q, options);
    const elsewhere = q.region === undefined ? null : strongMatchElsewhere(deps.search.engine, q.q, options, q.region, result);
    return { result, elsewhere };
  };

  app.get("/api/search", async (request, reply) => {
    const { result, elsewhere } = run(request.query, null);
    const features = result.hits.map((h) => deps.featureJson(h.place, h.distanceM ?? undefined, { score: Number(h.score.toFixed(2)) }));
    const fallback = result.fallback
      ? `{"categories":${JSON.stringify(result.fallback.categories)},"features":[${result.fallback.hits.map((h) => deps.featureJson(h.place, h.distanceM ?? undefined)).join(",")}]}`
      : "null";
    const body = `{"type":"FeatureCollection","query":${JSON.stringify(result.query.normalised)},"count":${features.length},"features":[${features.join(",")}],"fallback":${fallback},"elsewhere":${elsewhereJson(elsewhere)}}`;
    return reply.type("application/json").send(body);
  });

  app.get("/api/suggest", async (request) => {
    const { result, elsewhere } = run(request.query, 8);
    const shown = result.hits.length > 0 ? result.hits : (result.fallback?.hits ?? []);
    const suggestions = shown.map((h) => suggestionOf(h, result.hits.length > 0));
    return {
      query: result.query.normalised,
      suggestions,
      elsewhere: elsewhere && { region: elsewhere.regionId, count: elsewhere.count, suggestions: elsewhere.hits.map((h) => suggestionOf(h, true)) },
    };
  });

  /** A search hit as the typing box shows it. */
  function suggestionOf(h: SearchHit, matched: boolean) {
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
      matched,
    };
  }

  /** The offer of another region's strong matches, or null. */
  function elsewhereJson(elsewhere: Elsewhere | null): string {
    if (!elsewhere) return "null";
    const features = elsewhere.hits.map((h) => deps.featureJson(h.place, undefined, { score: Number(h.score.toFixed(2)) }));
    return `{"region":${JSON.stringify(elsewhere.regionId)},"count":${elsewhere.count},"features":[${features.join(",")}]}`;
  }
}
