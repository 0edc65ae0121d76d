/**
 * The guides' client: the list with its filters, one guide with its legs, the guides on a
 * place's card, mine, and writing one (a member through the child-safe path, staff through
 * the staff path). Types come from the contract (src/core/api/guides.ts).
 */
import type { GuideDetail, GuideInput, GuideSummary } from "../../../../src/core/api/guides.ts";
import { field, getField, segment, send, sendField } from "../../shared/http.ts";
import { getJson } from "../../shared/api.ts";
import { guidesSearch, type GuideFilters } from "./guide-format.ts";

export type { GuideDetail, GuideInput, GuideSummary };

export const fetchGuides = (filters: GuideFilters, signal?: AbortSignal): Promise<GuideSummary[]> =>
  getField<GuideSummary[]>(`/api/guides${guidesSearch(filters)}`, "guides", Array.isArray, signal);

/** One guide; the same URL the offline app caches for a saved guide. */
export const fetchGuide = (id: string): Promise<GuideDetail> => getField<GuideDetail>(`/api/guides/${segment(id)}`, "guide");

export const fetchPlaceGuides = (placeId: string): Promise<GuideSummary[]> => getField<GuideSummary[]>(`/api/places/${segment(placeId)}/guides`, "guides", Array.isArray);

/** Writes a guide; `asStaff` takes the staff path. */
export const writeGuide = (input: GuideInput, asStaff: boolean): Promise<GuideDetail> =>
  sendField<GuideDetail>("POST", asStaff ? "/api/staff/guides" : "/api/guides", input, "guide");

/** Adds a photo to the stop at `position` (from 0) of a guide just written; the guide as it is now. */
export const addStopPhoto = async (guideId: string, position: number, photo: Blob, asStaff: boolean): Promise<GuideDetail> =>
  field<GuideDetail>(await send("POST", `${asStaff ? "/api/staff/guides" : "/api/guides"}/${segment(guideId)}/stops/${position}/photos`, photo, { "content-type": photo.type || "application/octet-stream" }), "guide");

/** Places matching a text, for picking stops. */
export async function searchPlaces(q: string, region: string | null): Promise<Array<{ id: string; name: string; regionId: string }>> {
  const body = await getJson(`/api/search?q=${encodeURIComponent(q)}&limit=10${region ? `&region=${encodeURIComponent(region)}` : ""}`);
  const features = (body as { features?: Array<{ id: string; properties: { name: { zh: string | null; en: string | null }; regionId: string } }> }).features ?? [];
  return features.map((f) => ({ id: f.id, name: f.properties.name.zh ?? f.properties.name.en ?? f.id, regionId: f.properties.regionId }));
}

export const guideLinks = (id: string) => ({
  page: `/guides.html?id=${segment(id)}`,
  print: `/api/guides/${segment(id)}.html`,
  qr: `/api/guides/${segment(id)}/qr.svg`,
});
