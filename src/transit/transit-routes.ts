/**
 * GET /api/journey, GET /api/transit/departures and GET /api/transit/stops: parse with the
 * contract's schemas, find the region, call the transit networks, present. Refusals use the
 * usual error shape in the request's language.
 */
import type { FastifyInstance } from "fastify";
import { departuresQuery, journeyQuery, stopsQuery, type Journey, type StopsAnswer } from "../core/api/transit.ts";
import { JOURNEY_WALK_LIMITS, type JourneyProfile } from "../core/api/transit-vocabulary.ts";
import { distanceMeters } from "../core/geo.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { RoutePlanner } from "../routing/index.ts";
import { isoIn, momentInstant } from "./clock.ts";
import { lineRefOf } from "./journey-present.ts";
import { type TransitNetworks, type Walker, straightWalkSeconds } from "./transit-service.ts";

/** Longest walk-only option offered where there are no streets to route on (a straight line). */
const STRAIGHT_WALK_MAX_M = 3000;

export interface TransitRouteDeps {
  networks: TransitNetworks;
  planner: RoutePlanner;
  hasRegion(id: string): boolean;
  timeZoneOf(id: string): string;
}

/** The street router behind the journey planner's walking legs. */
export function plannerWalker(planner: RoutePlanner): Walker {
  return {
    metres: (profile) => (from, targets, max) => planner.walkMetres(from, targets, profile, max),
    route: (profile, lang) => (from, to) => {
      const r = planner.plan(from, to, profile, lang, false);
      return "failure" in r ? null : r[0]!;
    },
  };
}

function walkOnly(walker: Walker, from: [number, number], to: [number, number], profile: JourneyProfile, lang: "zh" | "en", at: number, arriveBy: boolean, zone: string): Journey | null {
  const routed = walker.route(profile, lang)(from, to);
  const metres = distanceMeters(from, to);
  if (!routed && metres > STRAIGHT_WALK_MAX_M) return null;
  const durationS = routed ? Math.round(routed.durationS) : straightWalkSeconds(metres * 1.3, profile);
  const start = arriveBy ? at - durationS * 1000 : at;
  const departure = isoIn(start, zone), arrival = isoIn(start + durationS * 1000, zone);
  const distanceM = Math.round(routed?.distanceM ?? metres * 1.3);
  return {
    kind: "walk", departure, arrival, durationS, transfers: 0, walkM: distanceM, estimated: false, stepFree: null, warnings: [],
    legs: [{
      mode: "walk", from: { name: null, at: from }, to: { name: null, at: to }, departure, arrival, distanceM, durationS,
      coordinates: routed?.coordinates ?? [from, to], instructions: routed?.instructions ?? [], warnings: routed?.warnings ?? [], straightLine: !routed,
    }],
  };
}

/** Registers the transit routes. */
export async function transitRoutes(app: FastifyInstance, deps: TransitRouteDeps): Promise<void> {
  const walker = plannerWalker(deps.planner);

  app.get("/api/journey", async (request) => {
    const q = parseRequest(journeyQuery, request.query);
    if (q.region !== undefined && !deps.hasRegion(q.region) && !deps.networks.get(q.region)) throw new ApiError(404, "not_found", say("没有这个地区", "no such region"), "region");
    // A region without transit data still answers its walking route, with the reason.
    const streets = deps.planner.regionAt(q.from);
    const regionId = q.region ?? deps.networks.regionAt(q.from, q.to) ?? (streets !== null && streets === deps.planner.regionAt(q.to) ? streets : null);
    if (!regionId) throw new ApiError(400, "outside_region", say("起点和终点不在同一个有公交或街道数据的地区", "start and end are not both in one region with transit or street data"), "from");
    const network = deps.networks.get(regionId);
    const zone = network?.feed.timeZone ?? deps.timeZoneOf(regionId);
    const moment = q.arrive ?? q.depart;
    const at = moment === undefined ? Date.now() : momentInstant(moment, zone);
    if (!Number.isFinite(at)) throw new ApiError(400, "invalid_parameter", say("没有这个时间", "no such time"), q.arrive ? "arrive" : "depart");
    const arriveBy = q.arrive !== undefined;
    const walk = walkOnly(walker, q.from, q.to, q.profile, q.lang, at, arriveBy, zone);
    return deps.networks.journeys({ regionId, from: q.from, to: q.to, at, arriveBy, profile: q.profile, maxWalkM: q.max_walk_m ?? JOURNEY_WALK_LIMITS.default, criteria: q.criteria, lang: q.lang }, walker, zone, walk);
  });

  app.get("/api/transit/departures", async (request) => {
    const q = parseRequest(departuresQuery, request.query);
    const network = deps.networks.get(q.region);
    const zone = network?.feed.timeZone ?? "UTC";
    const at = q.at === undefined ? Date.now() : momentInstant(q.at, zone);
    if (!Number.isFinite(at)) throw new ApiError(400, "invalid_parameter", say("没有这个时间", "no such time"), "at");
    const answer = deps.networks.departures(q.region, q.stop, at, q.limit);
    if (answer === "unknown_region") throw new ApiError(404, "not_found", say("这个地区没有公交数据", "this region has no transit data"), "region");
    if (answer === "unknown_stop") throw new ApiError(404, "not_found", say("没有这个公交站", "no such stop"), "stop");
    return answer;
  });

  app.get("/api/transit/stops", async (request): Promise<StopsAnswer> => {
    const q = parseRequest(stopsQuery, request.query);
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    const features: StopsAnswer["features"] = [];
    for (const regionId of deps.networks.regionIds) {
      const network = deps.networks.get(regionId)!;
      for (const s of network.stopIndex.range(minLon, minLat, maxLon, maxLat)) {
        const stop = network.feed.stops[s];
        if (!stop || features.length >= 500) continue;
        const lines = network.routesAt(s).map((r) => lineRefOf(network.feed, network.feed.routes[r]!));
        features.push({
          type: "Feature", geometry: { type: "Point", coordinates: [stop.lon, stop.lat] },
          properties: {
            id: stop.id, region: regionId, name: stop.name, stepFree: stop.wheelchair === 1 ? true : stop.wheelchair === 2 ? false : null,
            lines: lines.map((l) => ({ name: l.name, colour: l.colour, mode: l.mode, school: l.school !== null })),
          },
        });
      }
    }
    return { type: "FeatureCollection", features };
  });
}
