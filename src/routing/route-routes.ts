/**
 * GET /api/route?from=lat,lon&to=lat,lon&profile=&lang=&alternatives= -> GeoJSON: one
 * LineString feature per route (the safest first) with distance, a child's duration,
 * instructions and warnings.
 */
import type { FastifyInstance } from "fastify";
import { routeQuery } from "../core/api/routing.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { MAX_SNAP_M, MAX_TRIP_M, type RoutePlanner } from "./route-planner.ts";

/** The routing domain over HTTP, as one Fastify plugin. */
export async function routingDomain(app: FastifyInstance, { planner }: { planner: RoutePlanner }): Promise<void> {
  app.get("/api/route", async (request) => {
    const q = parseRequest(routeQuery, request.query);
    const result = planner.plan(q.from, q.to, q.profile, q.lang, q.alternatives);
    if ("failure" in result) {
      if (result.failure === "outside_region") throw new ApiError(400, "outside_region", say("这个点不在有街道数据的地方", "this point is outside every region with street data"), result.field);
      if (result.failure === "no_way_nearby") throw new ApiError(400, "no_way_nearby", say(`这个点 ${MAX_SNAP_M} 米内没有可以走的路`, `no usable way within ${MAX_SNAP_M} m of this point`), result.field);
      if (result.failure === "too_far") throw new ApiError(400, "too_far", say(`超过 ${MAX_TRIP_M / 1000} 公里的路线不规划`, `trips longer than ${MAX_TRIP_M / 1000} km are not planned`), "to");
      throw new ApiError(404, "no_route", say("这种出行方式连不通这两个点", "no route for this profile connects these points"), null);
    }
    return {
      type: "FeatureCollection",
      features: result.map((route) => ({
        type: "Feature",
        geometry: { type: "LineString", coordinates: route.coordinates.map(([lon, lat]) => [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]) },
        properties: {
          label: route.label,
          profile: q.profile,
          distanceM: route.distanceM,
          durationS: route.durationS,
          instructions: route.instructions,
          warnings: route.warnings,
        },
      })),
    };
  });
}
