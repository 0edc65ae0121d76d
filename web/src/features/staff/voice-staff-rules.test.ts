import { describe, expect, it } from "vitest";
import { nextAnswers, pollSuggestion, pollSuggestionHash } from "./voice-staff-rules.ts";

describe("a unit's next answers", () => {
  it("offers only forward steps, allowing a skip, and nothing before triage or after the end", () => {
    expect(nextAnswers("new")).toEqual([]);
    expect(nextAnswers("sent")).toEqual(["received", "under_study", "accepted", "in_progress", "done", "not_adopted"]);
    expect(nextAnswers("under_study")).toEqual(["under_study", "accepted", "in_progress", "done", "not_adopted"]);
    expect(nextAnswers("in_progress")).toEqual(["in_progress", "done"]);
    for (const end of ["done", "not_adopted", "merged"] as const) expect(nextAnswers(end)).toEqual([]);
  });
});

describe("a poll started from a coverage suggestion", () => {
  it("carries the suggested site in the staff hash and back", () => {
    const hash = pollSuggestionHash({ lat: 26.8968, lon: 112.572, kind: "playground", minutes: 10 });
    expect(hash.startsWith("#polls?")).toBe(true);
    expect(pollSuggestion(hash)).toEqual({ lat: 26.8968, lon: 112.572, kind: "playground", minutes: 10 });
  });

  it("ignores a hash without a valid position and drops a kind or minutes it cannot use", () => {
    expect(pollSuggestion("#polls")).toBeNull();
    expect(pollSuggestion("#polls?lat=95&lon=10")).toBeNull();
    expect(pollSuggestion("#polls?lat=26.9&lon=112.5&kind=<b>&minutes=600")).toEqual({ lat: 26.9, lon: 112.5, kind: null, minutes: null });
  });
});
