/**
 * Commands for the supervision side: `tongxing user add` creates a staff account (the
 * first administrator of a fresh installation among them) and `tongxing import plan`
 * loads a city's own plan file. The password is read from TONGXING_PASSWORD or, when that
 * is unset, from the first line of standard input, so it never appears in the process list.
 */
import readline from "node:readline";
import { AccountStore, createStaffUser } from "../accounts/index.ts";
import type { Database } from "../platform/database/database.ts";
import { loadPlans, readPlanFile, savePlan } from "../plan/index.ts";

async function readPassword(): Promise<string> {
  const fromEnv = process.env["TONGXING_PASSWORD"];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stdout.write("Password (at least 10 characters): ");
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

export async function addUser(db: Database, flags: { username?: string; role?: string; name?: string; unit?: string; places?: string }): Promise<{ ok: boolean; message: string }> {
  const plans = await loadPlans(db);
  const units = new Set(plans.flatMap((p) => p.units.map((u) => u.id)));
  const named = flags.places ? flags.places.split(",").map((id) => id.trim()).filter(Boolean) : [];
  const known = new Set<string>();
  for (const id of named) if ((await db.all("SELECT 1 AS x FROM places WHERE id = ? AND removed_at IS NULL", [id])).length > 0) known.add(id);
  const result = await createStaffUser(db, new AccountStore(db), {
    username: flags.username,
    role: flags.role,
    displayName: flags.name ?? flags.username,
    unitId: flags.unit ?? null,
    placeIds: named,
    password: await readPassword(),
  }, { isUnit: (id) => units.has(id), isPlace: (id) => known.has(id), byUserId: null });
  return result.ok
    ? { ok: true, message: `Created ${result.user.role} ${result.user.username}${result.user.unitId ? ` of ${result.user.unitId}` : ""}${result.user.placeIds.length ? ` for ${result.user.placeIds.join(", ")}` : ""}` }
    : { ok: false, message: `${result.field}: ${result.message}; no account was created` };
}

export async function importPlan(db: Database, file: string): Promise<{ ok: boolean; message: string }> {
  const read = readPlanFile(file);
  if (!read.ok) return { ok: false, message: `${read.message}; nothing was imported` };
  await savePlan(db, read.plan);
  return { ok: true, message: `Loaded plan ${read.plan.id}: ${read.plan.goals.length} goals, ${read.plan.actions.length} actions, ${read.plan.tasks.length} tasks, ${read.plan.units.length} units, ${read.plan.indicators.length} indicators` };
}
