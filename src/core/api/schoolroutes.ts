/**
 * The contract of the school-route analysis (儿童友好学径), behind the staff sign-in:
 * GET /api/schoolroutes (every school's catchment figures, the ranked crossings and streets,
 * by district; an export named by `format`) and GET /api/schoolroutes/school (one school:
 * its walks as lines weighted by the floor area behind them, its crossings, its gates).
 * Both take what-if changes: `signal=lat,lon;…` marks the crossings nearest those points
 * signalised, `zebra=lat,lon;…` gives them a zebra; the answer then carries the base beside.
 */
import { z } from "zod";
import { REGION_ID_PATTERN } from "../limits.ts";
import { integerIn, latLonListField } from "./fields.ts";
import { both } from "./messages.ts";

export const SCHOOL_KINDS = ["kindergarten", "primary", "secondary"] as const;
export const CROSSING_CONTROLS = ["signals", "zebra", "unmarked", "none"] as const;
export const SCHOOL_ROUTE_FORMATS = ["json", "geojson", "csv", "xlsx"] as const;
/** At most this many what-if changes of each kind in one question. */
export const MAX_CHANGES = 20;

const regionField = z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes"))
  .meta({ description: "Region id", example: "monaco" });
const changes = {
  signal: latLonListField(MAX_CHANGES).optional().meta({ description: `What-if: crossings (nearest road vertex within 60 m of each lat,lon) made signalised; at most ${MAX_CHANGES}`, example: "43.7390,7.4270" }),
  zebra: latLonListField(MAX_CHANGES).optional().meta({ description: `What-if: crossings given a zebra; at most ${MAX_CHANGES}`, example: "43.7390,7.4270" }),
};

export const schoolRoutesQuery = z.object({
  region: regionField,
  kind: z.enum(SCHOOL_KINDS).optional().meta({ description: "Only schools of this kind (and crossings on their walks)" }),
  limit: integerIn(1, 1000).default(100).meta({ description: "Ranked crossings and streets returned (each)", default: 100 }),
  format: z.enum(SCHOOL_ROUTE_FORMATS).default("json").meta({ description: "json, or the ranked crossings as geojson, csv or xlsx", example: "json" }),
  ...changes,
}).strict();
export type SchoolRoutesQuery = z.infer<typeof schoolRoutesQuery>;

export const schoolQuery = z.object({
  region: regionField,
  school: z.string().regex(/^(node|way)\/\d{1,15}$/, both("学校编号应写成 node/123 或 way/123", "a school id is node/123 or way/123")).meta({ description: "School id (its OSM element)", example: "way/176131190" }),
  ...changes,
}).strict();
export type SchoolQuery = z.infer<typeof schoolQuery>;

const controlCounts = z.object({ signals: z.number(), zebra: z.number(), unmarked: z.number(), none: z.number() });

export const schoolSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SCHOOL_KINDS),
  position: z.tuple([z.number(), z.number()]).meta({ description: "[lon, lat]" }),
  gates: z.array(z.tuple([z.number(), z.number()])),
  district: z.string().nullable(),
  onNetwork: z.boolean(),
  homes: z.number().meta({ description: "Residential areas walking to this school" }),
  areaM2: z.number().meta({ description: "Their floor area proxy (footprint m²)" }),
  safeShare: z.number().nullable().meta({ description: "Share of that area whose walk crosses no main road without signals" }),
  medianMetres: z.number().nullable(),
  maxMetres: z.number().nullable(),
  crossings: controlCounts,
  cameraShare: z.number().nullable().meta({ description: "Share of road metres within 200 m of the gate with a camera within 50 m" }),
  catchment: z.enum(["imported", "nearest"]).meta({ description: "imported: the homes inside the catchment the city drew (tongxing import catchments); nearest: the homes for which it is the nearest school of its kind" }),
  /** With what-if changes: the school's safe share before them. */
  baseSafeShare: z.number().nullable().optional(),
});
export type SchoolSummary = z.infer<typeof schoolSummary>;

export const rankedCrossing = z.object({
  id: z.string().meta({ description: "The OSM node", example: "node/123" }),
  rank: z.number(),
  position: z.tuple([z.number(), z.number()]),
  control: z.enum(CROSSING_CONTROLS),
  island: z.boolean(),
  calming: z.boolean(),
  camera: z.boolean().meta({ description: "A surveillance camera (OSM man_made=surveillance) within 50 m" }),
  road: z.object({ name: z.string().nullable(), roadClass: z.string(), maxspeedKmh: z.number().nullable(), main: z.boolean() }),
  areaM2: z.number().meta({ description: "Residential floor area proxy whose walk to school crosses here" }),
  schools: z.array(z.string()),
  hazards: z.number(),
  score: z.number().meta({ description: "area/1000 × exposure (signals 0.1, zebra 0.5, unmarked 0.8, none 1; island ×0.7, calming ×0.8) × road (class, speed) × (1 + 0.5 × hazards reported within 75 m)" }),
});
export type RankedCrossing = z.infer<typeof rankedCrossing>;

export const rankedStreet = z.object({
  id: z.string(),
  rank: z.number(),
  line: z.array(z.tuple([z.number(), z.number()])),
  road: z.object({ name: z.string().nullable(), roadClass: z.string() }),
  sidewalk: z.enum(["no", "unknown"]),
  lengthM: z.number(),
  areaM2: z.number(),
  schools: z.array(z.string()),
  hazards: z.number(),
  score: z.number(),
});
export type RankedStreet = z.infer<typeof rankedStreet>;

const districtFigures = z.object({ district: z.string(), schools: z.number(), areaM2: z.number(), safeShare: z.number().nullable(), crossings: controlCounts });

const whatIf = z.object({
  applied: z.array(z.object({ position: z.tuple([z.number(), z.number()]), control: z.enum(["signals", "zebra"]), crossing: z.string().nullable() })),
}).optional();

export const schoolRoutesAnswer = z.object({
  region: z.string(),
  homesAre: z.enum(["buildings", "land"]),
  proxy: z.string(),
  schools: z.array(schoolSummary),
  byDistrict: z.array(districtFigures),
  crossings: z.array(rankedCrossing),
  streets: z.array(rankedStreet),
  unreachedM2: z.object({ kindergarten: z.number(), primary: z.number(), secondary: z.number() }),
  whatIf,
});
export type SchoolRoutesAnswer = z.infer<typeof schoolRoutesAnswer>;

export const schoolAnswer = z.object({
  region: z.string(),
  school: schoolSummary,
  routes: z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({
      type: z.literal("Feature"),
      geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
      properties: z.object({ areaM2: z.number(), road: z.string().nullable(), roadClass: z.string() }),
    })),
  }),
  crossings: z.array(rankedCrossing),
  streets: z.array(rankedStreet),
  homes: z.array(z.tuple([z.number(), z.number()])).meta({ description: "The catchment: the homes (residential buildings, or land) walking to this school, as [lon, lat] points" }),
  hazards: z.array(z.object({ id: z.string(), kind: z.string(), position: z.tuple([z.number(), z.number()]) })).meta({ description: "Hazards families reported near the school's walks (public ideas of a hazard kind, at their public point)" }),
  whatIf,
});
export type SchoolAnswer = z.infer<typeof schoolAnswer>;
