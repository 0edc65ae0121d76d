/**
 * The safety domain over HTTP, as one Fastify plugin: the verdict API and moderation. The
 * composition root builds the guard and the moderation service (the reviews domain plugs
 * its content in) and registers this plugin with one line.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, StaffGuard } from "../accounts/index.ts";
import type { Queryable } from "../platform/database/database.ts";
import type { Guard } from "./guard.ts";
import { moderationRoutes } from "./moderation-routes.ts";
import type { ModerationService } from "./moderation-service.ts";
import { safetyRoutes } from "./safety-routes.ts";

export interface SafetyDomainDeps {
  guard: Guard;
  moderation: ModerationService;
  staff: StaffGuard;
  members: MemberGuard;
  /** Where moderation's limits are counted, so they hold across instances. */
  db: Queryable;
}

/** Registers the verdict API and moderation, each in its own encapsulated scope. */
export async function safetyDomain(app: FastifyInstance, deps: SafetyDomainDeps): Promise<void> {
  await app.register(safetyRoutes, { guard: deps.guard });
  await app.register(moderationRoutes, { service: deps.moderation, staff: deps.staff, members: deps.members, db: deps.db });
}
