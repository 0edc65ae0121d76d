/**
 * Polls over HTTP.
 *   GET    /api/polls                                   polls of a region, open or closed
 *   POST   /api/polls                                   staff who ask children start one
 *   GET    /api/polls/{id}                              the poll; my vote; results once closed
 *   POST   /api/polls/{id}/vote                         {optionId}: a child's vote, changeable until closing
 *   DELETE /api/polls/{id}/vote                         take my vote back
 *   POST   /api/polls/{id}/close                        close early (its maker, their unit, an admin)
 *   POST   /api/polls/{id}/options/{optionId}/image     an option's picture (metadata stripped)
 *   GET    /api/polls/{id}/options/{optionId}/image     the picture
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, StaffGuard } from "../../accounts/index.ts";
import { closePollSchema, newPollSchema, pollListQuery, pollOptionParams, pollParams, voteSchema } from "../../core/api/polls.ts";
import type { Queryable } from "../../platform/database/database.ts";
import { SharedLimiter } from "../../platform/database/shared-limiter.ts";
import { ApiError, say } from "../../platform/errors.ts";
import { registerBinaryRoute } from "../../platform/http/binary-route.ts";
import { parseRequest } from "../../platform/http/validate.ts";
import { POLL_CREATOR_ROLES } from "../councils/organisers.ts";
import { MAX_OPTION_IMAGE_BYTES, OPTION_IMAGE_TYPES } from "./poll-images.ts";
import type { PollService } from "./poll-service.ts";
import type { PollStore } from "./poll-store.ts";

/** Votes a child may send in an hour (changes included): plenty for changing one's mind, not for a script. */
const VOTES_PER_HOUR = 60;
const POLLS_PER_HOUR = 20;

export interface PollRouteContext {
  service: PollService;
  store: PollStore;
  members: MemberGuard;
  staff: StaffGuard;
  db: Queryable;
}

/** Polls as a Fastify plugin. */
export async function pollRoutes(app: FastifyInstance, context: PollRouteContext): Promise<void> {
  const { service, store, members, staff } = context;
  const votes = new SharedLimiter(context.db, "poll votes per member", VOTES_PER_HOUR, 3_600_000);
  const starts = new SharedLimiter(context.db, "polls per staff user", POLLS_PER_HOUR, 3_600_000);
  const tooMany = () => new ApiError(429, "rate_limited", say("操作太多了，请一会儿再试", "too many requests; try again later"));

  app.get("/api/polls", async (request) => {
    const query = parseRequest(pollListQuery, request.query);
    const viewer = await members.optional(request);
    const polls = await store.list(query);
    return { polls: await Promise.all(polls.map((poll) => service.present(poll, viewer))) };
  });

  app.post("/api/polls", async (request, reply) => {
    const user = await staff.require(request, POLL_CREATOR_ROLES);
    const input = parseRequest(newPollSchema, request.body);
    if (!(await starts.allow(user.id))) throw tooMany();
    const poll = await service.start(user, input);
    return reply.code(201).send({ poll: await service.present(poll, null) });
  });

  app.get("/api/polls/:id", async (request) => {
    const { id } = parseRequest(pollParams, request.params);
    return { poll: await service.present(await service.get(id), await members.optional(request)) };
  });

  app.post("/api/polls/:id/vote", async (request) => {
    const posting = await members.posting(request);
    const { id } = parseRequest(pollParams, request.params);
    const member = service.voter(posting);
    const { optionId } = parseRequest(voteSchema, request.body);
    if (!(await votes.allow(member.id))) throw tooMany();
    await service.vote(member, id, optionId);
    return { poll: await service.present(await service.get(id), member) };
  });

  app.delete("/api/polls/:id/vote", async (request) => {
    const changing = await members.changing(request);
    const { id } = parseRequest(pollParams, request.params);
    const member = service.voter(changing);
    await service.unvote(member, id);
    return { poll: await service.present(await service.get(id), member) };
  });

  app.post("/api/polls/:id/close", async (request) => {
    const user = await staff.require(request, POLL_CREATOR_ROLES);
    const { id } = parseRequest(pollParams, request.params);
    await service.runBy(user, id);
    parseRequest(closePollSchema, request.body ?? {});
    return { poll: await service.present(await service.close(user, id), null) };
  });

  const creator = (request: Parameters<StaffGuard["require"]>[0]) => staff.require(request, POLL_CREATOR_ROLES);
  registerBinaryRoute(app, { method: "POST", url: "/api/polls/:id/options/:optionId/image", mediaTypes: OPTION_IMAGE_TYPES, bodyLimit: MAX_OPTION_IMAGE_BYTES, authorize: creator }, async (request, reply) => {
    const user = await creator(request);
    const { id, optionId } = parseRequest(pollOptionParams, request.params);
    await service.runBy(user, id);
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请以 ${OPTION_IMAGE_TYPES.join("、")} 格式发送图片`, `send the image as ${OPTION_IMAGE_TYPES.join(", ")}`));
    const poll = await service.setImage(user, id, optionId, request.body);
    return reply.code(201).send({ poll: await service.present(poll, null) });
  });

  app.get("/api/polls/:id/options/:optionId/image", async (request, reply) => {
    const { id, optionId } = parseRequest(pollOptionParams, request.params);
    const image = await service.image(id, optionId);
    return reply.type(image.mediaType).header("cache-control", "public, max-age=300").header("x-content-type-options", "nosniff").send(image.data);
  });
}
