import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api.ts";
import { inLanguage } from "../../shared/testing/language.ts";
import { durationText, lengthText, routeErrorText, routeLabelText, startText, summaryText } from "./route-format.ts";

describe("route lengths and times", () => {
  it("rounds metres to tens below a kilometre, then gives kilometres", () => {
    expect(lengthText(344)).toBe("340 米");
    expect(lengthText(1520)).toBe("1.5 公里");
    expect(lengthText(12_600)).toBe("13 公里");
    expect(lengthText(-5)).toBe("0 米");
  });

  it("rounds times up to whole minutes, at least one", () => {
    expect(durationText(10)).toBe("约 1 分钟");
    expect(durationText(61)).toBe("约 2 分钟");
    expect(durationText(3900)).toBe("约 1 小时 5 分钟");
    expect(summaryText(1520, 1500)).toBe("1.5 公里 · 约 25 分钟");
  });

  it("speaks English when asked", () => {
    expect(inLanguage("en", () => summaryText(800, 600))).toBe("800 m · about 10 min");
  });
});

describe("route failures in words", () => {
  it("tells a start outside the streets from a city with no streets", () => {
    const outside = new ApiError(422, "outside_region", "outside", "from");
    expect(routeErrorText(outside, true)).toContain("起点不在");
    expect(routeErrorText(outside, false)).toContain("还没有街道数据");
    expect(routeErrorText(new ApiError(422, "no_way_nearby", "x", "to"), true)).toBe("这个地点附近找不到可以走的路。");
  });

  it("falls back to a general failure for anything else", () => {
    expect(routeErrorText(new Error("boom"), true)).toBe(routeErrorText(new ApiError(500, "internal", "x"), true));
  });

  it("names the route choices", () => {
    expect(routeLabelText("shorter")).toBe("更近");
    expect(routeLabelText("safest")).toBe("最安全");
  });
});

describe("where a route starts, in words", () => {
  it("names a searched start and asks for one when there is none, never the map centre", () => {
    expect(startText("searched", "École de la Condamine")).toBe("从“École de la Condamine”出发");
    expect(startText("none")).toBe("从哪里出发？请选一个起点");
    expect(inLanguage("en", () => startText("mine"))).toBe("From your location");
    for (const source of ["mine", "pressed", "searched", "locating", "none"] as const) expect(startText(source, "x")).not.toContain("地图中心");
  });
});
