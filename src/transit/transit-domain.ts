/** The transit domain over HTTP, as one Fastify plugin. */
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { RoutePlanner } from "../routing/index.ts";
import { transitRoutes } from "./transit-routes.ts";
import { TransitNetworks } from "./transit-service.ts";

export interface TransitDomainDeps {
  db: Database;
  planner: RoutePlanner;
  catalog: PlaceCatalog;
  staff: StaffGuard;
  hasRegion(id: string): boolean;
  timeZoneOf(id: string): string;
  /** The networks the composition root built (and reloads on change); loaded here from `db` when not given. */
  transit?: TransitNetworks;
}

/** Registers the transit routes: journeys, departures, stops. */
export async function transitDomain(app: FastifyInstance, deps: TransitDomainDeps): Promise<void> {
  const networks = deps.transit ?? (await TransitNetworks.load(deps.db));
  await transitRoutes(app, { networks, planner: deps.planner, hasRegion: deps.hasRegion, timeZoneOf: deps.timeZoneOf });
}
