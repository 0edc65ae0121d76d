/**
 * Events in words and in a month's grid, without the DOM: the price, the ages, an
 * occurrence's day and hours in the venue's time zone, the days of a calendar month laid
 * out in weeks from Monday, and a list of occurrences grouped by day.
 */
import { EVENT_KIND_LABELS, EVENT_PRICE_LABELS } from "../../../../src/core/api/events-vocabulary.ts";
import type { EventAnswer, OccurrenceAnswer } from "../../../../src/core/api/events.ts";
import { getLanguage, languageTag, pick } from "../../shared/i18n.ts";
import { t } from "./events-messages.ts";

/** Free, low cost ¥10, paid ¥80 (or just "paid" without an amount). */
export function priceText(event: Pick<EventAnswer, "price" | "priceYuan">): string {
  if (event.price === "free" || event.priceYuan === null) return pick(EVENT_PRICE_LABELS[event.price]);
  return t(event.price === "low" ? "evPriceLow" : "evPricePaid", { yuan: event.priceYuan });
}

export const agesText = (event: Pick<EventAnswer, "ageMin" | "ageMax">): string => t("evAges", { min: event.ageMin, max: event.ageMax });
export const kindText = (kind: EventAnswer["kind"]): string => pick(EVENT_KIND_LABELS[kind]);

/** "12月5日周六 10:00–11:00" in the venue's zone, in the page's language. */
export function occurrenceText(o: Pick<OccurrenceAnswer, "start" | "end">, timeZone: string): string {
  const tag = languageTag(getLanguage());
  const day = new Intl.DateTimeFormat(tag, { timeZone, month: "short", day: "numeric", weekday: "short" }).format(new Date(o.start));
  const hours = new Intl.DateTimeFormat(tag, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day} ${hours.format(new Date(o.start))}–${hours.format(new Date(o.end))}`;
}

/** A day's heading in a list: "12月5日 星期六". */
export function dayHeading(date: string): string {
  return new Intl.DateTimeFormat(languageTag(getLanguage()), { timeZone: "UTC", month: "long", day: "numeric", weekday: "long" }).format(new Date(`${date}T00:00:00Z`));
}

/** Occurrences grouped by their local day, in order. */
export function byDay<T extends { date: string }>(items: readonly T[]): Array<{ date: string; items: T[] }> {
  const groups: Array<{ date: string; items: T[] }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, items: [item] });
  }
  return groups;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last day of a month (month 1..12). */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/** The month after (+1) or before (-1). */
export function shiftMonth(year: number, month: number, by: 1 | -1): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month as weeks from Monday: each cell a date, or null outside the month. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const { to } = monthRange(year, month);
  const days = Number(to.slice(8, 10));
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [...Array.from({ length: lead }, () => null), ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
