/**
 * When the city began reporting in the system. Periods that ended before that day are "no
 * data" (暂无数据), not late. In order of precedence:
 *   1. the setting TONGXING_REPORTING_STARTS (an installation's override),
 *   2. the plan's folder: data/plans/<city>/reporting.json {"reportingStarts": "YYYY-MM-DD"},
 *      read on every start (docs/PLAN-SUPERVISION.md),
 *   3. otherwise the day the plan was first loaded into this database, or the start of the
 *      earliest period a unit has reported on if that is earlier (databases that already hold
 *      reports keep counting them),
 *   4. a database from before this was recorded: the first day of the plan.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Plan } from "../core/plan.ts";
import type { Database } from "../platform/database/database.ts";
import { type PeriodKind, parsePeriod } from "./periods.ts";

export const REPORTING_FILE = "reporting.json";

const isoDate = z.iso.date();
const reportingFileSchema = z.object({ reportingStarts: isoDate }).strict();

export type ReportingStartSource = "setting" | "file" | "installed" | "plan";

export interface ReportingStart {
  date: string;
  source: ReportingStartSource;
}

/** What the database recorded for a plan: the file's date (if any) and the day it was first loaded. */
export interface StoredReportingDates {
  file: string | null;
  firstLoaded: string | null;
}

/** The reporting start of a plan folder's reporting.json, null without one; throws on a malformed file. */
export function readReportingFile(folder: string): string | null {
  const file = path.join(folder, REPORTING_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = reportingFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: expected {"reportingStarts": "YYYY-MM-DD"}: ${parsed.error.issues[0]!.message}`);
  return parsed.data.reportingStarts;
}

export async function storeReportingFileDate(db: Database, planId: string, date: string | null): Promise<void> {
  await db.run("UPDATE plans SET reporting_starts = ? WHERE id = ?", [date, planId]);
}

export async function readReportingDates(db: Database, planId: string): Promise<StoredReportingDates> {
  const rows = await db.all<{ reporting_starts: string | null; first_loaded_on: string | null }>("SELECT reporting_starts, first_loaded_on FROM plans WHERE id = ?", [planId]);
  return { file: rows[0]?.reporting_starts ?? null, firstLoaded: rows[0]?.first_loaded_on ?? null };
}

/** The reporting start in force, with where it came from. */
export function resolveReportingStart(
  sources: StoredReportingDates & { setting?: string | null | undefined },
  reportedPeriods: readonly string[],
  plan: Pick<Plan, "period">,
  kind: PeriodKind,
): ReportingStart {
  if (sources.setting) return { date: sources.setting, source: "setting" };
  if (sources.file) return { date: sources.file, source: "file" };
  if (sources.firstLoaded) {
    const starts = reportedPeriods.map((id) => parsePeriod(id, kind)?.start).filter((d): d is string => d !== undefined);
    const earliest = [sources.firstLoaded, ...starts].sort()[0]!;
    return { date: earliest, source: "installed" };
  }
  return { date: `${plan.period.start}-01-01`, source: "plan" };
}
