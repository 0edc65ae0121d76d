import { describe, expect, it } from "vitest";
import { inLanguage } from "../testing/language.ts";
import { stateText, taskStatusText, timeText } from "./report-badges.ts";

describe("report states in words", () => {
  it("names each state, and a report not yet started", () => {
    expect(stateText("returned")).toBe("已退回");
    expect(stateText(null)).toBe("未填报");
    expect(inLanguage("en", () => stateText("submitted"))).toBe("Submitted");
  });

  it("names a task status", () => {
    expect(taskStatusText("at_risk")).toBe("有风险");
    expect(inLanguage("en", () => taskStatusText("on_track"))).toBe("On track");
  });

  it("writes times, leaving a missing one empty and a bad one as it came", () => {
    expect(timeText(null)).toBe("");
    expect(timeText("later")).toBe("later");
    expect(timeText("2026-05-01T08:00:00Z")).toMatch(/2026/);
  });
});
