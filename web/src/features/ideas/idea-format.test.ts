import { describe, expect, it } from "vitest";
import { dateText, ideaPins, pathSteps } from "./idea-format.ts";
import type { IdeaLayer, IdeaStep, OwnIdea } from "./ideas-api.ts";

const step = (stage: IdeaStep["stage"], at: string, extra: Partial<IdeaStep> = {}): IdeaStep =>
  ({ stage, stageLabel: { zh: stage, en: stage }, at, text: "", by: null, unitId: null, unitName: null, ...extra });

function own(id: string, status: OwnIdea["status"], lon = 112.6, lat = 26.8): OwnIdea {
  return { id, kind: "shade", lon, lat, status, supportCount: 2 } as OwnIdea;
}

function layer(...ids: string[]): IdeaLayer {
  return {
    type: "FeatureCollection", truncated: false,
    features: ids.map((id) => ({ type: "Feature", geometry: { type: "Point", coordinates: [112.5, 26.9] }, properties: { id, kind: "toilet", title: id, stage: "new", supportCount: 5 } })),
  };
}

describe("an idea's path", () => {
  it("dates each step taken, marks the stage reached and lists what is still to come", () => {
    const steps = pathSteps("accepted", [step("sent", "2026-11-02T08:00:00Z"), step("new", "2026-11-01T08:00:00Z"), step("accepted", "2026-11-20T08:00:00Z", { by: "2027-04-30", text: "种树" })]);
    expect(steps.map((s) => [s.stage, s.state])).toEqual([
      ["new", "done"], ["sent", "done"], ["accepted", "now"], ["in_progress", "next"], ["done", "next"],
    ]);
    expect(steps[2]!.by).toBe("2027-04-30");
    expect(steps[2]!.at).toBe("2026-11-20T08:00:00Z");
  });

  it("ends at not adopted and at done, with nothing to come", () => {
    expect(pathSteps("not_adopted", [step("new", "2026-11-01"), step("not_adopted", "2026-11-05")]).map((s) => s.state)).toEqual(["done", "now"]);
    expect(pathSteps("done", [step("done", "2026-12-01")]).at(-1)).toMatchObject({ stage: "done", state: "now" });
  });

  it("shows a stage with no dated step yet as the current one, undated", () => {
    const steps = pathSteps("new", []);
    expect(steps[0]).toMatchObject({ stage: "new", state: "now", at: null });
    expect(steps.slice(1).every((s) => s.state === "next")).toBe(true);
  });
});

describe("the pins of the ideas layer", () => {
  it("draws my ideas (pending too) as mine, each once, and leaves out withdrawn and removed ones", () => {
    const pins = ideaPins(layer("a", "b"), [own("b", "published"), own("c", "pending"), own("d", "withdrawn"), own("e", "removed")], (n) => `${n}`);
    expect(pins.map((p) => [p.id, p.mine])).toEqual([["b", true], ["c", true], ["a", false]]);
    expect(pins.find((p) => p.id === "a")).toMatchObject({ icon: "toilet", label: "5", lonLat: [112.5, 26.9] });
    expect(pins.find((p) => p.id === "c")!.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("works without a layer (not loaded) and without my ideas (signed out)", () => {
    expect(ideaPins(null, [], String)).toEqual([]);
    expect(ideaPins(layer("x"), [], String).map((p) => p.mine)).toEqual([false]);
  });
});

describe("dates", () => {
  it("reads a date or a time in the reader's language", () => {
    expect(dateText("2027-04-30", "zh")).toBe("2027年4月30日");
    expect(dateText("2026-12-02T23:00:00.000Z", "en")).toBe("2 Dec 2026");
    expect(dateText("soon", "zh")).toBe("soon");
  });
});
