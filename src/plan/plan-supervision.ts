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
import { Printer } from "../platform/printer.ts";
import { type Dashboard, buildDashboard } from "./dashboard.ts";
import { EvidenceStore } from "./evidence-files.ts";
import { type PeriodKind, cityToday } from "./periods.ts";
import { PlanBook, loadPlans, readPlanFile, savePlan } from "./plan-book.ts";
import type { ActivitySource } from "./activities.ts";
import type { ParticipationSource } from "./participation.ts";
import { type ReportingStart, type StoredReportingDates, readReportingDates, readReportingFile, resolveReportingStart, storeReportingFileDate } from "./reporting-start.ts";
import { planRoutes } from "./plan-routes.ts";
import { reportRoutes, supervisionRoutes } from "./report-routes.ts";
import { ReportService } from "./report-service.ts";
import { type Report, ReportStore } from "./report-store.ts";
import { type SiteHooks, SiteAssessments, readRubricFile } from "./site-assessments.ts";
import { siteRoutes } from "./site-routes.ts";
import { SupervisionService } from "./supervision-service.ts";
import { schoolProjectRoutes } from "./school-projects-routes.ts";
import { SchoolProjectService } from "./school-projects-service.ts";

export class PlanSupervision {
  private current: PlanBook | null = null;
  readonly store: ReportStore;
  readonly service: ReportService;
  readonly supervision: SupervisionService;
  readonly evidence: EvidenceStore;
  /** The server's printer (one Chromium at a time) for the evaluations' PDFs, with the last PDF of each kept. */
  readonly printer: Printer;

  readonly sites: SiteAssessments;
  /** School-route projects (学径改造): task 22's projects, counted toward its indicators. */
  readonly schoolProjects: SchoolProjectService;
  private participationSource: ParticipationSource | null = null;
  private activitySource: ActivitySource | null = null;
  private dates: StoredReportingDates = { file: null, firstLoaded: null };

  /**
   * `options.reportingStarts`: the setting TONGXING_REPORTING_STARTS, which overrides the plan
   * folder's date; `options.printer`: the server's printer (one of its own when not given).
   */
  constructor(private readonly db: Database, dataDir: string, private readonly periodKind: PeriodKind, sites: { rubricFile: string; hooks: SiteHooks }, private readonly options: { reportingStarts?: string | undefined; printer?: Printer } = {}) {
    this.printer = options.printer ?? new Printer();
    this.sites = new SiteAssessments(db, readRubricFile(sites.rubricFile), sites.hooks);
    this.store = new ReportStore(db);
    this.evidence = new EvidenceStore(db, path.join(dataDir, "evidence"));
    const book = () => this.current;
    const reportingStart = (reports: readonly Report[]) => this.reportingStart(reports).date;
    this.service = new ReportService({ db, store: this.store, book, periodKind, evidence: this.evidence, reportingStart });
    this.schoolProjects = new SchoolProjectService(db, book);
    this.supervision = new SupervisionService({ db, store: this.store, book, periodKind, printer: this.printer, reportingStart, participation: () => this.participationSource, activities: () => this.activitySource });
  }

  /** Children's ideas, given by the voice domain at start (participation.ts); none until then. */
  useParticipation(source: ParticipationSource): void {
    this.participationSource = source;
  }

  /** Task 12's activities, given by the events domain at start (activities.ts); none until then. */
  useActivities(source: ActivitySource): void {
    this.activitySource = source;
  }

  get book(): PlanBook | null {
    return this.current;
  }

  async reload(): Promise<void> {
    const [plan] = await loadPlans(this.db);
    this.current = plan ? new PlanBook(plan) : null;
    this.dates = plan ? await readReportingDates(this.db, plan.id) : { file: null, firstLoaded: null };
  }

  /** When the city began reporting in the system, given the plan's reports (reporting-start.ts). */
  reportingStart(reports: readonly Report[]): ReportingStart {
    const plan = this.current?.plan ?? { period: { start: Number(cityToday().slice(0, 4)), end: 0 } };
    return resolveReportingStart({ ...this.dates, setting: this.options.reportingStarts }, reports.map((r) => r.period), plan, this.periodKind);
  }

  /** Restores demonstration badges that passed assessments gave and an import overwrote. */
  reapplyCertificates(hasBadge: (placeId: string, type: DemonstrationType) => boolean): Promise<number> {
    return this.sites.reapplyCertificates(hasBadge);
  }

  async dashboard(today = cityToday()): Promise<Dashboard | null> {
    const book = this.current;
    if (!book) return null;
    const [reports, certified, projects] = await Promise.all([this.store.list({ planId: book.plan.id }), this.sites.certifiedValues(), this.schoolProjects.indicatorValues()]);
    const dashboard = buildDashboard(book, reports, { today, periodKind: this.periodKind, certified: [...certified, ...projects], reportingStarts: this.reportingStart(reports).date });
    return this.participationSource ? { ...dashboard, participation: await this.participationSource.figures() } : dashboard;
  }
}

/** What the plan domain's routes need from the composition root. */
export interface PlanDomainDeps {
  plan: PlanSupervision;
  guard: StaffGuard;
}

/** The plan domain over HTTP, as one Fastify plugin: the public plan, sites, reports and supervision. */
export async function planDomain(app: FastifyInstance, { plan, guard }: PlanDomainDeps): Promise<void> {
  const book = () => plan.book;
  const dashboard = () => plan.dashboard();
  await app.register(planRoutes, { book, dashboard });
  await app.register(siteRoutes, { guard, sites: plan.sites, book });
  await app.register(schoolProjectRoutes, { guard, projects: plan.schoolProjects });
  const reports = { guard, service: plan.service, supervision: plan.supervision, dashboard };
  await app.register(reportRoutes, reports);
  await app.register(supervisionRoutes, reports);
}

/**
 * Loads each bundled plan file (data/plans/<city>/plan.json) not yet in the database, and on
 * every start the date its folder's reporting.json gives for when reporting starts (or none).
 */
export async function loadBundledPlans(db: Database, folder: string, say: (line: string) => void): Promise<void> {
  const known = new Set((await loadPlans(db)).map((p) => p.id));
  for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []) {
    const file = path.join(folder, entry, "plan.json");
    if (!fs.existsSync(file)) continue;
    // A plan already loaded is not read again: a city's later edits come in through `import plan`.
    const id = (JSON.parse(fs.readFileSync(file, "utf8")) as { id?: unknown }).id;
    const reportingStarts = readReportingFile(path.join(folder, entry));
    if (typeof id === "string" && known.has(id)) {
      await storeReportingFileDate(db, id, reportingStarts);
      continue;
    }
    const read = readPlanFile(file);
    if (!read.ok) throw new Error(read.message);
    await savePlan(db, read.plan);
    await storeReportingFileDate(db, read.plan.id, reportingStarts);
    say(`Loaded plan ${read.plan.id}: ${read.plan.tasks.length} tasks, ${read.plan.indicators.length} indicators`);
  }
}
