/**
 * The rules of an idea's way to a decision, as values (no I/O): which answer may follow
 * which stage, what each answer must carry, and when an unanswered idea is overdue.
 *   sent → received → under_study → accepted → in_progress → done
 *   sent, received, under_study, accepted → not_adopted
 * A unit may skip ahead (straight to accepted) but never go back; done and not_adopted
 * are final. `accepted` carries what will be done and by when; `not_adopted` a reason;
 * `done` needs a photo of the result.
 */
import type { IdeaAnswerStage, IdeaStage } from "../core/api/voice.ts";

const ORDER: Readonly<Record<IdeaStage, number>> = { new: 0, sent: 1, received: 2, under_study: 3, accepted: 4, in_progress: 5, done: 6, not_adopted: 6, merged: 6 };

/** Stages a unit has answered in (the first answer ends the wait). */
export const ANSWERED_STAGES: readonly IdeaStage[] = ["received", "under_study", "accepted", "in_progress", "done", "not_adopted"];
/** Stages counted as adopted (the evaluation's "ideas adopted"). */
export const ADOPTED_STAGES: readonly IdeaStage[] = ["accepted", "in_progress", "done"];

export type AnswerProblem =
  | { problem: "not_sent" }
  | { problem: "final" }
  | { problem: "backwards" }
  | { problem: "needs_text" }
  | { problem: "needs_date" }
  | { problem: "needs_result_photo" };

/** Whether `answer` may follow `current`, with what it carries; null when it may. */
export function answerProblem(current: IdeaStage, answer: { stage: IdeaAnswerStage; text: string; by?: string | undefined }, hasResultPhoto: boolean): AnswerProblem | null {
  if (current === "new") return { problem: "not_sent" };
  if (current === "done" || current === "not_adopted" || current === "merged") return { problem: "final" };
  if (answer.stage === "not_adopted") {
    if (current === "in_progress") return { problem: "backwards" };
    return answer.text.trim().length < 4 ? { problem: "needs_text" } : null;
  }
  if (ORDER[answer.stage] < ORDER[current] || (ORDER[answer.stage] === ORDER[current] && answer.stage !== "under_study" && answer.stage !== "in_progress")) return { problem: "backwards" };
  if (answer.stage === "accepted") {
    if (answer.text.trim().length < 4) return { problem: "needs_text" };
    if (!answer.by) return { problem: "needs_date" };
  }
  if (answer.stage === "done" && !hasResultPhoto) return { problem: "needs_result_photo" };
  return null;
}

/** Whole days from one ISO time to another (never negative). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * Overdue: public, not merged, no answer from a unit yet, and published more than
 * `deadlineDays` ago (the wait counts from publication, sent on or not: staff must triage
 * in time too).
 */
export function isOverdue(idea: { status: string; stage: IdeaStage; publishedAt: string | null; firstAnswerAt: string | null }, now: string, deadlineDays: number): boolean {
  if (idea.status !== "published" || idea.publishedAt === null || idea.firstAnswerAt !== null) return false;
  if (idea.stage !== "new" && idea.stage !== "sent") return false;
  return daysBetween(idea.publishedAt, now) > deadlineDays;
}

/** The median of some numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
