/**
 * The committed classifier (data/safety/guard-model.json) is exactly what
 * scripts/train-guard.ts makes from the committed data: retraining reproduces it.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_FILE, modelFileSchema } from "../src/safety/classifier.ts";
import { DEFAULT_COLD, SETTINGS, train } from "./train-guard.ts";

describe("guard model training", () => {
  it("reproduces the committed weights from the committed data", () => {
    const committed = modelFileSchema.parse(JSON.parse(fs.readFileSync(DEFAULT_MODEL_FILE, "utf8")));
    // The committed model uses COLD only when its weight is above zero; then the corpus must be present.
    if (SETTINGS.coldWeight > 0 && !fs.existsSync(DEFAULT_COLD)) return;
    const retrained = train();
    expect(retrained.trainedOn).toEqual(committed.trainedOn);
    expect(retrained.bias).toBe(committed.bias);
    expect(retrained.threshold).toBe(committed.threshold);
    expect(retrained.weights).toBe(committed.weights);
  });

  it("keeps the weights file small", () => {
    expect(fs.statSync(DEFAULT_MODEL_FILE).size).toBeLessThan(2_000_000);
  });
});
