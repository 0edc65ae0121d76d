/**
 * The voice domain over HTTP, as one Fastify plugin. It builds its own services from what the
 * composition root shares and plugs its content into moderation.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { PlanSupervision } from "../plan/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { RoutePlanner } from "../routing/index.ts";
import type { Guard, ModerationService } from "../safety/index.ts";

export interface VoiceDomainDeps {
  db: Database;
  guard: Guard;
  moderation: ModerationService;
  staff: StaffGuard;
  members: MemberGuard;
  memberStore: MemberStore;
  plan: PlanSupervision;
  catalog: PlaceCatalog;
  planner: RoutePlanner;
  hasRegion(id: string): boolean;
  divisionName(code: string | null): string | null;
}

/** Registers the voice routes (none yet). */
export async function voiceDomain(_app: FastifyInstance, _deps: VoiceDomainDeps): Promise<void> {}
