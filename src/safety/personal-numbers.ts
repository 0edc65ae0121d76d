/**
 * Numbers that reach a person: mobile and landline phones, ID-card numbers (GB 11643: a
 * region, a birth date, a sequence and a checksum), QQ and WeChat numbers. Read from the
 * canonical reading's `numeric` view, so spaced, dashed, full-width, circled, Chinese,
 * capital and look-alike digits ("139I234S678", "幺三八 一二三四 5678") are one number.
 * A run of digits splits where a space or symbol stood or where the kind of digit changes
 * (Arabic, Chinese, letter); every stretch between two split points is a candidate, so
 * "13812345678，一起玩" yields the phone and not "138123456781".
 * A mobile number told in pieces ("前面是138，后面是7734 5521") or backwards ("倒着打") is
 * found where the text says so: the pieces joined, or the digits reversed, make a mobile.
 */
import type { Reading } from "./normalise.ts";

export type NumberKind = "phone" | "id_number" | "qq" | "wechat";

export interface NumberHit {
  kind: NumberKind;
  /** Canonical symbol range [start, end). */
  start: number;
  end: number;
  /** What made it count, for the moderator ("checksum valid", "after 电话"). */
  why: string;
}

const PHONE_WORDS = /(?:电话|手机|号码|座机|打给我|打我|打|call|tel|phone|number)(?:号|是|为|号码是)?$/;
const QQ_WORDS = /(?:qq|q号|q群|群号|加群|进群|群|球球|企鹅|加我q|qq号码|q|扣)(?:我|一下)?(?:号|号码)?(?:是|为|就是)?$/;
const WECHAT_WORDS = /(?:微信|加微|绿泡泡)(?:号|id)?(?:是|为|就是)?(?:手机号)?$/;
/** A venue's or a service's number: its desk, booking or hotline. */
const PUBLIC_DESK = /(?:馆|园|中心|医院|前台|客服|热线|预约|咨询|办公室|管理处|服务台|门店|店|景区|售票|报名|官方|订票|订座)/;
const HOME_PHONE = /我家|家里|家中|我的|我妈|我爸|奶奶|爷爷|外婆|外公|座机|找我|打给我|打我/;
const ID_WORDS = /(?:身份证|证件|id)/;
/** Contact words that reach a number across a few words of the same sentence. */
const NEAR_QQ = /qq|q号|群号|进群|加群/;
const NEAR_WECHAT = /微信|绿泡泡/;
const NEAR_PHONE = /电话|手机|座机/;
/** Words that ask to be reached. */
const REACH_ME = /加我|加一下|加个|私我|私聊|找我|联系我|联系方式|打给我|call me|text me|add me/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10x98765432";

/** GB 11643-1999 checksum of an 18-character ID number (last character 0-9 or x). */
export function idChecksumValid(id: string): boolean {
  if (!/^\d{17}[\dx]$/i.test(id)) return false;
  const sum = WEIGHTS.reduce((total, w, i) => total + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17]!.toLowerCase();
}

/** A birth date from 1900 to 2099 that exists (month 1-12, day 1-31). */
function plausibleBirth(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const kindOfSymbol = (c: string) => (c >= "0" && c <= "9" ? "d" : /[a-z]/.test(c) ? "l" : "h");

/** Runs of digits in the numeric view, each as its split points (symbol indexes). */
function runs(reading: Reading): Array<{ start: number; end: number; cuts: number[] }> {
  const out: Array<{ start: number; end: number; cuts: number[] }> = [];
  const digit = (i: number) => {
    const c = reading.numeric[i];
    return c !== undefined && c >= "0" && c <= "9";
  };
  let i = 0;
  while (i < reading.numeric.length) {
    if (!digit(i)) {
      i++;
      continue;
    }
    const cuts = [i];
    let j = i + 1;
    while (digit(j)) {
      if (reading.gap[j] || kindOfSymbol(reading.text[j]!) !== kindOfSymbol(reading.text[j - 1]!)) cuts.push(j);
      j++;
    }
    cuts.push(j);
    out.push({ start: i, end: j, cuts });
    i = j;
  }
  return out;
}

function judge(reading: Reading, digits: string, start: number, end: number): NumberHit | null {
  const before = reading.text.slice(Math.max(0, start - 8), start);
  const after = reading.text[end];
  const mobile = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, "");
  if (/^1[3-9]\d{9}$/.test(mobile)) return { kind: WECHAT_WORDS.test(before) ? "wechat" : "phone", start, end, why: "mobile number" };
  if (/^0[1-9]\d{8,10}$/.test(digits) && digits.length <= 12) {
    // A venue's desk or a hotline is public; a home's landline is not.
    const around = reading.text.slice(Math.max(0, start - 14), start);
    if (PUBLIC_DESK.test(around) && !HOME_PHONE.test(reading.text)) return null;
    return { kind: "phone", start, end, why: "landline with area code" };
  }
  if (/^\d{17}$/.test(digits) && after === "x" && (plausibleBirth(digits.slice(6, 14)) || idChecksumValid(`${digits}x`))) {
    return { kind: "id_number", start, end: end + 1, why: idChecksumValid(`${digits}x`) ? "ID number, checksum valid" : "ID number shape" };
  }
  if (/^\d{18}$/.test(digits) && (idChecksumValid(digits) || plausibleBirth(digits.slice(6, 14)))) {
    return { kind: "id_number", start, end, why: idChecksumValid(digits) ? "ID number, checksum valid" : "ID number shape" };
  }
  if (/^\d{15}$/.test(digits) && ID_WORDS.test(reading.text.slice(Math.max(0, start - 10), start))) return { kind: "id_number", start, end, why: "15-digit ID number" };
  if (/^[2-9]\d{6,7}$/.test(digits) && PHONE_WORDS.test(before)) return { kind: "phone", start, end, why: "local number after a phone word" };
  if (/^\d{5,11}$/.test(digits) && QQ_WORDS.test(before)) return { kind: "qq", start, end, why: "number after a QQ word" };
  if (/^\d{5,11}$/.test(digits) && WECHAT_WORDS.test(before)) return { kind: "wechat", start, end, why: "number after a WeChat word" };
  const clause = reading.text.slice(Math.max(0, start - 14), start);
  // A long number to reach the writer by, whatever the app: "有事找我 2897651430", "加我 38765120".
  if (/^\d{8,11}$/.test(digits) && REACH_ME.test(clause)) return { kind: "qq", start, end, why: "a number to reach the writer by" };
  // A long number the writer calls theirs: "我的号码2897651430".
  if (/^\d{6,11}$/.test(digits) && /(?:我的?|我家的?)(?:号码|号)(?:是|为)?$/.test(before)) return { kind: "phone", start, end, why: "a number the writer calls theirs" };
  // A contact word a few words before, in the same breath: "扣扣号是我生日加三个六：2013…", "小企鹅搜 3361…".
  if (/^\d{6,11}$/.test(digits) && NEAR_QQ.test(clause)) return { kind: "qq", start, end, why: "number a few words after a QQ word" };
  if (/^\d{6,11}$/.test(digits) && NEAR_WECHAT.test(clause)) return { kind: "wechat", start, end, why: "number a few words after a WeChat word" };
  if (/^[2-9]\d{6,7}$/.test(digits) && NEAR_PHONE.test(clause) && !PUBLIC_DESK.test(clause)) return { kind: "phone", start, end, why: "local number a few words after a phone word" };
  return null;
}

/** Every phone, ID, QQ or WeChat number in the reading, longest first within a run. */
export function findNumbers(reading: Reading): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const run of runs(reading)) {
    const taken: Array<[number, number]> = [];
    const candidates: Array<[number, number]> = [];
    for (let a = 0; a < run.cuts.length - 1; a++) {
      for (let b = a + 1; b < run.cuts.length; b++) candidates.push([run.cuts[a]!, run.cuts[b]!]);
    }
    candidates.sort((x, y) => (y[1] - y[0]) - (x[1] - x[0]) || x[0] - y[0]);
    for (const [start, end] of candidates) {
      if (end - start < 5 || end - start > 20) continue;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const hit = judge(reading, reading.numeric.slice(start, end), start, end);
      if (!hit) continue;
      hits.push(hit);
      taken.push([start, end]);
    }
  }
  return hits;
}

/** A text that says its number comes in pieces, or the other way round. */
const PIECES_CUE = /电话|手机|号码|联系|打给|打我|前面|后面|前[三四3-4]位|后[四五4-5]位|开头|结尾|中间|接着|然后是/;
/** The piece given first is the end of the number ("尾号是5521，前面是……"). */
const TAIL_FIRST = /尾号|尾数|后[四五4-5]位|最后[四五4-5]位|后面[四五4-5]个/;
/** Where a piece stands in the number: the text gives the number bit by bit, even if a piece is a riddle. */
const POSITION_CUE = /前[三四3-4]位|后[四五4-5]位|中间[四4]位|尾号|最后[四五4-5]?位?|开头是|前面是|后面是/;
const REVERSED_CUE = /倒着|倒过来|反过来|反着|倒序|从后往前|reverse|backwards/;

/** Digit runs of the numeric view as [start, end), in order, split where the kind of digit changes ("5521一起"). */
function digitRuns(reading: Reading): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of reading.numeric.matchAll(/\d+/g)) {
    let start = m.index;
    const end = m.index + m[0].length;
    for (let i = start + 1; i <= end; i++) {
      if (i < end && kindOfSymbol(reading.text[i]!) === kindOfSymbol(reading.text[i - 1]!)) continue;
      if (i - start >= 3) out.push([start, i]);
      start = i;
    }
  }
  return out;
}

/** Mobile numbers given in pieces with a few words between, or written backwards, where the text says so. */
export function findNumberPieces(reading: Reading): NumberHit[] {
  const pieces = PIECES_CUE.test(reading.text);
  const reversed = REVERSED_CUE.test(reading.text);
  const idPieces = ID_WORDS.test(reading.text);
  if (!pieces && !reversed && !idPieces) return [];
  const runs = digitRuns(reading);
  const hits: NumberHit[] = idPieces ? idNumberPieces(reading, runs) : [];
  const tailFirst = pieces && TAIL_FIRST.test(reading.text);
  const digitsOf = (run: [number, number]) => reading.numeric.slice(run[0], run[1]);
  for (let a = 0; a < runs.length; a++) {
    let digits = "";
    for (let b = a; b < runs.length && digits.length < 11; b++) {
      if (b > a && runs[b]![0] - runs[b - 1]![1] > 10) break;
      digits += digitsOf(runs[b]!);
      const [start, end] = [runs[a]![0], runs[b]![1]];
      if (pieces && b > a && /^1[3-9]\d{9}$/.test(digits)) hits.push({ kind: "phone", start, end, why: "mobile number in pieces" });
      else if (reversed && /^\d{9}[3-9]1$/.test(digits)) hits.push({ kind: "phone", start, end, why: "mobile number written backwards" });
    }
    // The end of the number told first, then its start.
    const next = runs[a + 1];
    if (tailFirst && next && next[0] - runs[a]![1] <= 10 && /^1[3-9]\d{9}$/.test(digitsOf(next) + digitsOf(runs[a]!))) hits.push({ kind: "phone", start: runs[a]![0], end: next[1], why: "mobile number in pieces, end first" });
  }
  // A mobile's first three digits and another piece, each said where it stands, even when a piece is left as a riddle.
  if (hits.length === 0 && /电话|手机|号码/.test(reading.text) && POSITION_CUE.test(reading.text)) {
    const head = runs.find((run) => run[1] - run[0] === 3 && /^1[3-9]\d$/.test(digitsOf(run)));
    const other = runs.find((run) => run !== head && run[1] - run[0] >= 4);
    if (head && other) hits.push({ kind: "phone", start: Math.min(head[0], other[0]), end: Math.max(head[1], other[1]), why: "mobile number told piece by piece" });
  }
  return hits;
}

/** An ID number told in two pieces, in either order ("后六位是……，前面是……"), or in three in order (region, birth date, the rest). */
function idNumberPieces(reading: Reading, runs: ReadonlyArray<[number, number]>): NumberHit[] {
  const hits: NumberHit[] = [];
  const digits = (run: [number, number]) => reading.numeric.slice(run[0], run[1]);
  const isId = (id: string) => /^\d{17}[\dx]$/.test(id) && (idChecksumValid(id) || plausibleBirth(id.slice(6, 14)));
  for (let a = 0; a + 1 < runs.length; a++) {
    const [first, second, third] = [runs[a]!, runs[a + 1]!, runs[a + 2]];
    if (second[0] - first[1] > 12) continue;
    // A final X stands after the piece that ends the number.
    const x = (run: [number, number]) => (reading.text[run[1]] === "x" ? "x" : "");
    const candidates = [digits(first) + digits(second) + x(second), digits(second) + digits(first) + x(first)];
    const three = third && third[0] - second[1] <= 12 ? digits(first) + digits(second) + digits(third) + (reading.text[third[1]] === "x" ? "x" : "") : "";
    if (candidates.some(isId)) hits.push({ kind: "id_number", start: first[0], end: second[1], why: "ID number in pieces" });
    else if (third && isId(three)) hits.push({ kind: "id_number", start: first[0], end: third[1], why: "ID number in pieces" });
  }
  return hits;
}

const SPELLED: Readonly<Record<string, string>> = {
  zero: "0", oh: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  ling: "0", dong: "0", yao: "1", yi: "1", er: "2", liang: "2", san: "3", si: "4", wu: "5", liu: "6", qi: "7", ba: "8", jiu: "9",
};
const ENGLISH_DIGIT = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";
const PINYIN_DIGIT = "(?:ling|dong|yao|yi|er|liang|san|si|wu|liu|qi|ba|jiu)";
/** Seven or more digits spelled out in English words or pinyin syllables, with or without spaces between. */
const SPELLED_RUN = new RegExp(`\\b${ENGLISH_DIGIT}(?:[\\s,.-]+${ENGLISH_DIGIT}){6,}\\b|\\b${PINYIN_DIGIT}(?:[\\s,.-]*${PINYIN_DIGIT}){6,}\\b`, "g");
const CONTACT_WORDS = /(?:电话|手机|号码|qq|扣扣|微信|call|phone|number|text me|whatsapp)[^\n]{0,12}$/i;

/** Phone and QQ numbers spelled out ("one three eight …", "yao san ba …"), as original offsets in `lower`. */
export function findSpelledNumbers(lower: string): NumberHit[] {
  const hits: NumberHit[] = [];
  SPELLED_RUN.lastIndex = 0;
  for (const m of lower.matchAll(SPELLED_RUN)) {
    const digits = [...m[0].matchAll(/[a-z]+/g)].map((w) => SPELLED[w[0]] ?? "").join("");
    const concatenated = m[0].replace(/[\s,.-]/g, "");
    const words = (concatenated.match(new RegExp(PINYIN_DIGIT, "g")) ?? []).map((w) => SPELLED[w]!).join("");
    const number = digits.length >= 7 ? digits : words;
    const before = lower.slice(Math.max(0, m.index - 16), m.index);
    const start = m.index;
    const end = m.index + m[0].length;
    if (/^1[3-9]\d{9}$/.test(number)) hits.push({ kind: "phone", start, end, why: "mobile number spelled out" });
    else if (/^\d{5,12}$/.test(number) && CONTACT_WORDS.test(before)) hits.push({ kind: /qq|扣扣/i.test(before) ? "qq" : "phone", start, end, why: "number spelled out after a contact word" });
  }
  return hits;
}
