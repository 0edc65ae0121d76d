/**
 * Frozen copy (2026-12-02) of the guard before issue 18, kept only as the benchmark peer "previous guard".
 *
 * The verdict the posting path gives a text, and the app shows while a child types:
 *   block  a listed word whose action is block (insults, threats, gambling spam, ...);
 *   hold   a listed word to be reviewed, or, in a child's text, personal information;
 *   pass   nothing found.
 * Every reason carries its span in the original text and a message a child understands.
 * The guard fails closed: if checking throws, the text is held for a person to review.
 */
import { AUDIENCES } from "../../../src/core/api/vocabulary.ts";
import { type PersonalInfoKind, findPersonalInfo } from "./personal-info.ts";
import { findIntents } from "./intent-patterns.ts";
import { characters } from "./match-text.ts";
import type { WordFilter, WordHit } from "./word-filter.ts";

/** The audiences are the API contract's (src/core/api/vocabulary.ts). */
export { AUDIENCES };
export type Audience = (typeof AUDIENCES)[number];
export type Verdict = "pass" | "hold" | "block";

export interface Reason {
  kind: "word" | PersonalInfoKind | "check_failed";
  action: "hold" | "block";
  category?: WordHit["category"];
  start: number;
  end: number;
  message: { zh: string; en: string };
}

export interface GuardResult {
  verdict: Verdict;
  reasons: Reason[];
}

const PERSONAL_MESSAGES: Record<PersonalInfoKind, { zh: string; en: string }> = {
  phone: { zh: "为了保护你，请不要写电话号码。", en: "To keep you safe, please don't write phone numbers." },
  id_number: { zh: "身份证号码是很重要的秘密，请不要写出来。", en: "An ID number is an important secret; please leave it out." },
  address: { zh: "请不要写家里的详细地址（几栋几单元几号）。", en: "Please don't write your home address (building, unit, room)." },
  school_class: { zh: "请不要写你在哪个学校哪个班。", en: "Please don't say which school and class you are in." },
  qq: { zh: "请不要留QQ号，陌生人可能会联系你。", en: "Please don't leave a QQ number; strangers could contact you." },
  wechat: { zh: "请不要留微信号，陌生人可能会联系你。", en: "Please don't leave a WeChat id; strangers could contact you." },
  email: { zh: "请不要写电子邮箱地址。", en: "Please don't write an e-mail address." },
  real_name_with_school: { zh: "请用昵称，不要写真实姓名。", en: "Please use your nickname, not your real name." },
};

const WORD_MESSAGE = {
  block: { zh: "这段话里有伤人或不合适的词，不能发出。", en: "This has hurtful or unsuitable words and can't be posted." },
  hold: { zh: "这段话需要管理员看一下才能发出。", en: "A moderator will look at this before it is posted." },
};

/** For a child who writes of despair: not a rule broken, a person to talk to (12355 is the youth hotline). */
const CARE_MESSAGE = {
  zh: "听起来你有点难过。可以和爸爸妈妈、老师说说，也可以打12355青少年服务热线。一位管理员会看到这段话。",
  en: "It sounds like you are sad. Talk to a parent or teacher, or call the 12355 youth hotline. A moderator will read this.",
};

export class Guard {
  constructor(private readonly words: WordFilter) {}

  check(text: string, audience: Audience): GuardResult {
    try {
      const reasons: Reason[] = [];
      const seen = new Set<string>();
      // Both read the text the same way; read it once.
      const chars = characters(text);
      for (const hit of [...this.words.check(text, chars), ...findIntents(text, chars)]) {
        const key = `${hit.start}-${hit.end}-${hit.action}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const message = hit.category === "self_harm" ? CARE_MESSAGE : WORD_MESSAGE[hit.action];
        reasons.push({ kind: "word", action: hit.action, category: hit.category, start: hit.start, end: hit.end, message });
      }
      if (audience === "child") {
        for (const hit of findPersonalInfo(text)) reasons.push({ kind: hit.kind, action: "hold", start: hit.start, end: hit.end, message: PERSONAL_MESSAGES[hit.kind] });
      }
      reasons.sort((a, b) => a.start - b.start);
      const verdict: Verdict = reasons.some((r) => r.action === "block") ? "block" : reasons.length > 0 ? "hold" : "pass";
      return { verdict, reasons };
    } catch {
      return { verdict: "hold", reasons: [{ kind: "check_failed", action: "hold", start: 0, end: text.length, message: { zh: "暂时无法检查，请稍后由管理员审核。", en: "This could not be checked now; a moderator will review it." } }] };
    }
  }
}
