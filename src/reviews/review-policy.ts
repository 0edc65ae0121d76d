/**
 * What happens to a text when it is posted, from who wrote it and the safety guard's verdict:
 *   refuse_blocked  listed words that are never posted: not saved, the author told why;
 *   refuse_personal personal information in a child's text: not saved (so the phone number
 *                   never reaches our database), the child told why at once, kindly;
 *   pending         every child's text (pre-moderation), and any text the word list holds;
 *   published       an adult's text the guard passes.
 * The guard fails closed (a failed check is a hold), so a failure here means pending.
 */
import type { MemberKind } from "../core/community.ts";

/** The parts of a guard verdict the policy needs (the safety domain's GuardResult fits). */
export interface CheckedText {
  verdict: "pass" | "hold" | "block";
  reasons: ReadonlyArray<{ kind: string; action: "hold" | "block" }>;
}

export type PostingOutcome = "refuse_blocked" | "refuse_personal" | "pending" | "published";

const PERSONAL_KINDS = new Set(["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school"]);

export function postingOutcome(author: MemberKind, checked: CheckedText): PostingOutcome {
  if (checked.verdict === "block") return "refuse_blocked";
  if (author === "child" && checked.reasons.some((r) => PERSONAL_KINDS.has(r.kind))) return "refuse_personal";
  if (author === "child" || checked.verdict === "hold") return "pending";
  return "published";
}
