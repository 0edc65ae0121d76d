import { describe, expect, it } from "vitest";
import type { Rubric } from "./site-api.ts";
import { liveScore, parseScore, suggestedSiteType } from "./site-score.ts";

const criterion = (id: string, maxScore: number, required = false): Rubric["criteria"][number] => ({ id, text: id, textEn: id, maxScore, basis: "task:21", required });

const rubric: Rubric = {
  siteType: "park",
  title: "儿童友好公园",
  titleEn: "Child-friendly park",
  taskNumber: 21,
  feeds: {},
  criteria: [criterion("safe-surface", 40, true), criterion("shade", 30), criterion("toilets", 30)],
};

describe("site assessment scores as typed", () => {
  it("accepts whole numbers from 0 to the top score only", () => {
    const shade = criterion("shade", 30);
    expect(parseScore(" 12 ", shade)).toBe(12);
    expect(parseScore("0", shade)).toBe(0);
    expect(parseScore("", shade)).toBe("missing");
    expect(parseScore("31", shade)).toBe("invalid");
    expect(parseScore("2.5", shade)).toBe("invalid");
    expect(parseScore("-1", shade)).toBe("invalid");
    expect(parseScore("abc", shade)).toBe("invalid");
  });

  it("gives no verdict until every criterion has a valid score", () => {
    const score = liveScore(rubric, 60, new Map([["safe-surface", "40"], ["shade", "99"]]));
    expect(score).toMatchObject({ total: 40, scored: 1, count: 3, passed: null, reachesPassMark: false });
    expect(score.missing.map((c) => c.id)).toEqual(["toilets"]);
    expect(score.invalid.map((c) => c.id)).toEqual(["shade"]);
  });

  it("passes at the pass mark, and fails whatever the total when a safety item scores zero", () => {
    expect(liveScore(rubric, 60, new Map([["safe-surface", "30"], ["shade", "15"], ["toilets", "15"]])).passed).toBe(true);
    const unsafe = liveScore(rubric, 60, new Map([["safe-surface", "0"], ["shade", "30"], ["toilets", "30"]]));
    expect(unsafe).toMatchObject({ total: 60, reachesPassMark: true, passed: false });
    expect(unsafe.failedRequired.map((c) => c.id)).toEqual(["safe-surface"]);
  });

  it("starts from the certified type, else the one the place's kind suggests", () => {
    expect(suggestedSiteType({ kind: "playground", demonstration: null })).toBe("park");
    expect(suggestedSiteType({ kind: "playground", demonstration: { type: "community" } })).toBe("community");
    expect(suggestedSiteType({ kind: "cafe", demonstration: null })).toBeNull();
  });
});
