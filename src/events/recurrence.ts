/**
 * Which days a repeating event happens on: a small subset of iCalendar's RRULE that venues
 * use (every n weeks on some weekdays; every n months on the same day, or on the same nth
 * weekday such as "the second Saturday"), up to an end day, less exception days. Works on
 * local days (YYYY-MM-DD, the venue's calendar) and jumps from week to week or month to
 * month, so a range costs what it holds, not the days it spans. `rruleOf` writes the same
 * rule for a calendar file; recurrence-reference.ts checks every day one by one.
 */
import { WEEKDAYS, type Weekday } from "../core/api/events-vocabulary.ts";
import { dateOfDay, dayNumber, weekdayIndex } from "./zoned-time.ts";

/** How an event repeats, with every default filled in. */
export interface Recurrence {
  freq: "none" | "weekly" | "monthly";
  interval: number;
  /** Weekly: the weekdays (the start's when empty). */
  weekdays: readonly Weekday[];
  monthlyBy: "day" | "weekday";
  /** The last day it may happen; null when it does not repeat. */
  until: string | null;
  exceptions: readonly string[];
}

export const ONCE: Recurrence = { freq: "none", interval: 1, weekdays: [], monthlyBy: "day", until: null, exceptions: [] };

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const daysInMonth = (index: number) => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
const firstDayOfMonth = (index: number) => Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000);

/** The weekdays a weekly rule uses, as indexes 0 (Monday) … 6, sorted. */
export function weekdayIndexes(start: string, rule: Recurrence): number[] {
  const chosen = rule.weekdays.length > 0 ? rule.weekdays.map((w) => WEEKDAYS.indexOf(w)) : [weekdayIndex(dayNumber(start))];
  return [...new Set(chosen)].sort((a, b) => a - b);
}

/** Monthly by weekday: which one in the month (1..4, or -1 for the last) and which weekday. */
export function nthWeekday(start: string): { nth: number; weekday: number } {
  const day = Number(start.slice(8, 10));
  const nth = Math.ceil(day / 7);
  return { nth: nth >= 5 ? -1 : nth, weekday: weekdayIndex(dayNumber(start)) };
}

/** The day of month `index` that a monthly rule starting on `start` gives, or null (no 31st). */
function monthlyDay(start: string, rule: Recurrence, index: number): number | null {
  if (rule.monthlyBy === "day") {
    const dom = Number(start.slice(8, 10));
    return dom <= daysInMonth(index) ? firstDayOfMonth(index) + dom - 1 : null;
  }
  const { nth, weekday } = nthWeekday(start);
  if (nth === -1) {
    const last = firstDayOfMonth(index) + daysInMonth(index) - 1;
    return last - ((weekdayIndex(last) - weekday + 7) % 7);
  }
  const first = firstDayOfMonth(index);
  return first + ((weekday - weekdayIndex(first) + 7) % 7) + (nth - 1) * 7;
}

/**
 * The days in `from`..`to` (inclusive) an event starting on `start` happens on, in order;
 * exception days left out unless `keepExceptions`. A rule's days start on `start`.
 */
export function occurrenceDays(start: string, rule: Recurrence, from: string, to: string, keepExceptions = false): string[] {
  const startDay = dayNumber(start);
  const lo = Math.max(dayNumber(from), startDay);
  const hi = Math.min(dayNumber(to), rule.freq === "none" ? startDay : dayNumber(rule.until ?? start));
  if (lo > hi) return [];
  const skip = keepExceptions ? null : new Set(rule.exceptions);
  const out: string[] = [];
  const add = (day: number) => {
    if (day < lo || day > hi) return;
    const date = dateOfDay(day);
    if (!skip?.has(date)) out.push(date);
  };
  if (rule.freq === "none") {
    add(startDay);
    return out;
  }
  if (rule.freq === "weekly") {
    const offsets = weekdayIndexes(start, rule);
    const firstWeek = startDay - weekdayIndex(startDay);
    const weeksIn = Math.floor((lo - weekdayIndex(lo) - firstWeek) / 7);
    for (let k = Math.ceil(weeksIn / rule.interval) * rule.interval; firstWeek + 7 * k <= hi; k += rule.interval) {
      for (const offset of offsets) add(firstWeek + 7 * k + offset);
    }
    return out;
  }
  const startMonth = monthIndex(start);
  const monthsIn = monthIndex(dateOfDay(lo)) - startMonth;
  for (let k = Math.max(0, Math.ceil(monthsIn / rule.interval) * rule.interval); firstDayOfMonth(startMonth + k) <= hi; k += rule.interval) {
    const day = monthlyDay(start, rule, startMonth + k);
    if (day !== null) add(day);
  }
  return out;
}

/** The first day the rule gives on or after `start` (exceptions included), or null if none before its end. */
export function firstOccurrence(start: string, rule: Recurrence): string | null {
  return occurrenceDays(start, rule, start, rule.until ?? start, true)[0] ?? null;
}

/**
 * The RRULE value for the rule (without UNTIL, which the calendar writes as an instant), or
 * null when it does not repeat.
 */
export function rruleOf(start: string, rule: Recurrence): string | null {
  if (rule.freq === "none") return null;
  if (rule.freq === "weekly") return `FREQ=WEEKLY;INTERVAL=${rule.interval};BYDAY=${weekdayIndexes(start, rule).map((i) => WEEKDAYS[i]).join(",")};WKST=MO`;
  if (rule.monthlyBy === "day") return `FREQ=MONTHLY;INTERVAL=${rule.interval};BYMONTHDAY=${Number(start.slice(8, 10))}`;
  const { nth, weekday } = nthWeekday(start);
  return `FREQ=MONTHLY;INTERVAL=${rule.interval};BYDAY=${nth}${WEEKDAYS[weekday]}`;
}
