/**
 * Journeys in words and shapes, without the DOM: clock times in the region's time zone, how
 * often a line runs (an estimate said to be one), the summary of a journey, a kind reason when
 * there is none, the departure time the picker shows, a line badge's readable colours, and
 * what the map draws of a journey (walking legs dashed, vehicle legs in the line's colour).
 */
import { NO_JOURNEY_REASONS, type NoJourneyReason } from "../../../../src/core/api/transit-vocabulary.ts";
import { contrast, readableBehindWhite } from "../../shared/colors.ts";
import type { JourneyDrawing, JourneyLine, JourneyStop } from "../../map/journey-overlay.ts";
import type { Position } from "../../shared/store.ts";
import type { Journey, JourneyAnswer, JourneyLeg, LineRef, TransitLeg } from "./journey-api.ts";
import { t, type JourneyMessageKey } from "./journey-messages.ts";
import { durationText, lengthText } from "./route-format.ts";

/** The hour and minute of an answer's time ("2026-12-03T08:30:00+08:00" → "08:30"): answers carry the region's offset. */
export function clockText(iso: string): string {
  const match = /T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[1]}:${match[2]}` : "";
}

/** "08:30–08:52". */
export function timesText(journey: Pick<Journey, "departure" | "arrival">): string {
  return t("journeyTimes", { from: clockText(journey.departure), to: clockText(journey.arrival) });
}

/** How often a line runs, in whole minutes, said to be an estimate when it is one. */
export function headwayText(frequency: { readonly headwayS: number; readonly estimated: boolean }): string {
  const n = Math.max(1, Math.round(frequency.headwayS / 60));
  return t(frequency.estimated ? "legHeadwayEstimated" : "legHeadway", { n });
}

/** "换乘 1 次", "不用换乘". */
export function transfersText(transfers: number): string {
  if (transfers <= 0) return t("journeyTransfers0");
  return transfers === 1 ? t("journeyTransfers1") : t("journeyTransfers", { n: transfers });
}

/** A journey's summary line: time, changes and walking ("约 22 分钟 · 换乘 1 次 · 步行 450 米"). */
export function journeySummary(journey: Journey): string {
  const parts = [durationText(journey.durationS)];
  if (journey.kind === "transit") parts.push(transfersText(journey.transfers));
  parts.push(t("journeyWalkTotal", { distance: lengthText(journey.walkM) }));
  return parts.join(" · ");
}

/** The vehicle legs of a journey. */
export function transitLegs(journey: Journey): TransitLeg[] {
  return journey.legs.filter((leg): leg is TransitLeg => leg.mode !== "walk");
}

/** The transit journeys of an answer, fastest arrival first (the walking route is its own tab). */
export function transitJourneys(answer: JourneyAnswer | null): Journey[] {
  return (answer?.journeys ?? []).filter((j) => j.kind === "transit").sort((a, b) => a.arrival.localeCompare(b.arrival) || a.transfers - b.transfers);
}

const REASON_TEXT: Readonly<Record<NoJourneyReason, JourneyMessageKey>> = {
  no_transit_data: "noJourneyNoData",
  no_stop_nearby: "noJourneyNoStop",
  no_service_that_day: "noJourneyNoService",
  outside_feed_dates: "noJourneyOutsideDates",
  no_connection: "noJourneyNoConnection",
  walking_is_better: "noJourneyWalkBetter",
};

/** Why there is no bus journey, kindly; an unknown reason falls back to the server's own words. */
export function noJourneyText(noJourney: JourneyAnswer["noJourney"]): string {
  if (!noJourney) return t("noJourneyNoConnection");
  const known = (NO_JOURNEY_REASONS as readonly string[]).includes(noJourney.reason);
  return known ? t(REASON_TEXT[noJourney.reason]) : noJourney.message || t("noJourneyNoConnection");
}

/**
 * The value a `datetime-local` picker shows for a moment in a time zone ("2026-12-03T08:30"),
 * which is also what /api/journey reads as a local time of the region.
 */
export function localInputValue(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(moment);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** "现在出发", "08:30 出发", "明天 08:30 出发", or with the date further off (`today`: the region's local time now). */
export function departText(depart: string | null, today: string): string {
  if (!depart) return t("departNow");
  const [day = "", time = ""] = depart.split("T");
  const days = Math.round((Date.parse(`${day}T00:00Z`) - Date.parse(`${today.split("T")[0]}T00:00Z`)) / 86_400_000);
  if (days === 0) return t("departAt", { time });
  if (days === 1) return t("departTomorrow", { time });
  return t("departAt", { time: `${day} ${time}` });
}

/** A line badge's colours: the line's own, darkened until its text reads at 4.5:1. */
export function badgeColours(line: Pick<LineRef, "colour" | "textColour">): { background: string; color: string } {
  const valid = (hex: string): boolean => /^#[0-9a-f]{6}$/i.test(hex);
  const background = valid(line.colour) ? line.colour : "#1c7ed6";
  const text = valid(line.textColour) ? line.textColour : "#ffffff";
  if (contrast(background, text) >= 4.5) return { background, color: text };
  if (contrast(background, "#000000") >= 4.5 && contrast(background, "#ffffff") < 3) return { background, color: "#000000" };
  return { background: readableBehindWhite(background), color: "#ffffff" };
}

export type { JourneyDrawing, JourneyLine, JourneyStop };

/** The colour of walking legs on the map (the route panel's blue). */
export const WALK_COLOUR = "#1c7ed6";

function legLine(leg: JourneyLeg): JourneyLine {
  const ends = [leg.from.at, leg.to.at];
  const coordinates = (leg.coordinates.length >= 2 ? leg.coordinates : ends).map(([lon, lat]): Position => [lon, lat]);
  return leg.mode === "walk" ? { coordinates, dashed: true, colour: WALK_COLOUR } : { coordinates, dashed: false, colour: badgeColours(leg.line).background };
}

/** A journey as the map draws it: its legs in order, the stops where a vehicle is boarded or left, and the destination. */
export function journeyDrawing(journey: Journey): JourneyDrawing {
  const stops = transitLegs(journey).flatMap((leg): JourneyStop[] => {
    const colour = badgeColours(leg.line).background;
    return [{ at: [leg.from.at[0], leg.from.at[1]], name: leg.from.name, colour }, { at: [leg.to.at[0], leg.to.at[1]], name: leg.to.name, colour }];
  });
  const last = journey.legs[journey.legs.length - 1]!;
  return { lines: journey.legs.map(legLine), stops, end: [last.to.at[0], last.to.at[1]] };
}

/** The whole journey as one line, for a map that draws only routes: its legs joined in order. */
export function journeyPath(journey: Journey): Position[] {
  return journeyDrawing(journey).lines.flatMap((line) => line.coordinates);
}
