/**
 * Guardian consent records: what was agreed or refused, when, for which child, under which
 * version of the child privacy rules. Kept after a child account is deleted, as the proof
 * that the account existed only with consent (they hold no data about the child itself).
 */
import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../platform/database/database.ts";

export const CONSENT_DECISIONS = ["agreed", "refused", "withdrawn"] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** What a guardian agrees to when creating a child account. */
export const CONSENT_SCOPE = "child account: nickname, sign-in name, birth year; reviews and photos of places, pre-moderated";

export interface ConsentRecord {
  id: string;
  guardianId: string;
  childId: string | null;
  decision: ConsentDecision;
  policyVersion: string;
  scope: string;
  recordedAt: string;
}

export async function recordConsent(tx: Queryable, record: Omit<ConsentRecord, "id" | "recordedAt">): Promise<ConsentRecord> {
  const full = { id: randomUUID(), recordedAt: new Date().toISOString(), ...record };
  await tx.run(
    "INSERT INTO consent_records (id, guardian_id, child_id, decision, policy_version, scope, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [full.id, full.guardianId, full.childId, full.decision, full.policyVersion, full.scope, full.recordedAt],
  );
  return full;
}

export async function consentsOf(db: Database, guardianId: string): Promise<ConsentRecord[]> {
  const rows = await db.all<{ id: string; guardian_id: string; child_id: string | null; decision: string; policy_version: string; scope: string; recorded_at: string }>(
    "SELECT * FROM consent_records WHERE guardian_id = ? ORDER BY recorded_at",
    [guardianId],
  );
  return rows.map((r) => ({
    id: r.id,
    guardianId: r.guardian_id,
    childId: r.child_id,
    decision: r.decision as ConsentDecision,
    policyVersion: r.policy_version,
    scope: r.scope,
    recordedAt: r.recorded_at,
  }));
}
