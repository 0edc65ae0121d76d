/**
 * The records moderation keeps: user reports, moderator decisions with reasons, appeals,
 * and notice-and-takedown requests. They are the evidence of what was done and why.
 */
import { randomUUID } from "node:crypto";
import { type Database, type Queryable, isUniqueViolation } from "../platform/database/database.ts";

export interface Appeal {
  id: string;
  targetType: string;
  targetId: string;
  memberId: string;
  body: string;
  status: "open" | "upheld" | "overturned";
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface TakedownNotice {
  id: string;
  targetType: string;
  targetId: string;
  kind: string;
  contact: string;
  detail: string;
  status: "open" | "taken_down" | "rejected";
  /** Whether this notice took the item off the card (it was published when received). */
  hidItem: boolean;
  receivedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface Decision {
  action: string;
  reason: string;
  moderatorId: string;
  decidedAt: string;
}

const now = () => new Date().toISOString();

export class ModerationStore {
  constructor(private readonly db: Database) {}

  /**
   * False when someone of this household (a guardian and their children count as one)
   * already reported this item, including a race lost to a concurrent report.
   */
  async addReport(tx: Queryable, report: { targetType: string; targetId: string; reporterId: string; householdId: string; reason: string; detail: string }): Promise<boolean> {
    const existing = await tx.all("SELECT 1 FROM content_reports WHERE target_type = ? AND target_id = ? AND household_id = ?", [report.targetType, report.targetId, report.householdId]);
    if (existing.length > 0) return false;
    try {
      await tx.run(
        "INSERT INTO content_reports (id, target_type, target_id, reporter_id, household_id, reason, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [randomUUID(), report.targetType, report.targetId, report.reporterId, report.householdId, report.reason, report.detail, now()],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async reportsOf(targetType: string, targetId: string): Promise<Array<{ reason: string; detail: string; createdAt: string }>> {
    const rows = await this.db.all<{ reason: string; detail: string; created_at: string }>(
      "SELECT reason, detail, created_at FROM content_reports WHERE target_type = ? AND target_id = ? ORDER BY created_at",
      [targetType, targetId],
    );
    return rows.map((r) => ({ reason: r.reason, detail: r.detail, createdAt: r.created_at }));
  }

  async addDecision(tx: Queryable, decision: { targetType: string; targetId: string; action: string; reason: string; moderatorId: string }): Promise<void> {
    await tx.run(
      "INSERT INTO moderation_decisions (id, target_type, target_id, action, reason, moderator_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [randomUUID(), decision.targetType, decision.targetId, decision.action, decision.reason, decision.moderatorId, now()],
    );
  }

  async decisionsOf(targetType: string, targetId: string): Promise<Decision[]> {
    const rows = await this.db.all<{ action: string; reason: string; moderator_id: string; decided_at: string }>(
      "SELECT action, reason, moderator_id, decided_at FROM moderation_decisions WHERE target_type = ? AND target_id = ? ORDER BY decided_at",
      [targetType, targetId],
    );
    return rows.map((r) => ({ action: r.action, reason: r.reason, moderatorId: r.moderator_id, decidedAt: r.decided_at }));
  }

  async addAppeal(appeal: { targetType: string; targetId: string; memberId: string; body: string }): Promise<Appeal> {
    const full: Appeal = { id: randomUUID(), ...appeal, status: "open", createdAt: now(), decidedAt: null, decisionReason: null };
    await this.db.run(
      "INSERT INTO appeals (id, target_type, target_id, member_id, body, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [full.id, full.targetType, full.targetId, full.memberId, full.body, full.status, full.createdAt],
    );
    return full;
  }

  async appeals(where: { status?: string; memberId?: string; target?: { type: string; id: string } }): Promise<Appeal[]> {
    const clauses: string[] = [];
    const params: string[] = [];
    const add = (clause: string, ...values: string[]) => {
      clauses.push(clause);
      params.push(...values);
    };
    if (where.status) add("status = ?", where.status);
    if (where.memberId) add("member_id = ?", where.memberId);
    if (where.target) add("target_type = ? AND target_id = ?", where.target.type, where.target.id);
    const rows = await this.db.all<Record<string, string | null>>(`SELECT * FROM appeals${clauses.length ? ` WHERE ${clauses.join(" AND ")}` : ""} ORDER BY created_at`, params);
    return rows.map((r) => ({
      id: r.id!, targetType: r.target_type!, targetId: r.target_id!, memberId: r.member_id!, body: r.body!,
      status: r.status as Appeal["status"], createdAt: r.created_at!, decidedAt: r.decided_at ?? null, decisionReason: r.decision_reason ?? null,
    }));
  }

  async decideAppeal(tx: Queryable, id: string, status: "upheld" | "overturned", moderatorId: string, reason: string): Promise<void> {
    await tx.run("UPDATE appeals SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ? WHERE id = ?", [status, now(), moderatorId, reason, id]);
  }

  async addTakedown(tx: Queryable, notice: { targetType: string; targetId: string; kind: string; contact: string; detail: string; hidItem: boolean }): Promise<TakedownNotice> {
    const full: TakedownNotice = { id: randomUUID(), ...notice, status: "open", receivedAt: now(), decidedAt: null, decisionReason: null };
    await tx.run(
      "INSERT INTO takedown_notices (id, target_type, target_id, kind, contact, detail, status, hid_item, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [full.id, full.targetType, full.targetId, full.kind, full.contact, full.detail, full.status, full.hidItem ? 1 : 0, full.receivedAt],
    );
    return full;
  }

  async takedowns(status?: string): Promise<TakedownNotice[]> {
    const rows = await this.db.all<Record<string, string | null>>(
      status ? "SELECT * FROM takedown_notices WHERE status = ? ORDER BY received_at" : "SELECT * FROM takedown_notices ORDER BY received_at",
      status ? [status] : [],
    );
    return rows.map((r) => ({
      id: r.id!, targetType: r.target_type!, targetId: r.target_id!, kind: r.kind!, contact: r.contact!, detail: r.detail!,
      status: r.status as TakedownNotice["status"], hidItem: Number(r.hid_item) === 1, receivedAt: r.received_at!, decidedAt: r.decided_at ?? null, decisionReason: r.decision_reason ?? null,
    }));
  }

  async decideTakedown(tx: Queryable, id: string, status: "taken_down" | "rejected", moderatorId: string, reason: string): Promise<void> {
    await tx.run("UPDATE takedown_notices SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ? WHERE id = ?", [status, now(), moderatorId, reason, id]);
  }
}
