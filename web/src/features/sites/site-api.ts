/**
 * Client of the demonstration-site API (示范点评估): the rubrics every site type is judged
 * on, a place's assessments, and a new assessment. Also the region's places the assessor
 * picks from. Shapes follow src/core/rubric.ts and src/core/api/plan.ts; only the
 * types are imported, so zod stays out of the browser.
 */
import type { AssessmentInput as AssessmentBody } from "../../../../src/core/api/plan.ts";
import type { Rubric, RubricBook } from "../../../../src/core/rubric.ts";
import { getJson, type PlaceFeature, toPlaceFeatures } from "../../shared/api.ts";
import { ApiError, getField, isRecord, sendField } from "../../shared/http.ts";

export type { Rubric, RubricBook };

/** One criterion of a rubric. */
export type Criterion = Rubric["criteria"][number];

/** What the assessor sends (the contract's body): a score for every criterion of the site type's rubric. */
export type AssessmentInput = Readonly<Required<AssessmentBody>>;

/** A stored assessment; the latest one of a place decides whether it is certified. */
export interface Assessment extends AssessmentInput {
  readonly id: string;
  readonly total: number;
  readonly passed: boolean;
  readonly assessedBy: string;
  readonly assessorName: string | null;
  readonly districtUnitId: string | null;
}

/** The most places one answer may carry (LIMITS.maxPlacesPerResponse on the server). */
const MAX_PLACES = 5000;

/** GET /api/sites/rubrics: the pass mark and one rubric per site type. */
export async function fetchRubrics(): Promise<RubricBook> {
  const body = await getJson("/api/sites/rubrics");
  if (!isRecord(body) || typeof body.passScore !== "number" || !Array.isArray(body.rubrics)) throw new ApiError(500, "bad_response", "rubrics answer has no passScore or rubrics");
  return body as unknown as RubricBook;
}

/** GET /api/sites/assessments?placeId=: the place's assessments, oldest first. */
export async function fetchAssessments(placeId: string): Promise<Assessment[]> {
  return getField<Assessment[]>(`/api/sites/assessments?${new URLSearchParams({ placeId })}`, "assessments", Array.isArray);
}

/** POST /api/sites/assessments; a refusal becomes an ApiError naming the field at fault. */
export const submitAssessment = (input: AssessmentInput): Promise<Assessment> =>
  sendField<Assessment>("POST", "/api/sites/assessments", input, "assessment", (value) => isRecord(value) && typeof value.total === "number");

/** Every place of a region (up to the server's limit), for the assessor to search by name. */
export async function fetchRegionPlaces(regionId: string): Promise<PlaceFeature[]> {
  const body = await getJson(`/api/places?${new URLSearchParams({ region: regionId, limit: String(MAX_PLACES) })}`);
  if (!isRecord(body) || !Array.isArray(body.features)) throw new ApiError(500, "bad_response", "places answer is not a FeatureCollection");
  return toPlaceFeatures(body.features);
}
