/** The transit domain over HTTP, as one Fastify plugin. */
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { RoutePlanner } from "../routing/index.ts";

export interface TransitDomainDeps {
  db: Database;
  planner: RoutePlanner;
  catalog: PlaceCatalog;
  staff: StaffGuard;
  hasRegion(id: string): boolean;
  timeZoneOf(id: string): string;
}

/** Registers the transit routes (none yet). */
export async function transitDomain(_app: FastifyInstance, _deps: TransitDomainDeps): Promise<void> {}
