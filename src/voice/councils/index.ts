/**
 * Children's councils (儿童议事厅): councils of a community, school or district run by an
 * organiser; children enrolled by their guardian with consent; sessions with agenda,
 * minutes, decisions and attendance counts by age band; a moderated thread per agenda item;
 * decisions sent to a unit through the ideas' intake. The voice domain registers
 * `councilsPlugin` and runs `councilMigrations`.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, MemberStore, StaffGuard } from "../../accounts/index.ts";
import type { PlaceCatalog } from "../../places/index.ts";
import type { Database } from "../../platform/database/database.ts";
import type { Guard, ModerationService } from "../../safety/index.ts";
import type { IdeaIntake } from "../intake.ts";
import { CouncilPostStore, councilPostModeration } from "./council-posts.ts";
import { councilRoutes } from "./council-routes.ts";
import { CouncilService } from "./council-service.ts";
import { CouncilStore } from "./council-store.ts";

export { councilMigrations } from "./migrations.ts";
export { councilRetentionRules } from "./retention.ts";
export { COUNCIL_POST_TYPE } from "./council-posts.ts";
export { ORGANISER_ROLES, POLL_CREATOR_ROLES } from "./organisers.ts";

/**
 * What councils use of the voice domain's dependencies (VoiceDomainDeps has all of it; it is
 * not imported, so voice-domain.ts can import this file without a cycle) and the intake.
 */
export interface CouncilDeps {
  db: Database;
  guard: Guard;
  moderation: ModerationService;
  staff: StaffGuard;
  members: MemberGuard;
  memberStore: MemberStore;
  catalog: PlaceCatalog;
  hasRegion(id: string): boolean;
  divisionName(code: string | null): string | null;
  intake: IdeaIntake;
}

/** Builds the council service, plugs council posts into moderation and registers the routes. */
export async function councilsPlugin(app: FastifyInstance, deps: CouncilDeps): Promise<void> {
  const councils = new CouncilStore(deps.db);
  const posts = new CouncilPostStore(deps.db);
  deps.moderation.register(councilPostModeration(posts));
  const placeName = (id: string | null) => {
    const place = id ? deps.catalog.index.get(id) : undefined;
    return place ? place.name.zh ?? place.name.en ?? place.id : null;
  };
  const service = new CouncilService(councils, posts, {
    db: deps.db,
    guard: deps.guard,
    intake: deps.intake,
    members: deps.members,
    hasRegion: deps.hasRegion,
    divisionName: deps.divisionName,
    placeExists: (id) => deps.catalog.index.get(id) !== undefined,
    pollExists: async (id) => (await deps.db.all("SELECT 1 AS here FROM polls WHERE id = ?", [id])).length > 0,
  });
  await app.register(councilRoutes, { service, councils, posts, members: deps.members, memberStore: deps.memberStore, staff: deps.staff, divisionName: deps.divisionName, placeName, db: deps.db });
}
