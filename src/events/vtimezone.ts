/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone over some years, read from the
 * platform's Intl data: the offset in force at the start, then one STANDARD or DAYLIGHT
 * observance per change of offset, each with its exact onset. Beijing time has no changes,
 * so it is one observance; Monaco's summer time is two a year. Written out in full rather
 * than as rules, so a calendar needs no zone database of its own to read it.
 */
import { offsetMinutes } from "./zoned-time.ts";

const DAY_MS = 86_400_000;
const cache = new Map<string, Array<{ at: number; from: number; to: number }>>();

/** The instants in [start, end) at which the zone's offset changes, found day by day then to the minute. */
function transitions(timeZone: string, year: number): Array<{ at: number; from: number; to: number }> {
  const key = `${timeZone}|${year}`;
  const known = cache.get(key);
  if (known) return known;
  const found: Array<{ at: number; from: number; to: number }> = [];
  const end = Date.UTC(year + 1, 0, 1);
  let previous = offsetMinutes(Date.UTC(year, 0, 1), timeZone);
  for (let t = Date.UTC(year, 0, 1) + DAY_MS; t <= end; t += DAY_MS) {
    const now = offsetMinutes(t, timeZone);
    if (now === previous) continue;
    let lo = t - DAY_MS;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: now });
    previous = now;
  }
  cache.set(key, found);
  return found;
}

const offsetValue = (minutes: number) => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}${String(a % 60).padStart(2, "0")}`;
};

/** YYYYMMDDTHHMMSS of the wall clock `offset` minutes east of UTC at `instant`. */
const localStamp = (instant: number, offset: number) => new Date(instant + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, "");

/** The lines of the zone's VTIMEZONE for the years `fromYear`..`toYear`. */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const first = offsetMinutes(Date.UTC(fromYear, 0, 1), timeZone);
  const changes = [];
  for (let year = fromYear; year <= toYear; year++) changes.push(...transitions(timeZone, year));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  // The offset in force before the first change (or always, where there is none).
  const base = changes[0] ? changes[0].from : first;
  const baseKind = changes[0] && changes[0].to < changes[0].from ? "DAYLIGHT" : "STANDARD";
  lines.push(`BEGIN:${baseKind}`, "DTSTART:19700101T000000", `TZOFFSETFROM:${offsetValue(base)}`, `TZOFFSETTO:${offsetValue(base)}`, `END:${baseKind}`);
  for (const change of changes) {
    const kind = change.to > change.from ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(change.at, change.from)}`, `TZOFFSETFROM:${offsetValue(change.from)}`, `TZOFFSETTO:${offsetValue(change.to)}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
