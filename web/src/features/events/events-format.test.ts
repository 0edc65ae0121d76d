/** The events page's words and month grid: prices, a month laid out from Monday, days grouped. */
import { describe, expect, it } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { byDay, monthRange, monthWeeks, occurrenceText, priceText, shiftMonth } from "./events-format.ts";

describe("events in words", () => {
  it("says the price in both languages", () => {
    expect(priceText({ price: "free", priceYuan: null })).toBe("免费");
    expect(priceText({ price: "low", priceYuan: 10 })).toBe("低收费 ¥10");
    inLanguage("en", () => {
      expect(priceText({ price: "low", priceYuan: 10 })).toBe("Low cost ¥10");
      expect(priceText({ price: "paid", priceYuan: null })).toBe("Paid");
    });
  });

  it("gives the hours in the venue's time zone", () => {
    // 02:00 UTC is 10:00 in Hengyang, whatever the machine's own zone.
    expect(inLanguage("en", () => occurrenceText({ start: "2026-12-05T02:00:00Z", end: "2026-12-05T03:30:00Z" }, "Asia/Shanghai"))).toMatch(/Sat.*10:00–11:30$/);
  });
});

describe("the month grid", () => {
  it("lays December 2026 out from Monday, with its 31 days", () => {
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthRange(2027, 2)).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2027, 1, -1)).toEqual({ year: 2026, month: 12 });
  });

  it("groups occurrences by day in order", () => {
    expect(byDay([{ date: "a" }, { date: "a" }, { date: "b" }]).map((g) => [g.date, g.items.length])).toEqual([["a", 2], ["b", 1]]);
  });
});
