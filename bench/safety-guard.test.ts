/**
 * The guard's quality on the committed labelled set stays at the targets, and
 * beats the plain baseline; the set itself is well formed.
 */
import { describe, expect, it } from "vitest";
import { LABELLED, baselineGuard, isListed, isPersonal, ourGuard, quality } from "./safety-guard.bench.ts";

describe("safety guard on the labelled set", () => {
  const ours = ourGuard();

  it("has at least 300 labelled texts of every group", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(300);
    expect(LABELLED.filter(isPersonal).length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter(isListed).length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter((i) => i.kinds.includes("false_friend")).length).toBeGreaterThanOrEqual(40);
  });

  it("reaches recall 0.98 on personal information and 0.95 on listed words, with precision 0.95", () => {
    expect(quality(ours, isPersonal).recall).toBeGreaterThanOrEqual(0.98);
    expect(quality(ours, isListed).recall).toBeGreaterThanOrEqual(0.95);
    expect(quality(ours, (i) => i.expect !== "pass").precision).toBeGreaterThanOrEqual(0.95);
  });

  it("blocks what must be blocked, not merely holds it", () => {
    const mustBlock = LABELLED.filter((i) => i.expect === "block");
    const blocked = mustBlock.filter((i) => ours(i.text) === "block").length;
    expect(blocked / mustBlock.length).toBeGreaterThanOrEqual(0.95);
  });

  it("does better than substring matching and one regular expression", () => {
    const baseline = baselineGuard();
    expect(quality(ours, isPersonal).recall).toBeGreaterThan(quality(baseline, isPersonal).recall);
    expect(quality(ours, isListed).recall).toBeGreaterThan(quality(baseline, isListed).recall);
  });
});
