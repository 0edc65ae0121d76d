/**
 * Client of live status: a place's status, a region's, setting one facet (venue staff),
 * a place's history. Types come from the contract (src/core/api/live.ts).
 */
import type { StatusChangeInput } from "../../../../src/core/api/live.ts";
import type { LiveStatus } from "../../../../src/core/api/live-vocabulary.ts";
import { getJson } from "../../shared/api.ts";
import { isRecord, segment, send } from "../../shared/http.ts";

/** The statuses of a region's places that say something now, and the last change id. */
export interface RegionStatuses {
  readonly lastChangeId: number;
  readonly statuses: readonly LiveStatus[];
}

/** One change of a place's history. */
export interface HistoryRow {
  readonly id: number;
  readonly facet: "opening" | "crowding" | "notice";
  readonly value: string | null;
  readonly reason: string | null;
  readonly until: string | null;
  readonly setAt: string;
}

/** Whether a value has the shape of a LiveStatus (what the stream and the API send). */
export function isLiveStatus(value: unknown): value is LiveStatus {
  return isRecord(value) && typeof value.placeId === "string" && typeof value.changeId === "number" && "opening" in value && "crowding" in value && "notice" in value;
}

/** GET /api/status?region=. */
export async function fetchRegionStatuses(regionId: string): Promise<RegionStatuses> {
  const body = await getJson(`/api/status?region=${segment(regionId)}`);
  if (!isRecord(body) || !Array.isArray(body.statuses) || typeof body.lastChangeId !== "number") return { lastChangeId: 0, statuses: [] };
  return { lastChangeId: body.lastChangeId, statuses: body.statuses.filter(isLiveStatus) };
}

/** GET /api/places/{id}/status. */
export async function fetchPlaceStatus(placeId: string): Promise<LiveStatus | null> {
  const body = await getJson(`/api/places/${segment(placeId)}/status`);
  return isLiveStatus(body) ? body : null;
}

/** POST /api/places/{id}/status: the place's status after the change. */
export async function setPlaceStatus(placeId: string, change: StatusChangeInput): Promise<LiveStatus | null> {
  const body = await send("POST", `/api/places/${segment(placeId)}/status`, change);
  return isLiveStatus(body) ? body : null;
}

/** GET /api/places/{id}/status/history (newest first). */
export async function fetchHistory(placeId: string, limit = 20): Promise<HistoryRow[]> {
  const body = await getJson(`/api/places/${segment(placeId)}/status/history?limit=${limit}`);
  return isRecord(body) && Array.isArray(body.changes) ? (body.changes as HistoryRow[]) : [];
}

/** Where a place's history downloads as CSV. */
export const historyCsvLink = (placeId: string): string => `/api/places/${segment(placeId)}/status/history?format=csv&limit=1000`;
