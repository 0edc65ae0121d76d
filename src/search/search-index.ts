/**
 * The in-memory search index over all places, rebuilt from the catalog whenever places
 * change. Retrieval structures: a posting list per Han character (so one- and two-
 * character queries work, which trigram indexes cannot do), a sorted list of Latin keys
 * (pinyin, initials, English words, each from every word boundary) searched by binary
 * prefix range, and a SymSpell-style delete map for one-typo corrections of Latin words.
 */
import type { Jieba } from "@node-rs/jieba";
import { around } from "geokdbush";
import KDBush from "kdbush";
import type { Place } from "../core/place.ts";
import { type SearchDocument, searchDocument } from "./search-document.ts";

/** Most candidates one retrieval step returns; ranking sees at most this many. */
export const CANDIDATE_CAP = 4000;

/** Distinct key prefixes a typo search measures at most. */
const FUZZY_SCAN_LIMIT = 4_000;

/** Keys are cut to this length: longer prefixes are checked by scoring, not retrieval. */
const KEY_LENGTH = 16;
const INITIALS_MARK = "\u0001";

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class SearchIndex {
  readonly docs: SearchDocument[];
  private readonly byChar = new Map<string, number[]>();
  /** Sorted Latin keys and, at the same position, the document each belongs to. */
  private readonly latinKeys: string[];
  private readonly latinDocs: Int32Array;
  private readonly deletes = new Map<string, string[]>();
  private readonly byAttributeKey = new Map<string, number[]>();
  private readonly points: KDBush;

  constructor(places: readonly Place[], context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.docs = places.map((p) => searchDocument(p, context));
    const words = new Set<string>();
    const keys: string[] = [];
    const owners: number[] = [];
    const addKey = (key: string, doc: number) => {
      keys.push(key.slice(0, KEY_LENGTH));
      owners.push(doc);
    };
    this.points = new KDBush(Math.max(1, this.docs.length));
    this.docs.forEach((doc, i) => {
      this.points.add(doc.place.lon, doc.place.lat);
      this.push(this.byAttributeKey, `kind:${doc.place.kind}`, i);
      for (const c of doc.place.categories) this.push(this.byAttributeKey, `category:${c}`, i);
      for (const f of doc.place.facilities) this.push(this.byAttributeKey, `facility:${f}`, i);
      for (const char of new Set(doc.zh)) this.push(this.byChar, char, i);
      let offset = 0;
      for (let s = 0; s < doc.syllables.length; s++) {
        addKey(doc.pinyin.slice(offset), i);
        addKey(INITIALS_MARK + doc.initials.slice(s), i);
        offset += doc.syllables[s]!.length;
      }
      for (const name of [doc.en, ...doc.alt]) {
        let at = 0;
        while (at >= 0 && at < name.length) {
          addKey(name.slice(at), i);
          const space = name.indexOf(" ", at);
          at = space < 0 ? -1 : space + 1;
        }
      }
      // Typos are corrected against words that recur (name parts), not whole unique names;
      // long runs are handled by fuzzyPrefixes instead.
      for (const word of [...doc.pinyinWords, ...doc.enWords]) if (word.length >= 4 && word.length <= 15 && !/\d/.test(word)) words.add(word);
    });
    if (this.docs.length === 0) this.points.add(0, 0);
    this.points.finish();
    const order = Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : owners[a]! - owners[b]!));
    this.latinKeys = order.map((k) => keys[k]!);
    this.latinDocs = Int32Array.from(order, (k) => owners[k]!);
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

  /**
   * Documents whose Chinese name has every character of `han`: the rarest character's
   * posting list, merged against the others (all sorted by document number).
   */
  byHanChars(han: string, cap = CANDIDATE_CAP): number[] {
    const lists = [...new Set(han)].map((c) => this.byChar.get(c) ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    if (!first) return [];
    const cursors = rest.map(() => 0);
    const out: number[] = [];
    for (const doc of first) {
      let everywhere = true;
      for (let l = 0; l < rest.length && everywhere; l++) {
        const list = rest[l]!;
        let at = cursors[l]!;
        while (at < list.length && list[at]! < doc) at++;
        cursors[l] = at;
        everywhere = list[at] === doc;
      }
      if (everywhere) out.push(doc);
      if (out.length >= cap) break;
    }
    return out;
  }

  /** Documents of a kind, category or facility ("kind:playground", "category:play", "facility:toilets"). */
  byAttribute(key: string): number[] {
    return this.byAttributeKey.get(key) ?? [];
  }

  /** Up to `k` documents passing `test`, nearest to a point first (k-d tree walk). */
  nearest(lon: number, lat: number, k: number, test: (doc: number) => boolean): number[] {
    return this.docs.length === 0 ? [] : (around(this.points, lon, lat, k, Infinity, test) as number[]);
  }

  /** Documents with some Han character of `han` (for partial matches when all-of finds none). */
  byAnyHanChar(han: string): number[] {
    const out = new Set<number>();
    for (const c of new Set(han)) for (const doc of this.byChar.get(c) ?? []) if (out.size < CANDIDATE_CAP) out.add(doc);
    return [...out];
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.latinKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.latinKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Documents with a pinyin, English or (initials = true) initials key starting with `prefix`. */
  byLatinPrefix(prefix: string, initials = false, cap = CANDIDATE_CAP): number[] {
    const key = (initials ? INITIALS_MARK + prefix : prefix).slice(0, KEY_LENGTH);
    const out = new Set<number>();
    for (let i = this.lowerBound(key); i < this.latinKeys.length && out.size < cap; i++) {
      if (!this.latinKeys[i]!.startsWith(key)) break;
      out.add(this.latinDocs[i]!);
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
    // Keys are cut to KEY_LENGTH, so a longer text is compared by its head.
    text = text.slice(0, KEY_LENGTH);
    // A typo in the first letters is rare; a longer shared head scans far fewer keys.
    const head = text.slice(0, text.length >= 6 ? 3 : 2);
    // Sorted keys share prefixes: each distinct prefix is measured once.
    const seen = new Set<string>();
    let scanned = 0;
    for (let i = this.lowerBound(head); i < this.latinKeys.length && found.size < 50 && scanned < FUZZY_SCAN_LIMIT; i++) {
      const key = this.latinKeys[i]!;
      if (!key.startsWith(head)) break;
      for (let length = text.length - maxEdits; length <= text.length + maxEdits; length++) {
        if (length < 2 || length > key.length) continue;
        const prefix = key.slice(0, length);
        if (seen.has(prefix)) continue;
        seen.add(prefix);
        scanned++;
        if (editDistance(text, prefix, maxEdits) <= maxEdits) found.add(prefix);
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
