/**
 * The contract of the transit domain: GET /api/journey (walk + bus journeys between two
 * positions, the walking-only route as one option), GET /api/transit/departures (a stop's
 * next departures) and GET /api/transit/stops (stops in view). The handlers parse with the
 * query schemas; the web reads the answers with the answer schemas' types. Positions in a
 * query are `lat,lon`; in an answer `[lon, lat]` (GeoJSON order), as /api/route does.
 * Times in answers are ISO 8601 with the region's offset ("2026-12-03T08:30:00+08:00").
 */
import { z } from "zod";
import { REGION_ID_PATTERN } from "../limits.ts";
import { bboxField, integerIn, latLonField } from "./fields.ts";
import { both, bothParams } from "./messages.ts";
import { routeInstruction, routeWarning } from "./routing.ts";
import { JOURNEY_CRITERIA, JOURNEY_PROFILES, JOURNEY_WALK_LIMITS, LEG_MODES, MAX_DEPARTURES, NO_JOURNEY_REASONS, TRANSIT_MODES } from "./transit-vocabulary.ts";
import { ROUTE_LANGS } from "./vocabulary.ts";

export * from "./transit-vocabulary.ts";

/**
 * A moment: ISO 8601 with an offset or Z ("2026-12-03T08:30:00+08:00"), or a local time
 * without one ("2026-12-03T08:30"), read in the region's time zone. Kept as written; the
 * handler resolves it against the region.
 */
export const momentField = z.string().trim().max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/, both("时间应写成 2026-12-03T08:30 或带时区 2026-12-03T08:30:00+08:00", "a time is 2026-12-03T08:30, or with an offset 2026-12-03T08:30:00+08:00"))
  .meta({ type: "string", format: "date-time" });

const regionField = z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes"))
  .meta({ description: "Region id; found from the positions when left out", example: "nanjing" });

/** The query of GET /api/journey; unknown parameters are refused; depart and arrive exclude each other. */
export const journeyQuery = z.object({
  from: latLonField.meta({ description: "Start as lat,lon", example: "43.7384,7.4246" }),
  to: latLonField.meta({ description: "End as lat,lon", example: "43.7311,7.4197" }),
  depart: momentField.optional().meta({ description: "Leave at or after (default: now)", example: "2026-12-03T08:30" }),
  arrive: momentField.optional().meta({ description: "Arrive at or before (instead of depart)" }),
  profile: z.enum(JOURNEY_PROFILES).default("child-walk").meta({ description: "Who walks the walking legs", example: "stroller" }),
  max_walk_m: integerIn(JOURNEY_WALK_LIMITS.min, JOURNEY_WALK_LIMITS.max).optional()
    .meta({ description: `Most metres walked to, between and from stops (default ${JOURNEY_WALK_LIMITS.default})`, example: 800 }),
  criteria: z.enum(JOURNEY_CRITERIA).default("pareto")
    .meta({ description: "pareto: the journeys no other beats on both arrival and changes (at most 6 vehicles); fastest: the one earliest arrival, with any number of vehicles", example: "fastest" }),
  region: regionField.optional(),
  lang: z.enum(ROUTE_LANGS).default("zh").meta({ description: "Language of names and instructions", example: "zh" }),
}).strict().superRefine((q, ctx) => {
  if (q.depart !== undefined && q.arrive !== undefined) ctx.addIssue({ code: "custom", path: ["arrive"], ...bothParams("出发时间和到达时间只能给一个", "give depart or arrive, not both") });
});
/** What a client writes in the query of GET /api/journey, every value as text. */
export type JourneyQueryInput = z.input<typeof journeyQuery>;

/** A [lon, lat] position of an answer. */
const position = z.tuple([z.number(), z.number()]).readonly();

/** A stop as a journey or a departure board names it. */
export const stopRef = z.object({
  id: z.string().meta({ description: "Stop id within its region (GTFS stop_id, or osm:n… for OSM stops)" }),
  name: z.string(),
  at: position,
  stepFree: z.boolean().nullable().meta({ description: "Step-free boarding (GTFS wheelchair_boarding, OSM wheelchair=*); null when unknown" }),
});
/** One stop. */
export type StopRef = z.infer<typeof stopRef>;

/** A school line's schools, shown with the line's own badge (红领巾专线 / 通学公交). */
export const schoolLine = z.object({
  label: z.string().meta({ description: "The badge text, e.g. 红领巾专线", example: "红领巾专线" }),
  schools: z.array(z.object({ name: z.string(), at: position.nullable() })),
});

/** A transit line as a leg or departure shows it. */
export const lineRef = z.object({
  id: z.string(),
  name: z.string().meta({ description: "Short name (e.g. 游2, S48), or the long name when there is none" }),
  longName: z.string().nullable(),
  mode: z.enum(TRANSIT_MODES),
  colour: z.string().meta({ description: "#rrggbb (a default per mode when the feed gives none)", example: "#e4002b" }),
  textColour: z.string().meta({ example: "#ffffff" }),
  agency: z.string().nullable(),
  school: schoolLine.nullable().meta({ description: "Set for school lines (红领巾专线 / 通学公交), which are offered only to journeys they serve" }),
});
/** One line. */
export type LineRef = z.infer<typeof lineRef>;

/** How often a frequency-based line runs; `estimated` when the headway is a city file's or the import flags' guess. */
export const frequencyInfo = z.object({ headwayS: z.number().int(), estimated: z.boolean() });

/** A leg on foot, walked on the street graph with the chosen profile (a straight line only where the region has no streets). */
export const walkLeg = z.object({
  mode: z.literal("walk"),
  from: z.object({ name: z.string().nullable(), at: position }),
  to: z.object({ name: z.string().nullable(), at: position }),
  departure: z.string(),
  arrival: z.string(),
  distanceM: z.number(),
  durationS: z.number(),
  coordinates: z.array(position),
  instructions: z.array(routeInstruction),
  warnings: z.array(routeWarning),
  straightLine: z.boolean().meta({ description: "True when no street data was available and the leg is a straight line" }),
});

/** A leg on a vehicle, from boarding to alighting. */
export const transitLeg = z.object({
  mode: z.enum(TRANSIT_MODES),
  line: lineRef,
  headsign: z.string().nullable(),
  from: stopRef,
  to: stopRef,
  departure: z.string(),
  arrival: z.string(),
  durationS: z.number(),
  stops: z.number().int().meta({ description: "Stops ridden (alighting stop counted, boarding stop not)" }),
  intermediate: z.array(stopRef).meta({ description: "Stops passed between boarding and alighting" }),
  coordinates: z.array(position).meta({ description: "The vehicle's path (shape, OSM way or stop to stop)" }),
  frequency: frequencyInfo.nullable().meta({ description: "Set when the line runs by headway, not a timetable" }),
  stepFree: z.boolean().nullable().meta({ description: "Vehicle is step-free (GTFS wheelchair_accessible); null when unknown" }),
});

/** Either kind of leg; `mode` tells them apart. */
export const journeyLeg = z.union([walkLeg, transitLeg]);
/** One leg. */
export type JourneyLeg = z.infer<typeof journeyLeg>;
/** A walking leg. */
export type WalkLeg = z.infer<typeof walkLeg>;
/** A vehicle leg. */
export type TransitLeg = z.infer<typeof transitLeg>;

/** Something the family should know about a journey as a whole. */
export const journeyWarning = z.object({ type: z.string(), text: z.string() });

/** One journey: the walking-only route (`kind: "walk"`) or a walk + transit journey. */
export const journey = z.object({
  kind: z.enum(["walk", "transit"]),
  departure: z.string(),
  arrival: z.string(),
  durationS: z.number(),
  transfers: z.number().int().meta({ description: "Vehicle changes (legs on vehicles minus one; 0 for walking)" }),
  walkM: z.number(),
  estimated: z.boolean().meta({ description: "Some times come from estimated headways (OSM lines): say so where the times are shown" }),
  stepFree: z.boolean().nullable().meta({ description: "Every stop and vehicle is known step-free; false when one is known not to be; null when unknown" }),
  legs: z.array(journeyLeg),
  warnings: z.array(journeyWarning),
});
/** One journey. */
export type Journey = z.infer<typeof journey>;

/** The answer of GET /api/journey: the Pareto set (arrival × transfers) and the walking route, fastest first. */
export const journeyAnswer = z.object({
  region: z.string(),
  timeZone: z.string(),
  profile: z.enum(JOURNEY_PROFILES),
  journeys: z.array(journey),
  noJourney: z.object({ reason: z.enum(NO_JOURNEY_REASONS), message: z.string() }).nullable()
    .meta({ description: "Why no transit journey is offered (the walking route may still be in journeys)" }),
});
/** The answer of GET /api/journey. */
export type JourneyAnswer = z.infer<typeof journeyAnswer>;

/** The query of GET /api/transit/departures: one stop's next departures. */
export const departuresQuery = z.object({
  region: regionField,
  stop: z.string().min(1).max(200).meta({ description: "Stop id (as stopRef.id)", example: "osm:n280488113" }),
  at: momentField.optional().meta({ description: "From this moment (default: now)" }),
  limit: integerIn(1, MAX_DEPARTURES).default(10).meta({ description: "How many", example: 10 }),
  lang: z.enum(ROUTE_LANGS).default("zh"),
}).strict();
/** What a client writes in the query of GET /api/transit/departures. */
export type DeparturesQueryInput = z.input<typeof departuresQuery>;

/** One departure from a stop. */
export const departure = z.object({
  line: lineRef,
  headsign: z.string().nullable(),
  departure: z.string(),
  estimated: z.boolean().meta({ description: "From an estimated headway: show as 约 / about" }),
  frequency: frequencyInfo.nullable(),
  stepFree: z.boolean().nullable(),
});
/** The answer of GET /api/transit/departures. */
export const departuresAnswer = z.object({ stop: stopRef, timeZone: z.string(), departures: z.array(departure) });
/** The answer of GET /api/transit/departures. */
export type DeparturesAnswer = z.infer<typeof departuresAnswer>;

/** The query of GET /api/transit/stops: stops in a bbox (minLon,minLat,maxLon,maxLat). */
export const stopsQuery = z.object({
  bbox: bboxField.meta({ description: "minLon,minLat,maxLon,maxLat", example: "7.40,43.72,7.44,43.75" }),
  lang: z.enum(ROUTE_LANGS).default("zh"),
}).strict();

/** One stop of GET /api/transit/stops, with the lines that call there. */
export const stopFeature = z.object({
  type: z.literal("Feature"),
  geometry: z.object({ type: z.literal("Point"), coordinates: position }),
  properties: z.object({
    id: z.string(),
    region: z.string(),
    name: z.string(),
    stepFree: z.boolean().nullable(),
    lines: z.array(z.object({ name: z.string(), colour: z.string(), mode: z.enum(TRANSIT_MODES), school: z.boolean() })),
  }),
});
/** The answer of GET /api/transit/stops (at most 500 stops). */
export const stopsAnswer = z.object({ type: z.literal("FeatureCollection"), features: z.array(stopFeature) });
/** The answer of GET /api/transit/stops. */
export type StopsAnswer = z.infer<typeof stopsAnswer>;

/** Every leg mode, for clients drawing a legend. */
export const legModes = LEG_MODES;
/** Every reason of noJourney, for clients that word them. */
export const noJourneyReasons = NO_JOURNEY_REASONS;
