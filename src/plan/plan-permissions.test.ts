/**
 * The plan permission table and the staff page that shows each role its views: no role is
 * shown a tab, a report or the overdue list that the table, and so the server, refuses it.
 */
import { describe, expect, it } from "vitest";
import { EVALUATION_READERS, OVERDUE_READERS, REPORT_READERS, tabsFor } from "../../web/src/features/staff/staff-tabs.ts";
import { STAFF_ROLES } from "../core/staff-roles.ts";
import { PLAN_PERMISSIONS, type PlanPermission, mayPlan, planRoles } from "./plan-permissions.ts";

const isPermission = (name: string): name is PlanPermission => Object.hasOwn(PLAN_PERMISSIONS, name);

describe("PLAN_PERMISSIONS", () => {
  it("names only known roles, each at most once, and gives every permission to someone", () => {
    for (const [permission, roles] of Object.entries(PLAN_PERMISSIONS)) {
      expect({ permission, unknown: roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r)) }).toEqual({ permission, unknown: [] });
      expect(new Set(roles).size).toBe(roles.length);
      expect(roles.length).toBeGreaterThan(0);
    }
  });

  it("keeps moderators out of plan supervision and the audit trail with administrators only", () => {
    for (const permission of Object.keys(PLAN_PERMISSIONS) as PlanPermission[]) expect(mayPlan("moderator", permission)).toBe(false);
    expect(planRoles("audit.read")).toEqual(["admin"]);
  });
});

describe("the staff page's views per role", () => {
  for (const role of STAFF_ROLES) {
    it(`shows ${role} only what the table grants`, () => {
      for (const tab of tabsFor(role)) {
        if (tab.needs === null) continue;
        expect(isPermission(tab.needs), tab.needs).toBe(true);
        expect({ tab: tab.name, granted: mayPlan(role, tab.needs as PlanPermission) }).toEqual({ tab: tab.name, granted: true });
      }
      expect(REPORT_READERS.includes(role)).toBe(mayPlan(role, "reports.read"));
      expect(OVERDUE_READERS.includes(role)).toBe(mayPlan(role, "overdue.read"));
      expect(EVALUATION_READERS.includes(role)).toBe(mayPlan(role, "evaluations.read"));
    });
  }

  it("gives moderators no plan tab", () => {
    expect(tabsFor("moderator").map((tab) => tab.needs)).toEqual([null, null]);
  });
});
