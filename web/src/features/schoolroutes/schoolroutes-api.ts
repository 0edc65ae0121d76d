/**
 * Client of the staff school-route API (src/schoolroutes/school-route-routes.ts): the
 * region's analysis and one school's walks, with what-if crossings (`signal=lat,lon;…`),
 * and the export links. Types are the contract's (src/core/api/schoolroutes.ts, types only,
 * so zod stays out of the browser). The session cookie authorises every call.
 */
import type { RankedCrossing, SchoolAnswer, SchoolRoutesAnswer, SchoolSummary } from "../../../../src/core/api/schoolroutes.ts";
import { getJson, isRecord } from "../../shared/api.ts";

export type { RankedCrossing, SchoolAnswer, SchoolRoutesAnswer, SchoolSummary };

/** A longitude and latitude, in that order (the map's order; the API writes lat,lon). */
export type LonLat = readonly [lon: number, lat: number];

/** The query string for a region with crossings marked signalised (what-if). */
export function schoolRoutesQuery(region: string, signals: readonly LonLat[], extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams({ region, ...extra });
  if (signals.length > 0) params.set("signal", signals.map(([lon, lat]) => `${lat.toFixed(7)},${lon.toFixed(7)}`).join(";"));
  return params.toString();
}

export async function fetchSchoolRoutes(region: string, signals: readonly LonLat[], signal?: AbortSignal): Promise<SchoolRoutesAnswer> {
  const answer = await getJson(`/api/schoolroutes?${schoolRoutesQuery(region, signals, { limit: "200" })}`, signal);
  if (!isRecord(answer) || !Array.isArray(answer["schools"]) || !Array.isArray(answer["crossings"])) throw new Error("unexpected school-route answer");
  return answer as unknown as SchoolRoutesAnswer;
}

export async function fetchSchool(region: string, school: string, signals: readonly LonLat[], signal?: AbortSignal): Promise<SchoolAnswer> {
  const answer = await getJson(`/api/schoolroutes/school?${schoolRoutesQuery(region, signals, { school })}`, signal);
  if (!isRecord(answer) || !isRecord(answer["routes"]) || !isRecord(answer["school"])) throw new Error("unexpected school answer");
  return answer as unknown as SchoolAnswer;
}

/** The link that downloads the ranked crossings in a format. */
export function exportLink(region: string, signals: readonly LonLat[], format: "csv" | "xlsx" | "geojson"): string {
  return `/api/schoolroutes?${schoolRoutesQuery(region, signals, { format, limit: "1000" })}`;
}

/** The parents' printable map of one school (page, PDF or PNG), with the what-if signals drawn. */
export function schoolMapLink(region: string, school: string, signals: readonly LonLat[], format: "html" | "pdf" | "png"): string {
  return `/api/schoolroutes/school.${format}?${schoolRoutesQuery(region, signals, { school })}`;
}
