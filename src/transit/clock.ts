/**
 * Time in a region's time zone: service dates and seconds as GTFS counts them (from noon
 * minus 12 h, so a day with a clock change still has 08:00 at 08:00), instants to ISO 8601
 * with the zone's offset, and the moments a query writes (with an offset, or local).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at an instant, from Intl (slow: a journey's answer wants dozens; see offsetMinutes). */
function zoneParts(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { y: out.year!, mo: out.month!, d: out.day!, h: out.hour! % 24, mi: out.minute!, s: out.second! };
}

function zoneOffset(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return Math.round((Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Offsets by zone and quarter hour (zones change offset on quarter hours, at most once in one). */
const QUARTER = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER);
  let byQuarter = offsets.get(timeZone);
  if (!byQuarter) offsets.set(timeZone, (byQuarter = new Map()));
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const start = zoneOffset(quarter * QUARTER, timeZone);
    // A quarter hour holding a change (its two ends disagree) is not cached: each instant asks Intl.
    if (start !== zoneOffset(quarter * QUARTER + QUARTER - 1, timeZone)) return zoneOffset(ms, timeZone);
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, (offset = start));
  }
  return offset;
}

/** The zone's wall clock at an instant. */
function parts(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const wall = new Date(ms + offsetMinutes(ms, timeZone) * 60_000);
  return { y: wall.getUTCFullYear(), mo: wall.getUTCMonth() + 1, d: wall.getUTCDate(), h: wall.getUTCHours(), mi: wall.getUTCMinutes(), s: wall.getUTCSeconds() };
}

/** The instant of a wall-clock time in the zone (the earlier one when it repeats). */
function wallToInstant(y: number, mo: number, d: number, seconds: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d) + seconds * 1000;
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  return guess - offsetMinutes(first, timeZone) * 60_000;
}

/** The instant of GTFS time `seconds` on service date `date` (yyyymmdd). */
export function instantOf(date: number, seconds: number, timeZone: string): number {
  const noon = wallToInstant(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100, 12 * 3600, timeZone);
  return noon + (seconds - 12 * 3600) * 1000;
}

/** The service date and GTFS seconds of an instant (on the date whose wall clock shows it). */
export function serviceTimeOf(ms: number, timeZone: string): { date: number; seconds: number } {
  const p = parts(ms, timeZone);
  const date = p.y * 10000 + p.mo * 100 + p.d;
  return { date, seconds: Math.round((ms - instantOf(date, 0, timeZone)) / 1000) };
}

/** "2026-12-03T08:30:00+08:00". */
export function isoIn(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? "-" : "+";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}:${two(p.s)}${sign}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}`;
}

/** A query's moment (momentField) as an instant: its own offset, or the zone's wall clock. */
export function momentInstant(text: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const zone = m[7];
  if (!zone) return wallToInstant(y, mo, d, h * 3600 + mi * 60 + s, timeZone);
  const offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
}
