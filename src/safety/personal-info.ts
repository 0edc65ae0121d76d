/**
 * The personal-information guard: phone numbers, ID-card numbers, home addresses, school
 * with class, social accounts (QQ, WeChat and its look-alikes, Douyin, Kuaishou,
 * Xiaohongshu, Bilibili UID, Weibo), e-mail addresses and a full name beside a school or an
 * address. Every rule reads the guard's canonical reading (normalise.ts) or, for English,
 * the original folded to lower case; each hit is given as a span in the original text with
 * the structure that made it count (`why`), which the moderator sees.
 */
import { type Reading, originalSpan, readText } from "./normalise.ts";
import { findNumbers, findSpelledNumbers } from "./personal-numbers.ts";
import { findPlaces } from "./personal-places.ts";

export const PERSONAL_INFO_KINDS = ["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school", "social_account"] as const;
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number];

export interface PersonalInfoHit {
  kind: PersonalInfoKind;
  start: number;
  end: number;
  /** The structure found ("mobile number", "ID number, checksum valid", "grade and class"). */
  why?: string;
}

/**
 * Same length as the input, so offsets stay true: full-width and circled digits and letters
 * folded where NFKC keeps the length, lower case, keycaps, emoji and invisible format
 * characters turned into spaces. The English rules read this.
 */
export function digitView(text: string): string {
  let out = "";
  for (const c of text) out += foldedChar(c);
  return out;
}

const folded = new Map<string, string>();
function foldedChar(c: string): string {
  let out = folded.get(c);
  if (out !== undefined) return out;
  if (c === "\uFE0F" || c === "\u20E3" || /\p{Cf}|\p{Extended_Pictographic}/u.test(c)) out = " ".repeat(c.length);
  else {
    const n = c.normalize("NFKC").toLowerCase();
    out = n.length === c.length ? n : /^\d$/.test(n) ? n + " ".repeat(c.length - 1) : c;
  }
  if (folded.size < 50_000) folded.set(c, out);
  return out;
}

const HANDLE = "([a-z][a-z0-9]{3,24}|[0-9]{5,12})";
const MARKER = "((?:号|id|uid|账号|帐号|用户名)?(?:是|为|搜|就是|搜索)?)";
/** Keyword, marker, handle. A handle counts when it holds a digit, follows a marker or a colon. */
const CANONICAL_HANDLES: ReadonlyArray<readonly [PersonalInfoKind, RegExp]> = [
  ["wechat", new RegExp(`(?:微信|(?:加我?|私|找)(?:微|v)|绿泡泡)${MARKER}${HANDLE}`, "gu")],
  ["social_account", new RegExp(`(?<![a-z])(?:抖音|快手|小红书|b站|微博|tiktok|instagram|discord|telegram|snapchat)${MARKER}${HANDLE}`, "gu")],
  ["social_account", new RegExp(`(?<![a-z])(?:uid|用户id)${MARKER}(\\d{5,12})`, "gu")],
  ["qq", new RegExp(`qq${MARKER}([a-z][a-z0-9]{5,19})(?=qqcom|$)`, "gu")],
];

const ORIGINAL_HANDLES: ReadonlyArray<readonly [PersonalInfoKind, RegExp]> = [
  ["email", /[a-z0-9][\w.+-]*\s*(?:@|\(at\)|\[at\]|\sat\s|艾特|圈a|#)\s*[a-z0-9-]+\s*(?:\.|。|\(dot\)|\[dot\]|\sdot\s|点)\s*(?:com|cn|net|org|edu|io|me)\b/giu],
  ["email", /(?:邮箱|email|e-mail|mail)\s*(?:是|:|：|地址)?\s*[a-z0-9][\w.+-]{2,}\s*(?:@|at|艾特)\s*(?:qq|163|126|gmail|hotmail|outlook|sina|foxmail|yahoo|icloud)/giu],
  ["wechat", /(?<![a-z0-9])v\s*[:：]\s*[a-z][\w-]{4,19}/giu],
  ["qq", /(?<![\w.])\d{5,11}\s*(?:@|＠|艾特)\s*qq(?!\s*(?:\.|。|点|dot)\s*com)\b/giu],
  ["social_account", /(?<![\w.])@[a-z][\w.]{3,24}(?=\s|$|[，。,!！])/giu],
  ["social_account", /\b(?:ins|instagram|tiktok|snapchat|discord|telegram|twitter|facebook|youtube)\s*(?:id|handle|account)?\s*[:：@]\s*@?[a-z0-9_.]{3,24}/giu],
];

function canonicalHits(text: string, reading: Reading): PersonalInfoHit[] {
  const hits: PersonalInfoHit[] = [];
  for (const [kind, pattern] of CANONICAL_HANDLES) {
    pattern.lastIndex = 0;
    for (const m of reading.text.matchAll(pattern)) {
      const [whole, marker, handle] = [m[0], m[1] ?? "", m[2] ?? ""];
      const handleAt = m.index + whole.length - handle.length;
      const between = text.slice(reading.to[handleAt - marker.length - 1] ?? 0, reading.from[handleAt] ?? 0);
      if (!marker && !/\d/.test(handle) && !/[:：]/.test(between)) continue;
      hits.push({ kind, ...originalSpan(reading, m.index, m.index + whole.length), why: `${kind} handle` });
    }
  }
  return hits;
}

function originalHits(view: string): PersonalInfoHit[] {
  const hits: PersonalInfoHit[] = [];
  for (const [kind, pattern] of ORIGINAL_HANDLES) {
    pattern.lastIndex = 0;
    for (const m of view.matchAll(pattern)) hits.push({ kind, start: m.index, end: m.index + m[0].length, why: `${kind} written out` });
  }
  return hits;
}

/** Personal information in `text`; pass `reading` when the caller has read the text already. */
export function findPersonalInfo(text: string, reading: Reading = readText(text)): PersonalInfoHit[] {
  const lower = digitView(text);
  const hits: PersonalInfoHit[] = findNumbers(reading).map((n) => ({ kind: n.kind, ...originalSpan(reading, n.start, n.end), why: n.why }));
  hits.push(...findSpelledNumbers(lower).map((n) => ({ kind: n.kind, start: n.start, end: n.end, why: n.why })));
  hits.push(...canonicalHits(text, reading), ...originalHits(lower));
  for (const p of findPlaces(reading, lower)) {
    const span = p.on === "canonical" ? originalSpan(reading, p.start, p.end) : { start: p.start, end: p.end };
    hits.push({ kind: p.kind, ...span, why: p.why });
  }
  // One finding per kind and span.
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.kind}:${h.start}:${h.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.start - b.start);
}
