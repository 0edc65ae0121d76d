/**
 * The audit trail: one row per change a person made (sign-in, report edited, approved,
 * account created), with who, when, what and the details needed to reconstruct it.
 */
import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../platform/database/database.ts";

export interface AuditEntry {
  at: string;
  userId: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Queryable, entry: Omit<AuditEntry, "at">): Promise<void> {
  await db.run("INSERT INTO audit_log (id, at, user_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)", [
    randomUUID(),
    new Date().toISOString(),
    entry.userId,
    entry.action,
    entry.target,
    JSON.stringify(entry.detail),
  ]);
}

/** The newest entries first, optionally of one target ("report:…"). */
export async function readAudit(db: Database, options: { target?: string; limit: number }): Promise<AuditEntry[]> {
  const rows = await db.all<{ at: string; user_id: string | null; action: string; target: string; detail: string }>(
    options.target
      ? "SELECT at, user_id, action, target, detail FROM audit_log WHERE target = ? ORDER BY at DESC LIMIT ?"
      : "SELECT at, user_id, action, target, detail FROM audit_log ORDER BY at DESC LIMIT ?",
    options.target ? [options.target, options.limit] : [options.limit],
  );
  return rows.map((r) => ({ at: r.at, userId: r.user_id, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
