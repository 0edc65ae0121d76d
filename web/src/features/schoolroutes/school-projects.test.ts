import { describe, expect, it } from "vitest";
import { nextStep } from "./school-projects.ts";

describe("a school-route project's next step", () => {
  it("starts a planned project, completes one in progress today, and has nothing after", () => {
    expect(nextStep({ status: "planned", version: 3 }, "2026-12-03")).toEqual({ status: "in_progress", body: { version: 3, status: "in_progress" } });
    expect(nextStep({ status: "in_progress", version: 4 }, "2026-12-03")).toEqual({ status: "completed", body: { version: 4, status: "completed", completedOn: "2026-12-03" } });
    expect(nextStep({ status: "completed", version: 5 }, "2026-12-03")).toBeNull();
    expect(nextStep({ status: "cancelled", version: 5 }, "2026-12-03")).toBeNull();
  });
});
