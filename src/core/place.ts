/**
 * The place model: one child-friendly place as stored, served and shown. Schemas here
 * validate imported rows and API output alike; types are inferred from them.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "./categories.ts";
import { FACILITY_IDS } from "./facilities.ts";
import { LIMITS, PLACE_ID_PATTERN, REGION_ID_PATTERN } from "./limits.ts";

/** How sure we are of a position: surveyed, roughly known, or only the district's centre. */
export const PRECISIONS = ["exact", "approximate", "district"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Demonstration-site types named by the plan (tasks 3, 20, 21, 24, 26, 27). */
export const DEMONSTRATION_TYPES = ["school", "hospital", "community", "park", "out_of_school"] as const;
export type DemonstrationType = (typeof DEMONSTRATION_TYPES)[number];

export const demonstrationSchema = z.object({
  type: z.enum(DEMONSTRATION_TYPES),
  year: z.number().int().min(2000).max(2100),
});

export const provenanceSchema = z.object({
  source: z.string().min(1).max(200),
  licence: z.string().min(1).max(200),
  /** Id of the feature in its source (an OSM element "node/123", a spreadsheet row key). */
  sourceId: z.string().max(200).nullable(),
  importedAt: z.string().datetime(),
});

const trimmedName = z.string().trim().min(1).max(LIMITS.maxNameLength);

export const placeSchema = z
  .object({
    id: z.string().regex(PLACE_ID_PATTERN),
    regionId: z.string().regex(REGION_ID_PATTERN),
    name: z.object({
      zh: trimmedName.nullable(),
      en: trimmedName.nullable(),
      pinyin: z.string().max(400).nullable(),
      /** Other names people use: the local-language name beside name:en, official or old names. */
      alt: z.array(trimmedName).max(10),
    }),
    categories: z.array(z.enum(CATEGORY_IDS)).min(1).max(CATEGORY_IDS.length),
    /** What the place is, more finely than its category ("playground", "library"). */
    kind: z.string().min(1).max(60),
    facilities: z.array(z.enum(FACILITY_IDS)).max(FACILITY_IDS.length),
    ageMin: z.number().int().min(0).max(LIMITS.maxAge).nullable(),
    ageMax: z.number().int().min(0).max(LIMITS.maxAge).nullable(),
    /** OSM opening_hours syntax, checked on import. */
    openingHours: z.string().max(LIMITS.maxOpeningHoursLength).nullable(),
    address: z.string().max(300).nullable(),
    districtCode: z.string().regex(/^\d{6}$/).nullable(),
    communityCode: z.string().regex(/^\d{12}$/).nullable(),
    demonstration: demonstrationSchema.nullable(),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    precision: z.enum(PRECISIONS),
    /** Shown to users when precision is not exact ("位置待确认"). */
    locationNote: z.string().max(200).nullable(),
    provenance: provenanceSchema,
    updatedAt: z.string().datetime(),
  })
  .refine((p) => p.name.zh !== null || p.name.en !== null, { message: "a place needs a name", path: ["name"] })
  .refine((p) => p.ageMin === null || p.ageMax === null || p.ageMin <= p.ageMax, {
    message: "ageMin must not exceed ageMax",
    path: ["ageMin"],
  });

export type Place = z.infer<typeof placeSchema>;
export type Demonstration = z.infer<typeof demonstrationSchema>;

/** The display name in the wanted language, falling back to the other one. */
export function displayName(place: Pick<Place, "name">, lang: "zh" | "en"): string {
  const first = lang === "zh" ? place.name.zh : place.name.en;
  return first ?? place.name.zh ?? place.name.en ?? "";
}
