/**
 * What is kept around an idea: its dated steps (the record of the accountability path),
 * its comments (moderated as reviews are) and the notifications its author and supporters
 * read in "我的".
 */
import { randomUUID } from "node:crypto";
import type { IdeaStage } from "../core/api/voice.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import type { ModeratedStatus } from "../safety/index.ts";

export interface IdeaStep {
  stage: IdeaStage;
  body: string;
  dueBy: string | null;
  unitId: string | null;
  staffId: string | null;
  at: string;
}

export interface StoredComment {
  id: string;
  ideaId: string;
  memberId: string;
  authorKind: "adult" | "child";
  nickname: string;
  body: string;
  status: ModeratedStatus;
  holdReasons: unknown[];
  reportCount: number;
  createdAt: string;
  statusAt: string;
}

export type NotificationEvent = "published" | "answer" | "merged" | "triaged" | "refused";

export interface StoredNotification {
  id: string;
  ideaId: string;
  ideaTitle: string;
  event: NotificationEvent;
  stage: IdeaStage | null;
  forChild: string | null;
  /** The idea's author, so a supporter is told of "the idea you support". */
  authorId: string | null;
  createdAt: string;
  readAt: string | null;
}

const COMMENT_SELECT = "SELECT c.*, m.kind AS author_kind, m.nickname FROM idea_comments c JOIN members m ON m.id = c.member_id";

function commentOf(row: Record<string, unknown>): StoredComment {
  return {
    id: String(row["id"]), ideaId: String(row["idea_id"]), memberId: String(row["member_id"]), authorKind: row["author_kind"] as "adult" | "child", nickname: String(row["nickname"]),
    body: String(row["body"]), status: row["status"] as ModeratedStatus, holdReasons: JSON.parse(String(row["hold_reasons"])) as unknown[], reportCount: Number(row["report_count"]),
    createdAt: String(row["created_at"]), statusAt: String(row["status_at"]),
  };
}

export class IdeaRecords {
  constructor(private readonly db: Database) {}

  async addStep(tx: Queryable, ideaId: string, step: Omit<IdeaStep, "at">): Promise<void> {
    await tx.run("INSERT INTO idea_steps (id, idea_id, stage, body, due_by, unit_id, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [randomUUID(), ideaId, step.stage, step.body, step.dueBy, step.unitId, step.staffId, new Date().toISOString()]);
  }

  async steps(ideaId: string): Promise<IdeaStep[]> {
    const rows = await this.db.all("SELECT stage, body, due_by, unit_id, staff_id, at FROM idea_steps WHERE idea_id = ? ORDER BY at, id", [ideaId]);
    return rows.map((r) => ({ stage: r["stage"] as IdeaStage, body: String(r["body"]), dueBy: (r["due_by"] as string | null) ?? null, unitId: (r["unit_id"] as string | null) ?? null, staffId: (r["staff_id"] as string | null) ?? null, at: String(r["at"]) }));
  }

  async insertComment(ideaId: string, memberId: string, body: string, status: "pending" | "published", holdReasons: unknown[]): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO idea_comments (id, idea_id, member_id, body, status, hold_reasons, created_at, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [id, ideaId, memberId, body, status, JSON.stringify(holdReasons), now, now]);
      if (status === "published") await tx.run("UPDATE ideas SET comment_count = comment_count + 1 WHERE id = ?", [ideaId]);
    });
    return id;
  }

  async comment(id: string): Promise<StoredComment | null> {
    const row = (await this.db.all(`${COMMENT_SELECT} WHERE c.id = ?`, [id]))[0];
    return row ? commentOf(row) : null;
  }

  /** Published comments, oldest first, and the member's own still waiting. */
  async comments(ideaId: string, viewerId: string | null, limit = 100): Promise<StoredComment[]> {
    const rows = await this.db.all(`${COMMENT_SELECT} WHERE c.idea_id = ? AND (c.status = 'published' OR (c.member_id = ? AND c.status = 'pending')) ORDER BY c.created_at LIMIT ${Math.trunc(limit)}`, [ideaId, viewerId ?? ""]);
    return rows.map(commentOf);
  }

  async commentsAwaiting(): Promise<StoredComment[]> {
    return (await this.db.all(`${COMMENT_SELECT} WHERE c.status IN ('pending', 'hidden') ORDER BY c.status_at`)).map(commentOf);
  }

  /** Changes a comment's status and keeps the idea's count of published comments true. */
  async setCommentStatus(id: string, status: ModeratedStatus, tx: Queryable): Promise<void> {
    const reset = status === "published" ? ", report_count = 0" : "";
    await tx.run(`UPDATE idea_comments SET status = ?, status_at = ?${reset} WHERE id = ?`, [status, new Date().toISOString(), id]);
    await tx.run("UPDATE ideas SET comment_count = (SELECT COUNT(*) FROM idea_comments WHERE idea_id = ideas.id AND status = 'published') WHERE id = (SELECT idea_id FROM idea_comments WHERE id = ?)", [id]);
  }

  async countCommentReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE idea_comments SET report_count = report_count + 1 WHERE id = ?", [id]);
    return Number((await tx.all<{ n: number }>("SELECT report_count AS n FROM idea_comments WHERE id = ?", [id]))[0]?.n ?? 0);
  }

  /** One notification for each member (at most once per member and event). */
  async notify(tx: Queryable, ideaId: string, event: NotificationEvent, stage: IdeaStage | null, recipients: ReadonlyArray<{ memberId: string; forChild: string | null }>): Promise<void> {
    const now = new Date().toISOString();
    const seen = new Set<string>();
    for (const r of recipients) {
      if (seen.has(r.memberId)) continue;
      seen.add(r.memberId);
      await tx.run("INSERT INTO idea_notifications (id, member_id, idea_id, event, stage, for_child, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", [randomUUID(), r.memberId, ideaId, event, stage, r.forChild, now]);
    }
  }

  async notifications(memberId: string, limit = 50): Promise<StoredNotification[]> {
    const rows = await this.db.all(`SELECT n.*, i.title, i.member_id AS author_id FROM idea_notifications n JOIN ideas i ON i.id = n.idea_id WHERE n.member_id = ? ORDER BY n.created_at DESC, n.id LIMIT ${Math.trunc(limit)}`, [memberId]);
    return rows.map((r) => ({ id: String(r["id"]), ideaId: String(r["idea_id"]), ideaTitle: String(r["title"]), event: r["event"] as NotificationEvent, stage: (r["stage"] as IdeaStage | null) ?? null, forChild: (r["for_child"] as string | null) ?? null, authorId: (r["author_id"] as string | null) ?? null, createdAt: String(r["created_at"]), readAt: (r["read_at"] as string | null) ?? null }));
  }

  async unread(memberId: string): Promise<number> {
    return Number((await this.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM idea_notifications WHERE member_id = ? AND read_at IS NULL", [memberId]))[0]?.n ?? 0);
  }

  async markRead(memberId: string, upTo: string): Promise<void> {
    await this.db.run("UPDATE idea_notifications SET read_at = ? WHERE member_id = ? AND read_at IS NULL AND created_at <= ?", [new Date().toISOString(), memberId, upTo]);
  }
}
