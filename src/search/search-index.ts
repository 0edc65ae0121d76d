/**
 * The in-memory search index over all places, rebuilt from the catalog whenever places
 * change. Retrieval structures: a posting list per Han character (so one- and two-
 * character queries work, which trigram indexes cannot do), a sorted list of Latin keys
 * (pinyin, initials, English words, each from every word boundary) searched by binary
 * prefix range, a SymSpell-style delete map for one-typo corrections of Latin words, and
 * a k-d tree of positions for the nearest matches.
 */
import type { Jieba } from "@node-rs/jieba";
import type { Place } from "../core/place.ts";
import { DocumentBits } from "./document-bits.ts";
import { type FuzzyPrefix, fuzzyPrefixes } from "./fuzzy-prefix.ts";
import { HanPostings } from "./han-postings.ts";
import { INITIALS_MARK, KEY_LENGTH, LatinKeys } from "./latin-keys.ts";
import { NearestPoints } from "./nearest-points.ts";
import { type SearchDocument, searchDocument } from "./search-document.ts";

/** A kind, category or facility held by this share of the places gets a bit set. */
const ATTRIBUTE_SET_SHARE = 1 / 64;

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class SearchIndex {
  readonly docs: SearchDocument[];
  /** Position of each document, so distances are computed without touching objects. */
  readonly lons: Float64Array;
  readonly lats: Float64Array;
  /** Documents by the Han characters of their Chinese name. */
  readonly han: HanPostings;
  /** Documents by their pinyin, initials and English keys. */
  readonly latin: LatinKeys;
  private readonly exact = new Map<string, number[]>();
  private readonly deletes = new Map<string, string[]>();
  private readonly byAttributeKey = new Map<string, number[]>();
  private readonly attributeSets = new Map<string, DocumentBits>();
  private readonly points: NearestPoints;

  constructor(places: readonly Place[], context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.docs = places.map((p) => searchDocument(p, context));
    this.lons = Float64Array.from(this.docs, (d) => d.place.lon);
    this.lats = Float64Array.from(this.docs, (d) => d.place.lat);
    const words = new Set<string>();
    const keys: string[] = [];
    const owners: number[] = [];
    const addKey = (key: string, doc: number) => {
      keys.push(key.slice(0, KEY_LENGTH));
      owners.push(doc);
    };
    this.points = new NearestPoints(this.lons, this.lats);
    this.docs.forEach((doc, i) => {
      this.push(this.byAttributeKey, `kind:${doc.place.kind}`, i);
      for (const c of doc.place.categories) this.push(this.byAttributeKey, `category:${c}`, i);
      for (const f of doc.place.facilities) this.push(this.byAttributeKey, `facility:${f}`, i);
      for (const name of new Set([doc.zh, doc.pinyin, INITIALS_MARK + doc.initials, doc.en, ...doc.alt])) if (name && name !== INITIALS_MARK) this.push(this.exact, name, i);
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
    this.han = new HanPostings(this.docs.map((d) => d.zh));
    this.latin = new LatinKeys(keys, owners, this.docs.length);
    for (const [key, docs] of this.byAttributeKey) {
      if (docs.length >= this.docs.length * ATTRIBUTE_SET_SHARE) this.attributeSets.set(key, new DocumentBits(this.docs.length, docs));
    }
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

  /** Documents of a kind, category or facility ("kind:playground", "category:play", "facility:toilets"). */
  byAttribute(key: string): readonly number[] {
    return this.byAttributeKey.get(key) ?? [];
  }

  /**
   * The documents of a common kind, category or facility as a bit set (the walk outwards for
   * "公园" tests the places it meets instead of marking every park first); null for a rarer one.
   */
  attributeSet(key: string): DocumentBits | null {
    return this.attributeSets.get(key) ?? null;
  }

  /** Documents whose whole Chinese name, pinyin, Latin name or (initials = true) initials are exactly `text`. */
  exactly(text: string, initials = false): readonly number[] {
    return this.exact.get(initials ? INITIALS_MARK + text : text) ?? [];
  }

  /** Up to `k` documents passing `test`, nearest to a point first (see NearestPoints). */
  nearest(lon: number, lat: number, k: number, test: (doc: number) => boolean): number[] {
    return this.points.nearest(lon, lat, k, test);
  }

  /**
   * Key prefixes within `maxEdits` of `text`, fewest edits first: catches typos deep in long
   * pinyin ("qingshaonianhuodongzhongxing"). Only keys sharing the first letters are read.
   */
  fuzzyPrefixes(text: string, maxEdits: number): FuzzyPrefix[] {
    // Keys are cut to KEY_LENGTH, so a longer text is compared by its head.
    const cut = text.slice(0, KEY_LENGTH);
    // A typo in the first letters is rare; a longer shared head reads far fewer keys.
    return fuzzyPrefixes(this.latin, cut, cut.slice(0, cut.length >= 6 ? 3 : 2), maxEdits);
  }

  /** Indexed words within one edit of `word` (SymSpell: shared delete variants). */
  corrections(word: string): string[] {
    const found = new Set<string>();
    for (const variant of [word, ...deletesOf(word)]) for (const candidate of this.deletes.get(variant) ?? []) found.add(candidate);
    found.delete(word);
    return [...found];
  }
}
