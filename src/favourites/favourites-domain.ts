/**
 * The favourites domain over HTTP, as one Fastify plugin: a family member's saved places and
 * guides (收藏). The composition root gives it the database, the member guard and the lookup
 * of places and guides (favourite-targets.ts).
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard } from "../accounts/index.ts";
import type { Queryable } from "../platform/database/database.ts";
import { FavouriteStore } from "./favourite-store.ts";
import { favouriteRoutes } from "./favourite-routes.ts";
import type { DescribeTarget } from "./favourite-targets.ts";

export interface FavouritesDomainDeps {
  db: Queryable;
  members: MemberGuard;
  describe: DescribeTarget;
}

export async function favouritesDomain(app: FastifyInstance, deps: FavouritesDomainDeps): Promise<void> {
  await app.register(favouriteRoutes, { store: new FavouriteStore(deps.db), members: deps.members, describe: deps.describe });
}
