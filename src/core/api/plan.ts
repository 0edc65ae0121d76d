/**
 * The contract of plan supervision: the report bodies and list query staff send, the
 * evaluation query, demonstration-site assessments (POST and GET /api/sites/assessments),
 * and the public progress answer the progress page reads
 * (GET /api/plan/progress; GET /api/plan/dashboard adds unit details to the same tree).
 */
import { z } from "zod";
import { DEMONSTRATION_TYPES } from "../place.ts";
import { integerIn } from "./fields.ts";
import { EVALUATION_STAGES, LIGHTS, REPORT_STATES, TASK_STATUSES } from "./vocabulary.ts";

export { EVALUATION_STAGES, LIGHTS, REPORT_STATES, TASK_STATUSES, type Light } from "./vocabulary.ts";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

/** POST /api/reports: start the caller's unit's report on a task for a period. */
export const newReportSchema = z.object({
  taskNumber: z.number().int().min(1).max(1000),
  period: z.string().max(10),
}).strict();

/** PUT /api/reports/{id}: status, narrative and indicator values. */
export const reportContentSchema = z.object({
  taskStatus: z.enum(TASK_STATUSES),
  narrative: z.string().max(5000),
  values: z.array(z.object({
    indicatorId: slug,
    districtUnitId: slug.nullable().default(null),
    value: z.number().finite().min(-1e9).max(1e9),
    measuredOn: z.iso.date(),
  }).strict()).max(200),
}).strict();

/** POST /api/reports/{id}/submit|return|approve: an optional comment. */
export const decisionSchema = z.object({ comment: z.string().trim().max(2000).default("") }).strict();

/** GET /api/reports. */
export const reportListQuery = z.object({
  period: z.string().max(10).optional().meta({ description: "e.g. 2025-Q3, 2025-H2, 2025", example: "2026-Q3" }),
  unit: z.string().max(80).optional().meta({ description: "Unit id", example: "city-education-bureau" }),
  state: z.enum(REPORT_STATES).optional().meta({ description: "Report state", example: "submitted" }),
  task: integerIn(1, 1000).optional().meta({ description: "Task number", example: 5 }),
}).strict();

/** GET /api/plan/evaluation.{xlsx,html,pdf}. */
export const evaluationQuery = z.object({
  stage: z.enum(EVALUATION_STAGES).default("mid-term").meta({ description: "Which evaluation", example: "mid-term" }),
}).strict();

/** POST /api/sites/assessments: a place scored against its site type's rubric. */
export const assessmentSchema = z.object({
  placeId: z.string().min(1).max(200),
  siteType: z.enum(DEMONSTRATION_TYPES),
  scores: z.record(z.string().max(80), z.number().int().min(0).max(100)),
  comment: z.string().max(2000).default(""),
  assessedOn: z.iso.date(),
}).strict();
/** What an assessment sends. */
export type AssessmentInput = z.input<typeof assessmentSchema>;

/** GET /api/sites/assessments. */
export const assessmentListQuery = z.object({
  placeId: z.string().min(1).max(200).optional().meta({ description: "Place id", example: "osm:w123" }),
}).strict();

/** One measured value of an indicator (measuredOn: YYYY-MM-DD). */
export const observation = z.object({ value: z.number(), measuredOn: z.string() });
/** One measured value of an indicator. */
export type Observation = z.infer<typeof observation>;

/** An indicator's progress: its latest approved value, next target and light. */
export const indicatorView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  scope: z.string(),
  light: z.enum(LIGHTS),
  latest: observation.nullable(),
  target: z.object({ value: z.number(), year: z.number() }).nullable(),
  expected: z.number().nullable(),
  series: z.array(observation.extend({ districtUnitId: z.string().nullable() })),
});
/** An indicator's progress. */
export type IndicatorView = z.infer<typeof indicatorView>;

/** A task's light; the staff dashboard adds who reports on it. */
export const taskView = z.object({
  number: z.number(),
  title: z.string(),
  titleEn: z.string(),
  light: z.enum(LIGHTS),
  leadUnitIds: z.array(z.string()),
  indicators: z.array(indicatorView),
});
/** A task's light. */
export type TaskView = z.infer<typeof taskView>;

const heading = { id: z.string(), number: z.number(), title: z.string(), titleEn: z.string(), light: z.enum(LIGHTS) };
/** An action with its tasks. */
export const actionView = z.object({ ...heading, tasks: z.array(taskView) });
/** A goal with its actions. */
export const goalView = z.object({ ...heading, actions: z.array(actionView) });

/** The answer of GET /api/plan/progress: approved data only, no unit details. */
export const progressAnswer = z.object({
  planId: z.string(),
  today: z.string(),
  counts: z.record(z.enum(LIGHTS), z.number()),
  goals: z.array(goalView),
});
/** The answer of GET /api/plan/progress. */
export type Progress = z.infer<typeof progressAnswer>;

/** An action with its tasks. */
export type ActionView = z.infer<typeof actionView>;
/** A goal with its actions. */
export type GoalView = z.infer<typeof goalView>;
