/**
 * The OpenAPI paths and answer schemas of the school-route analysis, generated from the
 * contract in src/core/api/schoolroutes.ts; openapi.ts merges SCHOOL_ROUTE_PATHS into the
 * paths and openapi-components.ts SCHOOL_ROUTE_ANSWER_SCHEMAS into the component schemas.
 */
import { schoolAnswer, schoolQuery, schoolRoutesAnswer, schoolRoutesQuery } from "../core/api/schoolroutes.ts";
import { type DraftPaths, file, ok, queryParameters, refusal } from "./openapi-parts.ts";

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
  "/api/schoolroutes/school.html": {
    get: {
      summary: "One school's printable school-route map for parents (A4 landscape page: map, figures, numbered crossings with advice), with what-if",
      parameters: queryParameters(schoolQuery),
      responses: { "200": file("Page", "text/html"), ...refusal("404", `${NOT_ANALYSED}; or no such school`) },
    },
  },
  "/api/schoolroutes/school.pdf": {
    get: {
      summary: "The school's printable map as PDF, printed by Chromium",
      parameters: queryParameters(schoolQuery),
      responses: { "200": file("PDF", "application/pdf"), ...refusal("404", `${NOT_ANALYSED}; or no such school`), ...refusal("503", "No Chromium on the server (use school.html), or busy printing (Retry-After)") },
    },
  },
  "/api/schoolroutes/school.png": {
    get: {
      summary: "The school's map alone as a 1600×1131 PNG (A4 landscape proportions), taken by Chromium",
      parameters: queryParameters(schoolQuery),
      responses: { "200": file("PNG", "image/png"), ...refusal("404", `${NOT_ANALYSED}; or no such school`), ...refusal("503", "No Chromium on the server (use school.html), or busy printing (Retry-After)") },
    },
  },
};
