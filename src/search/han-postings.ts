/**
 * Which documents have each Han character in their Chinese name: a posting list per
 * character (so one- and two-character queries work, which trigram indexes cannot do), a
 * count per pair of adjacent characters, and a bit set per common character, so both the
 * merge of posting lists and the walk outwards test a common character in one read.
 */
import { DocumentBits, everyHas } from "./document-bits.ts";
import type { DocumentMarks } from "./document-marks.ts";

const EMPTY: Int32Array = new Int32Array(0);
/** A character is common, and gets a bit set, in this share of the names (and at least COMMON_FLOOR). */
const COMMON_SHARE = 1 / 32;
const COMMON_FLOOR = 1000;
/** Steps read one by one before seek() gallops: lists of similar length merge faster so. */
const LINEAR_STEPS = 8;

/**
 * First position at or after `from` whose value is not below `value`, in a sorted list: a
 * few steps one by one, then galloping and binary search, so a short list merges against a
 * long one in O(short x log long) rather than O(long).
 */
function seek(list: Int32Array, from: number, value: number): number {
  const linearEnd = Math.min(list.length, from + LINEAR_STEPS);
  while (from < linearEnd && list[from]! < value) from++;
  if (from < linearEnd) return from;
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

export class HanPostings {
  private readonly byChar = new Map<string, Int32Array>();
  /** Names holding each pair of adjacent Han characters ("南湖"): a floor for how many a two-character query matches. */
  private readonly pairCounts = new Map<string, number>();
  private readonly common = new Map<string, DocumentBits>();

  /** `names[d]` is document d's normalised Chinese name. */
  constructor(names: readonly string[]) {
    const byChar = new Map<string, number[]>();
    names.forEach((name, d) => {
      for (const char of new Set(name)) {
        const list = byChar.get(char);
        if (list) list.push(d);
        else byChar.set(char, [d]);
      }
      const chars = [...name];
      for (const pair of new Set(chars.slice(1).map((c, k) => chars[k]! + c))) this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
    });
    const floor = Math.max(COMMON_FLOOR, names.length * COMMON_SHARE);
    for (const [char, docs] of byChar) {
      const list = Int32Array.from(docs);
      this.byChar.set(char, list);
      if (list.length >= floor) this.common.set(char, new DocumentBits(names.length, list));
    }
  }

  /** How many documents have this character in their name. */
  count(char: string): number {
    return this.byChar.get(char)?.length ?? 0;
  }

  /** How many names hold these two characters side by side. */
  countPair(pair: string): number {
    return this.pairCounts.get(pair) ?? 0;
  }

  /** The bit sets of every distinct character of `han` when all of them are common; null otherwise. */
  commonSets(han: string): DocumentBits[] | null {
    const sets: DocumentBits[] = [];
    for (const char of new Set(han)) {
      const set = this.common.get(char);
      if (!set) return null;
      sets.push(set);
    }
    return sets;
  }

  /**
   * Marks the documents whose name has every character of `han`, and writes each one not
   * marked before into `out` from `count` on, stopping when `out` is full (without `out`,
   * marks them all). Returns the new count. The rarest character's posting list is merged
   * against the others, read through their bit sets when common.
   */
  mark(han: string, marks: DocumentMarks, out: Int32Array | null = null, count = 0): number {
    const chars = [...new Set(han)].sort((a, b) => this.count(a) - this.count(b));
    const first = this.byChar.get(chars[0] ?? "");
    if (!first) return count;
    const sets = chars.slice(1).flatMap((c) => this.common.get(c) ?? []);
    const lists = chars.slice(1).filter((c) => !this.common.has(c)).map((c) => this.byChar.get(c) ?? EMPTY);
    const cursors = new Int32Array(lists.length);
    const limit = out ? out.length : Infinity;
    for (let i = 0; i < first.length && count < limit; i++) {
      const doc = first[i]!;
      if (!everyHas(sets, doc) || !everyHolds(lists, cursors, doc) || !marks.add(doc)) continue;
      if (out) out[count] = doc;
      count++;
    }
    return count;
  }

  /**
   * Documents with some character of `han` (for partial matches when all-of finds none),
   * each once, written into `out` until it is full; returns how many.
   */
  markAny(han: string, marks: DocumentMarks, out: Int32Array): number {
    let count = 0;
    for (const char of new Set(han)) {
      const list = this.byChar.get(char) ?? EMPTY;
      for (let i = 0; i < list.length && count < out.length; i++) if (marks.add(list[i]!)) out[count++] = list[i]!;
    }
    return count;
  }
}

/** True when every list holds the document; moves each list's cursor up to it (documents come in ascending order). */
function everyHolds(lists: readonly Int32Array[], cursors: Int32Array, doc: number): boolean {
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l]!;
    const at = seek(list, cursors[l]!, doc);
    cursors[l] = at;
    if (list[at] !== doc) return false;
  }
  return true;
}
