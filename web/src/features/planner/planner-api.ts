/**
 * Client of the staff coverage API (src/access/coverage-routes.ts): the GB 50180 presets,
 * coverage of residential areas by walking minutes (summary and GeoJSON layer), what-if runs
 * with sites added or closed, suggested sites, and the export links. The session cookie
 * authorises every call. Answers are checked for what the page walks before use.
 */
import type { FeatureCollection, Point } from "geojson";
import type { AccessStandard } from "../../../../src/core/life-circles.ts";
import { ApiError, getJson, isRecord } from "../../shared/api.ts";

export type { AccessStandard };

/** A longitude and latitude, in that order. */
export type LonLat = readonly [lon: number, lat: number];

/** Covered and total footprint (m²) and their ratio (0..1). */
export interface Share {
  readonly covered: number;
  readonly total: number;
  readonly share: number;
}

/** One district's shares. */
export interface DistrictShare {
  readonly district: string;
  readonly land: Share;
  readonly buildings: Share;
}

/** The JSON answer of GET /api/coverage. */
export interface CoverageSummary {
  readonly region: string;
  readonly kinds: readonly string[];
  readonly minutes: number;
  /** Sites counted (existing, not closed, plus proposed), all within reach of a street. */
  readonly sites: number;
  /** Sites too far from any street to count ("proposed-2" for the second added one). */
  readonly unsnappedSites: readonly string[];
  readonly land: Share;
  readonly buildings: Share;
  readonly byDistrict: readonly DistrictShare[];
  /** Communities (quarters) from the region's boundaries, where it has them. */
  readonly byCommunity?: ReadonlyArray<{ readonly community: string; readonly district: string | null; readonly land: Share; readonly buildings: Share }>;
  /** Residential areas analysed, and how many of them are outside the threshold. */
  readonly areas: number;
  readonly uncovered: number;
  readonly proxy: string;
}

/** The properties of one residential area of the GeoJSON layer. */
export interface AreaProperties {
  readonly kind: "landuse" | "building";
  readonly areaM2: number;
  /** Walking minutes to the nearest site; null when beyond three times the threshold. */
  readonly minutes: number | null;
  readonly covered: boolean;
  readonly district: string | null;
}

/** GET /api/coverage?format=geojson: residential areas as points. */
export type CoverageLayer = FeatureCollection<Point, AreaProperties>;

/** A suggested new site and what it would newly cover. */
export interface Suggestion {
  readonly lon: number;
  readonly lat: number;
  readonly gainM2: number;
  readonly areas: number;
}

/** What is asked: a region, a preset or kinds and minutes, and the what-if changes. */
export interface CoverageRequest {
  readonly region: string;
  /** A preset's id, or null for the custom kinds and minutes. */
  readonly standard: string | null;
  readonly kinds: readonly string[];
  readonly minutes: number;
  readonly added: readonly LonLat[];
  readonly removed: readonly string[];
}

/** The export formats the server writes. */
export type ExportFormat = "csv" | "xlsx" | "geojson";

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The query string of a coverage request, with extra parameters (format, k) appended. */
export function coverageSearch(request: CoverageRequest, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams({ region: request.region });
  if (request.standard) params.set("standard", request.standard);
  else {
    params.set("kind", request.kinds.join(","));
    params.set("minutes", String(request.minutes));
  }
  if (request.added.length > 0) params.set("add", request.added.map(([lon, lat]) => `${round6(lon)},${round6(lat)}`).join(";"));
  if (request.removed.length > 0) params.set("remove", request.removed.join(","));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

const isShare = (value: unknown): value is Share => isRecord(value) && typeof value.share === "number" && typeof value.total === "number";

/** GET /api/coverage/standards: the presets and the population-proxy statement. */
export async function fetchStandards(signal?: AbortSignal): Promise<{ standards: AccessStandard[]; proxy: string }> {
  const body = await getJson("/api/coverage/standards", signal);
  if (!isRecord(body) || !Array.isArray(body.standards)) throw new ApiError(500, "bad_response", "standards answer has no standards list");
  const standards = body.standards.filter((s): s is AccessStandard => isRecord(s) && typeof s.id === "string" && Array.isArray(s.kinds) && typeof s.minutes === "number");
  return { standards, proxy: typeof body.proxy === "string" ? body.proxy : "" };
}

/** GET /api/coverage: shares overall and by district. */
export async function fetchCoverage(request: CoverageRequest, signal?: AbortSignal): Promise<CoverageSummary> {
  const body = await getJson(`/api/coverage?${coverageSearch(request)}`, signal);
  if (!isRecord(body) || !isShare(body.land) || !isShare(body.buildings) || !Array.isArray(body.byDistrict)) {
    throw new ApiError(500, "bad_response", "coverage answer has no shares");
  }
  return body as unknown as CoverageSummary;
}

/** GET /api/coverage?format=geojson: every residential area with its walking minutes. */
export async function fetchCoverageLayer(request: CoverageRequest, signal?: AbortSignal): Promise<CoverageLayer> {
  const body = await getJson(`/api/coverage?${coverageSearch(request, { format: "geojson" })}`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) throw new ApiError(500, "bad_response", "coverage layer is not a FeatureCollection");
  return body as unknown as CoverageLayer;
}

/** GET /api/coverage/suggest: the k sites that would newly cover the most residential area. */
export async function fetchSuggestions(request: CoverageRequest, k: number, signal?: AbortSignal): Promise<Suggestion[]> {
  const body = await getJson(`/api/coverage/suggest?${coverageSearch(request, { k: String(k) })}`, signal);
  if (!isRecord(body) || !Array.isArray(body.suggestions)) throw new ApiError(500, "bad_response", "suggest answer has no suggestions");
  return body.suggestions.filter((s): s is Suggestion => isRecord(s) && typeof s.lon === "number" && typeof s.lat === "number" && typeof s.gainM2 === "number");
}

/** Where a download of the current analysis (what-if included) comes from. */
export function exportUrl(request: CoverageRequest, format: ExportFormat): string {
  return `/api/coverage?${coverageSearch(request, { format })}`;
}
