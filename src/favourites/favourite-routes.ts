/**
 * Favourites over HTTP, for the signed-in member only (src/core/api/favourites.ts):
 *   GET    /api/members/me/favourites              my favourites, newest first, with names
 *   PUT    /api/members/me/favourites/{kind}/{id}  save; 404 for a place that does not exist
 *   DELETE /api/members/me/favourites/{kind}/{id}  unsave; {removed: false} when it was not saved
 * Saving and unsaving are idempotent, so a phone replaying its offline queue twice is harmless.
 * There is no path to another member's favourites: each member reaches only their own.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard } from "../accounts/index.ts";
import { type FavouriteAnswer, favouriteInput, favouriteParams, MAX_FAVOURITES } from "../core/api/favourites.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { DescribeTarget } from "./favourite-targets.ts";
import type { Favourite, FavouriteStore } from "./favourite-store.ts";

export interface FavouriteRouteContext {
  store: FavouriteStore;
  members: MemberGuard;
  describe: DescribeTarget;
  now?: () => Date;
}

/** A favourite as answered: its name and position when the place or guide is still there. */
export async function favouriteAnswerOf(favourite: Favourite, describe: DescribeTarget): Promise<FavouriteAnswer> {
  const target = await describe(favourite.kind, favourite.id);
  return { ...favourite, name: target?.name ?? null, lon: target?.lon ?? null, lat: target?.lat ?? null, available: target !== null };
}

/** The time a save is recorded at: the phone's when it saved offline, never later than now. */
function savedTime(requested: string | undefined, now: Date): string {
  const at = requested ? new Date(requested) : now;
  return (at.getTime() > now.getTime() ? now : at).toISOString();
}

export async function favouriteRoutes(app: FastifyInstance, context: FavouriteRouteContext): Promise<void> {
  const { store, members, describe } = context;
  const now = context.now ?? (() => new Date());

  app.get("/api/members/me/favourites", async (request, reply) => {
    const member = await members.member(request);
    reply.header("cache-control", "private, no-store");
    return { favourites: await Promise.all((await store.list(member.id)).map((f) => favouriteAnswerOf(f, describe))) };
  });

  app.put("/api/members/me/favourites/:kind/:id", async (request) => {
    const member = await members.changing(request);
    const { kind, id } = parseRequest(favouriteParams, request.params);
    const { savedAt } = parseRequest(favouriteInput, request.body ?? {});
    if ((await describe(kind, id)) === null) throw ApiError.notFound(kind === "place" ? say("地点", "place") : say("攻略", "guide"));
    if ((await store.get(member.id, kind, id)) === null && (await store.count(member.id)) >= MAX_FAVOURITES) {
      throw new ApiError(409, "conflict", say(`最多收藏 ${MAX_FAVOURITES} 个，请先取消一些`, `you can keep at most ${MAX_FAVOURITES} favourites; remove some first`));
    }
    return { favourite: await favouriteAnswerOf(await store.put(member.id, kind, id, savedTime(savedAt, now())), describe) };
  });

  app.delete("/api/members/me/favourites/:kind/:id", async (request) => {
    const member = await members.changing(request);
    const { kind, id } = parseRequest(favouriteParams, request.params);
    return { removed: await store.remove(member.id, kind, id) };
  });
}
