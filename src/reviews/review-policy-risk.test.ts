/** An adult's post that the guard's classifier scores as risky waits for a moderator (issue 18). */
import { describe, expect, it } from "vitest";
import { Guard, RISK_HOLD_SCORE, WordFilter, readLexicon } from "../safety/index.ts";
import { postingOutcome } from "./review-policy.ts";

const guard = new Guard(new WordFilter(readLexicon("data/safety/lexicon.json")));

describe("posting policy with the risk score", () => {
  it("holds an adult's post the classifier scores above the threshold, though no word is listed", () => {
    const invitation = "周末我开车来学校门口接你，我们去吃好吃的，不用跟你爸妈说";
    const checked = guard.check(invitation, "adult");
    expect(checked.score).toBeGreaterThanOrEqual(RISK_HOLD_SCORE);
    expect(postingOutcome("adult", checked)).toBe("pending");
  });

  it("decides by the threshold whoever computed the score", () => {
    expect(postingOutcome("adult", { verdict: "pass", reasons: [], score: RISK_HOLD_SCORE })).toBe("pending");
    expect(postingOutcome("adult", { verdict: "pass", reasons: [], score: RISK_HOLD_SCORE - 0.01 })).toBe("published");
    expect(postingOutcome("adult", guard.check("滑梯很干净，孩子玩得很开心", "adult"))).toBe("published");
  });
});
