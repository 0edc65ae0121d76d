/**
 * The OpenAPI paths of school-route projects (学径改造) in plan supervision, generated from
 * the contract in src/core/api/school-projects.ts; openapi.ts merges SCHOOL_PROJECT_PATHS
 * into the paths. Who may call each operation is in access-table.ts (from the plan domain's
 * SCHOOL_PROJECT_PERMISSIONS). The PATCH operation needs DraftPaths (openapi-parts.ts) and
 * AccessRule (access-table.ts) to know "patch"/"PATCH".
 */
import { z } from "zod";
import {
  MAX_PROJECT_PHOTOS_PER_STAGE, newSchoolProjectSchema, schoolProjectAnswer, schoolProjectListQuery, schoolProjectParams, schoolProjectPatchSchema,
  schoolProjectPhotoParams, schoolProjectPhotoQuery, schoolProjectSummaryAnswer, schoolProjectSummaryQuery,
} from "../core/api/school-projects.ts";
import { fileBody } from "./openapi-bodies.ts";
import { type DraftOperation, type DraftPaths, created, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";
import { inputJsonSchema } from "./openapi-schema.ts";

/** Each JSON body with an example the server takes. */
export const SCHOOL_PROJECT_BODIES = {
  schoolProject: {
    schema: newSchoolProjectSchema,
    example: {
      region: "hengyang", schoolId: "way/176131190", schoolName: "珠晖区实验小学", unitId: "zhuhui-district", title: "实验小学门前路口改造", countyCode: "430405",
      measures: [{ measure: "signal", lon: 112.6205, lat: 26.8951, note: "校门口路口" }, { measure: "waiting_area", lon: 112.6207, lat: 26.8949 }],
      budgetYuan: 380000, status: "planned", plannedStart: "2026-03-01", plannedEnd: "2026-08-31",
    },
  },
  schoolProjectPatch: { schema: schoolProjectPatchSchema, example: { version: 1, status: "in_progress" } },
} as const satisfies Record<string, { schema: z.ZodType; example: unknown }>;

function body(name: keyof typeof SCHOOL_PROJECT_BODIES, description: string): DraftOperation["requestBody"] {
  const { schema, example } = SCHOOL_PROJECT_BODIES[name];
  return { required: true, description, content: { "application/json": { schema: inputJsonSchema(schema), example } } } as unknown as DraftOperation["requestBody"];
}

function answer(description: string, schema: z.ZodType, member?: string, many = false) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>;
  if (!member) return { description, ...json };
  return { type: "object", description, properties: { [member]: many ? { type: "array", items: json } : json } };
}

const project = pathParameters(schoolProjectParams);
const one = answer("The project", schoolProjectAnswer, "project");

/** The paths, with "patch" beside the methods DraftPaths names today. */
export const SCHOOL_PROJECT_PATHS: DraftPaths = {
  "/api/plan/school-projects": {
    get: { summary: "School-route projects (学径改造), narrowed by region, status and unit", parameters: queryParameters(schoolProjectListQuery), responses: ok("Projects", answer("Projects", schoolProjectAnswer, "projects", true)) },
    post: {
      summary: "Start a school-route project: its school, unit (one carrying task 22; a reporter only its own), measures, budget, status and dates; a district unit's project lies in its county",
      description: "A completed project needs completedOn (not in the future) and at least one measure.",
      requestBody: body("schoolProject", "The project"),
      responses: created("The project at version 1", one),
    },
  },
  "/api/plan/school-projects/summary": {
    get: { summary: "Completed school-route projects per county and for the city, beside task 22's targets (≥1 per county by 2025, ≥40 city-wide by 2028)", parameters: queryParameters(schoolProjectSummaryQuery), responses: ok("Summary", answer("Summary", schoolProjectSummaryAnswer)) },
  },
  "/api/plan/school-projects/{id}": {
    get: { summary: "One school-route project with its photos", parameters: project, responses: ok("The project", one) },
    patch: {
      summary: "Change a project's fields, naming the version read; completing it needs completedOn and a measure",
      parameters: project,
      requestBody: body("schoolProjectPatch", "The fields to change and the version"),
      responses: { ...ok("The project at its next version", one), ...refusal("409", "Another write came first (field version), or a cancelled project's status") },
    },
  },
  "/api/plan/school-projects/{id}/photos": {
    post: {
      summary: `A before or after photo (JPEG or PNG; re-encoded upright without metadata; at most ${MAX_PROJECT_PHOTOS_PER_STAGE} a stage)`,
      parameters: [...project, ...queryParameters(schoolProjectPhotoQuery)],
      requestBody: fileBody("The photo", ["image/jpeg", "image/png"]),
      responses: { ...created("The project", one), ...refusal("409", `${MAX_PROJECT_PHOTOS_PER_STAGE} photos of that stage already`) },
    },
  },
  "/api/plan/school-projects/{id}/photos/{photoId}": {
    get: { summary: "A stored photo of a project", parameters: pathParameters(schoolProjectPhotoParams), responses: { "200": file("JPEG or PNG", "image/jpeg") } },
  },
};
