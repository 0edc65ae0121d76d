import { describe, expect, it } from "vitest";
import { choosableUnits, nextStep } from "./school-projects.ts";

describe("a school-route project's next step", () => {
  it("starts a planned project, completes one in progress today, and has nothing after", () => {
    expect(nextStep({ status: "planned", version: 3 }, "2026-12-03")).toEqual({ status: "in_progress", body: { version: 3, status: "in_progress" } });
    expect(nextStep({ status: "in_progress", version: 4 }, "2026-12-03")).toEqual({ status: "completed", body: { version: 4, status: "completed", completedOn: "2026-12-03" } });
    expect(nextStep({ status: "completed", version: 5 }, "2026-12-03")).toBeNull();
    expect(nextStep({ status: "cancelled", version: 5 }, "2026-12-03")).toBeNull();
  });
});

describe("choosableUnits", () => {
  const units = [{ id: "edu" }, { id: "police" }, { id: "library" }, { id: "zhuhui" }];
  const carriers = ["edu", "police", "zhuhui"];
  it("offers a reporter their own unit only", () => {
    expect(choosableUnits(units, { role: "reporter", unitId: "police" }, carriers).map((u) => u.id)).toEqual(["police"]);
  });
  it("offers reviewers and administrators the units carrying the task, their own first", () => {
    expect(choosableUnits(units, { role: "reviewer", unitId: null }, carriers).map((u) => u.id)).toEqual(["edu", "police", "zhuhui"]);
    expect(choosableUnits(units, { role: "admin", unitId: "zhuhui" }, carriers).map((u) => u.id)).toEqual(["zhuhui", "edu", "police"]);
  });
  it("offers every unit when the carriers are not known, and nothing to other roles", () => {
    expect(choosableUnits(units, { role: "admin", unitId: null }, null)).toHaveLength(4);
    expect(choosableUnits(units, { role: "leader", unitId: null }, carriers)).toEqual([]);
  });
});
