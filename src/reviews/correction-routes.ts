/**
 * The data-quality queue over HTTP.
 *   POST /api/places/{id}/corrections          {kind, detail, lon?, lat?}  anyone, rate limited
 *   GET  /api/moderation/corrections           open reports with the place  (staff)
 *   POST /api/moderation/corrections/{id}      {decision: fixed|rejected, note, fix?} (staff)
 * A fix edits the place itself (hours, facilities, position, removal) in the same step.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type MemberGuard, type StaffGuard, recordAudit } from "../accounts/index.ts";
import { CORRECTION_DETAIL_MAX, CORRECTION_KINDS, REASON_MAX_LENGTH } from "../core/community.ts";
import { PLACE_ID_PATTERN } from "../core/limits.ts";
import { type PlaceCatalog, applyPlaceFix, placeFixSchema } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError } from "../platform/errors.ts";
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { type Guard, refusalError, refusalOf } from "../safety/index.ts";
import type { CorrectionStore } from "./corrections.ts";

const STAFF = ["moderator", "admin"] as const;
const correctionSchema = z.object({
  kind: z.enum(CORRECTION_KINDS),
  detail: z.string().trim().max(CORRECTION_DETAIL_MAX).regex(/^[^\p{Cc}\p{Cs}]*$/u, "no control characters").default(""),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
}).strict();
const resolveSchema = z.object({
  decision: z.enum(["fixed", "rejected"]),
  note: z.string().trim().min(2).max(REASON_MAX_LENGTH),
  fix: placeFixSchema.optional(),
}).strict();
const CORRECTIONS_PER_HOUR = 20;

export interface CorrectionRouteContext {
  db: Database;
  corrections: CorrectionStore;
  catalog: PlaceCatalog;
  guard: Guard;
  members: MemberGuard;
  staff: StaffGuard;
}

export function registerCorrectionRoutes(app: FastifyInstance, context: CorrectionRouteContext): void {
  const { db, corrections, catalog } = context;
  const limiter = new FixedWindowLimiter(CORRECTIONS_PER_HOUR, 3_600_000);

  app.post("/api/places/:id/corrections", async (request, reply) => {
    const { id } = parseRequest(z.object({ id: z.string().regex(PLACE_ID_PATTERN) }), request.params);
    const body = parseRequest(correctionSchema, request.body);
    if (!limiter.allow(request.ip)) throw new ApiError(429, "rate_limited", "thank you; you have sent many reports, try again later");
    if (!catalog.index.get(id)) throw ApiError.notFound("place");
    const member = await context.members.optional(request);
    if (body.detail) {
      // Staff read it, not the public; still, a child's personal information is not kept.
      const checked = context.guard.check(body.detail, member?.kind ?? "adult");
      const refusal = refusalOf(checked, member?.kind ?? "adult");
      if (refusal) throw refusalError(refusal, checked, "detail");
    }
    const correction = await corrections.add({ placeId: id, kind: body.kind, detail: body.detail, lon: body.lon ?? null, lat: body.lat ?? null, memberId: member?.id ?? null });
    return reply.code(201).send({ correction: { id: correction.id, status: correction.status } });
  });

  app.get("/api/moderation/corrections", async (request) => {
    await context.staff.require(request, STAFF);
    const open = await corrections.list("open");
    return {
      corrections: open.map((c) => {
        const place = catalog.index.get(c.placeId);
        return { ...c, place: place ? { id: place.id, name: place.name.zh ?? place.name.en, lon: place.lon, lat: place.lat, openingHours: place.openingHours, facilities: place.facilities } : null };
      }),
    };
  });

  app.post("/api/moderation/corrections/:id", async (request) => {
    const user = await context.staff.require(request, STAFF);
    const correction = await corrections.get(parseRequest(z.object({ id: z.uuid() }), request.params).id);
    if (!correction || correction.status !== "open") throw ApiError.notFound("open correction");
    const body = parseRequest(resolveSchema, request.body);
    if (body.fix && body.decision === "fixed") {
      const result = await applyPlaceFix(db, catalog, correction.placeId, body.fix);
      if (!result.ok) throw ApiError.invalid(result.field, result.message);
    }
    await db.transaction(async (tx) => {
      await corrections.resolve(tx, correction.id, body.decision, user.id, body.note);
      await recordAudit(tx, { userId: user.id, action: `correction.${body.decision}`, target: `place:${correction.placeId}`, detail: { correction: correction.id, kind: correction.kind, fix: body.fix ?? null, note: body.note } });
    });
    return { correction: await corrections.get(correction.id) };
  });
}
