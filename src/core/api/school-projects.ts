/**
 * The contract of school-route projects (学径改造) in plan supervision: a project belongs to a
 * school, names the measures it builds at points of the street (signal, zebra, refuge, speed
 * humps, waiting area, cameras, footway), its unit, budget, status and dates, and carries
 * before/after photos. Completed projects count toward the plan's task-22 indicators and
 * their signals and zebras become the school-route analysis's base (src/plan/school-projects*.ts).
 */
import { z } from "zod";
import { PLAN_SLUG_PATTERN } from "../plan.ts";
import { REGION_ID_PATTERN } from "../limits.ts";
import { both } from "./messages.ts";

import { SCHOOL_PROJECT_MEASURES, SCHOOL_PROJECT_PHOTO_STAGES, SCHOOL_PROJECT_STATUSES } from "./school-project-vocabulary.ts";

export * from "./school-project-vocabulary.ts";
/** At most this many measures in one project, and photos of each stage. */
export const MAX_PROJECT_MEASURES = 100;
export const MAX_PROJECT_PHOTOS_PER_STAGE = 10;
/** The largest photo taken (bytes), before it is re-encoded without metadata. */
export const MAX_PROJECT_PHOTO_BYTES = 8 * 1024 * 1024;

const regionField = z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes"))
  .meta({ description: "Region id", example: "hengyang" });
const unitField = z.string().max(80).regex(PLAN_SLUG_PATTERN, both("单位编号只能用小写字母、数字和短横线", "unit ids are lowercase letters, digits and dashes"))
  .meta({ description: "Plan unit id", example: "zhuhui-district" });
const dateField = z.iso.date(both("日期应写成 2026-09-01 这样", "a date like 2026-09-01"));
const text = (max: number) => z.string().trim().max(max, both(`最多 ${max} 个字`, `at most ${max} characters`));

export const schoolProjectMeasure = z.object({
  measure: z.enum(SCHOOL_PROJECT_MEASURES).meta({ description: "What is built: signal, zebra, refuge, speed_humps, waiting_area, cameras or footway" }),
  lon: z.number().min(-180, both("经度应在 -180 到 180 之间", "longitude must be within -180..180")).max(180, both("经度应在 -180 到 180 之间", "longitude must be within -180..180")),
  lat: z.number().min(-90, both("纬度应在 -90 到 90 之间", "latitude must be within -90..90")).max(90, both("纬度应在 -90 到 90 之间", "latitude must be within -90..90")),
  note: text(200).optional(),
}).strict();
export type SchoolProjectMeasure = z.infer<typeof schoolProjectMeasure>;

const projectFields = {
  title: text(120).min(1, both("请填写项目名称", "give the project a title")).meta({ description: "Project title", example: "石鼓小学门前路口改造" }),
  schoolName: text(120).min(1, both("请填写学校名称", "name the school")),
  countyCode: z.string().regex(/^\d{6}$/, both("县市区代码为 6 位数字", "a county code is 6 digits")).nullable().meta({ description: "NBS code of the county or district, null when city-wide", example: "430405" }),
  measures: z.array(schoolProjectMeasure).max(MAX_PROJECT_MEASURES, both(`最多 ${MAX_PROJECT_MEASURES} 项措施`, `at most ${MAX_PROJECT_MEASURES} measures`)),
  budgetYuan: z.number().int(both("预算以元为单位的整数", "a budget in whole yuan")).min(0, both("预算不能为负", "a budget cannot be negative")).max(1e12).nullable(),
  status: z.enum(SCHOOL_PROJECT_STATUSES),
  plannedStart: dateField.nullable(),
  plannedEnd: dateField.nullable(),
  completedOn: dateField.nullable(),
};

/** POST /api/plan/school-projects. */
export const newSchoolProjectSchema = z.object({
  region: regionField,
  schoolId: z.string().regex(/^(node|way|relation)\/\d{1,15}$/, both("学校编号应写成 node/123 或 way/123", "a school id is node/123 or way/123")).meta({ description: "School id (its OSM element)", example: "way/176131190" }),
  unitId: unitField,
  ...projectFields,
  countyCode: projectFields.countyCode.default(null),
  measures: projectFields.measures.default([]),
  budgetYuan: projectFields.budgetYuan.default(null),
  status: projectFields.status.default("planned"),
  plannedStart: projectFields.plannedStart.default(null),
  plannedEnd: projectFields.plannedEnd.default(null),
  completedOn: projectFields.completedOn.default(null),
}).strict();
export type NewSchoolProject = z.infer<typeof newSchoolProjectSchema>;

/** PATCH /api/plan/school-projects/{id}: the fields to change, with the version they were read at. */
export const schoolProjectPatchSchema = z.object({
  version: z.number().int().min(1).meta({ description: "The project's version as read; a newer one answers 409" }),
  ...Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]> },
}).strict();
export type SchoolProjectPatch = z.infer<typeof schoolProjectPatchSchema>;

export const schoolProjectListQuery = z.object({
  region: regionField.optional(),
  status: z.enum(SCHOOL_PROJECT_STATUSES).optional(),
  unit: unitField.optional(),
}).strict();
export type SchoolProjectListQuery = z.infer<typeof schoolProjectListQuery>;

export const schoolProjectSummaryQuery = z.object({ region: regionField.optional() }).strict();

export const schoolProjectPhotoQuery = z.object({ stage: z.enum(SCHOOL_PROJECT_PHOTO_STAGES).meta({ description: "before or after the works", example: "before" }) }).strict();

const uuid = (description: string) => z.uuid().meta({ description, example: "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" });
export const schoolProjectParams = z.object({ id: uuid("Project id") });
export const schoolProjectPhotoParams = z.object({ id: uuid("Project id"), photoId: uuid("Photo id") });

export const schoolProjectPhotoAnswer = z.object({ id: z.string(), stage: z.enum(SCHOOL_PROJECT_PHOTO_STAGES), mediaType: z.string(), bytes: z.number(), uploadedBy: z.string(), uploadedAt: z.string() });

/** One project as answered. */
export const schoolProjectAnswer = z.object({
  id: z.string(),
  region: z.string(),
  schoolId: z.string(),
  unitId: z.string(),
  ...projectFields,
  photos: z.array(schoolProjectPhotoAnswer),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type SchoolProject = z.infer<typeof schoolProjectAnswer>;

/** GET /api/plan/school-projects/summary: completed projects against the task-22 targets. */
export const schoolProjectSummaryAnswer = z.object({
  region: z.string().nullable(),
  city: z.object({ completed: z.number(), target: z.number().nullable(), targetYear: z.number().nullable(), indicatorId: z.string().nullable() }),
  counties: z.array(z.object({
    countyCode: z.string(),
    unitId: z.string().nullable(),
    name: z.string().nullable(),
    completed: z.number(),
    target: z.number().nullable(),
    targetYear: z.number().nullable(),
    met: z.boolean().nullable(),
  })),
  byStatus: z.record(z.string(), z.number()),
  indicatorId: z.string().nullable().meta({ description: "The per-county indicator of the plan, when it has one" }),
  unitIds: z.array(z.string()).meta({ description: "The units that carry the school-route task (lead or take part, a group's members included): those a project may belong to" }),
});
export type SchoolProjectSummary = z.infer<typeof schoolProjectSummaryAnswer>;
