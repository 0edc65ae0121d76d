/**
 * The zone clock's cached offsets (by quarter hour) against Intl itself, every 7 min 13 s
 * across the days a zone changes its clocks: Monaco (an hour), Lord Howe (half an hour),
 * New York, and zones a quarter or half hour off the hour (Kathmandu, St John's).
 */
import { describe, expect, it } from "vitest";
import { instantOf, isoIn, serviceTimeOf } from "./clock.ts";

/** "2026-03-29T02:00:00+02:00" straight from Intl (the slow way the cache stands for). */
function reference(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const o: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== "literal") o[p.type] = Number(p.value);
  const off = Math.round((Date.UTC(o.year!, o.month! - 1, o.day!, o.hour! % 24, o.minute!, o.second!) - Math.floor(ms / 1000) * 1000) / 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${o.year}-${two(o.month!)}-${two(o.day!)}T${two(o.hour! % 24)}:${two(o.minute!)}:${two(o.second!)}${off < 0 ? "-" : "+"}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}`;
}

const CHANGES: Array<[string, number]> = [
  ["Europe/Monaco", Date.UTC(2026, 2, 28)], ["Europe/Monaco", Date.UTC(2026, 9, 24)],
  ["Australia/Lord_Howe", Date.UTC(2026, 3, 4)], ["Australia/Lord_Howe", Date.UTC(2026, 9, 3)],
  ["America/New_York", Date.UTC(2026, 2, 7)], ["America/St_Johns", Date.UTC(2026, 10, 1)],
  ["Asia/Kathmandu", Date.UTC(2026, 5, 1)], ["Asia/Shanghai", Date.UTC(2026, 9, 15)],
];

describe("zone clock", () => {
  it("writes every instant around clock changes as Intl does", () => {
    let checked = 0;
    for (const [zone, from] of CHANGES) {
      for (let ms = from; ms < from + 3 * 86_400_000; ms += 433_000) {
        expect([zone, ms, isoIn(ms, zone)]).toEqual([zone, ms, reference(ms, zone)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it("turns service times into instants and back on a clock-change day", () => {
    // 29 March 2026 in Monaco has no 02:00-03:00; GTFS counts from noon minus 12 h, so 08:00 is 08:00 CEST.
    const at = instantOf(20260329, 8 * 3600, "Europe/Monaco");
    expect(isoIn(at, "Europe/Monaco")).toBe("2026-03-29T08:00:00+02:00");
    expect(serviceTimeOf(at, "Europe/Monaco")).toEqual({ date: 20260329, seconds: 8 * 3600 });
  });
});
