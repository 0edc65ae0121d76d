/**
 * The one canonical reading of a text that every check of the guard reads through (personal
 * information, intent patterns, the classifier; the word filter reads `characters`, the same
 * normalisation without the homophone step). Each canonical symbol remembers the original
 * characters it came from, so a finding points at the words as written:
 *  - full-width to half-width, lower case, tone marks off, traditional to simplified (NFKC,
 *    OpenCC), circled and parenthesised numerals to digits (①, ⑴, ㈠);
 *  - spaces, symbols, emoji and invisible characters between characters dropped, each symbol
 *    remembering whether something stood before it (`gap`), so numbers can still be split;
 *  - key words written by sound or by a look-alike read as the word (威信, v信, vx, 薇, 卫星 →
 *    微信; 扣扣, 丘丘, 秋秋, 企鹅, 🐧 → qq; 裙号 → 群号; 围脖 → 微博; 📞, ☎ → 电话; weixin, dianhua, renrou → 微信, 电话, 人肉), and a
 *    plus sign before a contact word as 加 ("➕V", "+q" read as 加v, 加q);
 *  - combining marks (the keycap of "9⃣", variation selectors) belong to their character and
 *    leave no gap, so "9⃣8⃣7⃣" is one number;
 *  - `numeric`: the same symbols with, inside a run of digits long enough to be dictated,
 *    Chinese numerals (一, 幺, 壹) and letters used as digits (O/o→0, I/l→1, S→5, B→8, Z→2)
 *    read as digits ("139I234S678", "幺三八 1234 5678").
 */
import { normaliseChar } from "./match-text.ts";

export interface Reading {
  /** Canonical symbols, one character each, joined (indexes in `text` are symbol indexes). */
  text: string;
  /** `text` with digit look-alikes inside numeral runs read as digits; same length. */
  numeric: string;
  /** Start and end (UTF-16 offsets in the original) of each symbol's source. */
  from: number[];
  to: number[];
  /** True where a dropped space, symbol or emoji stood before the symbol. */
  gap: boolean[];
}

/** Look-alikes and sound-alikes of the words the rules key on, read as the word. Longest first. */
const KEY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["weixin", "微信"], ["wechat", "微信"], ["dianhua", "电话"], ["shouji", "手机"], ["renrou", "人肉"],
  ["xuexiao", "学校"], ["nianji", "年级"], ["企鹅号", "qq号"], ["扣扣", "qq"], ["抠抠", "qq"], ["球球号", "qq号"],
  ["威信", "微信"], ["薇信", "微信"], ["徽信", "微信"], ["危信", "微信"], ["v信", "微信"], ["vx", "微信"], ["wx", "微信"],
  ["薇", "微"], ["威x", "微信"], ["微x", "微信"], ["q扣", "qq"], ["dy号", "抖音号"], ["dou音", "抖音"],
  ["维信", "微信"], ["喂信", "微信"], ["胃信", "微信"], ["卫星", "微信"], ["微芯", "微信"], ["wei信", "微信"],
  ["抖y", "抖音"], ["斗音", "抖音"], ["逗音", "抖音"], ["抖阴", "抖音"], ["douyin", "抖音"], ["kuaishou", "快手"], ["筷手", "快手"], ["块手", "快手"],
  ["xiaohongshu", "小红书"], ["小破站", "b站"], ["bili", "b站"],
  // QQ by sound or by its penguin ("丘丘", "秋秋", "小企鹅"), a group number by a homophone ("裙号"), Weibo as "围脖".
  ["丘丘", "qq"], ["秋秋", "qq"], ["蔻蔻", "qq"], ["球球", "qq"], ["企鹅", "qq"], ["裙号", "群号"], ["围脖", "微博"],
  ["dy搜", "抖音搜"], ["ks搜", "快手搜"], ["xhs", "小红书"],
  ["小红薯", "小红书"], ["红薯号", "小红书号"], ["哔哩哔哩", "b站"], ["bilibili", "b站"], ["电o", "电话"],
];

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: "0", 零: "0", 洞: "0", 一: "1", 幺: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
  壹: "1", 贰: "2", 叁: "3", 肆: "4", 伍: "5", 陆: "6", 柒: "7", 捌: "8", 玖: "9",
};
const LETTER_DIGITS: Readonly<Record<string, string>> = { o: "0", i: "1", l: "1", s: "5", b: "8", z: "2" };

/** The symbols of a text in parallel arrays (fewer objects per check than one per symbol). */
interface Symbols {
  c: string[];
  from: number[];
  to: number[];
  gap: boolean[];
}

/** Emoji and signs that stand for a contact word. */
const SIGN_WORDS: Readonly<Record<string, string>> = { "🐧": "qq", "📞": "电话", "☎": "电话", "📱": "手机", "✉": "邮箱", "📧": "邮箱" };
const PLUS = new Set(["+", "＋", "➕"]);
/** What may follow a plus sign read as 加: a contact word's first letter or character. */
const AFTER_PLUS = /^[\s\uFE0F]*[vVqQwW微薇威扣企绿卫🐧好]/u;
const COMBINING = /^[\p{M}\uFE0F\u20E3\u200D]$/u;

function symbolsOf(text: string): Symbols {
  const out: Symbols = { c: [], from: [], to: [], gap: [] };
  let at = 0;
  let gap = false;
  for (const char of text) {
    const sign = SIGN_WORDS[char] ?? (PLUS.has(char) && AFTER_PLUS.test(text.slice(at + char.length, at + char.length + 4)) ? "加" : undefined);
    const normal = sign ?? normaliseChar(char);
    if (normal) {
      for (const c of normal) {
        out.c.push(c);
        out.from.push(at);
        out.to.push(at + char.length);
        out.gap.push(gap);
        gap = false;
      }
    } else if (!COMBINING.test(char)) {
      gap = true;
    }
    at += char.length;
  }
  return out;
}

/** The key words by their first character, each as characters, longest first. */
const KEY_WORDS_BY_FIRST = new Map<string, Array<{ from: string[]; to: string[] }>>();
for (const [from, to] of KEY_WORDS) {
  const chars = [...from];
  const list = KEY_WORDS_BY_FIRST.get(chars[0]!) ?? [];
  list.push({ from: chars, to: [...to] });
  list.sort((x, y) => y.from.length - x.from.length);
  KEY_WORDS_BY_FIRST.set(chars[0]!, list);
}

/** Replaces key words in place; a replacement spans its whole source. Returns the input when nothing is replaced. */
function readKeyWords(symbols: Symbols): Symbols {
  const { c } = symbols;
  let out: Symbols | null = null;
  for (let i = 0; i < c.length; ) {
    const candidates = KEY_WORDS_BY_FIRST.get(c[i]!);
    const found = candidates?.find(({ from }) => from.every((ch, k) => c[i + k] === ch));
    if (!found) {
      if (out) {
        out.c.push(c[i]!);
        out.from.push(symbols.from[i]!);
        out.to.push(symbols.to[i]!);
        out.gap.push(symbols.gap[i]!);
      }
      i++;
      continue;
    }
    out ??= { c: c.slice(0, i), from: symbols.from.slice(0, i), to: symbols.to.slice(0, i), gap: symbols.gap.slice(0, i) };
    const last = i + found.from.length - 1;
    found.to.forEach((ch, k) => {
      out!.c.push(ch);
      out!.from.push(symbols.from[i]!);
      out!.to.push(symbols.to[last]!);
      out!.gap.push(k === 0 && symbols.gap[i]!);
    });
    i += found.from.length;
  }
  return out ?? symbols;
}

const isDigit = (c: string) => c >= "0" && c <= "9";

/** Digit look-alikes read as digits inside runs that hold enough real digits or numerals. */
function numericView(symbols: readonly string[]): string {
  let out: string[] | null = null;
  let i = 0;
  while (i < symbols.length) {
    const likeDigit = (c: string) => isDigit(c) || c in CHINESE_DIGITS || c in LETTER_DIGITS;
    if (!likeDigit(symbols[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let digits = 0;
    let numerals = 0;
    while (j < symbols.length && likeDigit(symbols[j]!)) {
      if (isDigit(symbols[j]!)) digits++;
      else if (symbols[j]! in CHINESE_DIGITS) numerals++;
      j++;
    }
    const letters = j - i - digits - numerals;
    if (digits + numerals >= 7) {
      // Letters count as digits only where real digits dominate ("l39 O0OO 1234"), never more letters than digits.
      const lettersToo = digits >= 5 && letters <= digits;
      out ??= [...symbols];
      for (let k = i; k < j; k++) {
        const c = symbols[k]!;
        if (c in CHINESE_DIGITS) out[k] = CHINESE_DIGITS[c]!;
        else if (c in LETTER_DIGITS && lettersToo) out[k] = LETTER_DIGITS[c]!;
      }
    }
    i = j;
  }
  return (out ?? symbols).join("");
}

/** The canonical reading of `text` (see the file comment). */
export function readText(text: string): Reading {
  const symbols = readKeyWords(symbolsOf(text));
  return { text: symbols.c.join(""), numeric: numericView(symbols.c), from: symbols.from, to: symbols.to, gap: symbols.gap };
}

/** The original-text span of canonical symbols [start, end). */
export function originalSpan(reading: Reading, start: number, end: number): { start: number; end: number } {
  const last = Math.max(start, end - 1);
  return { start: reading.from[start] ?? 0, end: reading.to[last] ?? reading.from[start] ?? 0 };
}
