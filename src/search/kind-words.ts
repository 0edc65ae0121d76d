/**
 * Words that name a kind of place, and every way a person may type one. The vocabulary is
 * built from the labels of the place model (each kind's and category's Chinese and English
 * name, src/core) and the everyday words of synonyms.ts, so a new kind label is searchable
 * without a list to keep. A query part reads as a kind word when it is one ("游乐场",
 * "library"), is its pinyin or initials ("youlechang", "ylc", a prefix as typed, one or two
 * typos), or sounds the same (an input-method slip: "游乐厂" for 游乐场, 厂 and 场 both chǎng).
 */
import { pinyin } from "pinyin-pro";
import { CATEGORIES, CATEGORY_IDS } from "../core/categories.ts";
import { KIND_LABELS } from "../core/kinds.ts";
import { CHINESE_INTENTS, ENGLISH_INTENTS, type Intent } from "./synonyms.ts";
import { editDistance, normalise } from "./text-normalise.ts";

/** How a part was read as a kind word; the factor says how sure the reading is. */
export type KindReading = "exact" | "pinyin" | "initials" | "prefix" | "typo" | "homophone";

export interface KindMatch {
  /** The kind word the part was read as ("游乐场"). */
  word: string;
  how: KindReading;
  /** Kinds the word is the label of ("playground" for 游乐场): these fit it best. */
  exactKinds: readonly string[];
  intents: readonly Intent[];
  /** 1 for the word itself, less for readings that may mean something else. */
  factor: number;
}

interface KindWord {
  word: string;
  /** Toneless pinyin, one syllable per character (Chinese words only). */
  syllables: readonly string[];
  pinyin: string;
  /** How it is typed in Latin letters, without spaces: the pinyin, or the English word. */
  latin: string;
  initials: string;
  exactKinds: string[];
  intents: Intent[];
}

const FACTORS: Readonly<Record<KindReading, number>> = {
  exact: 1, pinyin: 0.95, initials: 0.9, prefix: 0.9, typo: 0.85, homophone: 0.9,
};
/** A two-character homophone ("艺苑" for 医院) is more often a name than a slip. */
const SHORT_HOMOPHONE_FACTOR = 0.8;

const HAN = /\p{Script=Han}/u;

function buildVocabulary(): Map<string, KindWord> {
  const words = new Map<string, KindWord>();
  const entry = (raw: string): KindWord => {
    const word = normalise(raw);
    let found = words.get(word);
    if (!found) {
      const syllables = HAN.test(word) ? pinyin(word, { toneType: "none", type: "array" }) : [];
      const joined = syllables.join("");
      found = { word, syllables, pinyin: joined, latin: joined || word.replace(/ /g, ""), initials: syllables.map((s) => s[0] ?? "").join(""), exactKinds: [], intents: [] };
      words.set(word, found);
    }
    return found;
  };
  for (const [kind, label] of Object.entries(KIND_LABELS)) {
    for (const name of [label.zh, label.en]) {
      const e = entry(name);
      e.exactKinds.push(kind);
      e.intents.push({ kinds: [kind] });
    }
  }
  for (const id of CATEGORY_IDS) {
    for (const name of [CATEGORIES[id].zh, CATEGORIES[id].en]) entry(name).intents.push({ categories: [id], guess: id });
  }
  for (const [word, intent] of [...CHINESE_INTENTS, ...ENGLISH_INTENTS]) entry(word).intents.push(intent);
  return words;
}

const VOCABULARY = buildVocabulary();
const CHINESE_WORDS = [...VOCABULARY.values()].filter((w) => w.syllables.length >= 2);
/** Words typed in Latin letters: Chinese ones by their pinyin, English ones as they are. */
const LATIN_WORDS = [...VOCABULARY.values()].filter((w) => w.syllables.length >= 2 || (w.syllables.length === 0 && w.latin.length >= 3));
const BY_LATIN = new Map<string, KindWord>();
const BY_INITIALS = new Map<string, KindWord>();
const BY_LENGTH = new Map<number, KindWord[]>();
for (const word of LATIN_WORDS) {
  if (!BY_LATIN.has(word.latin)) BY_LATIN.set(word.latin, word);
  if (word.syllables.length >= 3 && !BY_INITIALS.has(word.initials)) BY_INITIALS.set(word.initials, word);
  BY_LENGTH.set(word.latin.length, [...(BY_LENGTH.get(word.latin.length) ?? []), word]);
}
/** How many of each letter a spelling has: two spellings `k` edits apart differ by at most 2k letters. */
function letterCounts(text: string): Int8Array {
  const counts = new Int8Array(26);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) counts[c]!++;
  }
  return counts;
}
const COUNTS = new Map<KindWord, Int8Array>(LATIN_WORDS.map((w) => [w, letterCounts(w.latin)]));

/** The Latin spellings in order, for prefixes. */
const SORTED = [...LATIN_WORDS].sort((a, b) => (a.latin < b.latin ? -1 : a.latin > b.latin ? 1 : 0));

function match(word: KindWord, how: KindReading): KindMatch {
  const factor = how === "homophone" && word.syllables.length < 3 ? SHORT_HOMOPHONE_FACTOR : FACTORS[how];
  return { word: word.word, how, exactKinds: word.exactKinds, intents: word.intents, factor };
}

/** The most letters that may differ from a kind word's pinyin for this many typed. */
function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 6 ? 1 : 0;
}

/**
 * A Latin part read as a kind word: a Chinese one's pinyin or initials, an English one
 * without its spaces ("swimmingpool"), a prefix of either as typed, or either with typos
 * ("youlechnag", "libary").
 */
function latinReading(latin: string): KindMatch | null {
  const exact = BY_LATIN.get(latin);
  if (exact) return match(exact, exact.syllables.length > 0 ? "pinyin" : "exact");
  const initials = latin.length >= 3 ? BY_INITIALS.get(latin) : undefined;
  if (initials) return match(initials, "initials");
  if (latin.length >= 5) {
    // The shortest word the typing leads to: "youlec" -> 游乐场 rather than 游乐场所.
    let prefix: KindWord | null = null;
    for (let i = lowerBound(latin); i < SORTED.length && SORTED[i]!.latin.startsWith(latin); i++) {
      if (!prefix || SORTED[i]!.latin.length < prefix.latin.length) prefix = SORTED[i]!;
    }
    if (prefix) return match(prefix, "prefix");
  }
  const budget = typoBudget(latin.length);
  let typo: KindWord | null = null;
  let typoEdits = budget + 1;
  const counts = budget > 0 ? letterCounts(latin) : null;
  for (let length = latin.length - budget; length <= latin.length + budget && budget > 0; length++) {
    for (const word of BY_LENGTH.get(length) ?? []) {
      // A typo rarely spares neither end of a word; nor can it change many letters: those
      // tests spare most distances.
      if (word.latin[0] !== latin[0] && word.latin.at(-1) !== latin.at(-1)) continue;
      if (!closeCounts(counts!, COUNTS.get(word)!, 2 * budget)) continue;
      const edits = editDistance(latin, word.latin, budget);
      if (edits < typoEdits) {
        typo = word;
        typoEdits = edits;
      }
    }
  }
  return typo ? match(typo, "typo") : null;
}

/** True when the letter counts differ by at most `most` in all. */
function closeCounts(a: Int8Array, b: Int8Array, most: number): boolean {
  let differ = 0;
  for (let i = 0; i < 26; i++) {
    differ += Math.abs(a[i]! - b[i]!);
    if (differ > most) return false;
  }
  return true;
}

/** First position in SORTED whose spelling is not below `latin`. */
function lowerBound(latin: string): number {
  let lo = 0;
  let hi = SORTED.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (SORTED[mid]!.latin < latin) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A Han part that sounds like a Chinese kind word, character for character. */
function homophoneReading(syllables: readonly string[]): KindMatch | null {
  const joined = syllables.join(" ");
  for (const word of CHINESE_WORDS) {
    if (word.syllables.length === syllables.length && word.syllables.join(" ") === joined) return match(word, "homophone");
  }
  return null;
}

/** An English plural's singular ("libraries" -> "library", "parks" -> "park"); other text as it is. */
function singular(text: string): string {
  if (!/^[a-z ]+$/.test(text) || text.length < 4) return text;
  if (text.endsWith("ies")) return `${text.slice(0, -3)}y`;
  if (text.endsWith("ches") || text.endsWith("shes")) return text.slice(0, -2);
  return text.endsWith("s") && !text.endsWith("ss") ? text.slice(0, -1) : text;
}

/**
 * How a query part reads as a kind word, or null. `han` and `latin` are the part's Han
 * characters and Latin letters; `hanSyllables` the toneless pinyin of `han`.
 */
export function kindReadingOf(text: string, han: string, latin: string, hanSyllables: readonly string[]): KindMatch | null {
  const word = VOCABULARY.get(text) ?? VOCABULARY.get(singular(text));
  if (word) return match(word, "exact");
  if (han && !latin) return han.length >= 2 ? homophoneReading(hanSyllables) : null;
  if (latin && !han && /^[a-z]+$/.test(latin)) return latinReading(latin);
  return null;
}
