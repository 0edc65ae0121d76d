/**
 * The guard on text it has never seen: the targets asserted on the held-out sets
 * (personal-information recall >= 0.95, harmful recall >= 0.90, precision >= 0.95), each at
 * the figure it reaches (docs/FAMILIES.md lists the misses by kind). The third set's misses
 * were studied on 2026-12-03 after its first run (structures added, never its texts), so it
 * now guards against regressions like the first; the fair measure is the next blind set. The labelled set, which the rules
 * were tuned and the classifier trained on, only guards against regressions. The sets are
 * never weakened to pass: each must keep its size.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/platform/config.ts";
import {
  HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, LABELLED, baselineGuard, isHarmful, isListed, isPersonal, ourGuard, previousGuard, quality,
} from "./safety-guard.bench.ts";

const ours = ourGuard();
const flagged = (i: { expect: string }) => i.expect !== "pass";

describe("safety guard on the labelled set (training data: regressions only)", () => {
  it("has at least 300 labelled texts of every group", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(300);
    expect(LABELLED.filter(isPersonal).length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter(isListed).length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter((i) => i.kinds.includes("false_friend")).length).toBeGreaterThanOrEqual(40);
  });

  it("stays at the targets and blocks what must be blocked", () => {
    expect(quality(ours, isPersonal).recall).toBeGreaterThanOrEqual(0.98);
    expect(quality(ours, isHarmful).recall).toBeGreaterThanOrEqual(0.95);
    expect(quality(ours, flagged).precision).toBeGreaterThanOrEqual(0.95);
    const mustBlock = LABELLED.filter((i) => i.expect === "block");
    expect(mustBlock.filter((i) => ours(i.text) === "block").length / mustBlock.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe("safety guard on held-out text", () => {
  it("meets every target on the first held-out set", () => {
    expect(HELD_OUT.length).toBe(150);
    expect(quality(ours, isPersonal, HELD_OUT).recall).toBeGreaterThanOrEqual(0.95);
    expect(quality(ours, isHarmful, HELD_OUT).recall).toBeGreaterThanOrEqual(0.9);
    expect(quality(ours, flagged, HELD_OUT).precision).toBeGreaterThanOrEqual(0.97);
  });

  it("meets every target on the second held-out set (precision 0.940 before its false friends were studied)", () => {
    expect(HELD_OUT_2.length).toBe(150);
    expect(quality(ours, isPersonal, HELD_OUT_2).recall).toBeGreaterThanOrEqual(0.95);
    expect(quality(ours, isHarmful, HELD_OUT_2).recall).toBeGreaterThanOrEqual(0.9);
    expect(quality(ours, flagged, HELD_OUT_2).precision).toBeGreaterThanOrEqual(0.99);
  });

  it("keeps the third held-out set as it was frozen before its first run (written blind, 387 texts)", () => {
    const bytes = fs.readFileSync(path.join(REPO_ROOT, "data/safety/held-out-3-texts.json"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("78726a513988f578bd14e34116eaa0d54bc2b670ae527193a7d334a0f00519ad");
  });

  it.skipIf(HELD_OUT_3.length === 0)("meets every target on the third held-out set (0.842 personal recall at its first run; its misses studied since)", () => {
    expect(HELD_OUT_3.length).toBeGreaterThanOrEqual(300);
    const personal = quality(ours, isPersonal, HELD_OUT_3).recall;
    const harmful = quality(ours, isHarmful, HELD_OUT_3).recall;
    expect(personal).toBeGreaterThanOrEqual(0.99);
    expect(harmful).toBeGreaterThanOrEqual(0.99);
    expect(quality(ours, flagged, HELD_OUT_3).precision).toBeGreaterThanOrEqual(0.985);
    for (const peer of [previousGuard(), baselineGuard()]) {
      expect(personal).toBeGreaterThan(quality(peer, isPersonal, HELD_OUT_3).recall);
      expect(harmful).toBeGreaterThan(quality(peer, isHarmful, HELD_OUT_3).recall);
    }
  });

  it("keeps the fourth held-out set as it was frozen before its first run (written blind, 472 texts)", () => {
    const bytes = fs.readFileSync(path.join(REPO_ROOT, "data/safety/held-out-4-texts.json"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("0d60b551759414b504b1ccb1c05296a1cb96d912a3990e62e9573bd539d4176b");
  });

  // First run 2026-12-03, after the issue-18 round: personal 0.850, harmful 0.875 (0.8745), precision 0.982.
  // The recall targets (0.95, 0.90) are not met on this set; the figures it reached are held.
  it.skipIf(HELD_OUT_4.length === 0)("meets precision on the fourth held-out set; personal information reaches 0.850 and harm 0.875, short of 0.95 and 0.90", () => {
    expect(HELD_OUT_4.length).toBe(472);
    const personal = quality(ours, isPersonal, HELD_OUT_4).recall;
    const harmful = quality(ours, isHarmful, HELD_OUT_4).recall;
    expect(personal).toBeGreaterThanOrEqual(0.85);
    expect(harmful).toBeGreaterThanOrEqual(0.874);
    expect(quality(ours, flagged, HELD_OUT_4).precision).toBeGreaterThanOrEqual(0.95);
    for (const peer of [previousGuard(), baselineGuard()]) {
      expect(personal).toBeGreaterThan(quality(peer, isPersonal, HELD_OUT_4).recall);
      expect(harmful).toBeGreaterThan(quality(peer, isHarmful, HELD_OUT_4).recall);
    }
  });
});
