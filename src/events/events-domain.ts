/**
 * The events domain over HTTP, as one Fastify plugin. It builds its store and service from
 * what the composition root shares, plugs events into moderation (a held event waits in the
 * same queue as adult posts) and reads places from the catalog: their region, time zone and
 * district (the place's own division code, else the county its point lies in).
 */
import type { FastifyInstance } from "fastify";
import { EVENT_LIMITS } from "../core/api/events.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { ActivitySource } from "../plan/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { Guard, ModerationService } from "../safety/index.ts";
import { eventModeration } from "./event-moderation.ts";
import { type VenueGuard, eventRoutes } from "./event-routes.ts";
import { type EventPlace, EventService } from "./event-service.ts";
import { EventStore } from "./event-store.ts";
import { countHeld } from "./event-listing.ts";

/** The plan task that asks venues for free or low-cost activities (公益体验课, 阅读推广, 文艺演出, 体育竞赛). */
const TASK_12 = 12;

export interface EventsDomainDeps {
  db: Database;
  guard: Guard;
  moderation: ModerationService;
  /** The staff guard: requireVenue passes an administrator or venue staff bound to the place. */
  staff: VenueGuard;
  catalog: PlaceCatalog;
  hasRegion(id: string): boolean;
  timeZoneOf(regionId: string): string;
  divisionName(code: string | null): string | null;
  /** The county (district) name at a point of a region, where the place has no division code. */
  districtOf(regionId: string, lon: number, lat: number): string | null;
  /** The clock (tests set it); Date.now by default. */
  now?: () => number;
  /** The plan's supervision, which cites task 12's activities held in the city's region. */
  plan?: { useActivities(source: ActivitySource): void };
  /** The region the plan's city is (TONGXING_DEFAULT_REGION). */
  planRegion?: string;
}

/** A place of the catalog as events see it, or null when unknown or removed. */
export function eventPlaceFrom(deps: Pick<EventsDomainDeps, "catalog" | "divisionName" | "districtOf">, id: string): EventPlace | null {
  const p = deps.catalog.index.get(id);
  if (!p) return null;
  const coded = p.districtCode ? deps.divisionName(p.districtCode) : null;
  const district = coded ? { code: p.districtCode, name: coded } : { code: null, name: deps.districtOf(p.regionId, p.lon, p.lat) };
  return { id: p.id, regionId: p.regionId, name: p.name.zh ?? p.name.en ?? p.id, lon: p.lon, lat: p.lat, address: p.address, district };
}

export async function eventsDomain(app: FastifyInstance, deps: EventsDomainDeps): Promise<void> {
  const store = new EventStore(deps.db);
  const place = (id: string) => eventPlaceFrom(deps, id);
  const service = new EventService(deps.db, store, deps.guard, { place, timeZoneOf: deps.timeZoneOf });
  deps.moderation.register(eventModeration(store, (id) => place(id)?.name ?? null));
  const planRegion = deps.planRegion;
  if (deps.plan && planRegion) {
    deps.plan.useActivities({
      taskNumber: TASK_12,
      async figures(from, to) {
        const events = await store.publishedBetween({ regionId: planRegion }, from, to);
        const counted = countHeld(events, place, from, to, (deps.now ?? Date.now)());
        return { from, to, lowCostMaxYuan: EVENT_LIMITS.lowCostMaxYuan, districts: counted.districts, total: counted.total };
      },
    });
  }
  await app.register(eventRoutes, { service, store, staff: deps.staff, place, hasRegion: deps.hasRegion, timeZoneOf: deps.timeZoneOf, now: deps.now ?? Date.now });
}
