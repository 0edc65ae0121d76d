import { describe, expect, it } from "vitest";
import { AGE_BANDS } from "../../../../src/core/api/councils-vocabulary.ts";
import { bandsVoted, defaultClosing, optionResults } from "./poll-format.ts";
import type { Poll } from "./polls-api.ts";

const zero = { under6: 0, "6-8": 0, "9-11": 0, "12-14": 0, "15-17": 0 };
const options = [{ id: "a", label: "滑梯", icon: "slide", image: null }, { id: "b", label: "秋千", icon: "swing", image: null }, { id: "c", label: "沙池", icon: "sandpit", image: null }] as Poll["options"];

function results(votes: Record<string, number>): Poll["results"] {
  const total = Object.values(votes).reduce((a, b) => a + b, 0);
  return { total, byBand: { ...zero, "6-8": total }, options: Object.entries(votes).map(([optionId, n]) => ({ optionId, total: n, byBand: { ...zero, "6-8": n } })) };
}

describe("poll results in pictures", () => {
  it("gives each option its share and marks the favourite", () => {
    const rows = optionResults({ options, results: results({ a: 3, b: 1 }) });
    expect(rows.map((r) => [r.optionId, r.votes, r.share, r.favourite])).toEqual([["a", 3, 0.75, true], ["b", 1, 0.25, false], ["c", 0, 0, false]]);
  });

  it("marks every tied favourite, and none when nobody voted", () => {
    expect(optionResults({ options, results: results({ a: 2, b: 2, c: 1 }) }).filter((r) => r.favourite).map((r) => r.optionId)).toEqual(["a", "b"]);
    expect(optionResults({ options, results: results({}) }).some((r) => r.favourite)).toBe(false);
    expect(optionResults({ options, results: null }).every((r) => r.votes === 0 && r.share === 0)).toBe(true);
  });

  it("lists only the age bands that voted, youngest first", () => {
    expect(bandsVoted({ results: results({ a: 2 }) }, AGE_BANDS)).toEqual([{ band: "6-8", votes: 2 }]);
    expect(bandsVoted({ results: null }, AGE_BANDS)).toEqual([]);
  });

  it("closes a new poll two weeks later at eight in the evening", () => {
    expect(defaultClosing(new Date(2026, 11, 2, 9, 30))).toBe("2026-12-16T20:00");
  });
});
