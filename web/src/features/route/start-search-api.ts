/**
 * The route panel's own small client of the public GET /api/search, to pick a start by
 * name ("学校", "Jardin Exotique"): the places found, as a name, a district and a position.
 * Kept apart from the search box's client so the route panel loads on its own.
 */
import { getJson, isRecord } from "../../shared/api.ts";
import { pick } from "../../shared/i18n.ts";
import type { Position } from "../../shared/store.ts";

/** A place that can be a start. */
export interface StartCandidate {
  readonly id: string;
  readonly name: string;
  readonly district: string | null;
  readonly at: Position;
}

const LIMIT = 6;

function toCandidate(value: unknown): StartCandidate | null {
  if (!isRecord(value) || !isRecord(value.geometry) || !isRecord(value.properties)) return null;
  const [lon, lat] = Array.isArray(value.geometry.coordinates) ? value.geometry.coordinates : [];
  const { id, name, districtName } = value.properties;
  if (typeof lon !== "number" || typeof lat !== "number" || typeof id !== "string" || !isRecord(name)) return null;
  const text = pick({ zh: typeof name.zh === "string" ? name.zh : null, en: typeof name.en === "string" ? name.en : null });
  return { id, name: text || id, district: typeof districtName === "string" ? districtName : null, at: [lon, lat] };
}

/** Places named like `query` in the region (the few best), or none. */
export async function searchStarts(query: string, regionId: string | null, signal?: AbortSignal): Promise<StartCandidate[]> {
  const params = new URLSearchParams({ q: query.trim().slice(0, 100), limit: String(LIMIT) });
  if (regionId !== null) params.set("region", regionId);
  const body = await getJson(`/api/search?${params}`, signal);
  if (!isRecord(body) || !Array.isArray(body.features)) return [];
  return body.features.map(toCandidate).filter((c): c is StartCandidate => c !== null).slice(0, LIMIT);
}
