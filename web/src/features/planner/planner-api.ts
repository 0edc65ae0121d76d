/**
 * Client of the staff coverage API (src/access/coverage-routes.ts): the GB 50180 presets,
 * coverage of residential areas by walking minutes (summary and GeoJSON layer), what-if runs
 * with sites proposed (`site=lat,lon;lat,lon`) or closed, suggested sites, and the export
 * links. The query and answer types are the contract's (src/core/api/coverage.ts, types only,
 * so zod stays out of the browser). The session cookie authorises every call. Answers are
 * checked for what the page walks before use.
 */
import type { FeatureCollection, Point } from "geojson";
import type { AreaProperties, CoverageQueryText, CoverageSummary, DistrictShare, Share, SiteSuggestion } from "../../../../src/core/api/coverage.ts";
import { formatLatLonList } from "../../../../src/core/api/vocabulary.ts";
import type { AccessStandard } from "../../../../src/core/life-circles.ts";
import { ApiError, getJson, isRecord } from "../../shared/api.ts";

export type { AccessStandard, AreaProperties, CoverageSummary, DistrictShare, Share };

/** A longitude and latitude, in that order (the map's order; the API writes lat,lon). */
export type LonLat = readonly [lon: number, lat: number];

/** GET /api/coverage?format=geojson: residential areas as points. */
export type CoverageLayer = FeatureCollection<Point, AreaProperties>;

/** A suggested new site and what it would newly cover. */
export type Suggestion = SiteSuggestion;

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

/** The export formats the page offers. */
export type ExportFormat = Extract<NonNullable<CoverageQueryText["format"]>, "csv" | "xlsx" | "geojson">;

/** The query string of a coverage request, with extra parameters (format, k) appended. */
export function coverageSearch(request: CoverageRequest, extra: Readonly<Pick<CoverageQueryText, "format" | "k">> = {}): string {
  const query: CoverageQueryText = request.standard
    ? { region: request.region, standard: request.standard }
    : { region: request.region, kind: request.kinds.join(","), minutes: String(request.minutes) };
  if (request.added.length > 0) query.site = formatLatLonList(request.added);
  if (request.removed.length > 0) query.remove = request.removed.join(",");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) if (typeof value === "string") params.set(key, value);
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
