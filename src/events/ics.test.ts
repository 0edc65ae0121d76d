/**
 * Calendar files: every line at most 75 octets (folded without splitting a character), CRLF,
 * text escaped so it reads back the same, and an independent parser (ical.js) reads the
 * file and expands each repeating event to the same instants as our own expansion, across
 * summer time in Monaco and in Beijing time, exceptions and cancellations included.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Weekday } from "../core/api/events-vocabulary.ts";
import { type CalendarEntry, calendarText, escapeText, foldLine } from "./ics.ts";
import { type Recurrence, occurrenceDays } from "./recurrence.ts";
import { addDays, zonedInstant } from "./zoned-time.ts";

const LONG = "周末亲子阅读会：绘本《小蝌蚪找妈妈》共读，手工、朗读，适合4到8岁的孩子；家长陪同, 名额有限\n请提前十分钟到场。".repeat(3);

function entry(over: Partial<Omit<CalendarEntry, "rule">> & { rule?: Partial<Recurrence> }): CalendarEntry {
  const { rule, ...rest } = over;
  return {
    uid: "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23@tongxing",
    changedAt: "2026-12-01T08:00:00.000Z",
    sequence: 2,
    startDate: "2026-12-05",
    startTime: "10:00",
    endTime: "11:30",
    timeZone: "Asia/Shanghai",
    rule: { freq: "none", interval: 1, weekdays: [], monthlyBy: "day", until: null, exceptions: [], ...rule },
    summary: "亲子阅读会; 绘本, 手工\\朗读",
    description: LONG,
    location: "衡阳市少年儿童图书馆，蒸湘区",
    geo: [26.8930, 112.5720],
    url: "https://example.org/events.html?event=1",
    categories: ["阅读推广"],
    cancelled: false,
    ...rest,
  };
}

/** Every start ical.js expands from the file's first VEVENT, as UTC instants, up to `limit`. */
function icalStarts(text: string, limit = 500): { starts: number[]; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  const iterator = event.iterator();
  const starts: number[] = [];
  for (let next = iterator.next(); next && starts.length < limit; next = iterator.next()) starts.push(next.toJSDate().getTime());
  return { starts, event };
}

describe("calendar files", () => {
  it("folds at 75 octets on character boundaries and ends lines with CRLF", () => {
    const text = calendarText("衡阳市少年儿童图书馆 · 活动", [entry({})]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(foldLine("a".repeat(80))).toBe(`${"a".repeat(75)}\r\n ${"a".repeat(5)}`);
    for (const piece of foldLine(`X:${"阅".repeat(40)}`).split("\r\n")) expect(piece.replace(/^ /, "")).toMatch(/^(X:)?阅+$/u);
  });

  it("escapes text so that a parser reads back what was written", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const { event } = icalStarts(calendarText("馆", [entry({})]));
    expect(event.summary).toBe("亲子阅读会; 绘本, 手工\\朗读");
    expect(event.description).toBe(LONG);
    expect(event.location).toBe("衡阳市少年儿童图书馆，蒸湘区");
    expect(event.uid).toBe("3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23@tongxing");
  });

  it("writes the start with its zone, and a one-off event once", () => {
    const text = calendarText("馆", [entry({})]);
    expect(text).toContain("DTSTART;TZID=Asia/Shanghai:20261205T100000");
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai");
    expect(text).toMatch(/DTSTAMP:20261201T080000Z/);
    expect(icalStarts(text).starts).toEqual([Date.parse("2026-12-05T02:00:00Z")]);
  });

  it("repeats as our own expansion does, across summer time and with exceptions", () => {
    const cases: Array<{ zone: string; start: string; rule: Partial<Recurrence> }> = [
      { zone: "Europe/Monaco", start: "2026-03-07", rule: { freq: "weekly", weekdays: ["SA", "SU"] as Weekday[], until: "2026-11-30", exceptions: ["2026-04-04", "2026-10-25"] } },
      { zone: "Europe/Monaco", start: "2026-01-10", rule: { freq: "monthly", monthlyBy: "weekday", interval: 2, until: "2027-12-31" } },
      { zone: "Asia/Shanghai", start: "2026-01-31", rule: { freq: "monthly", monthlyBy: "day", until: "2027-01-31", exceptions: ["2026-03-31"] } },
      { zone: "Asia/Shanghai", start: "2026-12-05", rule: { freq: "weekly", interval: 3, weekdays: ["SA", "TU"] as Weekday[], until: "2027-06-30" } },
    ];
    for (const c of cases) {
      const e = entry({ startDate: c.start, timeZone: c.zone, rule: c.rule });
      const ours = occurrenceDays(e.startDate, e.rule, e.startDate, e.rule.until!).map((d) => zonedInstant(d, e.startTime, e.timeZone));
      expect(ours.length, c.zone).toBeGreaterThan(3);
      expect(icalStarts(calendarText("馆", [e])).starts, JSON.stringify(c)).toEqual(ours);
    }
  });

  it("marks a cancelled event and keeps several events in one calendar", () => {
    const text = calendarText("馆", [entry({ cancelled: true }), entry({ uid: "other@tongxing", startDate: addDays("2026-12-05", 7) })]);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.map((e) => e.getFirstPropertyValue("status"))).toEqual(["CANCELLED", "CONFIRMED"]);
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(1);
  });
});
