/**
 * The verdict the posting path gives a text, and the app shows while a child types:
 *   block  a listed word or an intent pattern whose action is block (insults, threats,
 *          exposing a child, scams, drug sales, ...);
 *   hold   a listed word or intent to be reviewed, the classifier's score at or above its
 *          threshold, or, in a child's text, personal information;
 *   pass   nothing found.
 * Every check reads the same canonical reading (normalise.ts). Every reason carries its span
 * in the original text, the rule that fired (`rule`), and a message a child understands; the
 * result carries the classifier's `score` and a `risk` (0..1) the moderation queue sorts by.
 * The guard fails closed: if checking throws, the text is held for a person to review.
 */
import { pinyin } from "pinyin-pro";
import { AUDIENCES } from "../core/api/vocabulary.ts";
import { DEFAULT_MODEL_FILE, HarmClassifier } from "./classifier.ts";
import { type PersonalInfoKind, findPersonalInfo } from "./personal-info.ts";
import { findIntents } from "./intent-patterns.ts";
import { characters } from "./match-text.ts";
import { readText } from "./normalise.ts";
import type { WordFilter, WordHit } from "./word-filter.ts";

/** The audiences are the API contract's (src/core/api/vocabulary.ts). */
export { AUDIENCES };
export type Audience = (typeof AUDIENCES)[number];
export type Verdict = "pass" | "hold" | "block";

export interface Reason {
  /** "model" is the classifier's score at or above its threshold. */
  kind: "word" | PersonalInfoKind | "check_failed" | "model";
  action: "hold" | "block";
  category?: WordHit["category"];
  start: number;
  end: number;
  message: { zh: string; en: string };
  /** The rule that fired, for a moderator: a listed word, an intent pattern's name, the structure of personal information, "classifier". */
  rule?: string;
  /** For "model": the classifier's score. */
  score?: number;
}

export interface GuardResult {
  verdict: Verdict;
  reasons: Reason[];
  /** The classifier's P(harmful), 0..1 (0 when no model is loaded). */
  score?: number;
  /** How urgently a moderator should look, 0..1: block 1, personal information 0.9, other holds at least 0.6, else the score. */
  risk?: number;
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
  social_account: { zh: "请不要留抖音、快手、小红书等账号，陌生人可能会联系你。", en: "Please don't leave a social-app account; strangers could contact you." },
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

/**
 * A listed word that is only held (毒品, 赌博, 吸毒) is innocent where the text is about
 * keeping away from it: an anti-drug exhibition, a lesson, a warning.
 */
const EDUCATION = /禁毒|禁赌|远离|拒绝|危害|科普|宣传|防范|展区|展览|讲座|教育|警示|不要碰|别碰|千万不要/u;
const EDUCATED_CATEGORIES = new Set(["drugs", "gambling"]);
/** A scam's name is innocent where the text calls it one ("爸爸说刷单都是骗局"). */
const SCAM_WARNING = /骗局|骗子|诈骗|防骗|上当|别信|不要信|千万不能|千万别/u;

/** Letters said, just before them, to be an abbreviation ("拼音缩写是CNM") are not the insult they spell. */
const ABBREVIATION = /缩写|简称|首字母|abbreviation|stands for/iu;

/**
 * Latin initials (2 to 5 letters) that spell the pinyin initials of the Han characters just
 * before them are a name's abbreviation ("同盟队（TMD）"), or the text says they are one.
 */
function isAbbreviation(text: string, hit: WordHit): boolean {
  const letters = text.slice(hit.start, hit.end);
  if (!/^[a-z]{2,5}$/i.test(letters)) return false;
  if (ABBREVIATION.test(text.slice(Math.max(0, hit.start - 10), hit.start))) return true;
  const han = [...text.slice(0, hit.start).replace(/[^\p{Script=Han}]+$/u, "")].slice(-letters.length).join("");
  if (!/^\p{Script=Han}+$/u.test(han) || han.length !== letters.length) return false;
  const initials = (pinyin(han, { pattern: "first", toneType: "none", type: "array" }) as string[]).join("");
  return initials.toLowerCase() === letters.toLowerCase();
}

const MODEL_MESSAGE = { zh: "这段话需要管理员看一下才能发出。", en: "A moderator will look at this before it is posted." };

let committedModel: HarmClassifier | null | undefined;
/** The committed classifier, read once; null when its file is missing (the rules still run). */
function defaultModel(): HarmClassifier | null {
  if (committedModel === undefined) {
    try {
      committedModel = HarmClassifier.read(DEFAULT_MODEL_FILE);
    } catch {
      committedModel = null;
    }
  }
  return committedModel;
}

function riskOf(verdict: Verdict, reasons: readonly Reason[], score: number): number {
  if (verdict === "block") return 1;
  if (reasons.some((r) => r.kind !== "word" && r.kind !== "model" && r.kind !== "check_failed")) return Math.max(0.9, score);
  if (verdict === "hold") return Math.max(0.6, score);
  return score;
}

export class Guard {
  private readonly model: HarmClassifier | null;

  /** `model` defaults to the committed classifier (data/safety/guard-model.json); null for rules only. */
  constructor(private readonly words: WordFilter, model?: HarmClassifier | null) {
    this.model = model === undefined ? defaultModel() : model;
  }

  check(text: string, audience: Audience): GuardResult {
    try {
      const reasons: Reason[] = [];
      const seen = new Set<string>();
      const reading = readText(text);
      const educational = EDUCATION.test(reading.text);
      const warned = SCAM_WARNING.test(reading.text);
      const words = this.words.check(text, characters(text)).filter((w) => !(educational && w.action === "hold" && EDUCATED_CATEGORIES.has(w.category)) && !(warned && w.category === "fraud") && !isAbbreviation(text, w));
      for (const hit of [...words, ...findIntents(text, reading)]) {
        const key = `${hit.start}-${hit.end}-${hit.action}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const message = hit.category === "self_harm" ? CARE_MESSAGE : WORD_MESSAGE[hit.action];
        reasons.push({ kind: "word", action: hit.action, category: hit.category, start: hit.start, end: hit.end, message, rule: hit.word });
      }
      if (audience === "child") {
        for (const hit of findPersonalInfo(text, reading)) reasons.push({ kind: hit.kind, action: "hold", start: hit.start, end: hit.end, message: PERSONAL_MESSAGES[hit.kind], rule: hit.why ?? hit.kind });
      }
      const scored = this.model?.score(text, reading);
      const score = scored ? Math.round(scored.score * 1000) / 1000 : 0;
      if (scored && this.model && scored.score >= this.model.threshold) {
        const start = Math.min(...scored.evidence.map((e) => e.start), text.length);
        const end = Math.max(...scored.evidence.map((e) => e.end), start);
        reasons.push({ kind: "model", action: "hold", start: scored.evidence.length ? start : 0, end: scored.evidence.length ? end : text.length, message: MODEL_MESSAGE, rule: "classifier", score });
      }
      reasons.sort((a, b) => a.start - b.start);
      const verdict: Verdict = reasons.some((r) => r.action === "block") ? "block" : reasons.length > 0 ? "hold" : "pass";
      return { verdict, reasons, score, risk: Math.round(riskOf(verdict, reasons, score) * 1000) / 1000 };
    } catch {
      return { verdict: "hold", reasons: [{ kind: "check_failed", action: "hold", start: 0, end: text.length, message: { zh: "暂时无法检查，请稍后由管理员审核。", en: "This could not be checked now; a moderator will review it." }, rule: "check_failed" }], score: 0, risk: 0.6 };
    }
  }
}
