/**
 * "Open now / closes at" for OSM opening_hours strings, evaluated in the place's own time
 * zone whatever the clock of the machine that runs it (server in UTC, phone abroad).
 */
import OpeningHours from "opening_hours";

export type OpenState = "open" | "closed" | "unknown";

export interface OpenStatus {
  readonly state: OpenState;
  /** Wall-clock time in the place's zone of the next change ("18:00"), when within a week. */
  readonly nextChange: string | null;
  /** ISO date (YYYY-MM-DD) of the next change, so a UI can say "opens Monday". */
  readonly nextChangeDate: string | null;
}

/** Parses a string; returns an error message instead of throwing, for import diagnostics. */
export function checkOpeningHours(value: string): string | null {
  try {
    new OpeningHours(value, null, 0);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A Date whose local fields equal the wall clock in `timeZone` at instant `now`. The
 * opening_hours library reads local fields, so this is how we evaluate in another zone.
 */
export function wallClockDate(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** Open state and next change for a place; unknown when hours are missing or unparseable. */
export function openStatus(hours: string | null, now: Date, timeZone: string): OpenStatus {
  const unknown: OpenStatus = { state: "unknown", nextChange: null, nextChangeDate: null };
  if (!hours) return unknown;
  let oh: OpeningHours;
  try {
    oh = new OpeningHours(hours, null, 0);
  } catch {
    return unknown;
  }
  const local = wallClockDate(now, timeZone);
  const state: OpenState = oh.getUnknown(local) ? "unknown" : oh.getState(local) ? "open" : "closed";
  const next = oh.getNextChange(local, new Date(local.getTime() + 7 * 86_400_000));
  if (!next) return { state, nextChange: null, nextChangeDate: null };
  return {
    state,
    nextChange: `${pad(next.getHours())}:${pad(next.getMinutes())}`,
    nextChangeDate: `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`,
  };
}
