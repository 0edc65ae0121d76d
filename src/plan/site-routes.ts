/**
 * Demonstration sites over HTTP: GET /api/sites/rubrics (public: what a site is judged
 * on), POST /api/sites/assessments (reviewers and the working group score a place),
 * GET /api/sites/assessments?placeId= (staff).
 */
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import { assessmentListQuery } from "../core/api/plan.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlanBook } from "./plan-book.ts";
import { planRoles } from "./plan-permissions.ts";
import { cityToday } from "./periods.ts";
import type { SiteAssessments } from "./site-assessments.ts";

/** Demonstration sites as a Fastify plugin (registered by the plan domain). */
export async function siteRoutes(app: FastifyInstance, context: { guard: StaffGuard; sites: SiteAssessments; book: () => PlanBook | null }): Promise<void> {
  app.get("/api/sites/rubrics", async () => context.sites.rubrics);

  app.post("/api/sites/assessments", async (request, reply) => {
    const user = await context.guard.require(request, planRoles("sites.assess"));
    const assessment = await context.sites.assess(user, context.book(), request.body, cityToday());
    return reply.code(201).send({ assessment });
  });

  app.get("/api/sites/assessments", async (request) => {
    await context.guard.require(request, planRoles("sites.read"));
    const { placeId } = parseRequest(assessmentListQuery, request.query);
    return { assessments: await context.sites.list(placeId) };
  });
}
