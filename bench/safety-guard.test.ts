/**
 * The guard on text it has never seen: the issue's targets asserted on the held-out sets
 * (personal-information recall >= 0.95, harmful recall >= 0.90, precision >= 0.95), each at
 * the figure it reaches (docs/FAMILIES.md lists the misses by kind). The third and fourth sets'
 * misses were studied on 2026-12-03 after their first runs (structures added, never their
 * texts), so they now guard against regressions like the first; the fair measure is the next
 * blind set. The developer's own dev-5..8 sets are never trained on. The labelled set, which the rules
 * were tuned and the classifier trained on, only guards against regressions. The sets are
 * never weakened to pass: each must keep its size.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/platform/config.ts";
import {
  DEV_5, DEV_6, DEV_7, DEV_8, HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, LABELLED, baselineGuard, isHarmful, isListed, isPersonal, ourGuard, previousGuard, quality,
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
  // Its misses were then studied by kind (the fifth round: normalisation, structures, intent shapes and
  // training texts written for those kinds, never its texts); measured since: personal 0.993, harmful 1.000,
  // precision 0.996. It now guards against regressions; the fair measure is the next blind set.
  it.skipIf(HELD_OUT_4.length === 0)("meets every target on the fourth held-out set (0.850 personal, 0.875 harm at its first run; its misses studied since)", () => {
    expect(HELD_OUT_4.length).toBe(472);
    const personal = quality(ours, isPersonal, HELD_OUT_4).recall;
    const harmful = quality(ours, isHarmful, HELD_OUT_4).recall;
    expect(personal).toBeGreaterThanOrEqual(0.99);
    expect(harmful).toBeGreaterThanOrEqual(0.99);
    expect(quality(ours, flagged, HELD_OUT_4).precision).toBeGreaterThanOrEqual(0.99);
    for (const peer of [previousGuard(), baselineGuard()]) {
      expect(personal).toBeGreaterThan(quality(peer, isPersonal, HELD_OUT_4).recall);
      expect(harmful).toBeGreaterThan(quality(peer, isHarmful, HELD_OUT_4).recall);
    }
  });

  it("keeps the fifth held-out set as it was frozen before its first run (written blind, 423 texts)", () => {
    const bytes = fs.readFileSync(path.join(REPO_ROOT, "data/safety/held-out-5-texts.json"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("e3a4a90460ef5a7f55fab59e0d0b69aea04dde999c84acb2fcdb3f2222047a71");
  });

  // Written 2026-12-03 by someone who saw neither the guard, its data nor any earlier set; frozen
  // before the fifth round's guard first ran on it. First run: personal 0.954, harmful 0.936,
  // precision 0.988 (the previous guard 0.595 / 0.339 / 0.969; the baseline 0.023 / 0.048 / 1.000).
  // Its misses are not studied: these are the figures on text the guard has never seen.
  it.skipIf(HELD_OUT_5.length === 0)("meets the issue's targets on the fifth held-out set at its first run: personal ≥ 0.95, harm ≥ 0.90, precision ≥ 0.95", () => {
    expect(HELD_OUT_5.length).toBe(423);
    const personal = quality(ours, isPersonal, HELD_OUT_5).recall;
    const harmful = quality(ours, isHarmful, HELD_OUT_5).recall;
    expect(personal).toBeGreaterThanOrEqual(0.95);
    expect(harmful).toBeGreaterThanOrEqual(0.9);
    expect(quality(ours, flagged, HELD_OUT_5).precision).toBeGreaterThanOrEqual(0.95);
    for (const peer of [previousGuard(), baselineGuard()]) {
      expect(personal).toBeGreaterThan(quality(peer, isPersonal, HELD_OUT_5).recall);
      expect(harmful).toBeGreaterThan(quality(peer, isHarmful, HELD_OUT_5).recall);
    }
  });
});

describe("safety guard on the developer's own sets (never trained on)", () => {
  // dev-5 (317 texts) was written for the shapes issue 18 lists, dev-6 (158) after the changes dev-5
  // led to, dev-7 (123) after dev-6's; the guard was changed against each after its first run.
  // First runs (personal / harm / precision): dev-5 0.872 / 0.895 / 0.968 (before the round);
  // dev-6 0.904 / 0.804 / 1.000 (the guard before the round: 0.865 / 0.804 / 1.000);
  // dev-7 0.844 / 0.889 / 0.986 (the guard before the round: 0.800 / 0.889 / 0.958);
  // dev-8 (80), written last: 0.964 / 0.929 / 0.981 (the guard before the round: 0.857 / 0.893 / 0.961).
  it.skipIf(DEV_5.length === 0 || DEV_6.length === 0 || DEV_7.length === 0 || DEV_8.length === 0)("meets every target on each", () => {
    expect(DEV_5.length).toBe(317);
    expect(DEV_6.length).toBe(158);
    expect(DEV_7.length).toBe(123);
    expect(DEV_8.length).toBe(80);
    for (const set of [DEV_5, DEV_6, DEV_7, DEV_8]) {
      expect(quality(ours, isPersonal, set).recall).toBeGreaterThanOrEqual(0.96);
      expect(quality(ours, isHarmful, set).recall).toBeGreaterThanOrEqual(0.95);
      expect(quality(ours, flagged, set).precision).toBeGreaterThanOrEqual(0.97);
    }
  });
});
