import { describe, expect, it } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { contrast } from "../../shared/colors.ts";
import {
  WALK_COLOUR, badgeColours, clockText, departText, headwayText, journeyDrawing, journeyPath, journeySummary, localInputValue,
  noJourneyText, timesText, transfersText, transitJourneys,
} from "./journey-format.ts";
import { journey, line, ride } from "./journey-testing.ts";

describe("journey times in words", () => {
  it("reads the clock time of the region from an answer's time", () => {
    expect(clockText("2026-12-03T08:05:00+08:00")).toBe("08:05");
    expect(clockText("2026-12-03T23:59:00Z")).toBe("23:59");
    expect(clockText("soon")).toBe("");
    expect(timesText(journey())).toBe("08:30–08:55");
  });

  it("says how often a line runs, and that an estimate is one", () => {
    expect(headwayText({ headwayS: 600, estimated: true })).toBe("约每 10 分钟一班（估计）");
    expect(headwayText({ headwayS: 450, estimated: false })).toBe("每 8 分钟左右一班");
    expect(inLanguage("en", () => headwayText({ headwayS: 600, estimated: true }))).toBe("About every 10 min (estimate)");
  });

  it("sums a journey up: time, changes, walking", () => {
    expect(journeySummary(journey())).toBe("约 25 分钟 · 不用换乘 · 步行 640 米");
    expect(journeySummary(journey({ transfers: 2 }))).toBe("约 25 分钟 · 换乘 2 次 · 步行 640 米");
    expect(inLanguage("en", () => journeySummary(journey({ transfers: 1 })))).toBe("about 25 min · 1 change · 640 m on foot");
    expect(transfersText(1)).toBe("换乘 1 次");
  });

  it("keeps the transit journeys, earliest arrival first, fewer changes first on a tie", () => {
    const late = journey({ arrival: "2026-12-03T09:10:00+08:00" });
    const twoChanges = journey({ transfers: 2 });
    const walking = journey({ kind: "walk", arrival: "2026-12-03T08:40:00+08:00" });
    const answer = { region: "nanjing", timeZone: "Asia/Shanghai", profile: "child-walk" as const, noJourney: null, journeys: [late, twoChanges, walking, journey()] };
    const sorted = transitJourneys(answer);
    expect(sorted.map((j) => [j.arrival.slice(11, 16), j.transfers])).toEqual([["08:55", 0], ["08:55", 2], ["09:10", 0]]);
    expect(transitJourneys(null)).toEqual([]);
  });

  it("explains each reason there is no bus journey, and falls back to the server's words", () => {
    expect(noJourneyText({ reason: "no_transit_data", message: "x" })).toContain("还没有公交数据");
    expect(noJourneyText({ reason: "walking_is_better", message: "x" })).toContain("走过去更快");
    expect(noJourneyText({ reason: "something_new" as "no_connection", message: "服务器的话" })).toBe("服务器的话");
  });
});

describe("the departure time", () => {
  it("shows a moment as the region's local time, the form /api/journey reads", () => {
    const moment = new Date("2026-12-03T00:30:00Z");
    expect(localInputValue(moment, "Asia/Shanghai")).toBe("2026-12-03T08:30");
    expect(localInputValue(moment, "Europe/Monaco")).toBe("2026-12-03T01:30");
    expect(localInputValue(new Date("2026-12-02T16:05:00Z"), "Asia/Shanghai")).toBe("2026-12-03T00:05");
  });

  it("says now, a time today, tomorrow, or a day and time", () => {
    expect(departText(null, "2026-12-03T08:30")).toBe("现在出发");
    expect(departText("2026-12-03T09:15", "2026-12-03T08:30")).toBe("09:15 出发");
    expect(departText("2026-12-04T07:40", "2026-12-03T08:30")).toBe("明天 07:40 出发");
    expect(departText("2027-01-01T07:40", "2026-12-31T23:30")).toBe("明天 07:40 出发");
    expect(departText("2026-12-06T07:40", "2026-12-03T08:30")).toBe("2026-12-06 07:40 出发");
    expect(inLanguage("en", () => departText("2026-12-04T07:40", "2026-12-03T08:30"))).toBe("Leaving tomorrow at 07:40");
    expect(inLanguage("en", () => departText("2026-12-03T09:15", "2026-12-03T08:30"))).toBe("Leaving at 09:15");
  });
});

describe("line badges", () => {
  it("keeps a line's colours when its text reads well on them", () => {
    expect(badgeColours(line())).toEqual({ background: "#e4002b", color: "#ffffff" });
  });

  it("makes every badge readable: pale lines get dark text or a darker colour, bad colours a default", () => {
    for (const colours of [{ colour: "#ffd43b", textColour: "#ffffff" }, { colour: "#74c0fc", textColour: "#ffffff" }, { colour: "red", textColour: "#fff" }, { colour: "#2f9e44", textColour: "#2f9e44" }]) {
      const badge = badgeColours(colours);
      expect(contrast(badge.background, badge.color), JSON.stringify(colours)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("a journey on the map", () => {
  it("draws walking legs dashed and rides solid in the line's colour, with the stops and the end", () => {
    const drawing = journeyDrawing(journey());
    expect(drawing.lines.map((l) => [l.dashed, l.colour])).toEqual([[true, WALK_COLOUR], [false, "#e4002b"], [true, WALK_COLOUR]]);
    expect(drawing.stops.map((s) => s.name)).toEqual(["新街口", "大行宫"]);
    expect(drawing.end).toEqual([118.795, 32.043]);
  });

  it("draws a leg without a path as the straight line between its ends", () => {
    const bare = journey({ legs: [ride([118.78, 32.041], [118.79, 32.042], { coordinates: [] })] });
    expect(journeyDrawing(bare).lines[0]!.coordinates).toEqual([[118.78, 32.041], [118.79, 32.042]]);
  });

  it("joins the legs in order for a map that draws one line", () => {
    const path = journeyPath(journey());
    expect(path[0]).toEqual([118.77, 32.04]);
    expect(path.at(-1)).toEqual([118.795, 32.043]);
    expect(path).toHaveLength(3 + 2 + 3);
  });
});
