/**
 * The guides domain over HTTP, as one Fastify plugin. It builds its store and service from
 * what the composition root shares, plugs guides into moderation and gives the legs the
 * street router and, where a region has timetables, the bus journey planner.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { RoutePlanner } from "../routing/index.ts";
import type { Guard, ModerationService } from "../safety/index.ts";
import type { TransitNetworks } from "../transit/index.ts";
import { guideModeration } from "./guide-moderation.ts";
import { guideRoutes } from "./guide-routes.ts";
import { GuideService } from "./guide-service.ts";
import { GuideStore } from "./guide-store.ts";
import { enginePorts } from "./guide-ways.ts";

export interface GuidesDomainDeps {
  db: Database;
  guard: Guard;
  moderation: ModerationService;
  staff: StaffGuard;
  members: MemberGuard;
  memberStore: MemberStore;
  catalog: PlaceCatalog;
  planner: RoutePlanner;
  /** Every region's timetables; without them legs are walked. */
  transit?: TransitNetworks | undefined;
  timeZoneOf(id: string): string;
  /** A plan unit's name (the credit of a staff guide). */
  unitName(id: string): string | null;
}

/** Registers the guides' routes and their moderation. */
export async function guidesDomain(app: FastifyInstance, deps: GuidesDomainDeps): Promise<void> {
  const store = new GuideStore(deps.db);
  const places = (id: string) => deps.catalog.index.get(id);
  const service = new GuideService({
    db: deps.db, store, guard: deps.guard, members: deps.memberStore, places,
    ports: (regionId) => enginePorts(deps.planner, deps.transit, regionId, deps.timeZoneOf(regionId)),
  });
  deps.moderation.register(guideModeration(store));
  await app.register(guideRoutes, { service, store, members: deps.members, memberStore: deps.memberStore, staff: deps.staff, db: deps.db, places, unitName: deps.unitName });
}
