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
const formatters = new Map<string, Intl.DateTimeFormat>();
let lastWallClock: { at: number; timeZone: string; date: Date } | null = null;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  formatters.set(timeZone, formatter);
  return formatter;
}

export function wallClockDate(now: Date, timeZone: string): Date {
  // One request evaluates many places at the same instant: reuse the last conversion.
  if (lastWallClock && lastWallClock.at === now.getTime() && lastWallClock.timeZone === timeZone) return lastWallClock.date;
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const date = new Date(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  lastWallClock = { at: now.getTime(), timeZone, date };
  return date;
}

// Parsing an opening_hours string costs far more than evaluating it, and a city has few
// distinct strings: keep the parsed form (or null for unparseable), bounded in size.
const MAX_PARSED = 10_000;
const parsedHours = new Map<string, OpeningHours | null>();

function parsed(hours: string): OpeningHours | null {
  if (parsedHours.has(hours)) return parsedHours.get(hours)!;
  let value: OpeningHours | null;
  try {
    value = new OpeningHours(hours, null, 0);
  } catch {
    value = null;
  }
  if (parsedHours.size >= MAX_PARSED) parsedHours.clear();
  parsedHours.set(hours, value);
  return value;
}

const pad = (n: number): string => String(n).padStart(2, "0");

const UNKNOWN: OpenStatus = { state: "unknown", nextChange: null, nextChangeDate: null };

// The answer only changes from one minute to the next, and the next-change search can walk
// many days: remember this minute's answers per zone and string, forget them next minute.
let statusMinute = -1;
const statusCache = new Map<string, OpenStatus>();

/** Open state and next change for a place; unknown when hours are missing or unparseable. */
export function openStatus(hours: string | null, now: Date, timeZone: string): OpenStatus {
  if (!hours) return UNKNOWN;
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== statusMinute) {
    statusMinute = minute;
    statusCache.clear();
  }
  const key = `${timeZone}|${hours}`;
  let status = statusCache.get(key);
  if (!status) {
    // Evaluate at the start of the minute so every caller within it gets the same answer.
    status = computeOpenStatus(hours, new Date(minute * 60_000), timeZone);
    statusCache.set(key, status);
  }
  return status;
}

function computeOpenStatus(hours: string, now: Date, timeZone: string): OpenStatus {
  const unknown = UNKNOWN;
  const oh = parsed(hours);
  if (!oh) return unknown;
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
