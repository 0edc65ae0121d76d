/**
 * A plan loaded and indexed: units by id or by any spelling, tasks by number, indicators
 * by id, and which units carry each task. A plan is data: any city's plan file in the
 * format of data/plans/hengyang/plan.json (checked by planSchema) works the same way.
 */
import fs from "node:fs";
import { type Plan, type PlanIndicator, type PlanTask, type PlanUnit, planSchema } from "../core/plan.ts";
import type { Database } from "../platform/database/database.ts";
import { cityToday } from "./periods.ts";

export class PlanBook {
  private readonly units = new Map<string, PlanUnit>();
  private readonly tasks = new Map<number, PlanTask>();
  private readonly indicators = new Map<string, PlanIndicator>();

  constructor(readonly plan: Plan) {
    for (const unit of plan.units) this.units.set(unit.id, unit);
    for (const task of plan.tasks) this.tasks.set(task.number, task);
    for (const indicator of plan.indicators) this.indicators.set(indicator.id, indicator);
  }

  unit(id: string): PlanUnit | undefined {
    return this.units.get(id);
  }

  task(number: number): PlanTask | undefined {
    return this.tasks.get(number);
  }

  indicator(id: string): PlanIndicator | undefined {
    return this.indicators.get(id);
  }

  /** Units a county-level district belongs to, itself included ("yanfeng" -> ["yanfeng", "county-districts"]). */
  unitAndGroups(id: string): string[] {
    const out: string[] = [];
    for (let unit = this.units.get(id); unit && !out.includes(unit.id); unit = unit.memberOf ? this.units.get(unit.memberOf) : undefined) out.push(unit.id);
    return out;
  }

  /** True when the unit (or a group it belongs to) leads or takes part in the task. */
  carries(unitId: string, task: PlanTask): boolean {
    return this.unitAndGroups(unitId).some((id) => task.leadUnitIds.includes(id) || task.participatingUnitIds.includes(id));
  }

  /** A district unit (one county or district), whose reporters report only their own values. */
  isDistrict(unitId: string): boolean {
    const unit = this.units.get(unitId);
    return unit?.kind === "district" && unit.memberOf !== undefined;
  }

  /** Units that must report on each task each period: its lead units, groups expanded to members. */
  reportingUnits(task: PlanTask): string[] {
    return task.leadUnitIds.flatMap((id) => {
      const members = this.plan.units.filter((u) => u.memberOf === id).map((u) => u.id);
      return members.length > 0 ? members : [id];
    });
  }
}

/** Reads and checks a plan file: the plan, or the first problem found in it. */
export function readPlanFile(file: string): { ok: true; plan: Plan } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, message: `${file} is not readable JSON: ${(error as Error).message}` };
  }
  const parsed = planSchema.safeParse(json);
  if (parsed.success) return { ok: true, plan: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${file}: ${issue.path.join(".") || "plan"}: ${issue.message}` };
}

/** Stores a plan, replacing an earlier version of the same plan id in place (its reports stay). */
export async function savePlan(db: Database, plan: Plan): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    const existing = await tx.all("SELECT id FROM plans WHERE id = ?", [plan.id]);
    if (existing.length > 0) await tx.run("UPDATE plans SET document = ?, loaded_at = ? WHERE id = ?", [JSON.stringify(plan), now, plan.id]);
    // The install day: without a reporting start of its own, the city reports from then (reporting-start.ts).
    else await tx.run("INSERT INTO plans (id, document, loaded_at, first_loaded_on) VALUES (?, ?, ?, ?)", [plan.id, JSON.stringify(plan), now, cityToday()]);
  });
}

/** The stored plans (most installations have one). */
export async function loadPlans(db: Database): Promise<Plan[]> {
  const rows = await db.all<{ document: string }>("SELECT document FROM plans ORDER BY id");
  return rows.map((r) => planSchema.parse(JSON.parse(r.document)));
}
