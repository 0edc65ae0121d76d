/**
 * Days and wall-clock times in a region's time zone, with the platform's Intl data and no
 * library: a local day and time to the instant it names, the offset in force at an instant,
 * today's date there, and days as plain numbers for arithmetic (day 0 is 1970-01-01).
 * Events are stored as the venue's wall clock, so a weekly class at 10:00 stays at 10:00
 * across a change to summer time.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone ("Asia/Shanghai"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant`, as fields. */
export function wallClock(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts["year"]!, month: parts["month"]!, day: parts["day"]!, hour: parts["hour"]! % 24, minute: parts["minute"]!, second: parts["second"]! };
}

const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * Minutes east of UTC in force in `timeZone` at `instant` (480 for Beijing time). Zones change
 * their offset on a quarter hour, so the answer is kept per zone and quarter hour: a month of
 * a city's events asks Intl once per distinct quarter hour, not once per occurrence.
 */
export function offsetMinutes(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const c = wallClock(instant, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  const offset = Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
  if (zone.size > 200_000) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` (YYYY-MM-DD, HH:MM).
 * A time skipped by a change to summer time is read with the offset before the change (so
 * it lands an hour later on the clock); a time that happens twice is its first.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetMinutes(asUtc - DAY_MS / 2, timeZone);
  const after = offsetMinutes(asUtc + DAY_MS / 2, timeZone);
  if (after === before) return asUtc - before * 60_000;
  // Each offset in force that day names one instant; keep those at which that offset holds.
  const shows = [asUtc - before * 60_000, asUtc - after * 60_000].filter((instant) => offsetMinutes(instant, timeZone) * 60_000 === asUtc - instant);
  return shows.length > 0 ? Math.min(...shows) : asUtc - before * 60_000;
}

/** "+08:00" for 480 minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/** The instant as ISO 8601 with the zone's offset then: 2026-12-05T10:00:00+08:00. */
export function isoInZone(instant: number, timeZone: string): string {
  const c = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${offsetText(offsetMinutes(instant, timeZone))}`;
}

/** The day number of YYYY-MM-DD (days since 1970-01-01). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** Today's date on the wall calendar of `timeZone`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  const c = wallClock(now, timeZone);
  return `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
}

/**
 * This weekend in `timeZone`: on a Saturday that day and Sunday, on a Sunday that day, on a
 * weekday the coming Saturday and Sunday.
 */
export function weekendOf(today: string): { from: string; to: string } {
  const day = dayNumber(today);
  const index = weekdayIndex(day);
  if (index === 6) return { from: today, to: today };
  const saturday = index === 5 ? day : day + (5 - index);
  return { from: dateOfDay(saturday), to: dateOfDay(saturday + 1) };
}
