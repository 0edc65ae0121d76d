/**
 * The plan capability wired together: the plan in force (read from the database), its
 * reports, the dashboard computed on demand, and the HTTP routes. Bundled plan files under
 * data/plans are loaded on first start, as regions are.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import type { DemonstrationType } from "../core/place.ts";
import type { Database } from "../platform/database/database.ts";
import { PdfPrinter } from "../platform/print-pdf.ts";
import { type Dashboard, buildDashboard } from "./dashboard.ts";
import { EvidenceFolder } from "./evidence-files.ts";
import { type PeriodKind, cityToday } from "./periods.ts";
import { PlanBook, loadPlans, readPlanFile, savePlan } from "./plan-book.ts";
import { registerPlanRoutes } from "./plan-routes.ts";
import { registerReportRoutes } from "./report-routes.ts";
import { ReportService } from "./report-service.ts";
import { ReportStore } from "./report-store.ts";
import { type SiteHooks, SiteAssessments, readRubricFile } from "./site-assessments.ts";
import { registerSiteRoutes } from "./site-routes.ts";

export class PlanSupervision {
  private current: PlanBook | null = null;
  readonly store: ReportStore;
  readonly service: ReportService;
  readonly evidence: EvidenceFolder;
  /** One Chromium at a time for the evaluations' PDFs, with the last PDF of each kept. */
  readonly printer = new PdfPrinter();

  readonly sites: SiteAssessments;

  constructor(private readonly db: Database, dataDir: string, private readonly periodKind: PeriodKind, sites: { rubricFile: string; hooks: SiteHooks }) {
    this.sites = new SiteAssessments(db, readRubricFile(sites.rubricFile), sites.hooks);
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

  /** Restores demonstration badges that passed assessments gave and an import overwrote. */
  reapplyCertificates(hasBadge: (placeId: string, type: DemonstrationType) => boolean): Promise<number> {
    return this.sites.reapplyCertificates(hasBadge);
  }

  async dashboard(today = cityToday()): Promise<Dashboard | null> {
    const book = this.current;
    if (!book) return null;
    const [reports, certified] = await Promise.all([this.store.list({ planId: book.plan.id }), this.sites.certifiedValues()]);
    return buildDashboard(book, reports, { today, periodKind: this.periodKind, certified });
  }

  register(app: FastifyInstance, guard: StaffGuard): void {
    const book = () => this.current;
    const dashboard = () => this.dashboard();
    registerPlanRoutes(app, { book, dashboard });
    registerSiteRoutes(app, { guard, sites: this.sites, book });
    registerReportRoutes(app, { db: this.db, guard, service: this.service, store: this.store, evidence: this.evidence, book, dashboard, periodKind: this.periodKind, printer: this.printer });
  }
}

/** Loads each bundled plan file (data/plans/<city>/plan.json) not yet in the database. */
export async function loadBundledPlans(db: Database, folder: string, say: (line: string) => void): Promise<void> {
  const known = new Set((await loadPlans(db)).map((p) => p.id));
  for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []) {
    const file = path.join(folder, entry, "plan.json");
    if (!fs.existsSync(file)) continue;
    // A plan already loaded is not read again: a city's later edits come in through `import plan`.
    const id = (JSON.parse(fs.readFileSync(file, "utf8")) as { id?: unknown }).id;
    if (typeof id === "string" && known.has(id)) continue;
    const read = readPlanFile(file);
    if (!read.ok) throw new Error(read.message);
    await savePlan(db, read.plan);
    say(`Loaded plan ${read.plan.id}: ${read.plan.tasks.length} tasks, ${read.plan.indicators.length} indicators`);
  }
}
