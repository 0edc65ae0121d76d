/**
 * The OpenAPI paths and answer schemas of the school-route analysis, generated from the
 * contract in src/core/api/schoolroutes.ts; openapi.ts merges SCHOOL_ROUTE_PATHS into the
 * paths and openapi-components.ts SCHOOL_ROUTE_ANSWER_SCHEMAS into the component schemas.
 */
import { schoolAnswer, schoolQuery, schoolRoutesAnswer, schoolRoutesQuery } from "../core/api/schoolroutes.ts";
import { type DraftPaths, ok, queryParameters, refusal } from "./openapi-parts.ts";

export const SCHOOL_ROUTE_ANSWER_SCHEMAS = {
  SchoolRoutes: schoolRoutesAnswer,
  SchoolRouteSchool: schoolAnswer,
} as const;

const NOT_ANALYSED = "Region unknown, or without street network, residential areas and schools";

export const SCHOOL_ROUTE_PATHS: DraftPaths = {
  "/api/schoolroutes": {
    get: {
      summary: "Safe school routes: every school's catchment, the share of it walking with no unsignalled main-road crossing, and the crossings and streets to fix first; what-if with signal= and zebra=",
      description: "Staff sign-in. Catchment: the homes for which a school is the nearest of its kind by child-walk cost; walks follow the child-walk profile. format=geojson|csv|xlsx exports the ranked crossings.",
      parameters: queryParameters(schoolRoutesQuery),
      responses: { ...ok("The analysis (format=json), or the export named by format", "SchoolRoutes"), ...refusal("404", NOT_ANALYSED) },
    },
  },
  "/api/schoolroutes/school": {
    get: {
      summary: "One school: its walks as lines weighted by the floor area behind them, its crossings and streets, with what-if",
      parameters: queryParameters(schoolQuery),
      responses: { ...ok("The school", "SchoolRouteSchool"), ...refusal("404", `${NOT_ANALYSED}; or no such school`) },
    },
  },
};
