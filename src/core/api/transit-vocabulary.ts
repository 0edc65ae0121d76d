/**
 * The transit contract's enums and limits without zod, so the web imports them as values
 * (the schemas in transit.ts are built from them).
 */

/** Who travels on a journey's walking legs (the street profiles /api/route knows). */
export const JOURNEY_PROFILES = ["child-walk", "stroller", "adult-walk"] as const;
/** What a journey search optimises: arrival time and changes together (the Pareto set, at most 6 vehicles), or the earliest arrival alone (one journey, any number of vehicles). */
export const JOURNEY_CRITERIA = ["pareto", "fastest"] as const;
export type JourneyCriteria = (typeof JOURNEY_CRITERIA)[number];
/** One way of walking a journey's access, transfer and egress legs. */
export type JourneyProfile = (typeof JOURNEY_PROFILES)[number];

/** What moves a leg: on foot, or a vehicle of a GTFS route type. */
export const LEG_MODES = ["walk", "bus", "tram", "metro", "rail", "ferry", "cable", "other"] as const;
/** One mode of a leg. */
export type LegMode = (typeof LEG_MODES)[number];

/** The vehicle modes (every mode but walking). */
export const TRANSIT_MODES = ["bus", "tram", "metro", "rail", "ferry", "cable", "other"] as const;
/** One vehicle mode. */
export type TransitMode = (typeof TRANSIT_MODES)[number];

/** The walking budget of a journey (total of its walking legs), metres. */
export const JOURNEY_WALK_LIMITS = { min: 100, max: 3000, default: 1000 } as const;

/** How many next departures GET /api/transit/departures gives at most. */
export const MAX_DEPARTURES = 30;

/** Why a journey answer holds no transit journey (the walking route may still be there). */
export const NO_JOURNEY_REASONS = [
  "no_transit_data",
  "no_stop_nearby",
  "no_service_that_day",
  "outside_feed_dates",
  "no_connection",
  "walking_is_better",
] as const;
/** One reason there is no transit journey. */
export type NoJourneyReason = (typeof NO_JOURNEY_REASONS)[number];

/** The kinds of warnings a journey carries besides its walking legs' own. */
export const JOURNEY_WARNINGS = ["estimated_times", "not_step_free", "step_free_unknown", "school_line"] as const;
