/**
 * The public places API: GET /api/places (bbox and/or region, filters), GET
 * /api/places/nearby (k nearest with distances) and GET /api/places/{id}. Thin handlers:
 * parse, ask the index, present.
 */
import type { FastifyInstance } from "fastify";
import { type PlaceFilterQuery, nearbyQuery, placesQuery } from "../core/api/places.ts";
import { PLACE_ID_PATTERN } from "../core/limits.ts";
import { openStatus } from "../core/opening-hours.ts";
import { ApiError } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlaceCatalog } from "./place-catalog.ts";
import type { PlaceFilter } from "./place-index.ts";
import { type PresentContext, placeCollectionJson, placeFeatureJson } from "./place-presenter.ts";

export interface PlaceRouteDeps {
  catalog: PlaceCatalog;
  hasRegion: (id: string) => boolean;
  timeZoneOf: (regionId: string) => string;
  divisionName: (code: string | null) => string | null;
}

/** The places domain over HTTP, as one Fastify plugin. */
export async function placesDomain(app: FastifyInstance, deps: PlaceRouteDeps): Promise<void> {
  const context = (): PresentContext => ({ now: new Date(), timeZoneOf: deps.timeZoneOf, divisionName: deps.divisionName });

  const toFilter = (q: PlaceFilterQuery, now: Date): PlaceFilter => {
    if (q.region !== undefined && !deps.hasRegion(q.region)) throw ApiError.invalid("region", `no region "${q.region}"`);
    return {
      categories: q.category,
      facilities: q.facility,
      age: q.age,
      regionId: q.region,
      predicate: q.open_now
        ? (place) => openStatus(place.openingHours, now, deps.timeZoneOf(place.regionId)).state === "open"
        : undefined,
    };
  };

  app.get("/api/places", async (request, reply) => {
    const q = parseRequest(placesQuery, request.query);
    if (!q.bbox && !q.region) throw ApiError.invalid("bbox", "give a bbox, a region, or both");
    const ctx = context();
    const filter = toFilter(q, ctx.now);
    const { places, truncated } = q.bbox
      ? deps.catalog.index.inBBox(q.bbox, filter, q.limit)
      : deps.catalog.index.matching(filter, q.limit);
    return reply.type("application/json").send(placeCollectionJson(places.map((p) => placeFeatureJson(p, ctx)), truncated));
  });

  app.get("/api/places/nearby", async (request, reply) => {
    const q = parseRequest(nearbyQuery, request.query);
    const ctx = context();
    const hits = deps.catalog.index.nearby(q.lon, q.lat, q.k, q.radius, toFilter(q, ctx.now));
    return reply.type("application/json").send(placeCollectionJson(hits.map((h) => placeFeatureJson(h.place, ctx, h.distanceM)), false));
  });

  app.get<{ Params: { id: string } }>("/api/places/:id", async (request, reply) => {
    const { id } = request.params;
    if (!PLACE_ID_PATTERN.test(id)) throw ApiError.invalid("id", "place ids are lowercase letters, digits and : . _ -");
    const place = deps.catalog.index.get(id);
    if (!place) throw ApiError.notFound(`place ${id}`);
    return reply.type("application/json").send(placeFeatureJson(place, context()));
  });
}
