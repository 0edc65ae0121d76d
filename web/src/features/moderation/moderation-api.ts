/**
 * Client of the moderation API for the staff page: the queue, decisions, appeals, notices,
 * corrections. The bodies are typed by the contract (src/core/api); only types are imported,
 * so zod stays out of the browser.
 */
import type { CorrectionDecision } from "../../../../src/core/api/places.ts";
import type { AppealDecision, ModerationDecision, TakedownDecision } from "../../../../src/core/api/safety.ts";
import { getJson } from "../../shared/api.ts";
import type { GuardSpan } from "./marked-text.ts";
import { field, getField, send } from "../../shared/http.ts";

export interface ModeratedItem {
  readonly type: string;
  readonly id: string;
  readonly status: "pending" | "published" | "hidden" | "removed";
  readonly authorNickname: string;
  readonly authorIsMinor: boolean;
  /** Staff posted it: warn and suspend (family accounts') are not offered. */
  readonly authorIsStaff?: boolean;
  readonly text: string;
  readonly placeId: string | null;
  readonly rating: number | null;
  readonly photoIds: readonly string[];
  readonly holdReasons: ReadonlyArray<{ kind: string; category?: string | null }>;
  readonly reportCount: number;
  readonly statusAt: string;
  /** How urgent, 0..1 (the queue is ordered by it, then by age). */
  readonly risk?: number;
  /** The safety classifier's score of the text, 0..1. */
  readonly score?: number;
  /** What the guard finds in the text, with spans (UTF-16 offsets) in `text`. */
  readonly spans?: readonly GuardSpan[];
}

export interface QueueSummary {
  readonly name: "pending" | "hidden" | "appeals" | "takedowns";
  readonly size: number;
  readonly oldestAt: string | null;
}

export interface Appeal {
  readonly id: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface Notice {
  readonly id: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly kind: string;
  readonly contact: string;
  readonly detail: string;
  readonly status: "open" | "taken_down" | "rejected";
  readonly receivedAt: string;
}

export interface Correction {
  readonly id: string;
  readonly placeId: string;
  readonly kind: string;
  readonly detail: string;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly createdAt: string;
  readonly place: { id: string; name: string; lon: number; lat: number; openingHours: string | null } | null;
}

export async function fetchQueue(): Promise<{ items: ModeratedItem[]; queues: QueueSummary[]; now: string }> {
  const body = await getJson("/api/moderation/queue");
  return { items: field(body, "items", Array.isArray), queues: field(body, "queues", Array.isArray), now: field(body, "now") };
}

/** A decision on what the moderator saw: the server refuses an approval if the item changed since. */
export const decideItem = (item: ModeratedItem, action: ModerationDecision["action"], reason: string, suspendDays?: number) =>
  send("POST", `/api/moderation/items/${item.type}/${item.id}/decisions`, { action, reason, seenStatusAt: item.statusAt, ...(suspendDays ? { suspendDays } : {}) } satisfies ModerationDecision);
export const fetchAppeals = () => getField<Appeal[]>("/api/moderation/appeals", "appeals", Array.isArray);
export const decideAppeal = (id: string, decision: AppealDecision["decision"], reason: string) => send("POST", `/api/moderation/appeals/${id}`, { decision, reason } satisfies AppealDecision);
export const fetchNotices = () => getField<Notice[]>("/api/moderation/takedowns", "notices", Array.isArray);
export const decideNotice = (id: string, decision: TakedownDecision["decision"], reason: string) => send("POST", `/api/moderation/takedowns/${id}`, { decision, reason } satisfies TakedownDecision);
export const fetchCorrections = () => getField<Correction[]>("/api/moderation/corrections", "corrections", Array.isArray);
export const resolveCorrection = (id: string, body: CorrectionDecision) => send("POST", `/api/moderation/corrections/${id}`, body);
