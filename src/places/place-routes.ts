/**
 * The public places API: GET /api/places (bbox and/or region, filters), GET
 * /api/places/nearby (k nearest with distances) and GET /api/places/{id}. Thin handlers:
 * parse, ask the index, present. Unknown opening hours and facilities are unknown, not
 * "closed" or "absent": by default such places fail open_now and facility, and the list
 * says how many were left out for that (`leftOut`); `unknown=include` lets them through.
 */
import type { FastifyInstance } from "fastify";
import { type PlaceFilterQuery, nearbyQuery, placesQuery } from "../core/api/places.ts";
import type { BBox } from "../core/geo.ts";
import { PLACE_ID_PATTERN } from "../core/limits.ts";
import { openStatus } from "../core/opening-hours.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlaceCatalog } from "./place-catalog.ts";
import type { PlaceFilter } from "./place-index.ts";
import { type LeftOut, type PresentContext, placeCollectionJson, placeFeatureJson } from "./place-presenter.ts";

export interface PlaceRouteDeps {
  catalog: PlaceCatalog;
  hasRegion: (id: string) => boolean;
  timeZoneOf: (regionId: string) => string;
  divisionName: (code: string | null) => string | null;
  /** Whether the place's venue staff said it is closed now (live status): open_now leaves it out. */
  closedNow?: (placeId: string, now: Date) => boolean;
}

/** Which unknowns pass the filter: hours (for open_now), facilities (for facility). */
interface UnknownsPass {
  hours: boolean;
  facilities: boolean;
}

/** The places domain over HTTP, as one Fastify plugin. */
export async function placesDomain(app: FastifyInstance, deps: PlaceRouteDeps): Promise<void> {
  const context = (): PresentContext => ({ now: new Date(), timeZoneOf: deps.timeZoneOf, divisionName: deps.divisionName });

  const toFilter = (q: PlaceFilterQuery, now: Date, pass: UnknownsPass = { hours: q.unknown === "include", facilities: q.unknown === "include" }): PlaceFilter => {
    if (q.region !== undefined && !deps.hasRegion(q.region)) {
      throw ApiError.invalid("region", say(`没有这个地区："${q.region}"`, `no region "${q.region}"`));
    }
    const isOpen = (state: string): boolean => state === "open" || (pass.hours && state === "unknown");
    return {
      categories: q.category,
      facilities: q.facility,
      unknownFacilitiesPass: pass.facilities,
      age: q.age,
      regionId: q.region,
      predicate: q.open_now
        ? (place) => isOpen(openStatus(place.openingHours, now, deps.timeZoneOf(place.regionId)).state) && !deps.closedNow?.(place.id, now)
        : undefined,
    };
  };

  /** How many more places each unknown would let through, when a filter could leave them out. */
  const leftOut = (q: PlaceFilterQuery, bbox: BBox | undefined, now: Date): LeftOut | undefined => {
    if (q.unknown === "include" || (!q.open_now && !q.facility?.length)) return undefined;
    const count = (pass: UnknownsPass): number => deps.catalog.index.count(bbox, toFilter(q, now, pass));
    const strict = count({ hours: false, facilities: false });
    return {
      total: count({ hours: true, facilities: true }) - strict,
      unknownHours: q.open_now ? count({ hours: true, facilities: false }) - strict : 0,
      unknownFacilities: q.facility?.length ? count({ hours: false, facilities: true }) - strict : 0,
    };
  };

  app.get("/api/places", async (request, reply) => {
    const q = parseRequest(placesQuery, request.query);
    if (!q.bbox && !q.region) throw ApiError.invalid("bbox", say("请给出范围（bbox）或地区", "give a bbox, a region, or both"));
    const ctx = context();
    const filter = toFilter(q, ctx.now);
    const { places, truncated } = q.bbox
      ? deps.catalog.index.inBBox(q.bbox, filter, q.limit)
      : deps.catalog.index.matching(filter, q.limit);
    const features = places.map((p) => placeFeatureJson(p, ctx));
    return reply.type("application/json").send(placeCollectionJson(features, truncated, leftOut(q, q.bbox, ctx.now)));
  });

  app.get("/api/places/nearby", async (request, reply) => {
    const q = parseRequest(nearbyQuery, request.query);
    const ctx = context();
    const hits = deps.catalog.index.nearby(q.lon, q.lat, q.k, q.radius, toFilter(q, ctx.now));
    return reply.type("application/json").send(placeCollectionJson(hits.map((h) => placeFeatureJson(h.place, ctx, h.distanceM)), false));
  });

  app.get<{ Params: { id: string } }>("/api/places/:id", async (request, reply) => {
    const { id } = request.params;
    if (!PLACE_ID_PATTERN.test(id)) {
      throw ApiError.invalid("id", say("地点编号只能含小写字母、数字和 : . _ -", "place ids are lowercase letters, digits and : . _ -"));
    }
    const place = deps.catalog.index.get(id);
    if (!place) throw ApiError.notFound(say(`地点 ${id}`, `place ${id}`));
    return reply.type("application/json").send(placeFeatureJson(place, context()));
  });
}
