import { describe, expect, it } from "vitest";
import { percent, shareChange, walkWidth, worstFirst } from "./school-figures.ts";
import type { SchoolSummary } from "./schoolroutes-api.ts";

const school = (id: string, safeShare: number | null, homes: number, areaM2 = 1000): SchoolSummary => ({
  id, name: id, kind: "primary", position: [0, 0], gates: [], district: null, onNetwork: true, homes, areaM2, safeShare,
  medianMetres: null, maxMetres: null, crossings: { signals: 0, zebra: 0, unmarked: 0, none: 0 }, cameraShare: null, catchment: "nearest",
});

describe("school-route figures", () => {
  it("writes shares as percentages and nothing as a dash", () => {
    expect(percent(0.4567)).toBe("45.7%");
    expect(percent(1)).toBe("100%");
    expect(percent(null)).toBe("—");
  });

  it("reports a what-if's change in points, and none when nothing moved", () => {
    expect(shareChange(0.5, 0.625)).toBe(12.5);
    expect(shareChange(0.5, 0.50001)).toBeNull();
    expect(shareChange(null, 0.5)).toBeNull();
  });

  it("puts the least safe school with walkers first, schools nobody walks to last", () => {
    const order = worstFirst([school("a", 0.9, 10), school("empty", null, 0), school("b", 0.2, 5), school("c", 0.2, 5, 5000)]).map((s) => s.id);
    expect(order).toEqual(["c", "b", "a", "empty"]);
  });

  it("draws busier walks wider, within bounds", () => {
    expect(walkWidth(0, 100)).toBe(1.5);
    expect(walkWidth(100, 100)).toBe(10);
    expect(walkWidth(25, 100)).toBeGreaterThan(walkWidth(4, 100));
    expect(walkWidth(500, 100)).toBe(10);
  });
});
