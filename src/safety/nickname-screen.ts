/**
 * Nicknames are public and shown beside children's posts: anyone's is held to the child
 * standard (no listed word, no phone number, no address), with no moderator in between. The
 * guard's first rule-based problem becomes a refusal in both languages; null when the nickname is fine.
 */
import { type Localized, say } from "../platform/errors.ts";
import type { Guard } from "./guard.ts";

export function screenNicknameWith(guard: Guard): (nickname: string) => Localized | null {
  return (nickname) => {
    // The classifier reads sentences, not names: a nickname answers to the rules alone.
    const problem = guard.check(nickname, "child").reasons.find((r) => r.kind !== "model");
    return problem ? say(`请换一个昵称：${problem.message.zh}`, `choose another nickname: ${problem.message.en}`) : null;
  };
}
