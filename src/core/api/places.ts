/**
 * The contract of GET /api/places (a bbox and/or a region, with filters) and GET
 * /api/places/nearby (the k nearest to lat, lon); a report of wrong information about a place
 * (POST /api/places/{id}/corrections) and staff's resolution of it, with the fix to the place
 * (POST /api/moderation/corrections/{id}). Unknown parameters and keys are refused.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../categories.ts";
import { CORRECTION_DETAIL_MAX, CORRECTION_KINDS, REASON_MAX_LENGTH } from "../community.ts";
import { FACILITY_IDS } from "../facilities.ts";
import { LIMITS, REGION_ID_PATTERN } from "../limits.ts";
import { bboxField, booleanFlag, integerIn, latitude, listOf, longitude } from "./fields.ts";
import { both } from "./messages.ts";

/** The filters both lists take. */
export const placeFilterFields = {
  category: listOf(CATEGORY_IDS, "category").optional().meta({ description: "Comma-separated categories (any of)", example: "play,sport" }),
  facility: listOf(FACILITY_IDS, "facility").optional().meta({ description: "Comma-separated facilities (all of)", example: "changing_table" }),
  age: integerIn(0, LIMITS.maxAge).optional().meta({ description: "A child's age in years", example: 6 }),
  open_now: booleanFlag.optional().meta({ description: "Only places open now in their own time zone", example: "true" }),
  region: z.string().regex(REGION_ID_PATTERN, both("地区编号格式不对", "unknown region id format")).optional().meta({ description: "Region id", example: "monaco" }),
  unknown: z.enum(["exclude", "include"]).optional()
    .meta({ description: "Whether places whose opening hours or facilities are unknown pass open_now and facility (default exclude)", example: "include" }),
};

/** The query of GET /api/places. */
export const placesQuery = z.object({
  bbox: bboxField.optional().meta({ description: `minLon,minLat,maxLon,maxLat (WGS-84, the GeoJSON order), at most ${LIMITS.maxBboxSpanDegrees} degrees a side`, example: "7.40,43.72,7.44,43.75" }),
  ...placeFilterFields,
  limit: integerIn(1, LIMITS.maxPlacesPerResponse).default(LIMITS.defaultPlacesPerResponse)
    .meta({ description: "Most features returned", default: LIMITS.defaultPlacesPerResponse, example: 100 }),
}).strict();

/** The query of GET /api/places/nearby. */
export const nearbyQuery = z.object({
  lat: latitude.meta({ description: "Latitude (WGS-84)", example: 43.7384 }),
  lon: longitude.meta({ description: "Longitude (WGS-84)", example: 7.4246 }),
  k: integerIn(1, LIMITS.maxNearbyK).default(LIMITS.defaultNearbyK).meta({ description: "How many", default: LIMITS.defaultNearbyK, example: 10 }),
  radius: integerIn(1, LIMITS.maxNearbyRadiusM).default(LIMITS.maxNearbyRadiusM).meta({ description: "Search radius in metres", default: LIMITS.maxNearbyRadiusM, example: 2000 }),
  ...placeFilterFields,
}).strict();

/** The filters as a handler reads them. */
export type PlaceFilterQuery = z.infer<z.ZodObject<typeof placeFilterFields>>;

/** What a client writes in the query of GET /api/places, every value as text. */
export type PlacesQueryText = z.input<typeof placesQuery>;
/** What a client writes in the query of GET /api/places/nearby, every value as text. */
export type NearbyQueryText = z.input<typeof nearbyQuery>;

/** A staff fix to a place: opening hours, facilities, position (both lon and lat), or removal. */
export const placeFixSchema = z.object({
  openingHours: z.string().trim().max(200).nullable().optional(),
  facilities: z.array(z.enum(FACILITY_IDS)).max(FACILITY_IDS.length).optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  remove: z.literal(true).optional(),
}).strict().refine((fix) => (fix.lon === undefined) === (fix.lat === undefined), { message: both("经度和纬度要一起填", "give both lon and lat"), path: ["lon"] });
/** A staff fix to a place. */
export type PlaceFix = z.infer<typeof placeFixSchema>;

/** POST /api/places/{id}/corrections: what is wrong about a place. */
export const correctionSchema = z.object({
  kind: z.enum(CORRECTION_KINDS),
  detail: z.string().trim().max(CORRECTION_DETAIL_MAX).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters")).default(""),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
}).strict();
/** What a report of wrong information sends. */
export type CorrectionInput = z.input<typeof correctionSchema>;

/** POST /api/moderation/corrections/{id}: fixed (with the fix) or rejected, with a note. */
export const correctionDecisionSchema = z.object({
  decision: z.enum(["fixed", "rejected"]),
  note: z.string().trim().min(2).max(REASON_MAX_LENGTH),
  fix: placeFixSchema.optional(),
}).strict();
/** What resolving a correction sends. */
export type CorrectionDecision = z.input<typeof correctionDecisionSchema>;
