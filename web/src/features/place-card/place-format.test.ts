import { describe, expect, it } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { ageRangeText, dateText, demonstrationText, licenceText, openStatusText, sourceText, todayIn } from "./place-format.ts";

describe("place card words", () => {
  it("gives the age range however much of it is known", () => {
    expect(ageRangeText({ ageMin: 3, ageMax: 12 })).toBe("3–12 岁");
    expect(ageRangeText({ ageMin: 6, ageMax: null })).toBe("6 岁以上");
    expect(ageRangeText({ ageMin: null, ageMax: 6 })).toBe("6 岁以下");
    expect(ageRangeText({ ageMin: null, ageMax: null })).toBe("未注明年龄限制");
    expect(inLanguage("en", () => ageRangeText({ ageMin: 3, ageMax: 12 }))).toBe("3–12 years");
  });

  it("says when a place closes, and when it opens only if that is today", () => {
    expect(openStatusText({ state: "open", nextChange: "18:00", nextChangeDate: "2026-05-01" }, "2026-05-01")).toBe("营业中 · 18:00 关门");
    expect(openStatusText({ state: "closed", nextChange: "09:00", nextChangeDate: "2026-05-01" }, "2026-05-01")).toBe("已关门 · 09:00 开门");
    expect(openStatusText({ state: "closed", nextChange: "09:00", nextChangeDate: "2026-05-02" }, "2026-05-01")).toBe("已关门");
  });

  it("names a demonstration site's type and year", () => {
    expect(demonstrationText({ demonstration: { type: "park", year: 2023 } })).toBe("儿童友好公园 · 2023 年");
    expect(demonstrationText({ demonstration: null })).toBeNull();
  });

  it("takes today's date on the place's own calendar", () => {
    const lateUtc = new Date("2026-05-01T20:00:00Z");
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2026-05-02");
    expect(todayIn("Europe/Monaco", lateUtc)).toBe("2026-05-01");
    expect(todayIn("Not/AZone", lateUtc)).toBe("2026-05-01");
  });

  it("writes dates in the current language and leaves a bad one as it came", () => {
    expect(dateText("2024-05-01T08:00:00Z")).toBe("2024年5月1日");
    expect(inLanguage("en", () => dateText("2024-05-01T08:00:00Z"))).toBe("1 May 2024");
    expect(dateText("soon")).toBe("soon");
  });
});

describe("unknown facts and the data's licence", () => {
  it("says opening hours are unknown, never closed", () => {
    expect(openStatusText({ state: "unknown", nextChange: null, nextChangeDate: null }, "2026-05-01")).toBe("营业时间未知");
    expect(inLanguage("en", () => openStatusText({ state: "unknown", nextChange: null, nextChangeDate: null }, "2026-05-01"))).toBe("Opening hours unknown");
  });

  it("gives the licence in words, never a path in the repository", () => {
    expect(licenceText("see data/regions/hengyang/README.md")).toBe("见该城市的数据说明");
    expect(licenceText("see data/regions/hengyang/README.md")).not.toMatch(/README|data\//);
    expect(licenceText("ODbL 1.0")).toMatch(/开放数据库许可/);
    expect(inLanguage("en", () => licenceText("ODbL 1.0"))).toMatch(/OpenStreetMap contributors/);
    expect(licenceText("provided by the city")).toBe("由城市提供");
    expect(licenceText("政府公开文件 / public government document")).toBe("政府公开文件");
    expect(inLanguage("en", () => licenceText("政府公开文件 / public government document"))).toBe("public government document");
    expect(sourceText("Tongxing data/regions/hengyang")).not.toMatch(/data\/regions/);
    expect(sourceText("OpenStreetMap")).toBe("OpenStreetMap");
  });
});
