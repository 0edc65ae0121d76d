/**
 * The personal-information guard: phone numbers, ID card numbers, home addresses down to
 * the building or room, school with class, QQ and WeChat ids and e-mail addresses, in the
 * shapes people (and children hiding them) write: spaced or dashed digits, full-width
 * digits, Chinese numerals, "+86", "at"/"dot". Rules over a copy of the text in which every
 * character keeps its place (full-width and Chinese digits become ASCII digits one for
 * one), so a finding points at the original words.
 */
export const PERSONAL_INFO_KINDS = ["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school"] as const;
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number];

export interface PersonalInfoHit {
  kind: PersonalInfoKind;
  start: number;
  end: number;
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: "0", 零: "0", 一: "1", 幺: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
  壹: "1", 贰: "2", 叁: "3", 肆: "4", 伍: "5", 陆: "6", 柒: "7", 捌: "8", 玖: "9",
};
const NUMERAL = "\\d〇零一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖";
/** Arabic-Indic, Persian and Devanagari digits, which NFKC leaves alone. */
const OTHER_DIGITS = /^(?:([\u0660-\u0669])|([\u06F0-\u06F9])|([\u0966-\u096F]))$/;
/** A run of digits and Chinese numerals, mixed, split by spaces, dashes or commas, long enough to be dictated. */
const NUMERAL_RUN = new RegExp(`[${NUMERAL}](?:[\\s,，、\\-]{0,2}[${NUMERAL}]){6,}`, "g");

/**
 * Same length as the input, so offsets stay true: full-width and circled digits folded,
 * keycap and variation marks turned into spaces, and in long numeral runs every Chinese
 * numeral (一, 幺, 壹) turned into its digit.
 */
export function digitView(text: string): string {
  const folded = [...text].map((c) => {
    // Keycaps, variation marks and invisible format characters (zero-width space, word
    // joiner, soft hyphen) separate nothing a reader sees: spaces.
    if (c === "\uFE0F" || c === "\u20E3" || /\p{Cf}|\p{Extended_Pictographic}/u.test(c)) return " ".repeat(c.length);
    const other = OTHER_DIGITS.exec(c);
    if (other) return String(c.codePointAt(0)! - (other[1] ? 0x660 : other[2] ? 0x6f0 : 0x966));
    const n = c.normalize("NFKC");
    if (n.length === c.length) return n;
    // A digit outside the basic plane (mathematical bold 𝟏) folds to one unit: pad it.
    return /^\d$/.test(n) ? n + " ".repeat(c.length - 1) : c;
  }).join("");
  return folded.replace(NUMERAL_RUN, (run) => [...run].map((c) => CHINESE_DIGITS[c] ?? c).join(""));
}

/** Runs of digits that may be split by spaces, dashes or dots, with their digits alone. */
function digitRuns(view: string): Array<{ digits: string; start: number; end: number }> {
  const runs: Array<{ digits: string; start: number; end: number }> = [];
  for (const m of view.matchAll(/\+?\d(?:[\s\-.·,，、()（）_/]{0,3}\d)*/g)) {
    runs.push({ digits: m[0].replace(/\D/g, ""), start: m.index, end: m.index + m[0].length });
    // A comma may end a number rather than split it ("13812345678，一起玩" reads "…，1起玩"),
    // so the pieces between commas are candidates too.
    if (!/[,，、]/.test(m[0])) continue;
    for (const piece of m[0].matchAll(/[^,，、]+/g)) {
      const digits = piece[0].replace(/\D/g, "");
      if (digits.length > 0) runs.push({ digits, start: m.index + piece.index, end: m.index + piece.index + piece[0].trimEnd().length });
    }
  }
  return runs;
}

const QQ_WORDS = /(?:qq|扣扣|企鹅|q号|球球|加我q|q群|群号|群)\s*(?:号|号码)?\s*(?:是|:|：)?\s*$/i;
const PHONE_WORDS = /(?:电话|手机|号码|打给我|打|call)\s*(?:是|:|：)?\s*$/i;
const SCHOOL = /(小学|中学|初中|高中|学校|一中|二中|三中|附小|附中|实验|学院|幼儿园|school)/i;
const HOME_NUMBER = "[\\d一二三四五六七八九十百零〇两]+";

function numberHits(view: string): PersonalInfoHit[] {
  const hits: PersonalInfoHit[] = [];
  for (const run of digitRuns(view)) {
    const d = run.digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, "");
    const before = view.slice(Math.max(0, run.start - 8), run.start).replace(/[(（]$/, "");
    if (/^1[3-9]\d{9}$/.test(d)) hits.push({ kind: "phone", ...run });
    else if (/^0[1-9]\d{1,2}\d{7,8}$/.test(d)) hits.push({ kind: "phone", ...run });
    else if (/^[2-9]\d{6,7}$/.test(d) && PHONE_WORDS.test(before)) hits.push({ kind: "phone", ...run });
    else if (/^\d{17}[\dXx]$/.test(d) || (/^\d{17}$/.test(d) && /[xX]/.test(view[run.end] ?? ""))) hits.push({ kind: "id_number", start: run.start, end: /^\d{17}$/.test(d) ? run.end + 1 : run.end });
    else if (/^\d{5,11}$/.test(d) && QQ_WORDS.test(before)) hits.push({ kind: "qq", ...run });
  }
  return hits;
}

function patternHits(view: string, kind: PersonalInfoKind, pattern: RegExp): PersonalInfoHit[] {
  return [...view.matchAll(pattern)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length }));
}

export function findPersonalInfo(text: string): PersonalInfoHit[] {
  const view = digitView(text);
  const hits = numberHits(view);
  hits.push(...patternHits(view, "email", /[a-z0-9][\w.+-]*\s*(?:@|＠|\(at\)|\[at\]|\sat\s|艾特|圈a)\s*[a-z0-9-]+\s*(?:\.|．|。|\(dot\)|\[dot\]|\sdot\s|点)\s*(?:com|cn|net|org|edu)\b/gi));
  hits.push(...patternHits(view, "wechat", /(?:微\W?信|威信|薇信|徽信|v信|vx|wx|weixin|wechat|加微|绿泡泡)\s*(?:号|id|搜)?\s*(?:是|:|：)?\s*(?:[a-z][\w-]{4,19}|1[3-9]\d{9})/giu));
  hits.push(...patternHits(view, "address", new RegExp(`[A-Za-z]?${HOME_NUMBER}\\s*(?:栋|幢|单元|号楼|室)(?:\\s*${HOME_NUMBER}\\s*(?:单元|室|楼|号))*(?:\\s*\\d{3,4})?|[A-Za-z]\\s*(?:栋|座)\\s*\\d{3,4}|[路街巷道里弄]\\s*\\d+\\s*号(?:\\s*\\d+\\s*(?:楼|层|室|栋|单元))*|(?<![\\d-])\\d{1,3}-\\d{1,2}-\\d{3,4}(?![\\d-])|\\d+\\s*组\\s*\\d+\\s*号`, "gu")));
  hits.push(...patternHits(view, "address", /\b(?:building|bldg|block)\s*\w+\s*,?\s*(?:unit|room|apt|flat)\s*\d+/gi));
  // A tower, floor and flat: "B座12楼1203".
  hits.push(...patternHits(view, "address", /(?:[A-Za-z]|\d+)\s*座\s*\d+\s*(?:楼|层)\s*\d{2,4}/gu));
  // "V: lele_hengyang" (V for 微信 before an emoji, read as a space here).
  hits.push(...patternHits(view, "wechat", /(?<![a-z0-9])v\s*[:：]\s*[a-z][\w-]{4,19}/giu));
  if (SCHOOL.test(view)) {
    hits.push(...patternHits(view, "school_class", /(?:[一二三四五六七八九1-9]\s*年级|初[一二三]|高[一二三]|[1-9一二三四五六])\s*[(（]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*班|(?<![每分钟\d])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*班(?![车次])/gu));
    hits.push(...patternHits(view, "school_class", /\bclass\s*\d+\s*,?\s*grade\s*\d+|\bgrade\s*\d+\s*,?\s*class\s*\d+/gi));
    hits.push(...patternHits(view, "real_name_with_school", /(?<!\p{Script=Han})\p{Script=Han}{2,3}(?:和|跟)我(?:都)?在[^，。,.]{0,12}(?:小学|中学|学校|附小|一中)/gu));
    hits.push(...patternHits(view, "real_name_with_school", /(?:我叫|我的名字是|我名字叫|本人)\s*[\p{Script=Han}]{2,4}|我是[^，。,.]{0,12}(?:小学|中学|学校|附小|一中)的[\p{Script=Han}]{2,3}|(?:小学|中学|学校|附小|一中)的[\p{Script=Han}]{2,3}就是我|\bmy name is\s+[a-z]+\s+[a-z]+/giu));
  }
  return hits;
}
