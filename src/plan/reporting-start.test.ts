/**
 * Periods before the city began reporting in the system are "no data", not late: the dashboard,
 * the overdue list and the sources of the reporting start (setting, plan folder, install day).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Plan, planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { buildDashboard } from "./dashboard.ts";
import { overdueReports } from "./overdue.ts";
import { PlanBook } from "./plan-book.ts";
import { readReportingFile, resolveReportingStart } from "./reporting-start.ts";

const plan: Plan = planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8")));
const book = new PlanBook(plan);
const allTasks = (d: ReturnType<typeof buildDashboard>) => d.goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));

describe("a fresh install", () => {
  it("shows no task late when reporting started after the last closed period", () => {
    const dashboard = buildDashboard(book, [], { today: "2026-12-02", periodKind: "quarter", reportingStarts: "2026-12-02" });
    expect(dashboard.counts).toEqual({ green: 0, yellow: 0, red: 0, grey: plan.tasks.length });
    expect(dashboard.period).toMatchObject({ id: "2026-Q3", owed: false, daysLate: 0 });
    expect(dashboard.units.every((u) => u.overdue === 0 && u.expected === 0)).toBe(true);
    expect(overdueReports(book, [], "2026-12-02", "quarter", "2026-12-02")).toEqual([]);
  });

  it("says which unit is late with which period and by how many days once reporting has started", () => {
    const dashboard = buildDashboard(book, [], { today: "2026-12-02", periodKind: "quarter", reportingStarts: "2026-07-01" });
    expect(dashboard.period).toMatchObject({ id: "2026-Q3", due: "2026-10-15", owed: true, daysLate: 48 });
    const five = allTasks(dashboard).find((t) => t.number === 5)!;
    expect(five.light).toBe("red");
    expect(five.late).toContainEqual({ unitId: "city-education-bureau", name: "市教育局", period: "2026-Q3", daysLate: 48 });
    expect(five.late.length).toBe(book.reportingUnits(book.task(5)!).length);
    const education = overdueReports(book, [], "2026-12-02", "quarter", "2026-07-01").find((u) => u.unitId === "city-education-bureau")!;
    expect([...new Set(education.owed.map((o) => o.period))]).toEqual(["2026-Q3"]);
  });
});

describe("resolveReportingStart", () => {
  const kind = "quarter" as const;
  it("takes the setting over the plan folder's file over the install day", () => {
    expect(resolveReportingStart({ setting: "2026-01-01", file: "2025-07-01", firstLoaded: "2026-12-02" }, [], plan, kind)).toEqual({ date: "2026-01-01", source: "setting" });
    expect(resolveReportingStart({ file: "2025-07-01", firstLoaded: "2026-12-02" }, ["2024-Q1"], plan, kind)).toEqual({ date: "2025-07-01", source: "file" });
    expect(resolveReportingStart({ file: null, firstLoaded: "2026-12-02" }, [], plan, kind)).toEqual({ date: "2026-12-02", source: "installed" });
    expect(resolveReportingStart({ file: null, firstLoaded: null }, [], plan, kind)).toEqual({ date: "2024-01-01", source: "plan" });
  });

  it("keeps counting the periods a database already holds reports for", () => {
    expect(resolveReportingStart({ file: null, firstLoaded: "2026-12-02" }, ["2026-Q2", "2025-Q4"], plan, kind)).toEqual({ date: "2025-10-01", source: "installed" });
  });

  it("reads reporting.json from the plan's folder and refuses a malformed one", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-reporting-"));
    expect(readReportingFile(folder)).toBeNull();
    fs.writeFileSync(path.join(folder, "reporting.json"), JSON.stringify({ reportingStarts: "2026-04-01" }));
    expect(readReportingFile(folder)).toBe("2026-04-01");
    fs.writeFileSync(path.join(folder, "reporting.json"), JSON.stringify({ reportingStarts: "April 2026" }));
    expect(() => readReportingFile(folder)).toThrow(/reportingStarts/);
    fs.rmSync(folder, { recursive: true });
  });
});
