/**
 * The text as the word filter reads it, two ways, each symbol remembering where in the
 * original it came from (so a hold can point at the words):
 *  - characters: NFKC (full-width to half-width), lower case, traditional to simplified,
 *    every space, symbol and emoji dropped ("傻 *逼", "賭博", "ＳＢ" read as "傻逼", "赌博", "sb");
 *  - sounds: each Han character as its toneless pinyin and Latin letters as they are, with
 *    the places where a syllable or a Latin word starts ("煞笔", "sha bi" read as "shabi").
 */
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const HAN = /\p{Script=Han}/u;
const KEPT = /[\p{L}\p{N}]/u;

export interface Symbols {
  symbols: string[];
  /** Start and end (UTF-16 offsets in the original text) of each symbol's source character. */
  from: number[];
  to: number[];
}

export interface Sounds extends Symbols {
  /** True where a syllable or a Latin word starts. */
  starts: boolean[];
  /** True for letters typed as Latin letters (not read from a Han character). */
  typed: boolean[];
}

/** Emoji that stand for a word in insults ("傻🐶"): read as the word. */
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  "🐶": "狗", "🐕": "狗", "🐷": "猪", "🐖": "猪", "🐽": "猪", "💩": "屎", "🐴": "马", "🐎": "马", "🐔": "鸡", "🐓": "鸡",
};

/** One character normalised: NFKC, lower case, tone marks off, simplified; "" when it is not a letter or digit. */
export function normaliseChar(char: string): string {
  const word = EMOJI_WORDS[char];
  if (word) return word;
  const folded = toSimplified(char.normalize("NFKC").toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC"));
  return [...folded].filter((c) => KEPT.test(c)).join("");
}

/** Runs of three or more of the same Latin letter read as one ("fuuuuck", "sbbbbb"); Han repeats are kept (他妈妈的). */
function collapseRepeats(kept: Piece[]): Piece[] {
  return kept.filter((piece, i) => {
    if (!/^[a-z]$/.test(piece.text)) return true;
    const same = (j: number) => kept[j]?.text === piece.text;
    let run = 1;
    for (let j = i - 1; same(j); j--) run++;
    for (let j = i + 1; same(j); j++) run++;
    return run < 3 || !same(i - 1);
  });
}

interface Piece {
  text: string;
  from: number;
  to: number;
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const char of text) {
    const normal = normaliseChar(char);
    if (normal) out.push({ text: normal, from: at, to: at + char.length });
    at += char.length;
  }
  return out;
}

export function characters(text: string): Symbols {
  const out: Symbols = { symbols: [], from: [], to: [] };
  for (const piece of collapseRepeats(pieces(text))) {
    for (const symbol of piece.text) {
      out.symbols.push(symbol);
      out.from.push(piece.from);
      out.to.push(piece.to);
    }
  }
  return out;
}

export function sounds(text: string): Sounds {
  const kept = collapseRepeats(pieces(text));
  const han = kept.filter((p) => HAN.test(p.text)).map((p) => p.text).join("");
  const readings = han ? (pinyin(han, { toneType: "none", type: "array", v: true }) as string[]) : [];
  const out: Sounds = { symbols: [], from: [], to: [], starts: [], typed: [] };
  let reading = 0;
  let previousLatin = -2;
  kept.forEach((piece) => {
    const isHan = HAN.test(piece.text);
    const letters = isHan ? (readings[reading++] ?? "") : piece.text.replace(/[^a-z]/g, "");
    // A Latin word starts after anything that is not a Latin letter next to it.
    const wordStart = !isHan && previousLatin !== piece.from;
    [...letters].forEach((letter, k) => {
      out.symbols.push(letter);
      out.from.push(piece.from);
      out.to.push(piece.to);
      out.starts.push(k === 0 && (isHan || wordStart));
      out.typed.push(!isHan);
    });
    previousLatin = isHan || letters === "" ? -2 : piece.to;
  });
  return out;
}
