/**
 * GET /api/route?from=lat,lon&to=lat,lon&profile=&lang=&alternatives= -> GeoJSON: one
 * LineString feature per route (the safest first) with distance, a child's duration,
 * instructions and warnings.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ApiError } from "../platform/errors.ts";
import { booleanFlag, finiteNumber } from "../platform/http/query-fields.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { PROFILE_IDS } from "./profiles.ts";
import { MAX_SNAP_M, MAX_TRIP_M, type RoutePlanner } from "./route-planner.ts";

const latLon = z.string().max(60).transform((value, ctx): [number, number] => {
  const parts = value.split(",");
  const lat = finiteNumber.safeParse(parts[0] ?? "");
  const lon = finiteNumber.safeParse(parts[1] ?? "");
  if (parts.length !== 2 || !lat.success || !lon.success || Math.abs(lat.data) > 90 || Math.abs(lon.data) > 180) {
    ctx.addIssue({ code: "custom", message: "a position is lat,lon in degrees, e.g. 43.7384,7.4246" });
    return z.NEVER;
  }
  return [lon.data, lat.data];
});

const routeQuery = z.object({
  from: latLon,
  to: latLon,
  profile: z.enum(PROFILE_IDS).default("child-walk"),
  lang: z.enum(["zh", "en"]).default("zh"),
  alternatives: booleanFlag.default(false),
});

export function registerRouteRoutes(app: FastifyInstance, planner: () => RoutePlanner): void {
  app.get("/api/route", async (request) => {
    const q = parseRequest(routeQuery, request.query);
    const result = planner().plan(q.from, q.to, q.profile, q.lang, q.alternatives);
    if ("failure" in result) {
      if (result.failure === "outside_region") throw new ApiError(400, "outside_region", "this point is outside every region with street data", result.field);
      if (result.failure === "no_way_nearby") throw new ApiError(400, "no_way_nearby", `no usable way within ${MAX_SNAP_M} m of this point`, result.field);
      if (result.failure === "too_far") throw new ApiError(400, "too_far", `trips longer than ${MAX_TRIP_M / 1000} km are not planned`, "to");
      throw new ApiError(404, "no_route", "no route for this profile connects these points", null);
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
