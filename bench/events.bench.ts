/**
 * Expanding a city's repeating events over a calendar month and a quarter, the events page's
 * hot path: our expansion (jumps week to week or month to month) beside the plain day-by-day
 * check (recurrence-reference.ts) and, when installed, ical.js's RRULE iterator on the same
 * events written as our calendar files. Each peer gets the same events and ranges, one
 * warm-up pass and the same repeats; answers are compared before anything is timed.
 * ical.js cannot start at the range: it iterates from each event's first day (said plainly).
 * Run: node --import tsx bench/events.bench.ts
 */
import type { Weekday } from "../src/core/api/events-vocabulary.ts";
import { WEEKDAYS } from "../src/core/api/events-vocabulary.ts";
import { type CalendarEntry, calendarText } from "../src/events/ics.ts";
import { type Recurrence, occurrenceDays } from "../src/events/recurrence.ts";
import { occurrenceDaysPlain } from "../src/events/recurrence-reference.ts";
import { addDays, zonedInstant } from "../src/events/zoned-time.ts";
import { percentiles, seededRandom } from "./synthetic-places.ts";

interface BenchEvent { start: string; rule: Recurrence; startTime: string }

/** A city's events: 60% weekly on 1–3 days, 25% monthly, 15% one-off, over two years. */
function syntheticEvents(n: number): BenchEvent[] {
  const random = seededRandom(12);
  return Array.from({ length: n }, () => {
    const start = addDays("2026-01-01", Math.floor(random() * 600));
    const roll = random();
    const freq = roll < 0.6 ? "weekly" : roll < 0.85 ? "monthly" : "none";
    const weekdays = freq === "weekly" ? WEEKDAYS.filter(() => random() < 0.25).slice(0, 3) as Weekday[] : [];
    const rule: Recurrence = { freq, interval: random() < 0.8 ? 1 : 2, weekdays, monthlyBy: random() < 0.5 ? "day" : "weekday", until: freq === "none" ? null : addDays(start, 60 + Math.floor(random() * 600)), exceptions: [addDays(start, 14)] };
    return { start, rule, startTime: "10:00" };
  });
}

type Expand = (events: readonly BenchEvent[], from: string, to: string) => number;

const ours: Expand = (events, from, to) => events.reduce((n, e) => n + occurrenceDays(e.start, e.rule, from, to).length, 0);
/** The list's whole work per occurrence: the day, then its start and end instants in the zone. */
const withInstants: Expand = (events, from, to) => events.reduce((n, e) => n + occurrenceDays(e.start, e.rule, from, to).filter((d) => zonedInstant(d, e.startTime, "Asia/Shanghai") < zonedInstant(d, "11:00", "Asia/Shanghai")).length, 0);
const plain: Expand = (events, from, to) => events.reduce((n, e) => n + occurrenceDaysPlain(e.start, e.rule, from, to).length, 0);

/** ical.js behind a thin adapter: each event parsed once (not timed), then iterated to the range's end. */
async function icalPeer(events: readonly BenchEvent[]): Promise<Expand | null> {
  let ICAL: typeof import("ical.js").default;
  try {
    ICAL = (await import("ical.js")).default;
  } catch {
    return null;
  }
  const zone = "Asia/Shanghai";
  const parsed = events.map((e, i) => {
    const entry: CalendarEntry = { uid: `e${i}`, changedAt: "2026-01-01T00:00:00Z", sequence: 0, startDate: e.start, startTime: e.startTime, endTime: "11:00", timeZone: zone, rule: e.rule, summary: "x", description: "", location: "", geo: null, url: null, categories: [], cancelled: false };
    const calendar = new ICAL.Component(ICAL.parse(calendarText("bench", [entry])));
    for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    return new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  });
  return (_events, from, to) => {
    const lo = zonedInstant(from, "00:00", zone);
    const hi = zonedInstant(addDays(to, 1), "00:00", zone);
    let count = 0;
    for (const event of parsed) {
      const iterator = event.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        const at = next.toJSDate().getTime();
        if (at >= hi) break;
        if (at >= lo) count++;
      }
    }
    return count;
  };
}

async function main(): Promise<void> {
  const ranges = [["month (31 days)", "2026-12-01", "2026-12-31"], ["quarter (92 days)", "2027-01-01", "2027-04-02"]] as const;
  for (const n of [200, 2_000]) {
    const events = syntheticEvents(n);
    const ical = await icalPeer(events);
    const peers: Array<[string, Expand]> = [["ours (jumps)", ours], ["ours + instants", withInstants], ["plain day by day", plain], ...(ical ? [["ical.js iterator", ical] as [string, Expand]] : [])];
    console.log(`\n${n} events${ical ? "" : " (ical.js not installed: that peer left out)"}`);
    for (const [label, from, to] of ranges) {
      const expected = ours(events, from, to);
      for (const [name, expand] of peers) {
        const got = expand(events, from, to);
        if (got !== expected) throw new Error(`${name} found ${got} occurrences in ${label}, ours ${expected}`);
      }
      const repeats = Array.from({ length: n > 1000 ? 20 : 100 }, (_, i) => i);
      const base = { p50: 0, p99: 0 };
      for (const [name, expand] of peers) {
        expand(events, from, to);
        const timing = percentiles(repeats, () => expand(events, from, to));
        if (name === "ours (jumps)") Object.assign(base, timing);
        console.log(`  ${label.padEnd(18)} ${name.padEnd(18)} ${String(expected).padStart(6)} occurrences  p50 ${timing.p50.toFixed(3).padStart(8)} ms  p99 ${timing.p99.toFixed(3).padStart(8)} ms  p50 x${(timing.p50 / base.p50).toFixed(1)} of ours`);
      }
    }
  }
}

await main();
