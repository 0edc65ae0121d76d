/**
 * What every staff view is given: the signed-in user, the plan (tasks, units, indicators)
 * and ways to move to another view and to tell the user something. Also the names views
 * show for units, tasks and indicators in the current language.
 */
import { pick } from "../../shared/i18n.ts";
import { planTasks, type PlanIndicator, type PlanTaskSummary, type PlanTree } from "../../shared/plan-ui/index.ts";
import type { PlanUnit, StaffUser } from "./staff-session-api.ts";

/** The views of the staff page, addressed by the URL's hash. */
export type StaffView = { name: "tasks" } | { name: "queue" } | { name: "dashboard" } | { name: "report"; id: string };

/** Shared by the views of a signed-in session. */
export interface StaffContext {
  readonly user: StaffUser;
  readonly tree: PlanTree;
  readonly units: ReadonlyMap<string, PlanUnit>;
  /** Shows another view (and puts it in the history, so Back works). */
  go(view: StaffView): void;
  /** Announces a short message politely. */
  say(message: string, tone?: "info" | "warning"): void;
}

/** The hash of a view: "#tasks", "#report/<id>". */
export function viewHash(view: StaffView): string {
  return view.name === "report" ? `#report/${encodeURIComponent(view.id)}` : `#${view.name}`;
}

/** The view a hash names, or null for an unknown one. */
export function parseViewHash(hash: string): StaffView | null {
  const [name, id] = hash.replace(/^#/, "").split("/");
  if (name === "report" && id) return { name: "report", id: decodeURIComponent(id) };
  if (name === "tasks" || name === "queue" || name === "dashboard") return { name };
  return null;
}

/** A unit's name in the current language, or its id when the plan does not know it. */
export function unitName(context: StaffContext, id: string): string {
  const unit = context.units.get(id);
  return unit ? pick({ zh: unit.name, en: unit.nameEn }) : id;
}

/** The plan's task with this number. */
export function findTask(context: StaffContext, taskNumber: number): PlanTaskSummary | undefined {
  return planTasks(context.tree).find((task) => task.number === taskNumber);
}

/** The task's title in the current language, numbered: "26. 推进公园适儿化改造示范项目". */
export function taskTitle(context: StaffContext, taskNumber: number): string {
  const task = findTask(context, taskNumber);
  return task ? `${task.number}. ${pick({ zh: task.title, en: task.titleEn })}` : String(taskNumber);
}

/** The plan's indicators of a task. */
export function taskIndicators(context: StaffContext, taskNumber: number): PlanIndicator[] {
  const ids = findTask(context, taskNumber)?.indicatorIds ?? [];
  return context.tree.indicators.filter((indicator) => ids.includes(indicator.id));
}

/** The unit and the groups it belongs to ("yanfeng-district" -> it and "county-districts"). */
export function unitAndGroups(context: StaffContext, unitId: string): string[] {
  const out: string[] = [];
  for (let unit = context.units.get(unitId); unit && !out.includes(unit.id); unit = unit.memberOf ? context.units.get(unit.memberOf) : undefined) out.push(unit.id);
  return out;
}

/** True for one county or district, whose reporters give only their own district's values. */
export function isDistrict(context: StaffContext, unitId: string): boolean {
  const unit = context.units.get(unitId);
  return unit?.kind === "district" && unit.memberOf !== undefined;
}

/** Today's date (YYYY-MM-DD) as the server counts it (UTC), the latest date a value may carry. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The last day of a period id ("2026-Q3" -> "2026-09-30", "2026-H1", "2026"), or null. */
export function periodEnd(id: string): string | null {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  const month = !part ? 12 : part.startsWith("Q") ? Number(part[1]) * 3 : Number(part[1]) * 6;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
