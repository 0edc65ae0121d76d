/** Every role, action and state of the report workflow: who is refused, how, and what follows. */
import { describe, expect, it } from "vitest";
import type { StaffRole } from "../core/staff-roles.ts";
import { type Actor, REPORT_ACTIONS, REPORT_STATES, type ReportAction, type ReportState, mayRead, nextState, refusal } from "./report-workflow.ts";

const UNIT = "city-education-bureau";

/** The actors that matter: a reporter of the report's unit, one of another unit, and each other role. */
const ACTORS: Record<string, Actor> = {
  ownReporter: { role: "reporter", unitId: UNIT },
  otherReporter: { role: "reporter", unitId: "city-health-commission" },
  unitlessReporter: { role: "reporter", unitId: null },
  reviewer: { role: "reviewer", unitId: null },
  admin: { role: "admin", unitId: null },
  leader: { role: "leader", unitId: null },
  moderator: { role: "moderator", unitId: null },
  unitModerator: { role: "moderator", unitId: UNIT },
};

const report = (state: ReportState | null) => ({ unitId: UNIT, state });

/**
 * The expected answer, written out as a table: which actors may attempt each action, and in
 * which states it is then allowed (otherwise 409).
 */
const RULES: Record<ReportAction, { actors: string[]; states: Array<ReportState | null> }> = {
  create: { actors: ["ownReporter"], states: [null] },
  edit: { actors: ["ownReporter"], states: ["draft", "returned"] },
  submit: { actors: ["ownReporter"], states: ["draft", "returned"] },
  return: { actors: ["reviewer", "admin"], states: ["submitted"] },
  approve: { actors: ["reviewer", "admin"], states: ["submitted"] },
  import: { actors: ["admin"], states: [null, ...REPORT_STATES] },
};

describe("refusal", () => {
  const states: Array<ReportState | null> = [null, ...REPORT_STATES];
  for (const action of REPORT_ACTIONS) {
    for (const [name, actor] of Object.entries(ACTORS)) {
      for (const state of states) {
        const rule = RULES[action];
        const expected = !rule.actors.includes(name) ? 403 : rule.states.includes(state) ? null : 409;
        it(`${action} by ${name} on a ${state ?? "missing"} report: ${expected ?? "allowed"}`, () => {
          expect(refusal(action, actor, report(state))?.status ?? null).toBe(expected);
        });
      }
    }
  }

  it("explains each refusal in words", () => {
    expect(refusal("submit", ACTORS["leader"]!, report("draft"))?.message.en).toMatch(/only a reporter of the unit/);
    expect(refusal("create", ACTORS["ownReporter"]!, report("draft"))?.message.en).toMatch(/already has a report/);
    expect(refusal("edit", ACTORS["ownReporter"]!, report("approved"))?.message.en).toMatch(/approved report cannot be changed/);
    expect(refusal("approve", ACTORS["ownReporter"]!, report("submitted"))?.message.en).toMatch(/only a reviewer/);
    expect(refusal("return", ACTORS["reviewer"]!, report("returned"))?.message.en).toMatch(/this one is returned/);
    expect(refusal("edit", ACTORS["ownReporter"]!, report("approved"))?.message.zh).toBe("已审核通过的报告不能再修改");
    expect(refusal("import", ACTORS["reviewer"]!, report(null))?.message.en).toMatch(/only the working group imports/);
  });
});

describe("nextState", () => {
  it("follows each allowed action", () => {
    expect(nextState("create", null)).toBe("draft");
    expect(nextState("edit", "draft")).toBe("draft");
    expect(nextState("edit", "returned")).toBe("returned");
    expect(nextState("edit", null)).toBe("draft");
    expect(nextState("submit", "draft")).toBe("submitted");
    expect(nextState("submit", "returned")).toBe("submitted");
    expect(nextState("return", "submitted")).toBe("returned");
    expect(nextState("approve", "submitted")).toBe("approved");
    expect(nextState("import", null)).toBe("approved");
    expect(nextState("import", "draft")).toBe("approved");
  });

  it("walks a report through return and re-submission to approval, each step allowed", () => {
    const reporter = ACTORS["ownReporter"]!;
    const reviewer = ACTORS["reviewer"]!;
    const steps: Array<[ReportAction, Actor]> = [["create", reporter], ["edit", reporter], ["submit", reporter], ["return", reviewer], ["edit", reporter], ["submit", reporter], ["approve", reviewer]];
    let state: ReportState | null = null;
    const visited: ReportState[] = [];
    for (const [action, actor] of steps) {
      expect(refusal(action, actor, report(state))).toBeNull();
      state = nextState(action, state);
      visited.push(state);
    }
    expect(visited).toEqual(["draft", "draft", "submitted", "returned", "returned", "submitted", "approved"]);
    for (const action of REPORT_ACTIONS) expect(refusal(action, reporter, report(state))).not.toBeNull();
    for (const action of ["return", "approve"] as const) expect(refusal(action, reviewer, report(state))?.status).toBe(409);
  });
});

describe("mayRead", () => {
  const readers = (state: ReportState) => Object.entries(ACTORS).filter(([, actor]) => mayRead(actor, { unitId: UNIT, state })).map(([name]) => name);

  it("hides a draft from everyone but its unit and the working group", () => {
    expect(readers("draft")).toEqual(["ownReporter", "admin"]);
  });

  it("shows a submitted, returned or approved report to reviewers and leaders, never to other units", () => {
    for (const state of ["submitted", "returned", "approved"] as const) {
      expect(readers(state)).toEqual(["ownReporter", "reviewer", "admin", "leader"]);
    }
  });

  it("shows a moderator no report at all, whatever its state or unit", () => {
    for (const state of REPORT_STATES) expect(mayRead({ role: "moderator", unitId: UNIT }, { unitId: UNIT, state })).toBe(false);
  });

  it("depends only on the role for non-reporters, whatever unit they carry", () => {
    for (const role of ["reviewer", "leader", "admin"] as StaffRole[]) {
      expect(mayRead({ role, unitId: UNIT }, { unitId: UNIT, state: "approved" })).toBe(true);
      expect(mayRead({ role, unitId: UNIT }, { unitId: UNIT, state: "draft" })).toBe(role === "admin");
    }
  });
});
