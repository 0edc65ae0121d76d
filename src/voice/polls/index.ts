/**
 * Polls for children: a question with 2–8 picture options, an age range, an area and a
 * closing time; one changeable vote per child; results by age band once closed. The voice
 * domain registers `pollsPlugin` and runs `pollMigrations`.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, StaffGuard } from "../../accounts/index.ts";
import type { Database } from "../../platform/database/database.ts";
import { pollRoutes } from "./poll-routes.ts";
import { PollService } from "./poll-service.ts";
import { PollStore } from "./poll-store.ts";

export { pollMigrations } from "./migrations.ts";
export { pollRetentionRules } from "./retention.ts";
export { PollStore } from "./poll-store.ts";

/** What polls use of the voice domain's dependencies (VoiceDomainDeps has all of it; not imported, to keep imports one-way). */
export interface PollDeps {
  db: Database;
  staff: StaffGuard;
  members: MemberGuard;
  hasRegion(id: string): boolean;
  divisionName(code: string | null): string | null;
}

/** Builds the poll service from the voice domain's dependencies and registers the routes. */
export async function pollsPlugin(app: FastifyInstance, deps: PollDeps): Promise<void> {
  const store = new PollStore(deps.db);
  const service = new PollService(store, {
    hasRegion: deps.hasRegion,
    divisionName: deps.divisionName,
    councilExists: async (id) => (await deps.db.all("SELECT 1 AS here FROM councils WHERE id = ?", [id])).length > 0,
  });
  await app.register(pollRoutes, { service, store, members: deps.members, staff: deps.staff, db: deps.db });
}
