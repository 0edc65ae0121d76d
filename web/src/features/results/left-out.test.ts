import { describe, expect, it } from "vitest";
import type { PlaceCollection } from "../../shared/api.ts";
import { initialState } from "../../shared/store.ts";
import { inLanguage } from "../../shared/testing/language.ts";
import { includeLabel, includesUnknown, leftOutOf, leftOutText, withUnknown } from "./left-out.ts";

const answer = (leftOut: unknown): PlaceCollection => ({ type: "FeatureCollection", features: [], count: 0, truncated: false, leftOut } as PlaceCollection);

describe("places left out for unknown facts", () => {
  it("reads the counts of an answer, and none when nothing was left out", () => {
    expect(leftOutOf(answer({ total: 12, unknownHours: 12, unknownFacilities: 0 }))).toEqual({ total: 12, unknownHours: 12, unknownFacilities: 0 });
    expect(leftOutOf(answer({ total: 0, unknownHours: 0, unknownFacilities: 0 }))).toBeNull();
    expect(leftOutOf(answer(undefined))).toBeNull();
    expect(leftOutOf(answer({ total: "many" }))).toBeNull();
    expect(leftOutOf(null)).toBeNull();
  });

  it("says why in words, naming what is unknown", () => {
    expect(leftOutText({ total: 12, unknownHours: 12, unknownFacilities: 0 })).toBe("另有 12 个地点营业时间未知，没有列出。");
    expect(leftOutText({ total: 3, unknownHours: 0, unknownFacilities: 3 })).toBe("另有 3 个地点设施未知，没有列出。");
    expect(leftOutText({ total: 5, unknownHours: 4, unknownFacilities: 2 })).toContain("营业时间未知 4 个，设施未知 2 个");
    expect(inLanguage("en", () => leftOutText({ total: 12, unknownHours: 12, unknownFacilities: 0 }))).toBe("12 more places have unknown opening hours and are not listed.");
    expect(includeLabel({ total: 12, unknownHours: 12, unknownFacilities: 0 })).toBe("也显示营业时间未知的地点");
    expect(includeLabel(null)).toBe("也显示营业时间或设施未知的地点");
  });

  it("switches the filter on and off, leaving the others as they were", () => {
    const filters = initialState().filters;
    expect(includesUnknown(filters)).toBe(false);
    const on = withUnknown({ ...filters, openNow: true }, true);
    expect(includesUnknown(on)).toBe(true);
    expect(on.openNow).toBe(true);
    expect(includesUnknown(withUnknown(on, false))).toBe(false);
  });
});
