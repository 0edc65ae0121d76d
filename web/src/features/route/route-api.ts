/**
 * Client of GET /api/route: child-safe routes between two points for one of four ways of
 * going. The query and the answer's types are the contract's (src/core/api/routing.ts, types
 * only, so zod stays out of the browser); the answer is checked for the shape the panel and
 * the map rely on, and a route without a line is dropped. Errors keep the server's code and
 * field (outside_region, no_way_nearby, too_far, no_route) so the panel can explain each one kindly.
 */
import type { RouteInstruction, RouteQueryInput, RouteWarning } from "../../../../src/core/api/routing.ts";
import { type RouteProfile, formatLatLon } from "../../../../src/core/api/vocabulary.ts";
import { ApiError, getJson, isRecord } from "../../shared/api.ts";
import type { Lang } from "../../shared/i18n.ts";
import type { Position } from "../../shared/store.ts";

export { ROUTE_PROFILES, type RouteProfile } from "../../../../src/core/api/vocabulary.ts";
export type { RouteInstruction, RouteWarning };

/** One route: "safest" comes first; "shorter" is the alternative when there is one. */
export interface Route {
  readonly label: string;
  readonly profile: RouteProfile;
  readonly coordinates: readonly Position[];
  readonly distanceM: number;
  readonly durationS: number;
  readonly instructions: readonly RouteInstruction[];
  readonly warnings: readonly RouteWarning[];
}

/** What to ask for: from and to as [lon, lat], the way of going and the language of the text. */
export interface RouteRequest {
  readonly from: Position;
  readonly to: Position;
  readonly profile: RouteProfile;
  readonly lang: Lang;
}

function toPosition(value: unknown): Position | null {
  if (!Array.isArray(value) || typeof value[0] !== "number" || typeof value[1] !== "number") return null;
  return [value[0], value[1]];
}

function toStep(value: unknown): RouteInstruction | null {
  if (!isRecord(value) || typeof value.type !== "string" || typeof value.text !== "string") return null;
  const at = toPosition(value.at);
  if (!at) return null;
  return { type: value.type, text: value.text, distanceM: typeof value.distanceM === "number" ? value.distanceM : 0, at };
}

function toWarning(value: unknown): RouteWarning | null {
  if (!isRecord(value) || typeof value.type !== "string" || typeof value.text !== "string") return null;
  const at = toPosition(value.at);
  return at ? { type: value.type, text: value.text, at } : null;
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

function toRoute(value: unknown, profile: RouteProfile): Route | null {
  if (!isRecord(value) || !isRecord(value.geometry) || !isRecord(value.properties)) return null;
  const { coordinates } = value.geometry;
  const p = value.properties;
  if (!Array.isArray(coordinates) || typeof p.distanceM !== "number" || typeof p.durationS !== "number") return null;
  return {
    label: typeof p.label === "string" ? p.label : "safest",
    profile,
    coordinates: coordinates.map(toPosition).filter(present),
    distanceM: p.distanceM,
    durationS: p.durationS,
    instructions: Array.isArray(p.instructions) ? p.instructions.map(toStep).filter(present) : [],
    warnings: Array.isArray(p.warnings) ? p.warnings.map(toWarning).filter(present) : [],
  };
}

/** The query string of a route request (positions lat,lon), always asking for the alternative too. */
export function routeSearch(request: RouteRequest): string {
  const query: Required<RouteQueryInput> = {
    from: formatLatLon(request.from),
    to: formatLatLon(request.to),
    profile: request.profile,
    lang: request.lang,
    alternatives: "true",
  };
  return new URLSearchParams(query).toString();
}

/** GET /api/route: the safest route first, then the alternative if the server found one. */
export async function fetchRoutes(request: RouteRequest, signal?: AbortSignal): Promise<Route[]> {
  const body = await getJson(`/api/route?${routeSearch(request)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) {
    throw new ApiError(500, "bad_response", "route answer is not a FeatureCollection");
  }
  const routes = body.features.map((f) => toRoute(f, request.profile)).filter(present);
  if (routes.length === 0) throw new ApiError(404, "no_route", "the answer has no route");
  return routes;
}
