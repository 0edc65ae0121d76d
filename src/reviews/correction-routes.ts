/**
 * The data-quality queue over HTTP.
 *   POST /api/places/{id}/corrections          {kind, detail, lon?, lat?}  anyone, rate limited
 *   GET  /api/moderation/corrections           open reports with the place  (staff)
 *   POST /api/moderation/corrections/{id}      {decision: fixed|rejected, note, fix?} (staff)
 * A fix edits the place itself (hours, facilities, position, removal) in the same step.
 */
import type { FastifyInstance } from "fastify";
import type { MemberGuard, StaffGuard } from "../accounts/index.ts";
import { correctionDecisionSchema, correctionSchema } from "../core/api/places.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Queryable } from "../platform/database/database.ts";
import { SharedLimiter } from "../platform/database/shared-limiter.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { CorrectionService } from "./correction-service.ts";
import { placeIdParams, uuidParams } from "../core/api/paths.ts";

const STAFF = ["moderator", "admin"] as const;
const CORRECTIONS_PER_HOUR = 20;

export interface CorrectionRouteContext {
  service: CorrectionService;
  members: MemberGuard;
  staff: StaffGuard;
  /** Where the limits are counted, so they hold across instances. */
  db: Queryable;
}

/** Corrections as a Fastify plugin (registered by the reviews domain). */
export async function correctionRoutes(app: FastifyInstance, context: CorrectionRouteContext): Promise<void> {
  const { service } = context;
  const limiter = new SharedLimiter(context.db, "corrections per address", CORRECTIONS_PER_HOUR, 3_600_000);

  app.post("/api/places/:id/corrections", async (request, reply) => {
    const { id } = parseRequest(placeIdParams, request.params);
    const body = parseRequest(correctionSchema, request.body);
    if (!(await limiter.allow(request.ip))) throw new ApiError(429, "rate_limited", say("谢谢！你已经报告了很多次，请稍后再试", "thank you; you have sent many reports, try again later"));
    const correction = await service.report(id, await context.members.optional(request), body);
    return reply.code(201).send({ correction: { id: correction.id, status: correction.status } });
  });

  app.get("/api/moderation/corrections", async (request) => {
    await context.staff.require(request, STAFF);
    return { corrections: await service.open() };
  });

  app.post("/api/moderation/corrections/:id", async (request) => {
    const user = await context.staff.require(request, STAFF);
    const { id } = parseRequest(uuidParams("Correction id"), request.params);
    return { correction: await service.resolve(user, id, parseRequest(correctionDecisionSchema, request.body)) };
  });
}
