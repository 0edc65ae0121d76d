import { describe, expect, it } from "vitest";
import { factsLine, filtersFromSearch, guidesSearch, legText, moved, NO_FILTERS } from "./guide-format.ts";

describe("the guides list's query", () => {
  it("names the contract's parameters and leaves out what is not chosen", () => {
    expect(guidesSearch(NO_FILTERS)).toBe("");
    expect(guidesSearch({ age: 6, theme: "nature", maxMinutes: 120, kind: "study", near: [112.57, 26.89] })).toBe("?age=6&theme=nature&max_minutes=120&kind=study&near=26.89000%2C112.57000");
  });

  it("reads a shared link's filters and ignores nonsense", () => {
    expect(filtersFromSearch("?age=6&theme=nature&max_minutes=120&kind=tour")).toEqual({ age: 6, theme: "nature", maxMinutes: 120, kind: "tour", near: null });
    expect(filtersFromSearch("?age=99&theme=shopping&kind=x&max_minutes=abc")).toEqual(NO_FILTERS);
  });
});

describe("a guide in words", () => {
  it("says its facts in either language", () => {
    const g = { kind: "study", theme: "red-culture", ageMin: 9, ageMax: 14, minutes: 240, cost: "free" } as const;
    expect(factsLine(g, "zh")).toBe("研学线路 · 红色文化故事线 · 9–14 岁 · 约 240 分钟 · 免费");
    expect(factsLine(g, "en")).toBe("Study route · Red culture story line · ages 9–14 · about 240 min · Free");
  });

  it("says how a leg is travelled", () => {
    const leg = (mode: "walk" | "bus", lines: string[] = []) => ({ type: "Feature", geometry: { type: "LineString", coordinates: [] }, properties: { from: 0, to: 1, mode, distanceM: 420, durationS: 400, lines } }) as const;
    expect(legText(leg("walk") as never, "zh")).toBe("步行 420 米，约 7 分钟");
    expect(legText(leg("bus", ["1路", "K2"]) as never, "en")).toBe("Bus (1路, K2), about 7 min");
  });

  it("moves a stop up or down, not past the ends", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
