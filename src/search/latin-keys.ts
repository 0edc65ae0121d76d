/**
 * The Latin keys of all documents (pinyin, initials, English words, each from every word
 * boundary) sorted, with the document each belongs to, searched by binary prefix range.
 * The documents of the widest prefixes (one or two letters, typed first in every search)
 * are kept as bit sets, so the walk outwards from the user tests the places it meets in
 * one read instead of marking a hundred thousand keys first.
 */
import { DocumentBits } from "./document-bits.ts";
import type { DocumentMarks } from "./document-marks.ts";
import type { SortedKeys } from "./fuzzy-prefix.ts";

/** Keys are cut to this length: longer prefixes are checked by scoring, not retrieval. */
export const KEY_LENGTH = 16;
/** Starts the keys made of initials, so "nh" as initials and "nh" as pinyin stay apart. */
export const INITIALS_MARK = "\u0001";
/** Sorts after every character a key holds, to find the end of a prefix range. */
const AFTER_ALL = "\uffff";
/**
 * Keys in a prefix range from which its bit set is kept rather than its documents marked
 * for each query (marking costs a store per key, a walk a read per place met; the set also
 * tells how many documents the range has), and how many sets are kept.
 */
const WIDE_RANGE = 4000;
const WIDE_SETS_KEPT = 64;

export class LatinKeys implements SortedKeys {
  readonly keys: string[];
  /** The document of the key at the same position. */
  private readonly owners: Int32Array;
  private readonly wideSets = new Map<string, DocumentBits>();

  /** `keys[i]` (already cut to KEY_LENGTH) belongs to document `owners[i]`, one of `size`. */
  constructor(keys: readonly string[], owners: readonly number[], private readonly size: number) {
    const order = Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : owners[a]! - owners[b]!));
    this.keys = order.map((k) => keys[k]!);
    this.owners = Int32Array.from(order, (k) => owners[k]!);
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

  /** Positions [start, end) of the pinyin, English or (initials = true) initials keys starting with `prefix`. */
  range(prefix: string, initials: boolean): [number, number] {
    const key = (initials ? INITIALS_MARK + prefix : prefix).slice(0, KEY_LENGTH);
    return [this.lowerBound(key), this.lowerBound(key + AFTER_ALL)];
  }

  /** Keys starting with `prefix`: at least the number of documents mark() finds. */
  count(prefix: string, initials: boolean): number {
    const [start, end] = this.range(prefix, initials);
    return end - start;
  }

  /**
   * Marks the documents with a key starting with `prefix` and writes each one not marked
   * before into `out` (from `count` on, while there is room), until `stopAt` of them are
   * counted: by default when `out` is full, or never without `out`. Returns the new count.
   */
  mark(prefix: string, initials: boolean, marks: DocumentMarks, out: Int32Array | null = null, count = 0, stopAt = out ? out.length : Infinity): number {
    const [start, end] = this.range(prefix, initials);
    const room = out ? out.length : 0;
    for (let at = start; at < end && count < stopAt; at++) {
      const doc = this.owners[at]!;
      if (!marks.add(doc)) continue;
      if (count < room) out![count] = doc;
      count++;
    }
    return count;
  }

  /**
   * The documents with a key starting with `prefix` as a bit set, when the prefix starts
   * WIDE_RANGE keys or more; null for a narrower prefix, whose documents are cheaper to mark.
   * The most recently built sets are kept.
   */
  wideSet(prefix: string, initials: boolean): DocumentBits | null {
    const name = `${initials ? INITIALS_MARK : ""}${prefix}`;
    const kept = this.wideSets.get(name);
    if (kept) return kept;
    const [start, end] = this.range(prefix, initials);
    if (end - start < WIDE_RANGE) return null;
    const set = new DocumentBits(this.size, this.owners.subarray(start, end));
    if (this.wideSets.size >= WIDE_SETS_KEPT) this.wideSets.delete(this.wideSets.keys().next().value!);
    this.wideSets.set(name, set);
    return set;
  }
}
