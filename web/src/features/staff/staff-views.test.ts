import { describe, expect, it } from "vitest";
import { parseViewHash, viewHash } from "../accounts/staff-context.ts";
import { parsePageHash, viewFor } from "./staff-views.ts";

describe("staff page URL state", () => {
  it("writes and reads back a view's hash", () => {
    expect(viewHash({ name: "queue" })).toBe("#queue");
    expect(viewHash({ name: "report", id: "r 1/2" })).toBe("#report/r%201%2F2");
    expect(parseViewHash(viewHash({ name: "report", id: "r 1/2" }))).toEqual({ name: "report", id: "r 1/2" });
    expect(parseViewHash("#nonsense")).toBeNull();
  });

  it("reads the page's own views with their optional place or unit", () => {
    expect(parsePageHash("#sites/place%3A42")).toEqual({ name: "sites", id: "place:42" });
    expect(parsePageHash("#districts")).toEqual({ name: "districts", id: null });
    expect(parsePageHash("#moderation")).toEqual({ name: "moderation" });
    expect(parsePageHash("")).toBeNull();
  });

  it("opens what the role may see and sends it to its first tab otherwise", () => {
    expect(viewFor("reviewer", "#queue")).toEqual({ name: "queue" });
    expect(viewFor("reporter", "#queue")).toEqual({ name: "tasks" });
    expect(viewFor("moderator", "#report/r1")).toEqual({ name: "moderation" });
    expect(viewFor("leader", "#report/r1")).toEqual({ name: "report", id: "r1" });
    expect(viewFor("admin", "")).toEqual({ name: "queue" });
  });
});
