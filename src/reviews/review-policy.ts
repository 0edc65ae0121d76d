/**
 * What happens to a text when it is posted, from who wrote it and the safety guard's verdict:
 *   refuse_blocked  listed words or intents that are never posted: not saved, the author told why;
 *   refuse_personal personal information in a child's text: not saved (so the phone number
 *                   never reaches our database), the child told why at once, kindly;
 *   pending         every child's text (pre-moderation), any text the guard holds, and an
 *                   adult's text whose classifier score is at or above RISK_HOLD_SCORE
 *                   (children read adults' posts, so a risky one waits for a moderator);
 *   published       an adult's text the guard passes with a low score.
 * The guard fails closed (a failed check is a hold), so a failure here means pending.
 */
import type { MemberKind } from "../core/community.ts";
import { type CheckedText, RISK_HOLD_SCORE, refusalOf } from "../safety/index.ts";

export type PostingOutcome = "refuse_blocked" | "refuse_personal" | "pending" | "published";

export function postingOutcome(author: MemberKind, checked: CheckedText): PostingOutcome {
  const refusal = refusalOf(checked, author);
  if (refusal) return refusal === "blocked" ? "refuse_blocked" : "refuse_personal";
  if (author === "child" || checked.verdict === "hold") return "pending";
  if ((checked.score ?? 0) >= RISK_HOLD_SCORE) return "pending";
  return "published";
}
