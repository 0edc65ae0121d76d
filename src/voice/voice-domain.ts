/**
 * The voice domain over HTTP, as one Fastify plugin. It builds its own services from what the
 * composition root shares, plugs ideas and their comments into moderation, gives the plan
 * its participation figures (the plan never imports voice) and hands councils the intake
 * through which their decisions enter the ideas' accountability path.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { PlanSupervision } from "../plan/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { RoutePlanner } from "../routing/index.ts";
import type { Guard, ModerationService } from "../safety/index.ts";
import { countIdeas, overdueIdeas } from "./accountability-figures.ts";
import { councilsPlugin } from "./councils/index.ts";
import { pollsPlugin } from "./polls/index.ts";
import { IdeaAccountability } from "./idea-accountability.ts";
import { LiveIdeaLayer } from "./idea-layer.ts";
import { ideaCommentModeration, ideaModeration } from "./idea-moderation.ts";
import type { PresentContext } from "./idea-presenter.ts";
import { IdeaRecords } from "./idea-records.ts";
import { ideaRoutes } from "./idea-routes.ts";
import { IdeaService, type PinFinder } from "./idea-service.ts";
import { ideaStaffRoutes } from "./idea-staff-routes.ts";
import { IdeaStore } from "./idea-store.ts";
import { SNAP_M } from "./pin-privacy.ts";
import { voiceSettings } from "./voice-settings.ts";

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

/** Public places near a point and places by id, from the place catalog; street points from the routing data. */
function pinFinder(deps: VoiceDomainDeps): PinFinder {
  return {
    place(id) {
      const p = deps.catalog.index.get(id);
      return p ? { regionId: p.regionId, name: p.name.zh ?? p.name.en ?? p.id, lon: p.lon, lat: p.lat, districtCode: p.districtCode } : null;
    },
    near(lon, lat) {
      return deps.catalog.index.nearby(lon, lat, 8, SNAP_M * 4).map((hit) => ({ lon: hit.place.lon, lat: hit.place.lat, placeId: hit.place.id, districtCode: hit.place.districtCode }));
    },
    street(lon, lat, withinM) {
      return deps.planner.nearestStreetPoint([lon, lat], withinM);
    },
    hasRegion: deps.hasRegion,
  };
}

/** Registers the ideas' routes and their moderation, wires the plan's participation figures, then councils (given the intake) and polls. */
export async function voiceDomain(app: FastifyInstance, deps: VoiceDomainDeps): Promise<void> {
  const settings = voiceSettings();
  const store = new IdeaStore(deps.db);
  const records = new IdeaRecords(deps.db);
  const layer = new LiveIdeaLayer({ changedSince: (since) => store.layerRows(since) });
  const pins = pinFinder(deps);
  const service = new IdeaService(deps.db, store, records, deps.guard, deps.memberStore, pins, layer);
  const accountability = new IdeaAccountability(deps.db, store, records, deps.memberStore, deps.plan, deps.guard, layer, pins);
  deps.moderation.register(ideaModeration(store, accountability, layer));
  deps.moderation.register(ideaCommentModeration(records));

  const unitName = (id: string | null) => (id ? (deps.plan.book?.unit(id)?.name ?? id) : null);
  const present = (): PresentContext => ({ unitName, districtName: deps.divisionName, deadlineDays: settings.deadlineDays, now: new Date().toISOString() });
  deps.plan.useParticipation({
    async figures() {
      const f = countIdeas((await layer.fresh()).all(), { unitName, districtName: deps.divisionName }, { deadlineDays: settings.deadlineDays });
      return { ideas: f.total, adopted: f.adopted, medianDaysToAnswer: f.medianDaysToFirstAnswer, overdue: f.overdue, deadlineDays: f.deadlineDays };
    },
    overdueIdeas: () => overdueIdeas(deps.db, settings.deadlineDays),
  });

  const childrenOf = async (member: { id: string }) => (await deps.memberStore.childrenOf(member.id)).map((c) => c.id);
  await app.register(ideaRoutes, { service, store, records, layer, members: deps.members, staff: deps.staff, db: deps.db, present, childrenOf });
  await app.register(ideaStaffRoutes, { db: deps.db, store, layer, accountability, staff: deps.staff, book: () => deps.plan.book, present });
  await app.register(councilsPlugin, { ...deps, intake: accountability });
  await app.register(pollsPlugin, deps);
}
