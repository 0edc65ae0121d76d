/**
 * The contract of GET /api/route: its query (positions lat,lon, the way of going, the
 * language, alternatives) and its answer, one LineString feature per route, the safest first.
 * The handler parses with `routeQuery`; the web client builds its query from the same names
 * and reads the answer with `routeCollection`.
 */
import { z } from "zod";
import { booleanFlag, latLonField } from "./fields.ts";
import { ROUTE_LANGS, ROUTE_PROFILES } from "./vocabulary.ts";

export { ROUTE_LANGS, ROUTE_PROFILES, type RouteProfile } from "./vocabulary.ts";

/** The query of GET /api/route; unknown parameters are refused. */
export const routeQuery = z.object({
  from: latLonField.meta({ description: "Start as lat,lon", example: "43.7384,7.4246" }),
  to: latLonField.meta({ description: "End as lat,lon", example: "43.7311,7.4197" }),
  profile: z.enum(ROUTE_PROFILES).default("child-walk").meta({ description: "Who travels", example: "child-walk" }),
  lang: z.enum(ROUTE_LANGS).default("zh").meta({ description: "Language of instructions", example: "zh" }),
  alternatives: booleanFlag.default(false).meta({ description: "Also return alternative routes", default: "false", example: "true" }),
}).strict();

/** A [lon, lat] position of the GeoJSON answer. */
const position = z.tuple([z.number(), z.number()]).readonly();

/** One step of the directions, with where it happens. */
export const routeInstruction = z.object({ type: z.string(), text: z.string(), distanceM: z.number().catch(0), at: position });
/** Something a parent should know about the route (a crossing without lights, steps...). */
export const routeWarning = z.object({ type: z.string(), text: z.string(), at: position });

/** One route of the answer: "safest" first, "shorter" when there is an alternative. */
export const routeFeature = z.object({
  type: z.literal("Feature"),
  geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(position) }),
  properties: z.object({
    label: z.string().catch("safest"),
    profile: z.enum(ROUTE_PROFILES),
    distanceM: z.number(),
    durationS: z.number(),
    instructions: z.array(routeInstruction),
    warnings: z.array(routeWarning),
  }),
});

/** The answer of GET /api/route. */
export const routeCollection = z.object({ type: z.literal("FeatureCollection"), features: z.array(routeFeature) });
/** The answer of GET /api/route, as the client reads it. */
export type RouteCollection = z.infer<typeof routeCollection>;

/** What a client writes in the query of GET /api/route, every value as text. */
export type RouteQueryInput = z.input<typeof routeQuery>;
/** One step of the directions. */
export type RouteInstruction = z.infer<typeof routeInstruction>;
/** One warning on the way. */
export type RouteWarning = z.infer<typeof routeWarning>;
/** One route feature of the answer. */
export type RouteFeature = z.infer<typeof routeFeature>;
