/**
 * Units, reports and indicator values in and out as xlsx, for offices that keep their
 * figures in spreadsheets. The values sheet round-trips: export, fill in, import. Headers
 * are bilingual ("指标 indicator_id"); the last word is the key. Import is all-or-nothing:
 * every row is checked against the plan first, and the first problems are returned with
 * their row and column; only a clean file is written, in one transaction, as approved
 * data of the working group (with an "import" event in each report's history).
 */
import { z } from "zod";
import { recordAudit, type StaffUser } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";
import { valueProblem } from "./indicator-kinds.ts";
import { type PeriodKind, parsePeriod } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import type { Report, ReportStore, ReportValue } from "./report-store.ts";

const VALUE_COLUMNS: Array<[string, string]> = [
  ["单位", "unit_id"], ["任务", "task_number"], ["报告期", "period"], ["指标", "indicator_id"],
  ["区县", "district_unit_id"], ["数值", "value"], ["测量日期", "measured_on"], ["状态", "state"],
];
export const MAX_IMPORT_ROWS = 20_000;

type Workbook = import("exceljs").Workbook;

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tongxing";
  return workbook;
}

function addSheet(workbook: Workbook, name: string, columns: Array<[string, string]>, rows: unknown[][]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map(([zh, key]) => ({ header: `${zh} ${key}`, width: Math.max(14, zh.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
}

export async function exportPlanWorkbook(book: PlanBook, reports: readonly Report[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  addSheet(workbook, "指标值", VALUE_COLUMNS, reports.flatMap((r) => r.values.map((v) => [r.unitId, r.taskNumber, r.period, v.indicatorId, v.districtUnitId ?? "", v.value, v.measuredOn, r.state])));
  addSheet(workbook, "报告", [["编号", "id"], ["单位", "unit_id"], ["任务", "task_number"], ["报告期", "period"], ["状态", "state"], ["任务进展", "task_status"], ["进展说明", "narrative"], ["版本", "revision"], ["提交时间", "submitted_at"], ["审核时间", "decided_at"], ["审核意见", "review_comment"]],
    reports.map((r) => [r.id, r.unitId, r.taskNumber, r.period, r.state, r.taskStatus, r.narrative, r.revision, r.submittedAt, r.decidedAt, r.reviewComment]));
  addSheet(workbook, "单位", [["编号", "id"], ["名称", "name"], ["英文名", "name_en"], ["类别", "kind"], ["所属", "member_of"], ["别名", "aliases"], ["牵头任务", "leads"]],
    book.plan.units.map((u) => [u.id, u.name, u.nameEn, u.kind, u.memberOf ?? "", u.aliases.join("、"), book.plan.tasks.filter((t) => t.leadUnitIds.includes(u.id)).map((t) => t.number).join(",")]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

const rowSchema = z.object({
  unit_id: z.string().min(1),
  task_number: z.coerce.number().int().min(1),
  period: z.string().min(1),
  indicator_id: z.string().min(1),
  district_unit_id: z.string().default(""),
  value: z.coerce.number().finite(),
  measured_on: z.iso.date(),
});

/** Reads the values sheet into checked rows, or the problems found (at most 50). */
export async function readValuesWorkbook(data: Buffer, book: PlanBook, kind: PeriodKind, today: string): Promise<{ ok: true; rows: Array<z.infer<typeof rowSchema>> } | { ok: false; problems: ImportProblem[] }> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, problems: [{ row: 0, column: "file", message: `not an xlsx file: ${(error as Error).message}` }] };
  }
  const sheet = workbook.getWorksheet("指标值") ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, column: "file", message: "the workbook has no sheet" }] };
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return { ok: false, problems: [{ row: 0, column: "file", message: `more than ${MAX_IMPORT_ROWS} rows` }] };
  const keys: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (keys[col] = cell.text.trim().split(/\s+/).pop() ?? ""));
  const problems: ImportProblem[] = [];
  const rows: Array<z.infer<typeof rowSchema>> = [];
  const seen = new Set<string>();
  for (let r = 2; r <= sheet.rowCount && problems.length < 50; r++) {
    const raw: Record<string, string> = {};
    sheet.getRow(r).eachCell((cell, col) => {
      if (keys[col]) raw[keys[col]!] = cell.text.trim();
    });
    if (Object.values(raw).every((v) => v === "")) continue;
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ row: r, column: String(issue.path[0] ?? "row"), message: issue.message });
      continue;
    }
    const row = parsed.data;
    const problem = checkRow(book, kind, today, row);
    const key = `${row.unit_id}|${row.task_number}|${row.period}|${row.indicator_id}|${row.district_unit_id}`;
    if (problem) problems.push({ row: r, ...problem });
    else if (seen.has(key)) problems.push({ row: r, column: "indicator_id", message: "the same unit, task, period, indicator and district twice" });
    else rows.push(row);
    seen.add(key);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function checkRow(book: PlanBook, kind: PeriodKind, today: string, row: z.infer<typeof rowSchema>): { column: string; message: string } | null {
  const task = book.task(row.task_number);
  if (!book.unit(row.unit_id)) return { column: "unit_id", message: `no unit "${row.unit_id}" in the plan` };
  if (!task) return { column: "task_number", message: `no task ${row.task_number}` };
  if (!book.carries(row.unit_id, task)) return { column: "unit_id", message: `${row.unit_id} does not carry task ${row.task_number}` };
  const period = parsePeriod(row.period, kind);
  if (!period || period.start > today) return { column: "period", message: `not a ${kind} that has started` };
  const indicator = book.indicator(row.indicator_id);
  if (!indicator || !indicator.taskNumbers.includes(row.task_number)) return { column: "indicator_id", message: `no indicator "${row.indicator_id}" of task ${row.task_number}` };
  // The same check by the indicator's kind as a unit's report (indicator-kinds.ts).
  const problem = valueProblem(indicator, row.value);
  if (problem) return { column: "value", message: problem.en };
  if (row.district_unit_id && !book.isDistrict(row.district_unit_id)) return { column: "district_unit_id", message: `"${row.district_unit_id}" is not a county or district` };
  if (row.measured_on > today) return { column: "measured_on", message: "in the future" };
  return null;
}

/** Writes checked rows: one approved report per unit, task and period; refuses to overwrite a unit's own submission. */
export async function importValues(db: Database, store: ReportStore, book: PlanBook, user: StaffUser, rows: ReadonlyArray<z.infer<typeof rowSchema>>): Promise<{ reports: number; values: number } | { conflict: string }> {
  const groups = new Map<string, ReportValue[]>();
  for (const row of rows) {
    const key = `${row.unit_id}|${row.task_number}|${row.period}`;
    const list = groups.get(key) ?? [];
    list.push({ indicatorId: row.indicator_id, districtUnitId: row.district_unit_id || null, value: row.value, measuredOn: row.measured_on });
    groups.set(key, list);
  }
  const existing = new Map((await store.list({ planId: book.plan.id })).map((r) => [`${r.unitId}|${r.taskNumber}|${r.period}`, r]));
  for (const key of groups.keys()) {
    const report = existing.get(key);
    if (report && report.state !== "draft") return { conflict: `${key.replace(/\|/g, " ")} already has a ${report.state} report; change it through the workflow` };
  }
  await db.transaction(async (tx) => {
    for (const [key, values] of groups) {
      const [unitId, task, period] = key.split("|") as [string, string, string];
      const id = existing.get(key)?.id ?? (await store.create(tx, { planId: book.plan.id, unitId, taskNumber: Number(task), period, createdBy: user.id }));
      await store.write(tx, id, { taskStatus: "on_track", narrative: "由工作专班导入 (imported by the working group)", values });
      await store.transition(tx, { ...(existing.get(key) ?? emptyReport(id, unitId, Number(task), period, user.id)), values, narrative: "由工作专班导入 (imported by the working group)" }, { action: "import", state: "approved", userId: user.id, comment: null });
    }
    await recordAudit(tx, { userId: user.id, action: "values.import", target: `plan:${book.plan.id}`, detail: { reports: groups.size, values: rows.length } });
  });
  return { reports: groups.size, values: rows.length };
}

function emptyReport(id: string, unitId: string, taskNumber: number, period: string, createdBy: string): Report {
  return { id, planId: "", unitId, taskNumber, period, state: "draft", taskStatus: "on_track", narrative: "", revision: 0, reviewComment: null, createdBy, updatedAt: "", submittedAt: null, decidedAt: null, values: [], attachments: [] };
}
