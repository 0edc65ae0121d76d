/**
 * The answers of the public read operations, as zod schemas: the one description of what
 * the server sends, from which /api/openapi.json's component schemas are generated and
 * against which the contract test reads the real answers (openapi.integration.test.ts).
 * Objects are open: a member added later does not break an older client.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../categories.ts";
import { FACILITY_IDS } from "../facilities.ts";
import { DEMONSTRATION_TYPES, PRECISIONS, placeSchema } from "../place.ts";
import { regionSchema } from "../region.ts";
import { suggestion } from "./search.ts";
import { REPORT_STATES } from "./vocabulary.ts";

/** Every refusal: a stable code, the message in the request's language, the field at fault. */
export const errorAnswer = z.looseObject({
  code: z.string(),
  message: z.string(),
  field: z.string().nullable(),
  details: z.unknown().optional().meta({ description: "More about a refusal, e.g. the safety guard's reasons" }),
});

/** GET /api/health. */
export const healthAnswer = z.looseObject({
  status: z.literal("ok"),
  database: z.enum(["sqlite", "postgres"]),
  places: z.number().int(),
  regions: z.number().int(),
  tilesets: z.number().int(),
});

/** GET /api/ready: the instance reaches its database. */
export const readyAnswer = z.looseObject({ status: z.literal("ready"), database: z.enum(["sqlite", "postgres"]) });

/** One region of GET /api/regions. */
export const regionSummary = regionSchema.extend({
  hasBasemap: z.boolean(),
  placeCount: z.number().int(),
  routes: z.boolean().meta({ description: "GET /api/route plans routes in this region" }),
  coverage: z.boolean().meta({ description: "GET /api/coverage can analyse this region" }),
  isDefault: z.boolean().optional().meta({ description: "The region the map opens on" }),
});

/** GET /api/regions. */
export const regionsAnswer = z.looseObject({
  regions: z.array(regionSummary),
  defaultRegion: z.string().nullable().optional().meta({ description: "The region the map opens on (TONGXING_DEFAULT_REGION); null when it is not loaded" }),
});

const openStatus = z.looseObject({
  state: z.string().meta({ description: "open, closed or unknown (hours missing)" }),
  nextChange: z.string().nullable(),
  nextChangeDate: z.string().nullable(),
});

/** A place's properties as served: the stored place, its open state now and its division names. */
export const placeProperties = z.looseObject({
  id: z.string(),
  regionId: z.string(),
  name: placeSchema.shape.name,
  categories: z.array(z.enum(CATEGORY_IDS)),
  kind: z.string(),
  facilities: z.array(z.enum(FACILITY_IDS)),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  openingHours: z.string().nullable(),
  address: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  communityCode: z.string().nullable(),
  communityName: z.string().nullable(),
  demonstration: z.looseObject({ type: z.enum(DEMONSTRATION_TYPES), year: z.number().int() }).nullable(),
  precision: z.enum(PRECISIONS),
  locationNote: z.string().nullable(),
  provenance: z.looseObject({ source: z.string(), licence: z.string(), sourceId: z.string().nullable(), importedAt: z.string() }),
  updatedAt: z.string(),
  open: openStatus,
  distanceM: z.number().optional().meta({ description: "Metres from the point asked about, when one was given" }),
});

/** One place (GET /api/places/{id}); a point in WGS-84, [lon, lat] as GeoJSON has it. */
export const placeFeature = z.looseObject({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: z.looseObject({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: placeProperties,
});

/** GET /api/places and /api/places/nearby. */
export const placeCollection = z.looseObject({
  type: z.literal("FeatureCollection"),
  features: z.array(placeFeature),
  count: z.number().int(),
  truncated: z.boolean(),
  leftOut: z.looseObject({ total: z.number().int(), unknownHours: z.number().int(), unknownFacilities: z.number().int() }).optional()
    .meta({ description: "With open_now or facility: how many places the filters left out only because their hours or facilities are unknown (unknown=include lets them through)" }),
});

/** GET /api/search: the hits, best first; `fallback` says when a looser search answered. */
export const searchAnswer = z.looseObject({
  type: z.literal("FeatureCollection"),
  query: z.string(),
  count: z.number().int(),
  features: z.array(placeFeature),
  fallback: z.unknown().optional(),
  elsewhere: z.looseObject({ region: z.string(), count: z.number().int(), features: z.array(placeFeature) }).nullable().optional()
    .meta({ description: "When the region searched has no good match and another has a strong one: that region and its best matches" }),
});

/** A unit's report on one task for one period, as lists and the editor show it. */
export const reportSummary = z.looseObject({
  id: z.uuid(),
  unitId: z.string(),
  taskNumber: z.number().int(),
  period: z.string(),
  state: z.enum(REPORT_STATES),
  revision: z.number().int(),
});

export type HealthAnswer = z.infer<typeof healthAnswer>;
export type RegionsAnswer = z.infer<typeof regionsAnswer>;
export type PlaceCollectionAnswer = z.infer<typeof placeCollection>;
export type SearchAnswer = z.infer<typeof searchAnswer>;

/** One suggestion of GET /api/suggest (the contract's own, open to members added later). */
const suggestionAnswer = suggestion.loose();

/** GET /api/suggest: what the typing box offers, matched or from a kind fallback. */
export const suggestAnswer = z.looseObject({
  query: z.string(),
  suggestions: z.array(suggestionAnswer),
  elsewhere: z.looseObject({ region: z.string(), count: z.number().int(), suggestions: z.array(suggestionAnswer) }).nullable().optional()
    .meta({ description: "A strong match in another region, offered when this region has none" }),
});
