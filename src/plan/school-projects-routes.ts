/**
 * School-route projects (学径改造) over HTTP, for signed-in plan staff:
 *   GET   /api/plan/school-projects?region=&status=&unit=      the projects
 *   GET   /api/plan/school-projects/summary?region=            completed projects by county and city, beside the task-22 targets
 *   POST  /api/plan/school-projects                            create (a reporter: its own unit's)
 *   GET   /api/plan/school-projects/{id}                       one project
 *   PATCH /api/plan/school-projects/{id}                       change fields, naming the version read (409 when stale)
 *   POST  /api/plan/school-projects/{id}/photos?stage=before|after   the raw JPEG or PNG, stored without metadata
 *   GET   /api/plan/school-projects/{id}/photos/{photoId}      the stored photo
 * Each handler parses, checks the role (school-projects-permissions.ts), calls one function
 * of SchoolProjectService and presents its answer.
 */
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import {
  MAX_PROJECT_PHOTO_BYTES, schoolProjectListQuery, schoolProjectParams, schoolProjectPhotoParams, schoolProjectPhotoQuery, schoolProjectSummaryQuery,
} from "../core/api/school-projects.ts";
import { ApiError, say } from "../platform/errors.ts";
import { mediaTypeOf, registerBinaryRoute } from "../platform/http/binary-route.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { schoolProjectRoles } from "./school-projects-permissions.ts";
import type { SchoolProjectService } from "./school-projects-service.ts";

const PHOTO_TYPES = ["image/jpeg", "image/png"] as const;

/** School-route projects as a Fastify plugin (registered by the plan domain, plan-supervision.ts). */
export async function schoolProjectRoutes(app: FastifyInstance, { guard, projects }: { guard: StaffGuard; projects: SchoolProjectService }): Promise<void> {
  const reading = schoolProjectRoles("school-projects.read");
  const writing = schoolProjectRoles("school-projects.write");

  app.get("/api/plan/school-projects", async (request) => {
    await guard.require(request, reading);
    const query = parseRequest(schoolProjectListQuery, request.query);
    return { projects: await projects.list({ region: query.region, status: query.status, unitId: query.unit }) };
  });

  app.get("/api/plan/school-projects/summary", async (request) => {
    await guard.require(request, reading);
    return projects.summary(parseRequest(schoolProjectSummaryQuery, request.query).region);
  });

  app.post("/api/plan/school-projects", async (request, reply) => {
    const user = await guard.require(request, writing);
    return reply.code(201).send({ project: await projects.create(user, request.body) });
  });

  app.get("/api/plan/school-projects/:id", async (request) => {
    await guard.require(request, reading);
    return { project: await projects.read(parseRequest(schoolProjectParams, request.params).id) };
  });

  app.patch("/api/plan/school-projects/:id", async (request) => {
    const user = await guard.require(request, writing);
    return { project: await projects.update(user, parseRequest(schoolProjectParams, request.params).id, request.body) };
  });

  registerBinaryRoute(app, { method: "POST", url: "/api/plan/school-projects/:id/photos", mediaTypes: PHOTO_TYPES, bodyLimit: MAX_PROJECT_PHOTO_BYTES, authorize: (request) => guard.require(request, writing) }, async (request, reply) => {
    const user = await guard.require(request, writing);
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, "unsupported_media_type", say(`请以 ${PHOTO_TYPES.join("、")} 格式发送照片`, `send the photo as ${PHOTO_TYPES.join(", ")}`));
    const { id } = parseRequest(schoolProjectParams, request.params);
    const { stage } = parseRequest(schoolProjectPhotoQuery, request.query);
    return reply.code(201).send({ project: await projects.addPhoto(user, id, stage, mediaTypeOf(request), request.body) });
  });

  app.get("/api/plan/school-projects/:id/photos/:photoId", async (request, reply) => {
    await guard.require(request, reading);
    const { id, photoId } = parseRequest(schoolProjectPhotoParams, request.params);
    const photo = await projects.photo(id, photoId);
    return reply.type(photo.mediaType).header("x-content-type-options", "nosniff").header("cache-control", "private, max-age=3600").send(photo.content);
  });
}
