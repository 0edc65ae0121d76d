/**
 * Client of GET /api/route: child-safe routes between two points for one of four ways of
 * going. The answer is checked for the shape the panel and the map rely on; a route without
 * a line is dropped. Errors keep the server's code and field (outside_region, no_way_nearby,
 * too_far, no_route) so the panel can explain each one kindly.
 */
import { ApiError, getJson, isRecord } from "../../shared/api.ts";
import type { Lang } from "../../shared/i18n.ts";
import type { Position } from "../../shared/store.ts";

/**
 * The ways of going, in the order the picker shows them. The server's list is PROFILE_IDS in
 * src/routing/profiles.ts; the browser may import only src/core, so it is repeated here.
 */
export const ROUTE_PROFILES = ["child-walk", "stroller", "child-bike", "adult-walk"] as const;
export type RouteProfile = (typeof ROUTE_PROFILES)[number];

/** One step of the directions, with where it happens. */
export interface RouteInstruction {
  readonly type: string;
  readonly text: string;
  readonly distanceM: number;
  readonly at: Position;
}

/** Something a parent should know about the route (a crossing without lights, steps...). */
export interface RouteWarning {
  readonly type: string;
  readonly text: string;
  readonly at: Position;
}

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

/** "43.738400,7.424600": the API's lat,lon order. */
function latLon(position: Position): string {
  return `${position[1].toFixed(6)},${position[0].toFixed(6)}`;
}

/** The query string of a route request, always asking for the alternative too. */
export function routeSearch(request: RouteRequest): string {
  return new URLSearchParams({
    from: latLon(request.from),
    to: latLon(request.to),
    profile: request.profile,
    lang: request.lang,
    alternatives: "true",
  }).toString();
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
