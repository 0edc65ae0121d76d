/**
 * The plan capability wired together: the plan in force (read from the database), its
 * reports, the dashboard computed on demand, and the HTTP routes. Bundled plan files under
 * data/plans are loaded on first start, as regions are.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";
import { type Dashboard, buildDashboard } from "./dashboard.ts";
import { EvidenceFolder } from "./evidence-files.ts";
import type { PeriodKind } from "./periods.ts";
import { PlanBook, loadPlans, readPlanFile, savePlan } from "./plan-book.ts";
import { registerPlanRoutes } from "./plan-routes.ts";
import { registerReportRoutes } from "./report-routes.ts";
import { ReportService } from "./report-service.ts";
import { ReportStore } from "./report-store.ts";

export class PlanSupervision {
  private current: PlanBook | null = null;
  readonly store: ReportStore;
  readonly service: ReportService;
  readonly evidence: EvidenceFolder;

  constructor(private readonly db: Database, dataDir: string, private readonly periodKind: PeriodKind) {
    this.store = new ReportStore(db);
    this.evidence = new EvidenceFolder(path.join(dataDir, "evidence"));
    this.service = new ReportService({ db, store: this.store, book: () => this.requireBook(), periodKind, evidence: this.evidence });
  }

  private requireBook(): PlanBook {
    if (!this.current) throw new Error("no plan loaded");
    return this.current;
  }

  get book(): PlanBook | null {
    return this.current;
  }

  async reload(): Promise<void> {
    const [plan] = await loadPlans(this.db);
    this.current = plan ? new PlanBook(plan) : null;
  }

  async dashboard(today = new Date().toISOString().slice(0, 10)): Promise<Dashboard | null> {
    const book = this.current;
    if (!book) return null;
    return buildDashboard(book, await this.store.list({ planId: book.plan.id }), { today, periodKind: this.periodKind });
  }

  register(app: FastifyInstance, guard: StaffGuard): void {
    const book = () => this.current;
    const dashboard = () => this.dashboard();
    registerPlanRoutes(app, { book, dashboard });
    registerReportRoutes(app, { db: this.db, guard, service: this.service, store: this.store, evidence: this.evidence, book, dashboard, periodKind: this.periodKind });
  }
}

/** Loads each bundled plan file (data/plans/<city>/plan.json) not yet in the database. */
export async function loadBundledPlans(db: Database, folder: string, say: (line: string) => void): Promise<void> {
  const known = new Set((await loadPlans(db)).map((p) => p.id));
  for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []) {
    const file = path.join(folder, entry, "plan.json");
    if (!fs.existsSync(file)) continue;
    const read = readPlanFile(file);
    if (!read.ok) throw new Error(read.message);
    if (known.has(read.plan.id)) continue;
    await savePlan(db, read.plan);
    say(`Loaded plan ${read.plan.id}: ${read.plan.tasks.length} tasks, ${read.plan.indicators.length} indicators`);
  }
}
