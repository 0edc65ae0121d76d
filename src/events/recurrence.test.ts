/**
 * Repeating events: known rules give the days a venue means (every Saturday, the second
 * Saturday of each month, the 31st only in months that have one, exceptions left out), the
 * fast expansion equals the day-by-day reference on random rules and ranges, and a weekend
 * is Saturday and Sunday on the region's own calendar.
 */
import { describe, expect, it } from "vitest";
import type { Weekday } from "../core/api/events-vocabulary.ts";
import { WEEKDAYS } from "../core/api/events-vocabulary.ts";
import { type Recurrence, firstOccurrence, occurrenceDays, rruleOf } from "./recurrence.ts";
import { occurrenceDaysPlain } from "./recurrence-reference.ts";
import { addDays, isoInZone, todayIn, weekendOf, zonedInstant } from "./zoned-time.ts";

const rule = (r: Partial<Recurrence>): Recurrence => ({ freq: "weekly", interval: 1, weekdays: [], monthlyBy: "day", until: null, exceptions: [], ...r });

describe("occurrence days", () => {
  it("gives every Saturday until the end day, less the exceptions", () => {
    const r = rule({ until: "2026-12-31", exceptions: ["2026-12-19"] });
    expect(occurrenceDays("2026-12-05", r, "2026-12-01", "2027-01-31")).toEqual(["2026-12-05", "2026-12-12", "2026-12-26"]);
  });

  it("gives Saturdays and Sundays every other week", () => {
    const r = rule({ interval: 2, weekdays: ["SA", "SU"], until: "2027-01-10" });
    expect(occurrenceDays("2026-12-05", r, "2026-12-01", "2027-01-31")).toEqual(["2026-12-05", "2026-12-06", "2026-12-19", "2026-12-20", "2027-01-02", "2027-01-03"]);
  });

  it("gives the second Saturday of each month, and the last one for a fifth", () => {
    const second = rule({ freq: "monthly", monthlyBy: "weekday", until: "2027-03-31" });
    expect(occurrenceDays("2026-12-12", second, "2026-12-01", "2027-03-31")).toEqual(["2026-12-12", "2027-01-09", "2027-02-13", "2027-03-13"]);
    expect(rruleOf("2026-12-12", second)).toBe("FREQ=MONTHLY;INTERVAL=1;BYDAY=2SA");
    const last = rule({ freq: "monthly", monthlyBy: "weekday", until: "2027-02-28" });
    expect(occurrenceDays("2026-10-31", last, "2026-10-01", "2027-02-28")).toEqual(["2026-10-31", "2026-11-28", "2026-12-26", "2027-01-30", "2027-02-27"]);
  });

  it("skips months without the day, as RFC 5545 does", () => {
    const r = rule({ freq: "monthly", until: "2027-05-31" });
    expect(occurrenceDays("2027-01-31", r, "2027-01-01", "2027-05-31")).toEqual(["2027-01-31", "2027-03-31", "2027-05-31"]);
  });

  it("gives a one-off event its day only when the range holds it", () => {
    const once = rule({ freq: "none" });
    expect(occurrenceDays("2026-12-05", once, "2026-12-05", "2026-12-05")).toEqual(["2026-12-05"]);
    expect(occurrenceDays("2026-12-05", once, "2026-12-06", "2026-12-31")).toEqual([]);
  });

  it("moves a weekly start to the first weekday the rule names", () => {
    expect(firstOccurrence("2026-12-02", rule({ weekdays: ["SA"], until: "2026-12-31" }))).toBe("2026-12-05");
    expect(firstOccurrence("2026-12-02", rule({ weekdays: ["SA"], until: "2026-12-04" }))).toBeNull();
  });

  it("equals the day-by-day reference on random rules and ranges", () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 400; i++) {
      const start = addDays("2025-01-01", Math.floor(random() * 700));
      const freq = pick(["none", "weekly", "monthly"] as const);
      const weekdays = freq === "weekly" ? WEEKDAYS.filter(() => random() < 0.3) as Weekday[] : [];
      const until = addDays(start, Math.floor(random() * 500));
      const exceptions = Array.from({ length: 3 }, () => addDays(start, Math.floor(random() * 120)));
      const r = rule({ freq, interval: 1 + Math.floor(random() * 3), weekdays, monthlyBy: pick(["day", "weekday"] as const), until: freq === "none" ? null : until, exceptions });
      const from = addDays(start, Math.floor(random() * 400) - 100);
      const to = addDays(from, Math.floor(random() * 92));
      expect(occurrenceDays(start, r, from, to), JSON.stringify({ start, r, from, to })).toEqual(occurrenceDaysPlain(start, r, from, to));
    }
  });
});

describe("time zones", () => {
  it("reads a wall-clock time in the venue's zone, summer time included", () => {
    expect(isoInZone(zonedInstant("2026-12-05", "10:00", "Asia/Shanghai"), "Asia/Shanghai")).toBe("2026-12-05T10:00:00+08:00");
    expect(new Date(zonedInstant("2026-12-05", "10:00", "Asia/Shanghai")).toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(new Date(zonedInstant("2026-07-04", "10:00", "Europe/Monaco")).toISOString()).toBe("2026-07-04T08:00:00.000Z");
    expect(new Date(zonedInstant("2026-10-25", "10:00", "Europe/Monaco")).toISOString()).toBe("2026-10-25T09:00:00.000Z");
    expect(new Date(zonedInstant("2026-03-29", "10:00", "Europe/Monaco")).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    // 02:30 does not exist that night in Monaco: the clock jumps from 02:00 to 03:00.
    expect(isoInZone(zonedInstant("2026-03-29", "02:30", "Europe/Monaco"), "Europe/Monaco")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("takes this weekend on the region's calendar, not the server's", () => {
    // Friday 2026-12-04 20:00 UTC is already Saturday 04:00 in Hengyang.
    const fridayEvening = Date.parse("2026-12-04T20:00:00Z");
    expect(todayIn("Asia/Shanghai", fridayEvening)).toBe("2026-12-05");
    expect(weekendOf(todayIn("Asia/Shanghai", fridayEvening))).toEqual({ from: "2026-12-05", to: "2026-12-06" });
    expect(weekendOf(todayIn("Europe/Monaco", fridayEvening))).toEqual({ from: "2026-12-05", to: "2026-12-06" });
    expect(todayIn("Europe/Monaco", fridayEvening)).toBe("2026-12-04");
    expect(weekendOf("2026-12-06")).toEqual({ from: "2026-12-06", to: "2026-12-06" });
    expect(weekendOf("2026-12-07")).toEqual({ from: "2026-12-12", to: "2026-12-13" });
  });
});
