/**
 * Every region's transit network, loaded from the database at start and again when
 * transit_feeds changes (another instance imported), and the journey and departures
 * answers the HTTP routes present. Expected failures are values: the handler words them.
 */
import type { DeparturesAnswer, Journey, JourneyAnswer } from "../core/api/transit.ts";
import type { JourneyCriteria, JourneyProfile } from "../core/api/transit-vocabulary.ts";
import type { Queryable } from "../platform/database/database.ts";
import { instantOf, isoIn, serviceTimeOf } from "./clock.ts";
import { addDays } from "./feed.ts";
import { WALK_SPEED, type WalkMetres, searchJourneys } from "./journey-search.ts";
import { type WalkRoute, lineRefOf, presentJourney, stopRefOf } from "./journey-present.ts";
import { TransitNetwork } from "./network.ts";
import { loadFeeds } from "./transit-store.ts";

/** How far (m) outside its stops a network still answers journeys. */
export const NETWORK_MARGIN_M = 3000;

/** The street router as the journey planner needs it, for one walking profile. */
export interface Walker {
  metres(profile: JourneyProfile): WalkMetres;
  route(profile: JourneyProfile, lang: "zh" | "en"): WalkRoute;
}

export interface JourneyRequest {
  regionId: string;
  from: [number, number];
  to: [number, number];
  /** The instant to leave at or after, or to arrive by. */
  at: number;
  arriveBy: boolean;
  profile: JourneyProfile;
  maxWalkM: number;
  /** The Pareto set (the default) or the earliest arrival alone. */
  criteria?: JourneyCriteria;
  lang: "zh" | "en";
}

export class TransitNetworks {
  private networks = new Map<string, TransitNetwork>();

  /** Loads every region's feed. */
  static async load(db: Queryable): Promise<TransitNetworks> {
    const networks = new TransitNetworks();
    await networks.reload(db);
    return networks;
  }

  /** Reads the feeds again (another instance imported one). */
  async reload(db: Queryable): Promise<void> {
    const feeds = await loadFeeds(db);
    this.networks = new Map([...feeds].map(([id, feed]) => [id, new TransitNetwork(id, feed)]));
  }

  /** The region's network, if it has transit data. */
  get(regionId: string): TransitNetwork | undefined {
    return this.networks.get(regionId);
  }

  /** The regions with transit data. */
  get regionIds(): string[] {
    return [...this.networks.keys()];
  }

  /** The region whose stops are near both points, if one is. */
  regionAt(from: [number, number], to: [number, number]): string | null {
    const pad = NETWORK_MARGIN_M / 111_000;
    for (const [id, n] of this.networks) {
      const b = n.bbox;
      const inside = (p: [number, number]) => !!b && p[0] >= b[0] - pad * 1.5 && p[0] <= b[2] + pad * 1.5 && p[1] >= b[1] - pad && p[1] <= b[3] + pad;
      if (inside(from) && inside(to)) return id;
    }
    return null;
  }

  /** Walk + transit journeys (Pareto over arrival and transfers) and the walking route, fastest first. */
  journeys(request: JourneyRequest, walker: Walker, timeZone: string, walkOnly: Journey | null): JourneyAnswer {
    const network = this.networks.get(request.regionId);
    const answer = (journeys: Journey[], reason: JourneyAnswer["noJourney"]): JourneyAnswer => ({
      region: request.regionId, timeZone: network?.feed.timeZone ?? timeZone, profile: request.profile,
      journeys: journeys.sort((a, b) => Date.parse(a.arrival) - Date.parse(b.arrival)), noJourney: reason,
    });
    const walkList = walkOnly ? [walkOnly] : [];
    if (!network) return answer(walkList, { reason: "no_transit_data", message: REASONS.no_transit_data[request.lang] });
    const zone = network.feed.timeZone;
    const { date, seconds } = serviceTimeOf(request.at, zone);
    const result = searchJourneys(network, { from: request.from, to: request.to, date, seconds, arriveBy: request.arriveBy, profile: request.profile, maxWalkM: request.maxWalkM, criteria: request.criteria }, walker.metres(request.profile));
    if (result.reason) return answer(walkList, { reason: result.reason, message: REASONS[result.reason][request.lang] });
    // Journeys of one answer often share a walk (to the same first stop): each is routed once.
    const route = walker.route(request.profile, request.lang);
    const routed = new Map<string, ReturnType<typeof route>>();
    const walkRoute: typeof route = (a, b) => {
      const key = `${a.join(",")};${b.join(",")}`;
      if (!routed.has(key)) routed.set(key, route(a, b));
      return routed.get(key)!;
    };
    const context = { feed: network.feed, day: result.day, date, from: request.from, to: request.to, profile: request.profile, lang: request.lang, walkRoute };
    const journeys = result.plans.map((p) => presentJourney(context, p.legs));
    const walkFaster = walkOnly !== null && journeys.every((j) => Date.parse(j.arrival) - Date.parse(j.departure) >= walkOnly.durationS * 1000);
    return answer([...journeys, ...walkList], walkFaster ? { reason: "walking_is_better", message: REASONS.walking_is_better[request.lang] } : null);
  }

  /** The next departures from a stop, at most `limit`, today's and then tomorrow's. */
  departures(regionId: string, stopId: string, at: number, limit: number): DeparturesAnswer | "unknown_region" | "unknown_stop" {
    const network = this.networks.get(regionId);
    if (!network) return "unknown_region";
    const feed = network.feed;
    const stop = feed.stops.findIndex((s) => s.id === stopId);
    if (stop < 0) return "unknown_stop";
    const zone = feed.timeZone;
    const now = serviceTimeOf(at, zone);
    const found: DeparturesAnswer["departures"] = [];
    for (const [date, from] of [[now.date, now.seconds], [addDays(now.date, 1), now.seconds - 86_400]] as const) {
      const day = network.day(date);
      const times: Array<{ t: number; p: number; k: number }> = [];
      for (let x = day.stopFirst[stop]!; x < day.stopFirst[stop + 1]!; x++) {
        const p = day.patterns[day.stopPattern[x]!]!, i = day.stopPosition[x]!, n = p.stops.length;
        if (i === n - 1) continue;
        for (let k = 0; k < p.trip.length; k++) if (p.departure[k * n + i]! >= from) times.push({ t: p.departure[k * n + i]!, p: day.stopPattern[x]!, k });
      }
      times.sort((a, b) => a.t - b.t);
      for (const { t, p, k } of times.slice(0, limit - found.length)) {
        const pattern = day.patterns[p]!;
        const trip = feed.trips[pattern.trip[k]!]!;
        const headway = pattern.headway[k]!;
        found.push({
          line: lineRefOf(feed, feed.routes[pattern.route]!), headsign: trip.headsign || null,
          departure: isoIn(instantOf(date, t, zone), zone), estimated: pattern.estimated[k] === 1,
          frequency: headway > 0 ? { headwayS: headway, estimated: pattern.estimated[k] === 1 } : null,
          stepFree: trip.wheelchair === 1 ? true : trip.wheelchair === 2 ? false : null,
        });
      }
      if (found.length >= limit) break;
    }
    return { stop: stopRefOf(feed, stop), timeZone: zone, departures: found };
  }
}

/** Why there is no transit journey, in both languages. */
export const REASONS = {
  no_transit_data: { zh: "这个地区还没有公交数据", en: "this region has no transit data yet" },
  no_stop_nearby: { zh: "起点或终点步行范围内没有公交站", en: "no stop within walking distance of the start or the end" },
  no_service_that_day: { zh: "这一天没有公交运营", en: "no service runs that day" },
  outside_feed_dates: { zh: "这一天不在时刻表的有效期内", en: "that day is outside the timetable's dates" },
  no_connection: { zh: "这个时间没有能连通两地的公交", en: "no transit connects these places at that time" },
  walking_is_better: { zh: "步行比坐车更快", en: "walking is quicker than any bus" },
} as const;

/** The walking time of the walk-only option at a profile's speed (used when the street router has no route). */
export function straightWalkSeconds(metres: number, profile: JourneyProfile): number {
  return Math.round(metres / WALK_SPEED[profile]);
}
