import { describe, expect, it } from "vitest";
import { noteAnswer, offlineSince, onFreshnessChange } from "./data-freshness.ts";

const kept = (at: string | null) => new Headers({ "x-tongxing-offline": "1", ...(at ? { "x-tongxing-cached-at": at } : {}) });

describe("offline data, read from the answers' marks", () => {
  it("keeps the oldest kept answer's time until a live answer comes, and tells listeners of each change", () => {
    const heard: Array<string | null> = [];
    const stop = onFreshnessChange((at) => heard.push(at));
    noteAnswer(new Headers());
    expect(offlineSince()).toBeNull();
    noteAnswer(kept("2026-12-03T09:10:00.000Z"));
    noteAnswer(kept("2026-12-03T08:00:00.000Z"));
    noteAnswer(kept("2026-12-03T09:30:00.000Z"));
    // A made-up offline answer (no time) and a bad time change nothing.
    noteAnswer(kept(null));
    noteAnswer(kept("yesterday"));
    expect(offlineSince()).toBe("2026-12-03T08:00:00.000Z");
    noteAnswer(new Headers({ "content-type": "application/json" }));
    expect(offlineSince()).toBeNull();
    expect(heard).toEqual(["2026-12-03T09:10:00.000Z", "2026-12-03T08:00:00.000Z", null]);
    stop();
    noteAnswer(kept("2026-12-03T07:00:00.000Z"));
    expect(heard).toHaveLength(3);
  });
});
