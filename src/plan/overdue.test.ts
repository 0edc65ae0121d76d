/** The overdue list over the real Hengyang plan: which periods are chased, yellow before the deadline, red after. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Plan, planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { CHASED_PERIODS, overdueReports } from "./overdue.ts";
import { PlanBook } from "./plan-book.ts";
import type { Report } from "./report-store.ts";

const plan: Plan = planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8")));
const book = new PlanBook(plan);
const EDUCATION = "city-education-bureau";
const EDUCATION_TASKS = [5, 6, 7, 21, 27, 28, 33];

let reportCount = 0;
/** A report of the education bureau on task 7 for 2025-Q1, in the given state. */
function report(state: Report["state"], overrides: Partial<Report> = {}): Report {
  reportCount++;
  return {
    id: `report-${reportCount}`, planId: plan.id, unitId: EDUCATION, taskNumber: 7, period: "2025-Q1", state,
    taskStatus: "on_track", narrative: "", revision: 1, reviewComment: null, createdBy: "user-1", updatedAt: "2025-04-01T00:00:00.000Z",
    submittedAt: null, decidedAt: null, values: [], attachments: [], ...overrides,
  };
}

const education = (list: ReturnType<typeof overdueReports>) => list.find((u) => u.unitId === EDUCATION)!;

describe("overdueReports", () => {
  it("chases only the last closed periods, all red once past their deadlines", () => {
    expect(CHASED_PERIODS).toBe(4);
    const list = overdueReports(book, [], "2025-05-01", "quarter");
    const unit = education(list);
    expect(unit).toMatchObject({ name: "市教育局", overdue: EDUCATION_TASKS.length * 4, dueSoon: 0 });
    expect([...new Set(unit.owed.map((o) => o.period))]).toEqual(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]);
    expect([...new Set(unit.owed.map((o) => o.taskNumber))].sort((a, b) => a - b)).toEqual(EDUCATION_TASKS);
    expect(unit.owed.every((o) => o.reminder === "red" && o.state === null)).toBe(true);
    expect(unit.owed.find((o) => o.period === "2024-Q4")!.due).toBe("2025-01-15");
    // Every lead unit of the plan owes something, and no one else does.
    const leads = new Set(plan.tasks.flatMap((t) => book.reportingUnits(t)));
    expect(new Set(list.map((u) => u.unitId))).toEqual(leads);
  });

  it("lists a report yellow before its deadline and red after it", () => {
    const before = education(overdueReports(book, [], "2025-04-10", "quarter"));
    const q1Before = before.owed.filter((o) => o.period === "2025-Q1");
    expect(q1Before).toHaveLength(EDUCATION_TASKS.length);
    expect(q1Before.every((o) => o.reminder === "yellow" && o.due === "2025-04-15")).toBe(true);
    expect(before.dueSoon).toBe(EDUCATION_TASKS.length);
    // The current quarter (2025-Q2) is not owed yet.
    expect(before.owed.some((o) => o.period === "2025-Q2")).toBe(false);
    // The chased window still reaches back four closed quarters.
    expect([...new Set(before.owed.map((o) => o.period))]).toEqual(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]);

    const after = education(overdueReports(book, [], "2025-04-16", "quarter"));
    expect(after.owed.filter((o) => o.period === "2025-Q1").every((o) => o.reminder === "red")).toBe(true);
    expect(after.dueSoon).toBe(0);
  });

  it("well before the deadline, lists only the earlier periods", () => {
    const unit = education(overdueReports(book, [], "2025-04-02", "quarter"));
    expect([...new Set(unit.owed.map((o) => o.period))]).toEqual(["2024-Q2", "2024-Q3", "2024-Q4"]);
  });

  it("drops submitted and approved reports, keeps drafts and returned ones with their state", () => {
    const reports = [
      report("submitted", { taskNumber: 5 }),
      report("approved", { taskNumber: 6 }),
      report("draft", { taskNumber: 7 }),
      report("returned", { taskNumber: 21 }),
    ];
    const owedQ1 = (today: string) => education(overdueReports(book, reports, today, "quarter")).owed.filter((o) => o.period === "2025-Q1");
    const soon = owedQ1("2025-04-10");
    expect(soon.map((o) => o.taskNumber)).toEqual([7, 21, 27, 28, 33]);
    expect(soon.find((o) => o.taskNumber === 7)).toMatchObject({ state: "draft", reminder: "yellow" });
    expect(soon.find((o) => o.taskNumber === 21)).toMatchObject({ state: "returned", reminder: "yellow" });
    expect(owedQ1("2025-05-01").every((o) => o.reminder === "red")).toBe(true);
  });

  it("lists a returned report yellow long before its deadline", () => {
    const unit = education(overdueReports(book, [report("returned", { taskNumber: 7, period: "2025-Q1" })], "2025-04-02", "quarter"));
    expect(unit.owed.filter((o) => o.period === "2025-Q1")).toEqual([{ taskNumber: 7, period: "2025-Q1", due: "2025-04-15", state: "returned", reminder: "yellow", daysLate: 0 }]);
  });

  it("sorts units by overdue reports, then by reports due soon", () => {
    const list = overdueReports(book, [], "2025-05-01", "quarter");
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(a.overdue > b.overdue || (a.overdue === b.overdue && a.dueSoon >= b.dueSoon)).toBe(true);
    }
    expect(list[0]!.unitId).toBe(EDUCATION);
  });

  it("is empty when every chased report is in", () => {
    const periods = ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"];
    const all = plan.tasks.flatMap((t) => book.reportingUnits(t).flatMap((unitId) => periods.map((period) => report("approved", { unitId, taskNumber: t.number, period }))));
    expect(overdueReports(book, all, "2025-05-01", "quarter")).toEqual([]);
  });

  it("asks each county of a task led by all counties and districts", () => {
    const counties = plan.units.filter((u) => u.memberOf === "county-districts").map((u) => u.id);
    const tweaked = new PlanBook({ ...plan, tasks: plan.tasks.map((t) => (t.number === 1 ? { ...t, leadUnitIds: ["county-districts"] } : t)) });
    const list = overdueReports(tweaked, [], "2025-05-01", "year");
    const owingTask1 = list.filter((u) => u.owed.some((o) => o.taskNumber === 1)).map((u) => u.unitId);
    expect(owingTask1.sort()).toEqual([...counties].sort());
    expect(list.find((u) => u.unitId === "county-districts")).toBeUndefined();
  });
});
