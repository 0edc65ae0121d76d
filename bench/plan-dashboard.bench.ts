/**
 * The supervision dashboard for all 35 tasks with 8 quarters of reports (every reporting
 * unit, every quarter, approved, with values for every indicator of the task), computed
 * server-side from the database: p50/p99 of the whole dashboard beside the plain SQL read
 * of the same reports, which any implementation must pay. On SQLite by default; on
 * PostgreSQL too when DATABASE_URL is set. Target: <= 100 ms.
 * Run: node --import tsx bench/plan-dashboard.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { planSchema } from "../src/core/plan.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/database/database.ts";
import { openDatabase } from "../src/app/database.ts";
import { PlanBook, ReportStore, buildDashboard, savePlan } from "../src/plan/index.ts";

const QUARTERS = ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"];
const ROUNDS = 60;

async function fill(db: Database, book: PlanBook): Promise<number> {
  const store = new ReportStore(db);
  let count = 0;
  await db.transaction(async (tx) => {
    for (const [q, period] of QUARTERS.entries()) {
      for (const task of book.plan.tasks) {
        for (const unitId of book.reportingUnits(task)) {
          const id = await store.create(tx, { planId: book.plan.id, unitId, taskNumber: task.number, period, createdBy: "bench" });
          const measuredOn = `${period.slice(0, 4)}-${String(Number(period.slice(6)) * 3).padStart(2, "0")}-28`;
          const values = task.indicatorIds.map((indicatorId) => ({ indicatorId, districtUnitId: book.isDistrict(unitId) ? unitId : null, value: 50 + q * 5, measuredOn }));
          await store.write(tx, id, { taskStatus: q % 5 === 0 ? "at_risk" : "on_track", narrative: "进展顺利", values });
          const report = { id, planId: book.plan.id, unitId, taskNumber: task.number, period, state: "draft" as const, taskStatus: "on_track" as const, narrative: "", revision: 0, reviewComment: null, createdBy: "bench", updatedAt: "", submittedAt: null, decidedAt: null, values, attachments: [] };
          await store.transition(tx, report, { action: "submit", state: "submitted", userId: "bench", comment: null });
          await store.transition(tx, { ...report, state: "submitted" }, { action: "approve", state: "approved", userId: "bench", comment: null });
          count++;
        }
      }
    }
  });
  return count;
}

async function time(work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(ROUNDS * 0.5)]!, p99: times[Math.floor(ROUNDS * 0.99)]! };
}

async function run(label: string, env: Record<string, string>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-bench-"));
  const db = await openDatabase(loadConfig({ ...env, DATA_DIR: dataDir }));
  try {
    const plan = planSchema.parse(JSON.parse(fs.readFileSync("data/plans/hengyang/plan.json", "utf8")));
    await db.exec("DELETE FROM plans");
    await savePlan(db, plan);
    const book = new PlanBook(plan);
    const reports = await fill(db, book);
    const store = new ReportStore(db);
    const read = await time(() => store.list({ planId: plan.id }));
    const whole = await time(async () => JSON.stringify(buildDashboard(book, await store.list({ planId: plan.id }), { today: "2026-11-29", periodKind: "quarter" })));
    console.log(`${label}: ${reports} reports (${plan.tasks.length} tasks x ${QUARTERS.length} quarters)`);
    console.log(`  plain SQL read of the reports  p50 ${read.p50.toFixed(1)} ms  p99 ${read.p99.toFixed(1)} ms`);
    console.log(`  whole dashboard, as JSON       p50 ${whole.p50.toFixed(1)} ms  p99 ${whole.p99.toFixed(1)} ms   (${(whole.p50 / read.p50).toFixed(2)}x the read; target <= 100 ms)`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await run("SQLite", {});
if (process.env["DATABASE_URL"]) await run("PostgreSQL", { DATABASE_URL: process.env["DATABASE_URL"] });
