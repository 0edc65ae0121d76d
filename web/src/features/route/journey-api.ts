/**
 * Clients of GET /api/journey (walk + bus journeys between two points, the walking route as
 * one option) and GET /api/transit/departures (a stop's next departures). The queries and
 * answers are the contract's types (src/core/api/transit.ts, types only, so zod stays out of
 * the browser); an answer is checked for the shape the panel and the map rely on, and a
 * journey whose legs are not all whole is dropped rather than drawn half.
 */
import type {
  DeparturesAnswer, DeparturesQueryInput, Journey, JourneyAnswer, JourneyLeg, JourneyProfile, JourneyQueryInput,
} from "../../../../src/core/api/transit.ts";
import { formatLatLon } from "../../../../src/core/api/vocabulary.ts";
import { ApiError, getJson, isRecord } from "../../shared/api.ts";
import type { Lang } from "../../shared/i18n.ts";
import type { Position } from "../../shared/store.ts";

export { JOURNEY_PROFILES, type JourneyProfile, type LegMode } from "../../../../src/core/api/transit-vocabulary.ts";
export type { DeparturesAnswer, Journey, JourneyAnswer, JourneyLeg };
export type { LineRef, StopRef, TransitLeg, WalkLeg } from "../../../../src/core/api/transit.ts";

/** What to ask for: from and to as [lon, lat], who walks, when (a local time of the region, or now) and the language. */
export interface JourneyRequest {
  readonly from: Position;
  readonly to: Position;
  readonly profile: JourneyProfile;
  /** "2026-12-03T08:30", read in the region's time zone; null leaves now. */
  readonly depart: string | null;
  readonly lang: Lang;
}

const isPosition = (value: unknown): boolean => Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number";
const isLine = (value: unknown): boolean =>
  isRecord(value) && typeof value.name === "string" && typeof value.colour === "string" && typeof value.mode === "string";

/** Whether a leg has what the steps and the map need: its times, ends and line. */
export function isWholeLeg(value: unknown): value is JourneyLeg {
  if (!isRecord(value) || typeof value.mode !== "string" || typeof value.departure !== "string" || typeof value.arrival !== "string") return false;
  if (!Array.isArray(value.coordinates) || !value.coordinates.every(isPosition)) return false;
  if (!isRecord(value.from) || !isRecord(value.to) || !isPosition(value.from.at) || !isPosition(value.to.at)) return false;
  if (value.mode === "walk") return typeof value.distanceM === "number" && Array.isArray(value.instructions);
  return isLine(value.line) && typeof value.stops === "number" && typeof value.from.name === "string" && typeof value.to.name === "string";
}

function isWholeJourney(value: unknown): value is Journey {
  return isRecord(value) && (value.kind === "walk" || value.kind === "transit") && typeof value.durationS === "number"
    && typeof value.departure === "string" && typeof value.arrival === "string"
    && Array.isArray(value.legs) && value.legs.length > 0 && value.legs.every(isWholeLeg) && Array.isArray(value.warnings);
}

/** The query string of a journey request (positions lat,lon). */
export function journeySearch(request: JourneyRequest): string {
  const query: JourneyQueryInput = { from: formatLatLon(request.from), to: formatLatLon(request.to), profile: request.profile, lang: request.lang };
  if (request.depart) query.depart = request.depart;
  return new URLSearchParams(query as Record<string, string>).toString();
}

/** Reads an answer of GET /api/journey, keeping the journeys that are whole. */
export function toJourneyAnswer(body: unknown): JourneyAnswer {
  if (!isRecord(body) || !Array.isArray(body.journeys) || typeof body.timeZone !== "string") {
    throw new ApiError(500, "bad_response", "journey answer has no journeys");
  }
  const noJourney = isRecord(body.noJourney) && typeof body.noJourney.reason === "string" ? (body.noJourney as JourneyAnswer["noJourney"]) : null;
  return { ...(body as JourneyAnswer), journeys: body.journeys.filter(isWholeJourney), noJourney };
}

/** GET /api/journey: the transit journeys (fastest first) and the walking route. */
export async function fetchJourneys(request: JourneyRequest, signal?: AbortSignal): Promise<JourneyAnswer> {
  return toJourneyAnswer(await getJson(`/api/journey?${journeySearch(request)}`, signal));
}

/** What to ask a stop's departure board for. */
export interface DeparturesRequest {
  readonly region: string;
  readonly stop: string;
  /** From this moment (an answer's ISO time); null: now. */
  readonly at: string | null;
  readonly lang: Lang;
}

/** The query string of a departures request, five departures. */
export function departuresSearch(request: DeparturesRequest): string {
  const query: DeparturesQueryInput = { region: request.region, stop: request.stop, limit: "5", lang: request.lang };
  if (request.at) query.at = request.at;
  return new URLSearchParams(query as Record<string, string>).toString();
}

/** GET /api/transit/departures: a stop's next departures. */
export async function fetchDepartures(request: DeparturesRequest, signal?: AbortSignal): Promise<DeparturesAnswer> {
  const body = await getJson(`/api/transit/departures?${departuresSearch(request)}`, signal);
  if (!isRecord(body) || !Array.isArray(body.departures) || !isRecord(body.stop)) {
    throw new ApiError(500, "bad_response", "departures answer has no departures");
  }
  const departures = body.departures.filter((d) => isRecord(d) && isLine(d.line) && typeof d.departure === "string");
  return { ...(body as DeparturesAnswer), departures: departures as DeparturesAnswer["departures"] };
}
