import { describe, expect, it } from "vitest";
import { STAFF_ROLES } from "../../../../src/core/staff-roles.ts";
import { STAFF_MESSAGES } from "./staff-messages.ts";
import { OVERDUE_READERS, REPORT_READERS, tabsFor } from "./staff-tabs.ts";

describe("staff tabs by role", () => {
  it("shows moderators families' content only, never a plan view", () => {
    expect(tabsFor("moderator").map((tab) => tab.name)).toEqual(["moderation", "corrections"]);
    expect(REPORT_READERS).not.toContain("moderator");
    expect(OVERDUE_READERS).not.toContain("moderator");
  });

  it("gives reporters their tasks first and no review queue or site assessment", () => {
    const names = tabsFor("reporter").map((tab) => tab.name);
    expect(names[0]).toBe("tasks");
    expect(names).not.toContain("queue");
    expect(names).not.toContain("sites");
    expect(OVERDUE_READERS).not.toContain("reporter");
  });

  it("lets leaders read the dashboard and districts only", () => {
    expect(tabsFor("leader").map((tab) => tab.name)).toEqual(["dashboard", "districts"]);
  });

  it("gives every role at least one tab, each with a label in both languages and a known permission", () => {
    for (const role of STAFF_ROLES) {
      const tabs = tabsFor(role);
      expect(tabs.length).toBeGreaterThan(0);
      for (const tab of tabs) {
        expect(STAFF_MESSAGES.zh[tab.label]).toBeTruthy();
        expect(STAFF_MESSAGES.en[tab.label]).toBeTruthy();
        expect(tab.needs === null || /^[a-z]+\.[a-z]+$/.test(tab.needs)).toBe(true);
      }
    }
  });
});
