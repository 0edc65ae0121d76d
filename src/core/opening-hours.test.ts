import { describe, expect, it } from "vitest";
import { checkOpeningHours, openStatus, wallClockDate } from "./opening-hours.ts";

describe("opening hours", () => {
  // 2026-11-30 is a Monday. 02:00 UTC is 10:00 in Shanghai and 03:00 in Monaco.
  const mondayMorningUtc = new Date(Date.UTC(2026, 10, 30, 2, 0, 0));

  it("evaluates in the place's own time zone, not the server's", () => {
    const shanghai = openStatus("Mo-Su 08:00-18:00", mondayMorningUtc, "Asia/Shanghai");
    expect(shanghai).toEqual({ state: "open", nextChange: "18:00", nextChangeDate: "2026-11-30" });
    const monaco = openStatus("Mo-Su 08:00-18:00", mondayMorningUtc, "Europe/Monaco");
    expect(monaco.state).toBe("closed");
    expect(monaco.nextChange).toBe("08:00");
  });

  it("knows weekdays and 24/7", () => {
    expect(openStatus("Tu-Su 09:00-17:00", mondayMorningUtc, "Asia/Shanghai").state).toBe("closed");
    expect(openStatus("24/7", mondayMorningUtc, "Asia/Shanghai").state).toBe("open");
  });

  it("says unknown for missing or broken hours instead of guessing", () => {
    expect(openStatus(null, mondayMorningUtc, "Asia/Shanghai").state).toBe("unknown");
    expect(openStatus("whenever", mondayMorningUtc, "Asia/Shanghai").state).toBe("unknown");
  });

  it("reports why a value is invalid", () => {
    expect(checkOpeningHours("Mo-Fr 08:00-12:00")).toBeNull();
    expect(checkOpeningHours("Mo-Fr 25:00-26:00 banana")).toBeTypeOf("string");
  });

  it("builds the wall clock of another zone", () => {
    const local = wallClockDate(mondayMorningUtc, "Asia/Shanghai");
    expect([local.getHours(), local.getMinutes(), local.getDate()]).toEqual([10, 0, 30]);
  });
});
