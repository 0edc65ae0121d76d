/**
 * The assessor's running score, worked out as the server scores (scoreAssessment in
 * src/core/rubric.ts, not imported so zod stays out of the browser): the total of the
 * scores given, and whether the site passes: the pass mark reached and no safety item
 * (required criterion) at zero. The server's answer is the one that counts.
 */
import type { DemonstrationType } from "../../../../src/core/place.ts";
import type { Criterion, Rubric } from "./site-api.ts";

/** Where the form stands: the total so far, what is still unscored or out of range, and the verdict. */
export interface LiveScore {
  readonly total: number;
  readonly scored: number;
  readonly count: number;
  /** Criteria with no score yet. */
  readonly missing: readonly Criterion[];
  /** Criteria whose entry is not a whole number from 0 to the top score. */
  readonly invalid: readonly Criterion[];
  /** Safety items scored zero: any one fails the site. */
  readonly failedRequired: readonly Criterion[];
  readonly reachesPassMark: boolean;
  /** True or false once every criterion has a valid score; null before. */
  readonly passed: boolean | null;
}

/** A score as typed: the whole number it is, "missing" when empty, "invalid" otherwise. */
export function parseScore(raw: string, criterion: Criterion): number | "missing" | "invalid" {
  const text = raw.trim();
  if (text === "") return "missing";
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= criterion.maxScore ? value : "invalid";
}

/** The live score of the entries typed so far (criterion id -> text). */
export function liveScore(rubric: Rubric, passScore: number, entries: ReadonlyMap<string, string>): LiveScore {
  let total = 0;
  const missing: Criterion[] = [];
  const invalid: Criterion[] = [];
  const failedRequired: Criterion[] = [];
  for (const criterion of rubric.criteria) {
    const score = parseScore(entries.get(criterion.id) ?? "", criterion);
    if (score === "missing") missing.push(criterion);
    else if (score === "invalid") invalid.push(criterion);
    else {
      total += score;
      if (criterion.required && score === 0) failedRequired.push(criterion);
    }
  }
  const complete = missing.length === 0 && invalid.length === 0;
  const reachesPassMark = total >= passScore;
  return {
    total,
    scored: rubric.criteria.length - missing.length - invalid.length,
    count: rubric.criteria.length,
    missing,
    invalid,
    failedRequired,
    reachesPassMark,
    passed: complete ? reachesPassMark && failedRequired.length === 0 : null,
  };
}

const TYPE_OF_KIND: Readonly<Record<string, DemonstrationType>> = {
  school: "school",
  kindergarten: "school",
  hospital: "hospital",
  children_hospital: "hospital",
  clinic: "hospital",
  paediatrics: "hospital",
  community_centre: "community",
  childrens_home: "community",
  park: "park",
  garden: "park",
  playground: "park",
  youth_centre: "out_of_school",
  family_education_centre: "out_of_school",
  library: "out_of_school",
  museum: "out_of_school",
  aquarium: "out_of_school",
  zoo: "out_of_school",
  sports_centre: "out_of_school",
  stadium: "out_of_school",
};

/** The site type to start with for a place: the one it is certified as, else the one its kind suggests. */
export function suggestedSiteType(place: { readonly kind: string; readonly demonstration: { readonly type: DemonstrationType } | null }): DemonstrationType | null {
  return place.demonstration?.type ?? TYPE_OF_KIND[place.kind] ?? null;
}
