/**
 * The in-memory search index over all places, rebuilt from the catalog whenever places
 * change. Retrieval structures: a posting list per Han character (so one- and two-
 * character queries work, which trigram indexes cannot do), a sorted list of Latin keys
 * (pinyin, initials, English words, each from every word boundary) searched by binary
 * prefix range, and a SymSpell-style delete map for one-typo corrections of Latin words.
 */
import type { Jieba } from "@node-rs/jieba";
import KDBush from "kdbush";
import type { Place } from "../core/place.ts";
import type { DocumentMarks } from "./document-marks.ts";
import { type FuzzyPrefix, fuzzyPrefixes } from "./fuzzy-prefix.ts";
import { type SearchDocument, searchDocument } from "./search-document.ts";

const EMPTY: Int32Array = new Int32Array(0);
/** Keys in a prefix range from which its document set is worth keeping, and how many are kept. */
const WIDE_RANGE = 20_000;
const WIDE_SETS_KEPT = 32;
/** Radius in degrees of latitude (about 550 m) of the first square read by nearest(). */
const FIRST_RADIUS = 0.005;
/** Sorts after every character a key holds, to find the end of a prefix range. */
const AFTER_ALL = "\uffff";

/** Keys are cut to this length: longer prefixes are checked by scoring, not retrieval. */
const KEY_LENGTH = 16;
const INITIALS_MARK = "\u0001";

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * First position at or after `from` whose value is not below `value`, in a sorted list:
 * galloping then binary search, so a short list merges against a long one in
 * O(short x log long) rather than O(long).
 */
function seek(list: Int32Array, from: number, value: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi]! < value) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (list[mid]! < value) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/** West, south, east and north edges of the documents' positions. */
function boxOf(lons: Float64Array, lats: Float64Array): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lons.length; i++) {
    west = Math.min(west, lons[i]!);
    east = Math.max(east, lons[i]!);
    south = Math.min(south, lats[i]!);
    north = Math.max(north, lats[i]!);
  }
  return [west, south, east, north];
}

export class SearchIndex {
  readonly docs: SearchDocument[];
  /** Position of each document, so distances are computed without touching objects. */
  readonly lons: Float64Array;
  readonly lats: Float64Array;
  private readonly byChar = new Map<string, Int32Array>();
  /** Sorted Latin keys and, at the same position, the document each belongs to. */
  readonly keys: string[];
  private readonly latinDocs: Int32Array;
  private readonly exact = new Map<string, number[]>();
  private readonly deletes = new Map<string, string[]>();
  private readonly byAttributeKey = new Map<string, number[]>();
  private readonly points: KDBush;
  private readonly box: [number, number, number, number];
  private readonly wideSets = new Map<string, Uint8Array>();
  /** Names holding each pair of adjacent Han characters ("南湖"): a floor for how many a two-character query matches. */
  private readonly pairCounts = new Map<string, number>();

  constructor(places: readonly Place[], context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.docs = places.map((p) => searchDocument(p, context));
    this.lons = Float64Array.from(this.docs, (d) => d.place.lon);
    this.lats = Float64Array.from(this.docs, (d) => d.place.lat);
    const byChar = new Map<string, number[]>();
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
      for (const char of new Set(doc.zh)) this.push(byChar, char, i);
      const chars = [...doc.zh];
      for (const pair of new Set(chars.slice(1).map((c, k) => chars[k]! + c))) this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
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
    if (this.docs.length === 0) this.points.add(0, 0);
    this.points.finish();
    this.box = boxOf(this.lons, this.lats);
    const order = Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : owners[a]! - owners[b]!));
    this.keys = order.map((k) => keys[k]!);
    for (const [char, docs] of byChar) this.byChar.set(char, Int32Array.from(docs));
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
   * Visits every document whose Chinese name has every character of `han`: the rarest
   * character's posting list, merged against the others (all sorted by document number).
   * `visit` returns false to stop.
   */
  forEachWithHan(han: string, visit: (doc: number) => boolean | void): void {
    const lists = [...new Set(han)].map((c) => this.byChar.get(c) ?? EMPTY);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    if (!first) return;
    const cursors = new Int32Array(rest.length);
    for (const doc of first) {
      let everywhere = true;
      for (let l = 0; l < rest.length && everywhere; l++) {
        const list = rest[l]!;
        const at = seek(list, cursors[l]!, doc);
        cursors[l] = at;
        everywhere = list[at] === doc;
      }
      if (everywhere && visit(doc) === false) return;
    }
  }

  /**
   * The documents with a Latin key starting with `prefix`, as one byte per document. The
   * sets of the widest prefixes (one or two letters, typed first in every search) are kept,
   * so the first keystroke does not mark a hundred thousand keys each time.
   */
  latinSet(prefix: string, initials: boolean): Uint8Array {
    const key = `${initials ? INITIALS_MARK : ""}${prefix}`;
    const cached = this.wideSets.get(key);
    if (cached) return cached;
    const [start, end] = this.latinRange(prefix, initials);
    const set = new Uint8Array(this.docs.length);
    for (let i = start; i < end; i++) set[this.latinDocs[i]!] = 1;
    if (end - start >= WIDE_RANGE) this.keep(key, set);
    return set;
  }

  /** The documents whose name has this Han character, one byte per document; common characters' sets are kept. */
  hanCharSet(char: string): Uint8Array {
    const cached = this.wideSets.get(char);
    if (cached) return cached;
    const list = this.byChar.get(char) ?? EMPTY;
    const set = new Uint8Array(this.docs.length);
    for (let i = 0; i < list.length; i++) set[list[i]!] = 1;
    if (list.length >= WIDE_RANGE / 4) this.keep(char, set);
    return set;
  }

  private keep(key: string, set: Uint8Array): void {
    if (this.wideSets.size >= WIDE_SETS_KEPT) this.wideSets.delete(this.wideSets.keys().next().value!);
    this.wideSets.set(key, set);
  }

  /** Marks the documents with a Latin key starting with `prefix` (see forEachWithLatin). */
  markWithLatin(prefix: string, initials: boolean, marks: DocumentMarks): void {
    const [start, end] = this.latinRange(prefix, initials);
    const docs = this.latinDocs;
    for (let i = start; i < end; i++) marks.add(docs[i]!);
  }

  /** How many names hold these two Han characters side by side. */
  countWithHanPair(pair: string): number {
    return this.pairCounts.get(pair) ?? 0;
  }

  /** How many documents have this Han character in their name. */
  countWithHanChar(char: string): number {
    return this.byChar.get(char)?.length ?? 0;
  }

  /** Documents of a kind, category or facility ("kind:playground", "category:play", "facility:toilets"). */
  byAttribute(key: string): readonly number[] {
    return this.byAttributeKey.get(key) ?? [];
  }

  /** Documents whose whole Chinese name, pinyin, Latin name or (initials = true) initials are exactly `text`. */
  exactly(text: string, initials = false): readonly number[] {
    return this.exact.get(initials ? INITIALS_MARK + text : text) ?? [];
  }

  /**
   * Up to `k` documents passing `test`, nearest to a point first, by flat-earth distance
   * (exact enough to choose at city scale). Reads the k-d tree in squares that grow until
   * the circle inside holds k matches: a walk point by point (geokdbush) costs a queue
   * operation and a great-circle distance per point, ten times more when matches are dense.
   */
  nearest(lon: number, lat: number, k: number, test: (doc: number) => boolean): number[] {
    const cosLat = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    const [west, south, east, north] = this.box;
    // Once the circle reaches every corner of the box, every document has been read.
    const everything = Math.SQRT2 * Math.max((lon - west) * cosLat, (east - lon) * cosLat, lat - south, north - lat);
    let radius = FIRST_RADIUS;
    for (;;) {
      const inside: number[] = [];
      const distances: number[] = [];
      for (const doc of this.points.range(lon - radius / cosLat, lat - radius, lon + radius / cosLat, lat + radius)) {
        if (doc >= this.docs.length || !test(doc)) continue;
        const dx = (this.lons[doc]! - lon) * cosLat;
        const dy = this.lats[doc]! - lat;
        const d2 = dx * dx + dy * dy;
        if (d2 > radius * radius) continue;
        inside.push(doc);
        distances.push(d2);
      }
      if (inside.length >= k || radius >= everything) {
        const order = Array.from(inside.keys()).sort((a, b) => distances[a]! - distances[b]! || inside[a]! - inside[b]!);
        return order.slice(0, k).map((i) => inside[i]!);
      }
      // Grow by the density met so far, a little beyond, so one more read usually suffices.
      radius *= Math.min(8, Math.max(1.3, 1.15 * Math.sqrt(k / (inside.length + 1))));
    }
  }

  /** Documents with some Han character of `han` (for partial matches when all-of finds none). */
  byAnyHanChar(han: string, cap: number): number[] {
    const out = new Set<number>();
    for (const c of new Set(han)) for (const doc of this.byChar.get(c) ?? EMPTY) if (out.size < cap) out.add(doc);
    return [...out];
  }

  /** First position whose key is not below `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private latinRange(prefix: string, initials: boolean): [number, number] {
    const key = (initials ? INITIALS_MARK + prefix : prefix).slice(0, KEY_LENGTH);
    return [this.lowerBound(key), this.lowerBound(key + AFTER_ALL)];
  }

  /**
   * Visits the documents with a pinyin, English or (initials = true) initials key starting
   * with `prefix`, a document once per key it has. `visit` returns false to stop.
   */
  forEachWithLatin(prefix: string, initials: boolean, visit: (doc: number) => boolean | void): void {
    const [start, end] = this.latinRange(prefix, initials);
    for (let i = start; i < end; i++) if (visit(this.latinDocs[i]!) === false) return;
  }

  /** Keys starting with `prefix`: at least the number of documents found by forEachWithLatin. */
  countWithLatin(prefix: string, initials: boolean): number {
    const [start, end] = this.latinRange(prefix, initials);
    return end - start;
  }

  /**
   * Key prefixes within `maxEdits` of `text`, fewest edits first: catches typos deep in long
   * pinyin ("qingshaonianhuodongzhongxing"). Only keys sharing the first letters are read.
   */
  fuzzyPrefixes(text: string, maxEdits: number): FuzzyPrefix[] {
    // Keys are cut to KEY_LENGTH, so a longer text is compared by its head.
    const cut = text.slice(0, KEY_LENGTH);
    // A typo in the first letters is rare; a longer shared head reads far fewer keys.
    return fuzzyPrefixes(this, cut, cut.slice(0, cut.length >= 6 ? 3 : 2), maxEdits);
  }

  /** Indexed words within one edit of `word` (SymSpell: shared delete variants). */
  corrections(word: string): string[] {
    const found = new Set<string>();
    for (const variant of [word, ...deletesOf(word)]) for (const candidate of this.deletes.get(variant) ?? []) found.add(candidate);
    found.delete(word);
    return [...found];
  }
}
