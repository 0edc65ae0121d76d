/**
 * When a text is not kept at all, whoever it is for (a review, a correction note, an
 * appeal): a word whose action is block, from anyone; personal information, from a child
 * (so a child's phone number never reaches the database). Everything else may be stored,
 * published or held as its own feature decides. The 422 carries the guard's kind reasons.
 */
import { ApiError, say } from "../platform/errors.ts";
import type { Audience, GuardResult } from "./guard.ts";
import { PERSONAL_INFO_KINDS } from "./personal-info.ts";

export type Refusal = "blocked" | "personal";

/** The parts of a verdict the rule reads (a GuardResult fits). */
export interface CheckedText {
  verdict: "pass" | "hold" | "block";
  reasons: ReadonlyArray<{ kind: string; action: "hold" | "block" }>;
  /** The classifier's score, when the guard gave one. */
  score?: number;
}

/**
 * An adult's post whose classifier score reaches this waits for a moderator even when no
 * rule fired (reviews today, ideas next): the guard's own model threshold, shared here so
 * every posting path holds the same texts.
 */
export const RISK_HOLD_SCORE = 0.7;

const PERSONAL = new Set<string>(PERSONAL_INFO_KINDS);

export function refusalOf(checked: CheckedText, audience: Audience): Refusal | null {
  if (checked.verdict === "block") return "blocked";
  if (audience === "child" && checked.reasons.some((r) => PERSONAL.has(r.kind))) return "personal";
  return null;
}

/** The 422 for a refused text, naming the request field and carrying the reasons and spans. */
export function refusalError(refusal: Refusal, checked: GuardResult, field: string): ApiError {
  const reasons = checked.reasons.map((r) => ({ kind: r.kind, start: r.start, end: r.end, message: r.message, ...(r.rule ? { rule: r.rule } : {}) }));
  if (refusal === "blocked") return new ApiError(422, "blocked_by_safety", reasons.find((r) => r.kind === "word")?.message ?? say("这段内容不能发布", "this cannot be posted"), field, { reasons });
  const first = reasons.find((r) => r.kind !== "word") ?? reasons[0];
  return new ApiError(422, "held_for_safety", first?.message ?? say("为了保护你的安全，这段内容先不发布", "this was held back to keep you safe"), field, { reasons });
}
