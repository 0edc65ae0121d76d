/**
 * The legs' ports on the real engines: the street router (RoutePlanner) for walks, the bus
 * journey planner (TransitNetworks, the same search /api/journey answers with) for buses.
 * A bus leg is planned for the next Saturday at 10:00 in the region's time zone, a typical
 * outing, so a guide's legs do not depend on the hour they were computed at.
 */
import { distanceMeters } from "../core/geo.ts";
import type { RoutePlanner } from "../routing/index.ts";
import type { TransitNetworks } from "../transit/index.ts";
import type { LegPorts, Way, WalkProfile } from "./guide-legs.ts";

type Walker = Parameters<TransitNetworks["journeys"]>[1];

/** Most metres walked to, between and from stops on a bus leg. */
const BUS_MAX_WALK_M = 800;

/** The instant of the next Saturday, 10:00 in `timeZone`, after `now`. */
export function nextSaturdayMorning(timeZone: string, now = Date.now()): number {
  const at = new Date(now);
  const offset = Date.parse(at.toLocaleString("en-US", { timeZone })) - Date.parse(at.toLocaleString("en-US", { timeZone: "UTC" }));
  const local = new Date(now + offset);
  const days = (6 - local.getUTCDay() + 7) % 7 || 7;
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 10, 0) - offset;
}

function walkWith(planner: RoutePlanner, from: [number, number], to: [number, number], profile: WalkProfile): Way | null {
  const routes = planner.plan(from, to, profile, "zh", false);
  if ("failure" in routes) return null;
  const best = routes[0]!;
  return { coordinates: best.coordinates, distanceM: best.distanceM, durationS: best.durationS };
}

/** The ports for one region's guide. */
export function enginePorts(planner: RoutePlanner, transit: TransitNetworks | undefined, regionId: string, timeZone: string): LegPorts {
  const walker: Walker = {
    metres: (profile) => (from, targets, max) => planner.walkMetres(from, targets, profile, max),
    route: (profile, lang) => (from, to) => {
      const r = planner.plan(from, to, profile, lang, false);
      return "failure" in r ? null : r[0]!;
    },
  };
  return {
    walk: (from, to, profile) => walkWith(planner, from, to, profile),
    bus(from, to, profile) {
      if (!transit?.get(regionId)) return null;
      const answer = transit.journeys({ regionId, from, to, at: nextSaturdayMorning(timeZone), arriveBy: false, profile, maxWalkM: BUS_MAX_WALK_M, lang: "zh" }, walker, timeZone, null);
      const best = answer.journeys.filter((j) => j.kind === "transit").sort((a, b) => a.durationS - b.durationS)[0];
      if (!best) return null;
      const lines = best.legs.flatMap((leg) => (leg.mode === "walk" ? [] : [leg.line.name]));
      const coordinates = best.legs.flatMap((leg) => leg.coordinates.map(([lon, lat]): [number, number] => [lon, lat]));
      const distanceM = coordinates.reduce((sum, point, i) => (i === 0 ? 0 : sum + distanceMeters(coordinates[i - 1]!, point)), 0);
      return { coordinates, distanceM, durationS: best.durationS, lines };
    },
  };
}
