/**
 * Assessment rubrics for demonstration sites (示范点): per site type, criteria with a top
 * score each, a pass mark, and the plan indicators a certified site counts toward. Shared
 * so the assessor's form in the browser and the server score alike.
 */
import { z } from "zod";
import { DEMONSTRATION_TYPES } from "./place.ts";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

export const rubricCriterionSchema = z.object({
  id: slug,
  text: z.string().min(1).max(300),
  textEn: z.string().min(1).max(300),
  maxScore: z.number().int().min(1).max(100),
  /** Where the criterion comes from: "task:21", or "principle:<guide>". */
  basis: z.string().min(1).max(200),
  /** A criterion scored zero fails the site whatever the total (safety). */
  required: z.boolean(),
});

export const rubricSchema = z.object({
  siteType: z.enum(DEMONSTRATION_TYPES),
  title: z.string().min(1).max(100),
  titleEn: z.string().min(1).max(200),
  taskNumber: z.number().int().min(1),
  feeds: z.object({ city: slug.optional(), perCounty: slug.optional() }),
  criteria: z.array(rubricCriterionSchema).min(1).max(40),
});

export const rubricBookSchema = z.object({
  version: z.number().int(),
  note: z.string().max(2000),
  passScore: z.number().min(0).max(100),
  rubrics: z.array(rubricSchema).min(1),
}).refine((book) => new Set(book.rubrics.map((r) => r.siteType)).size === book.rubrics.length, { message: "one rubric per site type", path: ["rubrics"] })
  .refine((book) => book.rubrics.every((r) => r.criteria.reduce((n, c) => n + c.maxScore, 0) === 100), { message: "each rubric's top scores add up to 100", path: ["rubrics"] });

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricBook = z.infer<typeof rubricBookSchema>;

export interface RubricScore {
  total: number;
  passed: boolean;
  /** Required criteria scored zero. */
  failedRequired: string[];
}

/** Scores of one assessment against its rubric: total out of 100, and whether it passes. */
export function scoreAssessment(rubric: Rubric, passScore: number, scores: Readonly<Record<string, number>>): RubricScore {
  const total = rubric.criteria.reduce((sum, c) => sum + Math.min(c.maxScore, Math.max(0, scores[c.id] ?? 0)), 0);
  const failedRequired = rubric.criteria.filter((c) => c.required && !(scores[c.id]! > 0)).map((c) => c.id);
  return { total, passed: total >= passScore && failedRequired.length === 0, failedRequired };
}
