/**
 * The dashboard over the real Hengyang plan with hand-built reports: deadline colours for
 * the last closed period, approved values turning indicators and tasks green, per-county
 * indicators as slow as their slowest district.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Plan, planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { buildDashboard, type Dashboard, type TaskView } from "./dashboard.ts";
import { PlanBook } from "./plan-book.ts";
import type { Report, ReportValue } from "./report-store.ts";

const plan: Plan = planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8")));
const book = new PlanBook(plan);
const QUARTER = "quarter" as const;

let reportCount = 0;
/** An approved on-track report of the education bureau on task 7 for 2025-Q1, unless told otherwise. */
function report(overrides: Partial<Report> = {}): Report {
  reportCount++;
  return {
    id: `report-${reportCount}`, planId: plan.id, unitId: "city-education-bureau", taskNumber: 7, period: "2025-Q1",
    state: "approved", taskStatus: "on_track", narrative: "按计划推进", revision: 1, reviewComment: null, createdBy: "user-1",
    updatedAt: "2025-04-10T08:00:00.000Z", submittedAt: "2025-04-08T08:00:00.000Z", decidedAt: "2025-04-10T08:00:00.000Z",
    values: [], attachments: [], ...overrides,
  };
}

function value(indicatorId: string, amount: number, measuredOn: string, districtUnitId: string | null = null): ReportValue {
  return { indicatorId, districtUnitId, value: amount, measuredOn };
}

function task(dashboard: Dashboard, number: number): TaskView {
  const found = dashboard.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks)).find((t) => t.number === number);
  if (!found) throw new Error(`no task ${number} on the dashboard`);
  return found;
}

const allTasks = (dashboard: Dashboard) => dashboard.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));

describe("dashboard without reports", () => {
  it("chases the last closed period and turns every task red after its due date", () => {
    const dashboard = buildDashboard(book, [], { today: "2025-05-01", periodKind: QUARTER });
    expect(dashboard.period).toEqual({ id: "2025-Q1", start: "2025-01-01", end: "2025-03-31", due: "2025-04-15", daysLate: 16, owed: true });
    expect(allTasks(dashboard)).toHaveLength(plan.tasks.length);
    expect(dashboard.counts).toEqual({ green: 0, yellow: 0, red: plan.tasks.length, grey: 0 });
    expect(dashboard.goals.map((g) => g.light)).toEqual(plan.goals.map(() => "red"));
    for (const t of allTasks(dashboard)) {
      expect(t.reporting.map((r) => r.unitId)).toEqual(t.leadUnitIds);
      expect(t.reporting.every((r) => r.reminder === "red" && r.state === null && r.period === "2025-Q1")).toBe(true);
    }
  });

  it("counts every task a unit leads as expected and overdue, most overdue first", () => {
    const dashboard = buildDashboard(book, [], { today: "2025-05-01", periodKind: QUARTER });
    const education = dashboard.units.find((u) => u.unitId === "city-education-bureau");
    expect(education).toMatchObject({ name: "市教育局", expected: 7, submitted: 0, approved: 0, overdue: 7, light: "red" });
    expect(dashboard.units.map((u) => u.overdue)).toEqual(dashboard.units.map((u) => u.overdue).sort((a, b) => b - a));
    expect(dashboard.units.reduce((n, u) => n + u.expected, 0)).toBe(plan.tasks.reduce((n, t) => n + book.reportingUnits(t).length, 0));
  });

  it("is yellow while the deadline is near and green before that", () => {
    expect(buildDashboard(book, [], { today: "2025-04-10", periodKind: QUARTER }).counts).toEqual({ green: 0, yellow: plan.tasks.length, red: 0, grey: 0 });
    expect(buildDashboard(book, [], { today: "2025-04-02", periodKind: QUARTER }).counts).toEqual({ green: plan.tasks.length, yellow: 0, red: 0, grey: 0 });
  });

  it("has no period to chase before the first one has ended", () => {
    const dashboard = buildDashboard(book, [], { today: "2024-03-31", periodKind: QUARTER });
    expect(dashboard.period).toBeNull();
    expect(dashboard.units).toEqual([]);
    expect(dashboard.counts.grey).toBe(plan.tasks.length);
  });

  it("follows the configured period kind", () => {
    expect(buildDashboard(book, [], { today: "2025-05-01", periodKind: "half" }).period).toMatchObject({ id: "2024-H2", due: "2025-01-15" });
    expect(buildDashboard(book, [], { today: "2025-05-01", periodKind: "year" }).period).toMatchObject({ id: "2024", due: "2025-01-15" });
  });
});

describe("dashboard with reports", () => {
  const today = "2025-05-01";

  it("turns a task green when its one lead unit's report is approved on track with its target met", () => {
    const approved = report({ values: [value("disabled-children-compulsory-enrolment-rate", 97.5, "2025-03-31")] });
    const dashboard = buildDashboard(book, [approved], { today, periodKind: QUARTER });
    const seven = task(dashboard, 7);
    expect(seven.reporting).toEqual([{ unitId: "city-education-bureau", period: "2025-Q1", state: "approved", reminder: "green", taskStatus: "on_track", daysLate: 0 }]);
    expect(seven.indicators).toHaveLength(1);
    expect(seven.indicators[0]).toMatchObject({ id: "disabled-children-compulsory-enrolment-rate", light: "green", latest: { value: 97.5, measuredOn: "2025-03-31" } });
    expect(seven.light).toBe("green");
    expect(dashboard.counts).toEqual({ green: 1, yellow: 0, red: plan.tasks.length - 1, grey: 0 });
    expect(dashboard.units.find((u) => u.unitId === "city-education-bureau")).toMatchObject({ expected: 7, approved: 1, overdue: 6 });
  });

  it("keeps a task red while another of its lead units has not reported", () => {
    const approved = report({ taskNumber: 5, values: [value("preschool-gross-enrolment-rate", 93, "2025-03-31")] });
    const five = task(buildDashboard(book, [approved], { today, periodKind: QUARTER }), 5);
    expect(five.reporting.map((r) => [r.unitId, r.reminder])).toEqual([["city-education-bureau", "green"], ["city-health-commission", "red"]]);
    expect(five.light).toBe("red");
  });

  it("counts a submitted report as in time but not its values", () => {
    const submitted = report({ state: "submitted", decidedAt: null, values: [value("disabled-children-compulsory-enrolment-rate", 97.5, "2025-03-31")] });
    const dashboard = buildDashboard(book, [submitted], { today, periodKind: QUARTER });
    const seven = task(dashboard, 7);
    expect(seven.reporting[0]).toMatchObject({ state: "submitted", reminder: "green", taskStatus: null });
    expect(seven.indicators[0]).toMatchObject({ light: "grey", latest: null, series: [] });
    expect(seven.light).toBe("green");
    expect(dashboard.units.find((u) => u.unitId === "city-education-bureau")).toMatchObject({ submitted: 1, approved: 0 });
  });

  it("lets the reported status darken a task: at risk is yellow, delayed red", () => {
    const values = [value("disabled-children-compulsory-enrolment-rate", 98, "2025-03-31")];
    expect(task(buildDashboard(book, [report({ taskStatus: "at_risk", values })], { today, periodKind: QUARTER }), 7).light).toBe("yellow");
    expect(task(buildDashboard(book, [report({ taskStatus: "delayed", values })], { today, periodKind: QUARTER }), 7).light).toBe("red");
    expect(task(buildDashboard(book, [report({ taskStatus: "completed", values })], { today, periodKind: QUARTER }), 7).light).toBe("green");
  });

  it("lets a lagging indicator darken a task whose report is in time", () => {
    // 90 at the end of 2024, 90.5 by the end of 2025-Q1: far from the trajectory to 97 by the end of 2025.
    const values = [value("disabled-children-compulsory-enrolment-rate", 90, "2024-12-31"), value("disabled-children-compulsory-enrolment-rate", 90.5, "2025-03-31")];
    const seven = task(buildDashboard(book, [report({ values })], { today, periodKind: QUARTER }), 7);
    expect(seven.indicators[0]!.light).toBe("red");
    expect(seven.indicators[0]!.series.map((s) => s.value)).toEqual([90, 90.5]);
    expect(seven.light).toBe("red");
  });

  it("takes the task status from the latest approved period", () => {
    const reports = [report({ period: "2024-Q4", taskStatus: "delayed" }), report({ period: "2025-Q1", taskStatus: "on_track" })];
    expect(task(buildDashboard(book, reports, { today, periodKind: QUARTER }), 7).reporting[0]!.taskStatus).toBe("on_track");
  });

  it("lights a per-county indicator as its slowest district", () => {
    const perCounty = "child-friendly-hospitals-per-county";
    expect(book.indicator(perCounty)).toMatchObject({ scope: "per-county", target2025: 1 });
    const values = [
      value(perCounty, 1, "2025-03-31", "yanfeng-district"), // target met: green
      value(perCounty, 0, "2025-03-31", "shigu-district"), // one value, no baseline: yellow
    ];
    const twoDistricts = task(buildDashboard(book, [report({ unitId: "city-health-commission", taskNumber: 20, values })], { today, periodKind: QUARTER }), 20);
    const indicator = twoDistricts.indicators.find((i) => i.id === perCounty)!;
    expect(indicator.districts.map((d) => [d.unitId, d.light])).toEqual([["shigu-district", "yellow"], ["yanfeng-district", "green"]]);
    expect(indicator.light).toBe("yellow");
    expect(indicator.latest).toBeNull();

    // A district with no progress at all since its first value: red, and so the city.
    const stalled = [...values, value(perCounty, 0, "2024-12-31", "zhuhui-district"), value(perCounty, 0, "2025-03-31", "zhuhui-district")];
    const threeDistricts = task(buildDashboard(book, [report({ unitId: "city-health-commission", taskNumber: 20, values: stalled })], { today, periodKind: QUARTER }), 20);
    const worse = threeDistricts.indicators.find((i) => i.id === perCounty)!;
    expect(worse.districts.find((d) => d.unitId === "zhuhui-district")!.light).toBe("red");
    expect(worse.light).toBe("red");
    expect(worse.series).toHaveLength(4);
    expect(worse.series[0]).toEqual({ value: 0, measuredOn: "2024-12-31", districtUnitId: "zhuhui-district" });
  });

  it("counts certified values like approved ones, but not those dated after today", () => {
    const perCounty = "child-friendly-hospitals-per-county";
    const certified = [value(perCounty, 1, "2025-03-01", "yanfeng-district"), value(perCounty, 0, "2025-06-01", "shigu-district")];
    const indicator = task(buildDashboard(book, [], { today, periodKind: QUARTER, certified }), 20).indicators.find((i) => i.id === perCounty)!;
    expect(indicator.districts.map((d) => [d.unitId, d.light])).toEqual([["yanfeng-district", "green"]]);
    expect(indicator.light).toBe("green");
  });
});
