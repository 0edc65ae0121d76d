/**
 * The reviews domain over HTTP, as one Fastify plugin: reviews of places with their photos
 * and helpful votes, and "report wrong information" with the staff fix. It builds its own
 * services; the composition root gives it the stores and guards other domains share.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, MemberStore, StaffGuard } from "../accounts/index.ts";
import type { PlaceCatalog } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import type { Guard } from "../safety/index.ts";
import { correctionRoutes } from "./correction-routes.ts";
import { CorrectionService } from "./correction-service.ts";
import { CorrectionStore } from "./corrections.ts";
import { reviewRoutes } from "./review-routes.ts";
import { ReviewService } from "./review-service.ts";
import type { ReviewStore } from "./review-store.ts";

export interface ReviewsDomainDeps {
  db: Database;
  /** Shared with moderation, which publishes and hides reviews through `reviewModeration`. */
  reviews: ReviewStore;
  catalog: PlaceCatalog;
  /** The safety guard every posting path runs texts through. */
  guard: Guard;
  memberStore: MemberStore;
  members: MemberGuard;
  staff: StaffGuard;
}

/** Builds the review and correction services and registers their routes. */
export async function reviewsDomain(app: FastifyInstance, deps: ReviewsDomainDeps): Promise<void> {
  const { db, reviews, catalog, guard, members, staff } = deps;
  const service = new ReviewService(reviews, guard, deps.memberStore, (id) => catalog.index.get(id) !== undefined, db);
  await app.register(reviewRoutes, { service, store: reviews, members, staff, db });
  await app.register(correctionRoutes, { service: new CorrectionService(db, new CorrectionStore(db), catalog, guard), members, staff, db });
}
