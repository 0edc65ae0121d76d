/**
 * Places a filter left out because their opening hours or facilities are unknown. The API
 * counts them (`leftOut` on GET /api/places, src/places/place-routes.ts) and takes
 * `unknown=include` to let them through; here are the words for it and the switch that
 * lives in the filters. Unknown is unknown: never "closed", never "has none".
 */
import type { PlaceCollection } from "../../shared/api.ts";
import { isRecord } from "../../shared/api.ts";
import type { Filters } from "../../shared/store.ts";
import { t } from "./results-messages.ts";

/** How many places each unknown kept off the list. */
export interface LeftOut {
  readonly total: number;
  readonly unknownHours: number;
  readonly unknownFacilities: number;
}

const count = (value: unknown): number => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0);

/** The `leftOut` counts of a places answer, or null when it has none (or none were left out). */
export function leftOutOf(places: PlaceCollection | null): LeftOut | null {
  const raw: unknown = places === null ? undefined : (places as PlaceCollection & { leftOut?: unknown }).leftOut;
  if (!isRecord(raw)) return null;
  const leftOut = { total: count(raw.total), unknownHours: count(raw.unknownHours), unknownFacilities: count(raw.unknownFacilities) };
  return leftOut.total > 0 ? leftOut : null;
}

/** Whether the filters let places with unknown hours or facilities through. */
export function includesUnknown(filters: Filters): boolean {
  return (filters as Filters & { includeUnknown?: boolean }).includeUnknown === true;
}

/** The filters with places of unknown hours and facilities let through, or not. */
export function withUnknown(filters: Filters, include: boolean): Filters {
  return { ...filters, includeUnknown: include } as Filters;
}

/** Why places are missing: "另有 12 个地点营业时间未知，没有列出。" */
export function leftOutText(leftOut: LeftOut): string {
  const { total, unknownHours: hours, unknownFacilities: facilities } = leftOut;
  if (hours > 0 && facilities > 0) return t("leftOutBoth", { n: total, hours, facilities });
  if (hours > 0) return t("leftOutHours", { n: total });
  return t("leftOutFacilities", { n: total });
}

/** The button that lets them in, naming only what is unknown: "也显示营业时间未知的地点". */
export function includeLabel(leftOut: LeftOut | null): string {
  if (leftOut && leftOut.unknownFacilities === 0) return t("includeUnknownHours");
  if (leftOut && leftOut.unknownHours === 0) return t("includeUnknownFacilities");
  return t("includeUnknown");
}
