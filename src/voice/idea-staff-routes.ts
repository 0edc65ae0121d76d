/**
 * The accountability path over HTTP: the public figures, and for staff the triage queue,
 * triage (send to a plan task's lead unit, or merge), each unit's ideas and its dated
 * answers. Staff lists carry a child's exact point (for routing the work, never shown
 * publicly); reading it is an access to a minor's data and goes to the audit trail.
 *   GET  /api/ideas/accountability        everyone
 *   GET  /api/ideas/triage                admin, reviewer
 *   POST /api/ideas/{id}/triage           admin, reviewer
 *   GET  /api/ideas/assigned              admin, reviewer, leader (all); reporter (own unit)
 *   POST /api/ideas/{id}/answers          reporter of the unit, admin
 *   POST /api/ideas/{id}/result-photo     reporter of the unit, admin
 */
import type { FastifyInstance } from "fastify";
import type { StaffGuard, StaffUser } from "../accounts/index.ts";
import { recordAudit } from "../accounts/index.ts";
import { uuidParams } from "../core/api/paths.ts";
import { accountabilityQuery, ideaAnswerSchema, staffIdeaQuery, triageSchema } from "../core/api/voice.ts";
import { MAX_PHOTO_UPLOAD_BYTES } from "../core/community.ts";
import type { StaffRole } from "../core/staff-roles.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlanBook } from "../plan/index.ts";
import { accountabilityFigures } from "./accountability-figures.ts";
import { figuresFromDatabase } from "./accountability-sql.ts";
import type { IdeaAccountability } from "./idea-accountability.ts";
import { ACCEPTED_PHOTO_TYPES } from "./idea-photos.ts";
import { type PresentContext, staffIdea } from "./idea-presenter.ts";
import type { IdeaStore, StoredIdea } from "./idea-store.ts";
import type { LiveIdeaLayer } from "./idea-layer.ts";

/** Who may do what on the accountability path (the access table restates these). */
export const IDEA_STAFF_ROLES = {
  triage: ["admin", "reviewer"],
  assigned: ["admin", "reviewer", "leader", "reporter"],
  answer: ["admin", "reporter"],
} as const satisfies Record<string, readonly StaffRole[]>;

const idParams = uuidParams("Idea id");

export interface IdeaStaffRouteContext {
  db: Database;
  store: IdeaStore;
  layer: LiveIdeaLayer;
  accountability: IdeaAccountability;
  staff: StaffGuard;
  book: () => PlanBook | null;
  present: () => PresentContext;
}

/** Staff see a child's exact point: logged as an access to a minor's data. */
async function logExactPoints(db: Database, user: StaffUser, ideas: readonly StoredIdea[]): Promise<void> {
  const children = ideas.filter((i) => i.authorKind === "child" && i.exactLat !== null);
  if (children.length > 0) await recordAudit(db, { userId: user.id, action: "minor_data.read", target: "ideas:exact_points", detail: { ideas: children.map((i) => i.id) } });
}

export async function ideaStaffRoutes(app: FastifyInstance, context: IdeaStaffRouteContext): Promise<void> {
  const { store, accountability, staff } = context;

  // The figures move only when an idea does (the layer's version), or time moves the overdue count on: kept for the hour until then.
  const cache = new Map<string, { key: string; figures: Promise<unknown> }>();
  app.get("/api/ideas/accountability", async (request) => {
    const { region } = parseRequest(accountabilityQuery, request.query);
    const present = context.present();
    const layer = await context.layer.fresh();
    const key = `${layer.version}|${present.now.slice(0, 13)}|${context.book()?.plan.id ?? ""}`;
    const kept = cache.get(region ?? "");
    if (kept?.key === key) return kept.figures;
    // Counted where it is fastest at 100,000 ideas (bench/ideas.bench.ts): by PostgreSQL over its
    // covering indexes (p99 62 ms, the layer 190 ms), over the in-memory layer beside SQLite (p99
    // 55 ms, SQL 120 ms). A test checks both count alike.
    const names = { unitName: present.unitName, districtName: present.districtName };
    const options = { region, deadlineDays: present.deadlineDays };
    const figures = context.db.dialect === "postgres" ? figuresFromDatabase(context.db, names, options) : accountabilityFigures(context.db, layer.all(), names, options);
    figures.catch(() => cache.delete(region ?? ""));
    if (cache.size > 100) cache.clear();
    cache.set(region ?? "", { key, figures });
    return figures;
  });

  app.get("/api/ideas/triage", async (request) => {
    const user = await staff.require(request, IDEA_STAFF_ROLES.triage);
    const { limit } = parseRequest(staffIdeaQuery, request.query);
    const ideas = await store.awaitingTriage(limit);
    await logExactPoints(context.db, user, ideas);
    const present = context.present();
    return { ideas: ideas.map((i) => staffIdea(i, present)) };
  });

  app.post("/api/ideas/:id/triage", async (request) => {
    const user = await staff.require(request, IDEA_STAFF_ROLES.triage);
    const { id } = parseRequest(idParams, request.params);
    const input = parseRequest(triageSchema, request.body);
    const idea = input.action === "assign" ? await accountability.assign(user, id, input.taskNumber, input.unitId) : await accountability.merge(user, id, input.into);
    return { idea: staffIdea(idea, context.present()) };
  });

  app.get("/api/ideas/assigned", async (request) => {
    const user = await staff.require(request, IDEA_STAFF_ROLES.assigned);
    const { limit } = parseRequest(staffIdeaQuery, request.query);
    const book = context.book();
    // A reporter sees its unit's ideas, and those of the units in a group it reports for.
    const units = user.role !== "reporter" ? null : user.unitId ? [user.unitId, ...(book?.plan.units.filter((u) => u.memberOf === user.unitId).map((u) => u.id) ?? [])] : [];
    const ideas = await store.assigned(units, limit);
    await logExactPoints(context.db, user, ideas);
    const present = context.present();
    return { ideas: ideas.map((i) => staffIdea(i, present)) };
  });

  app.post("/api/ideas/:id/answers", async (request) => {
    const user = await staff.require(request, IDEA_STAFF_ROLES.answer);
    const { id } = parseRequest(idParams, request.params);
    const input = parseRequest(ideaAnswerSchema, request.body);
    return { idea: staffIdea(await accountability.answer(user, id, input), context.present()) };
  });

  const answering = (request: Parameters<StaffGuard["require"]>[0]) => staff.require(request, IDEA_STAFF_ROLES.answer);
  registerBinaryRoute(app, { method: "POST", url: "/api/ideas/:id/result-photo", mediaTypes: ACCEPTED_PHOTO_TYPES, bodyLimit: MAX_PHOTO_UPLOAD_BYTES, authorize: answering }, async (request, reply) => {
    const user = await answering(request);
    const { id } = parseRequest(idParams, request.params);
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请以 ${ACCEPTED_PHOTO_TYPES.join("、")} 格式发送照片`, `send the photo as ${ACCEPTED_PHOTO_TYPES.join(", ")}`));
    return reply.code(201).send({ idea: staffIdea(await accountability.resultPhoto(user, id, request.body), context.present()) });
  });
}
