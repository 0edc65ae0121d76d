/**
 * Moderation: what users, moderators and complainants can do to content, each step in one
 * transaction with its record, and every moderator step in the audit trail.
 *   report    a member reports an item; REPORTS_TO_HIDE distinct reports hide it
 *   decide    approve / hide / remove / warn / suspend, with a reason
 *   appeal    the author asks for a hidden or removed item to be restored
 *   takedown  anyone gives notice of bullying or doxxing; the item is hidden at once
 * It fails closed: nothing here ever publishes an item except a moderator's decision.
 * Every time a moderator's screen shows a minor's content, that access is in the audit trail.
 */
import { recordAudit } from "../accounts/index.ts";
import { type ModerationAction, REPORTS_TO_HIDE } from "../core/community.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Audience, Guard } from "./guard.ts";
import type { ContentAdapter, MemberSanctions, ModeratedItem } from "./moderated-content.ts";
import type { ModerationStore } from "./moderation-store.ts";
import { refusalError, refusalOf } from "./refusal.ts";

const DAY_MS = 86_400_000;

export interface QueueSummary {
  name: string;
  size: number;
  oldestAt: string | null;
}

export class ModerationService {
  private readonly adapters = new Map<string, ContentAdapter>();

  constructor(
    private readonly db: Database,
    private readonly store: ModerationStore,
    private readonly sanctions: MemberSanctions,
    private readonly guard: Guard,
  ) {}

  register(adapter: ContentAdapter): void {
    this.adapters.set(adapter.type, adapter);
  }

  get contentTypes(): string[] {
    return [...this.adapters.keys()];
  }

  private adapter(type: string): ContentAdapter {
    const adapter = this.adapters.get(type);
    if (!adapter) throw ApiError.invalid("targetType", say(`只能是这些之一：${this.contentTypes.join("、")}`, `one of ${this.contentTypes.join(", ")}`));
    return adapter;
  }

  async item(type: string, id: string): Promise<ModeratedItem> {
    const item = await this.adapter(type).find(id);
    if (!item || item.status === "withdrawn") throw ApiError.notFound(say("这条内容", "content"));
    return item;
  }

  /** `householdId` is the guardian's id for a child and the member's own otherwise. */
  async report(reporter: { id: string; householdId: string }, input: { targetType: string; targetId: string; reason: string; detail: string }): Promise<{ hidden: boolean }> {
    const adapter = this.adapter(input.targetType);
    const item = await this.item(input.targetType, input.targetId);
    if (item.status !== "published") throw ApiError.notFound(say("这条内容", "content"));
    if (item.authorId === reporter.id) throw ApiError.conflict(say("不能举报自己发的内容，可以直接撤回", "you cannot report your own post; withdraw it instead"));
    return this.db.transaction(async (tx) => {
      if (!(await this.store.addReport(tx, { ...input, reporterId: reporter.id, householdId: reporter.householdId }))) {
        throw ApiError.conflict(say("你或你的家人已经举报过这条内容", "you or someone in your family already reported this"));
      }
      const count = await adapter.countReport(item.id, tx);
      const hidden = count >= REPORTS_TO_HIDE;
      if (hidden) await adapter.setStatus(item.id, "hidden", tx);
      return { hidden };
    });
  }

  /**
   * A moderator's decision. Approval must name the `statusAt` the moderator saw: if the item
   * changed since (a photo added, a report), the approval is refused with 409 so nothing is
   * published that no moderator has seen.
   */
  async decide(moderatorId: string, type: string, id: string, input: { action: ModerationAction; reason: string; suspendDays?: number | undefined; seenStatusAt?: string | undefined }): Promise<ModeratedItem> {
    const adapter = this.adapter(type);
    const item = await this.item(type, id);
    // Warnings and suspensions are of family accounts; staff answer to their unit, not to moderation.
    if ((input.action === "warn" || input.action === "suspend") && item.authorIsStaff) {
      throw ApiError.invalid("action", say("这是工作人员发布的内容，不能警告或停用账号：请隐藏或删除，并联系发布单位", "staff posted this: warnings and suspensions are for family accounts; hide or remove it and contact their unit"));
    }
    if (input.action === "approve" && input.seenStatusAt !== item.statusAt) {
      throw ApiError.conflict(say("这条内容在你查看之后有了变化，请重新查看", "this post changed since you saw it; look at it again"), "seenStatusAt");
    }
    await this.db.transaction(async (tx) => {
      if (input.action === "approve") await adapter.setStatus(id, "published", tx);
      if (input.action === "hide") await adapter.setStatus(id, "hidden", tx);
      if (input.action === "remove" || input.action === "suspend") await adapter.setStatus(id, "removed", tx);
      if (input.action === "warn") await this.sanctions.warn(item.authorId, tx);
      if (input.action === "suspend") {
        const until = new Date(Date.now() + (input.suspendDays ?? 7) * DAY_MS).toISOString();
        await this.sanctions.suspend(item.authorId, until, tx);
        await this.sanctions.closeAllSessions(item.authorId, tx);
      }
      await this.store.addDecision(tx, { targetType: type, targetId: id, action: input.action, reason: input.reason, moderatorId });
      await recordAudit(tx, { userId: moderatorId, action: `moderation.${input.action}`, target: `${type}:${id}`, detail: { reason: input.reason, author: item.authorId, suspendDays: input.suspendDays ?? null } });
    });
    return this.item(type, id);
  }

  /** The author asks for a hidden or removed item back; the text is held to the author's standard. */
  async appeal(author: { id: string; kind: Audience }, input: { targetType: string; targetId: string; text: string }) {
    // An appeal is read by staff only, but a child's personal information is still not kept.
    const checked = this.guard.check(input.text, author.kind);
    const refusal = refusalOf(checked, author.kind);
    if (refusal) throw refusalError(refusal, checked, "text");
    const memberId = author.id;
    const item = await this.item(input.targetType, input.targetId);
    if (item.authorId !== memberId) throw ApiError.notFound(say("这条内容", "content"));
    if (item.status !== "hidden" && item.status !== "removed") throw ApiError.conflict(say("只有被隐藏或删除的内容才能申诉", "only hidden or removed posts can be appealed"));
    const open = await this.store.appeals({ status: "open", target: { type: input.targetType, id: input.targetId } });
    if (open.length > 0) throw ApiError.conflict(say("这条内容已有一个申诉在处理中", "an appeal of this post is already waiting"));
    return this.store.addAppeal({ targetType: input.targetType, targetId: input.targetId, body: input.text, memberId });
  }

  /** Logs a moderator's view of minors' content, one row per screenful. */
  private async logMinorAccess(moderatorId: string, items: readonly ModeratedItem[], view: string): Promise<void> {
    const minors = items.filter((i) => i.authorIsMinor);
    if (minors.length === 0) return;
    await recordAudit(this.db, { userId: moderatorId, action: "minor_data.read", target: view, detail: { items: minors.map((i) => `${i.type}:${i.id}`), members: [...new Set(minors.map((i) => i.authorId))] } });
  }

  /** The queue as a moderator's screen shows it (minors' items logged). */
  async queueFor(moderatorId: string): Promise<{ items: ModeratedItem[]; queues: QueueSummary[] }> {
    const queue = await this.queue();
    await this.logMinorAccess(moderatorId, queue.items, "moderation.queue");
    return queue;
  }

  /** One item with its reports, decisions and appeals, as a moderator sees it (logged if a minor's). */
  async itemFor(moderatorId: string, type: string, id: string) {
    const item = await this.item(type, id);
    await this.logMinorAccess(moderatorId, [item], `${type}:${id}`);
    return { item, reports: await this.store.reportsOf(type, id), decisions: await this.store.decisionsOf(type, id), appeals: await this.store.appeals({ target: { type, id } }) };
  }

  /** The open appeals as a moderator sees them (the minors' items they name logged). */
  async openAppealsFor(moderatorId: string) {
    const appeals = await this.store.appeals({ status: "open" });
    const items = await Promise.all(appeals.map((a) => this.item(a.targetType, a.targetId).catch(() => null)));
    await this.logMinorAccess(moderatorId, items.filter((i): i is ModeratedItem => i !== null), "moderation.appeals");
    return appeals;
  }

  appealsOf(memberId: string) {
    return this.store.appeals({ memberId });
  }

  takedowns() {
    return this.store.takedowns();
  }

  /** The item an appeal or notice names as it is now; null when gone or withdrawn. */
  private async current(type: string, id: string): Promise<ModeratedItem | null> {
    const item = await this.adapter(type).find(id);
    return item && item.status !== "withdrawn" ? item : null;
  }

  /**
   * Overturning restores only a hidden or removed item that still exists; an appeal of a
   * post withdrawn meanwhile is closed without bringing anything back.
   */
  async decideAppeal(moderatorId: string, appealId: string, decision: "upheld" | "overturned", reason: string): Promise<{ restored: boolean }> {
    const appeal = (await this.store.appeals({ status: "open" })).find((a) => a.id === appealId);
    if (!appeal) throw ApiError.notFound(say("待处理的申诉", "open appeal"));
    const adapter = this.adapter(appeal.targetType);
    const item = await this.current(appeal.targetType, appeal.targetId);
    const restored = decision === "overturned" && item !== null && (item.status === "hidden" || item.status === "removed");
    await this.db.transaction(async (tx) => {
      await this.store.decideAppeal(tx, appealId, decision, moderatorId, reason);
      if (restored) await adapter.setStatus(appeal.targetId, "published", tx);
      await this.store.addDecision(tx, { targetType: appeal.targetType, targetId: appeal.targetId, action: `appeal_${decision}`, reason, moderatorId });
      await recordAudit(tx, { userId: moderatorId, action: `moderation.appeal_${decision}`, target: `${appeal.targetType}:${appeal.targetId}`, detail: { appeal: appealId, reason, restored } });
    });
    return { restored };
  }

  /** A notice of bullying or doxxing: the item comes off the card at once, pending a decision. */
  async takedown(input: { targetType: string; targetId: string; kind: string; contact: string; detail: string }) {
    const adapter = this.adapter(input.targetType);
    const item = await this.item(input.targetType, input.targetId);
    return this.db.transaction(async (tx) => {
      const hidItem = item.status === "published";
      if (hidItem) await adapter.setStatus(item.id, "hidden", tx);
      return this.store.addTakedown(tx, { ...input, hidItem });
    });
  }

  /**
   * Taking down removes the item (unless withdrawn meanwhile). Rejecting restores it only
   * when this notice hid a published item and no moderator has decided on it since, so a
   * rejected notice never publishes what a moderator hid or never approved.
   */
  async decideTakedown(moderatorId: string, noticeId: string, decision: "taken_down" | "rejected", reason: string): Promise<void> {
    const notice = (await this.store.takedowns("open")).find((n) => n.id === noticeId);
    if (!notice) throw ApiError.notFound(say("待处理的通知", "open notice"));
    const adapter = this.adapter(notice.targetType);
    const item = await this.current(notice.targetType, notice.targetId);
    const laterDecisions = (await this.store.decisionsOf(notice.targetType, notice.targetId)).filter((d) => d.decidedAt > notice.receivedAt);
    const restore = decision === "rejected" && item?.status === "hidden" && notice.hidItem && laterDecisions.length === 0;
    await this.db.transaction(async (tx) => {
      await this.store.decideTakedown(tx, noticeId, decision, moderatorId, reason);
      if (item && decision === "taken_down") await adapter.setStatus(item.id, "removed", tx);
      if (item && restore) await adapter.setStatus(item.id, "published", tx);
      await this.store.addDecision(tx, { targetType: notice.targetType, targetId: notice.targetId, action: `takedown_${decision}`, reason, moderatorId });
      await recordAudit(tx, { userId: moderatorId, action: `moderation.takedown_${decision}`, target: `${notice.targetType}:${notice.targetId}`, detail: { notice: noticeId, kind: notice.kind, reason, restored: restore } });
    });
  }

  /** An item with the guard's reading of its text now: risk, score and the spans found. */
  private withRisk(item: ModeratedItem): ModeratedItem {
    const checked = this.guard.check(item.text, item.authorIsMinor ? "child" : "adult");
    const spans = checked.reasons.map((r) => ({ kind: r.kind, rule: r.rule ?? null, category: r.category ?? null, start: r.start, end: r.end }));
    // Reports are a person's judgement: an item others reported ranks at least by their number.
    const reported = item.reportCount > 0 ? Math.min(0.95, 0.5 + 0.1 * item.reportCount) : 0;
    return { ...item, risk: Math.max(checked.risk ?? 0, reported), score: checked.score ?? 0, spans };
  }

  /**
   * Everything awaiting a moderator, riskiest first (the guard's risk of the text), and among
   * equal risks oldest first; and each queue's size and oldest entry.
   */
  async queue(): Promise<{ items: ModeratedItem[]; queues: QueueSummary[] }> {
    const items = (await Promise.all([...this.adapters.values()].map((a) => a.awaiting()))).flat()
      .map((item) => this.withRisk(item))
      .sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0) || a.statusAt.localeCompare(b.statusAt));
    const appeals = await this.store.appeals({ status: "open" });
    const takedowns = await this.store.takedowns("open");
    const summary = (name: string, dates: string[]): QueueSummary => ({ name, size: dates.length, oldestAt: dates.sort()[0] ?? null });
    return {
      items,
      queues: [
        summary("pending", items.filter((i) => i.status === "pending").map((i) => i.statusAt)),
        summary("hidden", items.filter((i) => i.status === "hidden").map((i) => i.statusAt)),
        summary("appeals", appeals.map((a) => a.createdAt)),
        summary("takedowns", takedowns.map((n) => n.receivedAt)),
      ],
    };
  }
}
