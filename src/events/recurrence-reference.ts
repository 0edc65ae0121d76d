/**
 * The plain way to find an event's days: walk every day of the range and ask whether the rule
 * gives it. Slow on long ranges, obviously right; the tests hold `occurrenceDays` to it on
 * random rules and the benchmark runs both.
 */
import type { Recurrence } from "./recurrence.ts";
import { nthWeekday, weekdayIndexes } from "./recurrence.ts";
import { dateOfDay, dayNumber, weekdayIndex } from "./zoned-time.ts";

function happensOn(start: string, rule: Recurrence, date: string): boolean {
  const day = dayNumber(date);
  const startDay = dayNumber(start);
  if (day < startDay) return false;
  if (rule.freq === "none") return day === startDay;
  if (rule.until && date > rule.until) return false;
  if (rule.freq === "weekly") {
    const weeks = Math.floor((day - weekdayIndex(day) - (startDay - weekdayIndex(startDay))) / 7);
    return weeks % rule.interval === 0 && weekdayIndexes(start, rule).includes(weekdayIndex(day));
  }
  const months = (Number(date.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(start.slice(5, 7));
  if (months % rule.interval !== 0) return false;
  if (rule.monthlyBy === "day") return date.slice(8, 10) === start.slice(8, 10);
  const { nth, weekday } = nthWeekday(start);
  if (weekdayIndex(day) !== weekday) return false;
  const dom = Number(date.slice(8, 10));
  if (nth > 0) return Math.ceil(dom / 7) === nth;
  const nextWeek = dateOfDay(day + 7);
  return nextWeek.slice(5, 7) !== date.slice(5, 7);
}

/** Every day of `from`..`to` the rule gives, less the exceptions. */
export function occurrenceDaysPlain(start: string, rule: Recurrence, from: string, to: string): string[] {
  const out: string[] = [];
  const skip = new Set(rule.exceptions);
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const date = dateOfDay(day);
    if (happensOn(start, rule, date) && !skip.has(date)) out.push(date);
  }
  return out;
}
