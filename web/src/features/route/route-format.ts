/**
 * Words of the route panel: lengths ("1.5 公里", "850 米"), durations ("约 25 分钟"), where
 * the route starts, and a kind explanation for each way a route request can fail.
 */
import { ApiError } from "../../shared/api.ts";
import { t } from "./route-messages.ts";
import type { RouteMessageKey } from "./route-messages.ts";

/**
 * How the start of a route was chosen: the person's position, a point picked on the map
 * (tap or long press), a place found by name; "locating" while the browser is asked, and
 * "none" when there is no start yet. Never the map centre: it is usually the destination.
 */
export type StartSource = "mine" | "pressed" | "searched" | "locating" | "none";

/** A route length: metres rounded to 10 below a kilometre, then kilometres with one decimal. */
export function lengthText(metres: number): string {
  if (metres < 1000) return t("distanceM", { n: Math.max(0, Math.round(metres / 10) * 10) });
  const km = metres / 1000;
  return t("distanceKm", { n: km < 10 ? km.toFixed(1) : Math.round(km) });
}

/** A walking or cycling time, rounded up to whole minutes: "约 25 分钟", "约 1 小时 5 分钟". */
export function durationText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return t("durationMinutes", { n: minutes });
  return t("durationHours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** "1.5 公里 · 约 25 分钟". */
export function summaryText(distanceM: number, durationS: number): string {
  return `${lengthText(distanceM)} · ${durationText(durationS)}`;
}

const START_TEXT: Readonly<Record<StartSource, RouteMessageKey>> = {
  mine: "routeFromMine",
  pressed: "routeFromPressed",
  searched: "routeFromSearched",
  locating: "routeLocatingStart",
  none: "routeFromNone",
};

/** Where the route starts, in words (`name`: the place found by search). */
export function startText(source: StartSource, name: string | null = null): string {
  return t(START_TEXT[source], { name: name ?? "" });
}

/** Steps shorter than this show no length (the server folds them into their neighbours anyway). */
export const MIN_SHOWN_STEP_M = 5;

/** Two points closer than this are the same place: there is no way to walk. */
export const SAME_PLACE_M = 15;

/**
 * A kind explanation of a failed route request. `cityHasStreets` is false when the shown
 * city has no street data at all, so "outside the region" is about the city, not the start.
 */
export function routeErrorText(error: unknown, cityHasStreets: boolean): string {
  if (!(error instanceof ApiError)) return t("routeFailed");
  switch (error.code) {
    case "outside_region":
      return !cityHasStreets || error.field !== "from" ? t("routeNoStreets") : t("routeStartOutside");
    case "no_way_nearby":
      return error.field === "to" ? t("routeNoWayTo") : t("routeNoWayFrom");
    case "too_far":
      return t("routeTooFar");
    case "no_route":
      return t("routeNoRoute");
    default:
      return t("routeFailed");
  }
}

/** The name of a route choice: "最安全" for the safest, "更近" for the shorter one. */
export function routeLabelText(label: string): string {
  return t(label === "shorter" ? "routeShorter" : "routeSafest");
}
