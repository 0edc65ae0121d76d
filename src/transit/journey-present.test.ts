import { describe, expect, it } from "vitest";
import { joinWalks } from "./journey-present.ts";
import type { PlanLeg } from "./journey-search.ts";

describe("a journey's legs as a person reads them", () => {
  it("joins a walk straight after a walk into one, and leaves walks around a ride alone", () => {
    const legs: PlanLeg[] = [
      { kind: "walk", from: "origin", to: 3, start: 100, end: 200, metres: 120, streets: true },
      { kind: "ride", pattern: 0, trip: 0, board: 0, alight: 2, start: 300, end: 600 },
      { kind: "walk", from: 7, to: 8, start: 600, end: 660, metres: 60, streets: false },
      { kind: "walk", from: 8, to: "destination", start: 660, end: 900, metres: 250, streets: true },
    ];
    const joined = joinWalks(legs);
    expect(joined.map((l) => l.kind)).toEqual(["walk", "ride", "walk"]);
    expect(joined[2]).toEqual({ kind: "walk", from: 7, to: "destination", start: 600, end: 900, metres: 310, streets: true });
    expect(joined[0]).toBe(legs[0]);
  });
});
