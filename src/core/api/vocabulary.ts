/**
 * The enums, limits and position spelling of the API contract, without zod: the schemas of
 * src/core/api are built from them, and the web clients import them as values (they import
 * the schemas' types only, so zod stays out of the browser).
 *
 * One coordinate convention: a position is `lat,lon` (latitude first, WGS-84 degrees), a list
 * of positions `lat,lon;lat,lon`. Only a bbox keeps the GeoJSON order minLon,minLat,maxLon,maxLat.
 */

/** The sentence the OpenAPI document and README give for every position parameter. */
export const POSITION_CONVENTION = "Positions are lat,lon (latitude first, WGS-84 degrees); lists of positions are lat,lon;lat,lon. Only bbox keeps the GeoJSON order minLon,minLat,maxLon,maxLat.";

/** "43.738400,7.424600": a [lon, lat] position written the API's way, latitude first. */
export function formatLatLon([lon, lat]: readonly [number, number], digits = 6): string {
  return `${Number(lat.toFixed(digits))},${Number(lon.toFixed(digits))}`;
}

/** Positions written the API's way: "lat,lon;lat,lon". */
export function formatLatLonList(positions: ReadonlyArray<readonly [number, number]>, digits = 6): string {
  return positions.map((p) => formatLatLon(p, digits)).join(";");
}

/** The ways of going /api/route plans for, in the order the picker shows them. */
export const ROUTE_PROFILES = ["child-walk", "stroller", "child-bike", "adult-walk"] as const;
/** One way of going. */
export type RouteProfile = (typeof ROUTE_PROFILES)[number];
/** The languages route instructions are written in. */
export const ROUTE_LANGS = ["zh", "en"] as const;

/** The longest text /api/search and /api/suggest take. */
export const MAX_QUERY_LENGTH = 100;

/** The most proposed sites a coverage what-if takes. */
export const MAX_PROPOSED_SITES = 10;
/** The answer formats of GET /api/coverage: its JSON summary and the exports. */
export const COVERAGE_FORMATS = ["json", "geojson", "streets", "csv", "xlsx"] as const;
/** One answer format of GET /api/coverage. */
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** The states of a unit's report. */
export const REPORT_STATES = ["draft", "submitted", "returned", "approved"] as const;
/** What a unit says about its task. */
export const TASK_STATUSES = ["not_started", "on_track", "at_risk", "delayed", "completed"] as const;
/** The two evaluations of the plan. */
export const EVALUATION_STAGES = ["mid-term", "final"] as const;
/** A traffic light: on track, warning, behind, or no data yet, from best to worst data. */
export const LIGHTS = ["green", "yellow", "red", "grey"] as const;
/** A traffic light. */
export type Light = (typeof LIGHTS)[number];

/** Who would post a text the safety guard checks. */
export const AUDIENCES = ["child", "adult"] as const;
/** The longest text POST /api/safety/check takes. */
export const MAX_CHECK_LENGTH = 2000;
