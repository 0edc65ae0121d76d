/**
 * The pure side of school-route projects against Hengyang's real plan: the summary beside
 * task 22's targets, the dashboard values counted up by completion date, and the changes the
 * analysis takes (signals and zebras of completed projects only), the last also read back
 * from a real SQLite database through completedSchoolRouteChanges.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SchoolProject } from "../core/api/school-projects.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { PlanBook, readPlanFile } from "./plan-book.ts";
import { planMigrations } from "./migrations.ts";
import { completedSchoolRouteChanges } from "./index.ts";
import { SchoolProjectStore } from "./school-projects-store.ts";
import { completedCrossings, indicatorValues, summarize } from "./school-projects-summary.ts";

const read = readPlanFile("data/plans/hengyang/plan.json");
if (!read.ok) throw new Error(read.message);
const book = new PlanBook(read.plan);

let serial = 0;
function project(over: Partial<SchoolProject>): SchoolProject {
  serial++;
  return {
    id: `p${serial}`, region: "hengyang", schoolId: `way/${serial}`, schoolName: "学校", countyCode: "430405", unitId: "zhuhui-district", title: "改造",
    measures: [], budgetYuan: null, status: "planned", plannedStart: null, plannedEnd: null, completedOn: null, photos: [],
    createdBy: "u", createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z", version: 1, ...over,
  };
}

const signal = { measure: "signal" as const, lon: 112.6, lat: 26.9 };
const zebra = { measure: "zebra" as const, lon: 112.61, lat: 26.91 };
const humps = { measure: "speed_humps" as const, lon: 112.62, lat: 26.92 };

describe("school-route project figures", () => {
  const projects = [
    project({ status: "completed", completedOn: "2025-05-01", measures: [signal, humps] }),
    project({ status: "completed", completedOn: "2025-07-01", measures: [zebra] }),
    project({ status: "completed", completedOn: "2025-07-01", countyCode: "430406", unitId: "yanfeng-district", measures: [humps] }),
    project({ status: "in_progress", measures: [signal] }),
  ];

  it("summarises completed projects by county beside the plan's own targets", () => {
    const summary = summarize(book, projects, "hengyang");
    expect(summary.city).toEqual({ completed: 3, target: 40, targetYear: 2028, indicatorId: "school-route-projects" });
    expect(summary.indicatorId).toBe("school-route-projects-per-county");
    expect(summary.counties.find((c) => c.countyCode === "430405")).toMatchObject({ completed: 2, target: 1, targetYear: 2025, met: true });
    expect(summary.counties.find((c) => c.countyCode === "430407")).toMatchObject({ completed: 0, met: false });
    expect(summary.byStatus).toEqual({ planned: 0, in_progress: 1, completed: 3, cancelled: 0 });
  });

  it("counts up the indicators by completion date, one value per day and county", () => {
    const values = indicatorValues(book, projects);
    expect(values.filter((v) => v.indicatorId === "school-route-projects")).toEqual([
      { indicatorId: "school-route-projects", districtUnitId: null, value: 1, measuredOn: "2025-05-01" },
      { indicatorId: "school-route-projects", districtUnitId: null, value: 3, measuredOn: "2025-07-01" },
    ]);
    expect(values.filter((v) => v.districtUnitId === "zhuhui-district").map((v) => v.value)).toEqual([1, 2]);
  });

  it("turns only completed signals and zebras into the analysis's changes", () => {
    expect(completedCrossings(projects)).toEqual([{ lon: 112.6, lat: 26.9, control: "signals" }, { lon: 112.61, lat: 26.91, control: "zebra" }]);
  });

  it("reads them back from the database by region", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "school-projects-"));
    const db = await openDatabase({ DATA_DIR: dir, DATABASE_URL: undefined }, planMigrations);
    try {
      const store = new SchoolProjectStore(db);
      for (const p of [...projects, project({ region: "monaco", status: "completed", completedOn: "2025-01-01", measures: [signal] })]) await store.create(db, p, "u");
      const changes = await completedSchoolRouteChanges(db, "hengyang");
      expect(changes).toHaveLength(2);
      expect(changes).toEqual(expect.arrayContaining(completedCrossings(projects)));
      expect(await completedSchoolRouteChanges(db, "monaco")).toEqual([{ lon: 112.6, lat: 26.9, control: "signals" }]);
      expect(await completedSchoolRouteChanges(db, "nanjing")).toEqual([]);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
