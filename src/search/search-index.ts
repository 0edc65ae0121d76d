/**
 * The in-memory search index over all places, rebuilt from the catalog whenever places
 * change. Retrieval structures: a posting list per Han character (so one- and two-
 * character queries work, which trigram indexes cannot do), a sorted list of Latin keys
 * (pinyin, initials, English words, each from every word boundary) searched by binary
 * prefix range, and a SymSpell-style delete map for one-typo corrections of Latin words.
 */
import type { Jieba } from "@node-rs/jieba";
import type { Place } from "../core/place.ts";
import { type SearchDocument, searchDocument } from "./search-document.ts";

/** Most candidates one retrieval step returns; ranking sees at most this many. */
export const CANDIDATE_CAP = 4000;

interface LatinKey {
  key: string;
  doc: number;
}

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class SearchIndex {
  readonly docs: SearchDocument[];
  private readonly byChar = new Map<string, number[]>();
  private readonly latin: LatinKey[] = [];
  private readonly deletes = new Map<string, string[]>();

  constructor(places: readonly Place[], context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.docs = places.map((p) => searchDocument(p, context));
    const words = new Set<string>();
    this.docs.forEach((doc, i) => {
      for (const char of new Set(doc.zh)) this.push(this.byChar, char, i);
      for (let s = 0; s < doc.syllables.length; s++) {
        this.latin.push({ key: doc.syllables.slice(s).join(""), doc: i });
        this.latin.push({ key: "\u0001" + doc.initials.slice(s), doc: i });
      }
      for (const name of [doc.en, ...doc.alt]) {
        const words = name.split(" ").filter(Boolean);
        words.forEach((_, w) => this.latin.push({ key: words.slice(w).join(" "), doc: i }));
      }
      for (const word of [...doc.pinyinWords, doc.pinyin, ...doc.enWords]) if (word.length >= 4) words.add(word);
    });
    this.latin.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.doc - b.doc));
    for (const word of words) for (const variant of [word, ...deletesOf(word)]) this.push(this.deletes, variant, word);
  }

  private push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Documents whose Chinese name has every character of `han`, rarest character first. */
  byHanChars(han: string): number[] {
    const lists = [...new Set(han)].map((c) => this.byChar.get(c) ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    if (!first) return [];
    const others = rest.map((l) => new Set(l));
    const out: number[] = [];
    for (const doc of first) {
      if (others.every((s) => s.has(doc))) out.push(doc);
      if (out.length >= CANDIDATE_CAP) break;
    }
    return out;
  }

  /** Documents with some Han character of `han` (for partial matches when all-of finds none). */
  byAnyHanChar(han: string): number[] {
    const out = new Set<number>();
    for (const c of new Set(han)) for (const doc of this.byChar.get(c) ?? []) if (out.size < CANDIDATE_CAP) out.add(doc);
    return [...out];
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.latin.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.latin[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Documents with a pinyin, English or (initials = true) initials key starting with `prefix`. */
  byLatinPrefix(prefix: string, initials = false): number[] {
    const key = initials ? "\u0001" + prefix : prefix;
    const out = new Set<number>();
    for (let i = this.lowerBound(key); i < this.latin.length && out.size < CANDIDATE_CAP; i++) {
      const entry = this.latin[i]!;
      if (!entry.key.startsWith(key)) break;
      out.add(entry.doc);
    }
    return [...out];
  }

  /**
   * Keys (pinyin from a syllable boundary, or Latin names from a word) that start with a
   * prefix within `maxEdits` edits of `text`: catches typos deep in long pinyin
   * ("qingshaonianhuodongzhongxing"). Scans only keys sharing the first two letters.
   */
  fuzzyPrefixes(text: string, maxEdits: number, editDistance: (a: string, b: string, max: number) => number): string[] {
    const found = new Set<string>();
    const head = text.slice(0, 2);
    for (let i = this.lowerBound(head); i < this.latin.length && found.size < 50; i++) {
      const key = this.latin[i]!.key;
      if (!key.startsWith(head)) break;
      for (let length = text.length - maxEdits; length <= text.length + maxEdits; length++) {
        if (length < 2 || length > key.length) continue;
        const prefix = key.slice(0, length);
        if (!found.has(prefix) && editDistance(text, prefix, maxEdits) <= maxEdits) found.add(prefix);
      }
    }
    return [...found];
  }

  /** Indexed words within one edit of `word` (SymSpell: shared delete variants). */
  corrections(word: string): string[] {
    const found = new Set<string>();
    for (const variant of [word, ...deletesOf(word)]) for (const candidate of this.deletes.get(variant) ?? []) found.add(candidate);
    found.delete(word);
    return [...found];
  }
}
