/**
 * The working group's views of the whole plan, one function per request: the overdue list,
 * the mid-term and final evaluations (workbook, page, PDF) and the values spreadsheet out
 * and in. Each answers 404 while no plan is loaded; an import is one transaction with its
 * audit entries (plan-workbooks.ts).
 */
import type { StaffUser } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Printer, PrintResult } from "../platform/printer.ts";
import { type Evaluation, type EvaluationStage, buildEvaluation } from "./evaluation.ts";
import { evaluationPage } from "./evaluation-page.ts";
import { evaluationWorkbook } from "./evaluation-workbook.ts";
import { type UnitArrears, overdueReports } from "./overdue.ts";
import type { ActivitySource } from "./activities.ts";
import { type OverdueIdea, type ParticipationSource, overdueIdeasNamed } from "./participation.ts";
import { type PeriodKind, cityToday } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import { type ImportProblem, exportPlanWorkbook, importValues, readValuesWorkbook } from "./plan-workbooks.ts";
import type { Report, ReportStore } from "./report-store.ts";

/** The plan in force, or 404 with how to load one. */
export function requirePlan(book: PlanBook | null): PlanBook {
  if (!book) throw ApiError.notFound(say("行动计划（用 tongxing import plan <plan.json> 导入）", "action plan (load one with: tongxing import plan <plan.json>)"));
  return book;
}

export interface SupervisionContext {
  db: Database;
  store: ReportStore;
  book: () => PlanBook | null;
  periodKind: PeriodKind;
  /** Prints evaluations one at a time and keeps each stage's last PDF. */
  printer: Printer;
  /** When the city began reporting in the system, given the plan's reports (reporting-start.ts). */
  reportingStart?: (reports: readonly Report[]) => string;
  /** Children's ideas, once the voice domain gives them (participation.ts). */
  participation?: () => ParticipationSource | null;
  /** Task 12's activities, once the events domain gives them (activities.ts). */
  activities?: () => ActivitySource | null;
}

/** A values import: what was written, or every problem found (and nothing written). */
export type ValuesImport = { ok: true; reports: number; values: number } | { ok: false; problems: ImportProblem[] };

export class SupervisionService {
  constructor(private readonly context: SupervisionContext) {}

  async overdue(): Promise<{ today: string; reportingStarts: string; units: UnitArrears[]; ideas: Array<OverdueIdea & { unitName: string | null }> }> {
    const book = requirePlan(this.context.book());
    const today = cityToday();
    const reports = await this.context.store.list({ planId: book.plan.id });
    const reportingStarts = this.context.reportingStart?.(reports) ?? `${book.plan.period.start}-01-01`;
    const ideas = await overdueIdeasNamed(this.context.participation?.() ?? null, (id) => book.unit(id)?.name);
    return { today, reportingStarts, units: overdueReports(book, reports, today, this.context.periodKind, reportingStarts), ideas };
  }

  private async evaluation(stage: EvaluationStage): Promise<{ book: PlanBook; evaluation: Evaluation }> {
    const book = requirePlan(this.context.book());
    const reports = await this.context.store.list({ planId: book.plan.id });
    const reportingStarts = this.context.reportingStart?.(reports);
    const evaluation = buildEvaluation(book, reports, { stage, today: cityToday(), periodKind: this.context.periodKind, ...(reportingStarts ? { reportingStarts } : {}) });
    const source = this.context.participation?.() ?? null;
    const activities = this.context.activities?.() ?? null;
    return {
      book,
      evaluation: {
        ...evaluation,
        ...(source ? { participation: await source.figures() } : {}),
        // Held in the plan's years up to the evaluation's cut-off.
        ...(activities ? { activities: { taskNumber: activities.taskNumber, figures: await activities.figures(`${book.plan.period.start}-01-01`, evaluation.cutOff) } } : {}),
      },
    };
  }

  async evaluationWorkbook(stage: EvaluationStage): Promise<Buffer> {
    const { book, evaluation } = await this.evaluation(stage);
    return evaluationWorkbook(book, evaluation);
  }

  async evaluationPage(stage: EvaluationStage): Promise<string> {
    const { book, evaluation } = await this.evaluation(stage);
    return evaluationPage(book, evaluation);
  }

  /** The evaluation as PDF from the one shared printer (busy or without Chromium: not ok). */
  async evaluationPdf(stage: EvaluationStage): Promise<PrintResult> {
    const { book, evaluation } = await this.evaluation(stage);
    return this.context.printer.print(`${book.plan.id}:${evaluation.stage}`, evaluationPage(book, evaluation));
  }

  /** Every value of every report past draft, as the round-tripping values workbook. */
  async exportValues(): Promise<Buffer> {
    const book = requirePlan(this.context.book());
    const reports = (await this.context.store.list({ planId: book.plan.id })).filter((r) => r.state !== "draft");
    return exportPlanWorkbook(book, reports);
  }

  async importValues(user: StaffUser, content: Buffer): Promise<ValuesImport> {
    const book = requirePlan(this.context.book());
    const read = await readValuesWorkbook(content, book, this.context.periodKind, cityToday());
    if (!read.ok) return { ok: false, problems: read.problems };
    const result = await importValues(this.context.db, this.context.store, book, user, read.rows);
    if ("conflict" in result) throw ApiError.conflict(say(`${result.conflict}；没有导入任何数据`, `${result.conflict}; nothing was imported`));
    return { ok: true, ...result };
  }
}
