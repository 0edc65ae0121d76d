/**
 * The contract of the planners' coverage API: GET /api/coverage (summary, or an export named
 * by `format`) and GET /api/coverage/suggest (the k best new sites) take one query; proposed
 * sites are `site=lat,lon;lat,lon` like every position of the API. The old `add=lon,lat` is
 * refused with a message naming `site`.
 */
import { z } from "zod";
import { KIND_LABELS } from "../kinds.ts";
import { ACCESS_STANDARDS, MAX_ACCESS_MINUTES, MIN_ACCESS_MINUTES } from "../life-circles.ts";
import { integerIn, latLonListField, numberIn, renamedTo } from "./fields.ts";
import { COVERAGE_FORMATS, MAX_PROPOSED_SITES } from "./vocabulary.ts";

export { COVERAGE_FORMATS, MAX_PROPOSED_SITES, type CoverageFormat } from "./vocabulary.ts";

const STANDARD_IDS = ACCESS_STANDARDS.map((s) => s.id) as [string, ...string[]];

/** The query both coverage operations take; unknown parameters are refused. */
export const coverageQuery = z.object({
  region: z.string().regex(/^[a-z0-9-]{2,40}$/).meta({ description: "Region id", example: "monaco" }),
  standard: z.enum(STANDARD_IDS).optional().meta({ description: "A GB 50180 preset: its kinds and minutes replace kind and minutes" }),
  kind: z.string().max(200).optional().meta({ description: "Comma-separated kinds of place, when no standard", "x-items": Object.keys(KIND_LABELS), example: "playground" }),
  minutes: numberIn(MIN_ACCESS_MINUTES, MAX_ACCESS_MINUTES).optional().meta({ description: "Walking minutes at a child's pace, when no standard", example: 10 }),
  site: latLonListField(MAX_PROPOSED_SITES).optional().meta({ description: `Proposed sites, lat,lon;lat,lon (at most ${MAX_PROPOSED_SITES})`, example: "43.7350,7.4200" }),
  add: renamedTo("site", "lat,lon;lat,lon (latitude first)"),
  remove: z.string().max(4000).optional().meta({ description: "Place ids to close, comma-separated", example: "osm:n1" }),
  format: z.enum(COVERAGE_FORMATS).default("json").meta({ description: "json (summary), geojson (areas), streets, csv or xlsx; GET /api/coverage only", example: "json" }),
  k: integerIn(1, 10).default(3).meta({ description: "How many sites; GET /api/coverage/suggest only", default: 3, example: 3 }),
}).strict();
/** The coverage query as the handler reads it. */
export type CoverageQueryInput = z.infer<typeof coverageQuery>;

/** Covered and total footprint (m²) and their ratio (0..1). */
export const share = z.object({ covered: z.number(), total: z.number(), share: z.number() });
/** Covered and total footprint and their ratio. */
export type Share = z.infer<typeof share>;

/** One district's shares. */
export const districtShare = z.object({ district: z.string(), land: share, buildings: share });
/** One district's shares. */
export type DistrictShare = z.infer<typeof districtShare>;

/** The JSON answer of GET /api/coverage. */
export const coverageSummary = z.object({
  region: z.string(),
  kinds: z.array(z.string()),
  minutes: z.number(),
  /** Sites counted (existing, not closed, plus proposed), all within reach of a street. */
  sites: z.number(),
  /** Sites too far from any street to count ("proposed-2" for the second proposed one). */
  unsnappedSites: z.array(z.string()),
  land: share,
  buildings: share,
  byDistrict: z.array(districtShare),
  /** Communities (quarters) from the region's boundaries, where it has them. */
  byCommunity: z.array(z.object({ community: z.string(), district: z.string().nullable(), land: share, buildings: share })).optional(),
  /** Residential areas analysed, and how many of them are outside the threshold. */
  areas: z.number(),
  uncovered: z.number(),
  proxy: z.string(),
});
/** The JSON answer of GET /api/coverage. */
export type CoverageSummary = z.infer<typeof coverageSummary>;

/** The properties of one residential area of GET /api/coverage?format=geojson. */
export const areaProperties = z.object({
  kind: z.enum(["landuse", "building"]),
  areaM2: z.number(),
  /** Walking minutes to the nearest site; null when beyond three times the threshold. */
  minutes: z.number().nullable(),
  covered: z.boolean(),
  district: z.string().nullable(),
});
/** The properties of one residential area. */
export type AreaProperties = z.infer<typeof areaProperties>;

/** A suggested new site and what it would newly cover. */
export const siteSuggestion = z.object({ lon: z.number(), lat: z.number(), gainM2: z.number(), areas: z.number() });
/** A suggested new site. */
export type SiteSuggestion = z.infer<typeof siteSuggestion>;

/** What a client writes in the query of the coverage operations, every value as text. */
export type CoverageQueryText = z.input<typeof coverageQuery>;
