/**
 * iCalendar files (RFC 5545) of events, for "加入日历": one VCALENDAR with the zone's
 * VTIMEZONE and one VEVENT per event; times in the venue's zone (DTSTART;TZID=…), a repeating
 * event as RRULE with UNTIL in UTC and its exception days as EXDATE, a cancelled one with
 * STATUS:CANCELLED so a calendar that imported it takes it out. Text is escaped (\\ ; , and
 * newlines), lines end in CRLF and are folded at 75 octets without splitting a character.
 */
import { type Recurrence, rruleOf } from "./recurrence.ts";
import { vtimezoneLines } from "./vtimezone.ts";
import { zonedInstant } from "./zoned-time.ts";

/** An event as a calendar file holds it. */
export interface CalendarEntry {
  uid: string;
  /** When the event last changed (DTSTAMP and LAST-MODIFIED). */
  changedAt: string;
  /** Raised by every change, so a calendar replaces its copy. */
  sequence: number;
  startDate: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  rule: Recurrence;
  summary: string;
  description: string;
  location: string;
  /** [lat, lon]. */
  geo: [number, number] | null;
  url: string | null;
  categories: string[];
  cancelled: boolean;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const room = pieces.length === 0 ? 75 : 74;
    if (octets + size > room) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

const utcStamp = (instant: number) => new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, "") + "Z";
const localStamp = (date: string, time: string) => `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;

function eventLines(entry: CalendarEntry): string[] {
  const zone = `TZID=${entry.timeZone}`;
  const stamp = utcStamp(Date.parse(entry.changedAt));
  const lines = [
    "BEGIN:VEVENT",
    `UID:${entry.uid}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `SEQUENCE:${entry.sequence}`,
    `DTSTART;${zone}:${localStamp(entry.startDate, entry.startTime)}`,
    `DTEND;${zone}:${localStamp(entry.startDate, entry.endTime)}`,
  ];
  const rrule = rruleOf(entry.startDate, entry.rule);
  if (rrule && entry.rule.until) {
    lines.push(`RRULE:${rrule};UNTIL=${utcStamp(zonedInstant(entry.rule.until, "23:59", entry.timeZone) + 59_000)}`);
    if (entry.rule.exceptions.length > 0) lines.push(`EXDATE;${zone}:${[...entry.rule.exceptions].sort().map((d) => localStamp(d, entry.startTime)).join(",")}`);
  }
  lines.push(`SUMMARY:${escapeText(entry.summary)}`);
  if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
  if (entry.geo) lines.push(`GEO:${entry.geo[0].toFixed(6)};${entry.geo[1].toFixed(6)}`);
  if (entry.url) lines.push(`URL:${entry.url}`);
  if (entry.categories.length > 0) lines.push(`CATEGORIES:${entry.categories.map(escapeText).join(",")}`);
  lines.push(`STATUS:${entry.cancelled ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

/** The whole file: a calendar named `name` holding `entries`. */
export function calendarText(name: string, entries: readonly CalendarEntry[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tongxing//Child-friendly city events//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(name)}`];
  const zones = new Map<string, { from: number; to: number }>();
  for (const entry of entries) {
    const from = Number(entry.startDate.slice(0, 4));
    const to = Number((entry.rule.until ?? entry.startDate).slice(0, 4));
    const known = zones.get(entry.timeZone);
    zones.set(entry.timeZone, { from: Math.min(from, known?.from ?? from), to: Math.max(to, known?.to ?? to) });
  }
  if (zones.size === 1) lines.push(`X-WR-TIMEZONE:${[...zones.keys()][0]}`);
  for (const [zone, years] of zones) lines.push(...vtimezoneLines(zone, years.from, years.to));
  for (const entry of entries) lines.push(...eventLines(entry));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
