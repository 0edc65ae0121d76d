/**
 * The OpenAPI paths and answer schemas of the transit domain (journeys, a stop's next
 * departures, stops in view), generated from the contract in src/core/api/transit.ts;
 * openapi.ts merges TRANSIT_PATHS into the paths and openapi-components.ts
 * TRANSIT_ANSWER_SCHEMAS into the component schemas.
 */
import { departuresAnswer, departuresQuery, journeyAnswer, journeyQuery, stopsAnswer, stopsQuery } from "../core/api/transit.ts";
import { type DraftPaths, ok, queryParameters, refusal } from "./openapi-parts.ts";

/** The transit answers under their component names. */
export const TRANSIT_ANSWER_SCHEMAS = {
  JourneyAnswer: journeyAnswer,
  DeparturesAnswer: departuresAnswer,
  TransitStops: stopsAnswer,
} as const;

/** GET /api/journey, /api/transit/departures, /api/transit/stops. */
export const TRANSIT_PATHS: DraftPaths = {
  "/api/journey": {
    get: {
      summary: "Walk + bus (+ metro, ferry) journeys between two positions: the Pareto set over arrival and transfers, and the walking-only route; noJourney says why there is no bus",
      description: "Walking legs follow the street graph with the chosen profile (straight lines only where the region has no streets). Times are ISO 8601 with the region's offset; estimated headways (OSM lines) are flagged. School lines are offered only to journeys starting or ending near one of their schools.",
      parameters: queryParameters(journeyQuery),
      responses: { ...ok("Journeys, fastest first, and the reason when none is by transit", "JourneyAnswer"), ...refusal("404", "No such region") },
    },
  },
  "/api/transit/departures": {
    get: {
      summary: "A stop's next departures (today's, then tomorrow's)",
      parameters: queryParameters(departuresQuery),
      responses: { ...ok("The stop and its departures", "DeparturesAnswer"), ...refusal("404", "No such region or stop") },
    },
  },
  "/api/transit/stops": {
    get: {
      summary: "Transit stops in a bbox (at most 500), with the lines calling there",
      parameters: queryParameters(stopsQuery),
      responses: ok("FeatureCollection of stops", "TransitStops"),
    },
  },
};
