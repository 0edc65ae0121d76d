/**
 * Which places are worth scoring for one query part. Names are matched through the index
 * (Han posting lists, Latin key ranges); when a part matches many names and the user's
 * position is known, distance is what tells the matches apart, so the nearest matches are
 * found by walking outwards from the user over marked documents (or bit sets of the
 * widest prefixes and commonest characters) instead of scoring them all. Every whole-name
 * match is kept however far away it is. Places of the kind a part names ("公园",
 * "toilets") are found separately. A query allocates little beyond its answer: the
 * matches are gathered into buffers kept by the finder.
 */
import type { QueryPart } from "./query.ts";
import { type DocumentBits, everyHas, someHas } from "./document-bits.ts";
import { DocumentMarks } from "./document-marks.ts";
import type { SearchIndex } from "./search-index.ts";
import type { Intent } from "./synonyms.ts";

export interface Position {
  lon: number;
  lat: number;
}

/** Most candidates a part yields without a position; ranking sees at most this many. */
export const CANDIDATE_CAP = 4000;
/** Candidates a part yields, nearest first, when the user's position is known. */
export const NEAREST_CANDIDATES = 120;
/** Places of an asked-for kind taken, nearest first, when there are many. */
const INTENT_NEAREST = 200;

export class CandidateFinder {
  private readonly nameMarks: DocumentMarks;
  private readonly walkMarks: DocumentMarks;
  private readonly intentMarks: DocumentMarks;
  /** Name matches of the current part, in the order found: kept between queries, so gathering allocates nothing. */
  private readonly gathered = new Int32Array(CANDIDATE_CAP);
  /** Their squared distances from the user, and a copy nearestOf reorders. */
  private readonly distances = new Float64Array(CANDIDATE_CAP);
  private readonly sortedDistances = new Float64Array(CANDIDATE_CAP);

  constructor(private readonly index: SearchIndex) {
    this.nameMarks = new DocumentMarks(index.size);
    this.walkMarks = new DocumentMarks(index.size);
    this.intentMarks = new DocumentMarks(index.size);
  }

  /** Candidate documents for one part, each once. */
  find(part: QueryPart, near: Position | null, nearestCount = NEAREST_CANDIDATES): number[] {
    this.nameMarks.clear();
    // Known to match far too many to gather (one letter, one common character): walk at once.
    if (near && this.surelyTooMany(part)) return this.withExactMatches(part, this.nearestNameMatches(part, near, nearestCount));
    // With a position, a Latin part's matches are all marked, so a walk can follow at once.
    const whole = near !== null && !part.han;
    let count = this.gatherNameMatches(part, whole);
    if (near && count >= CANDIDATE_CAP) {
      const nearest = whole ? this.index.nearest(near.lon, near.lat, nearestCount, (d) => this.nameMarks.has(d)) : this.nearestNameMatches(part, near, nearestCount);
      return this.withExactMatches(part, nearest);
    }
    // None has all the characters: those with some of them.
    if (count === 0 && part.han) count = this.index.han.markAny(part.han, this.nameMarks, this.gathered);
    else if (count < NEAREST_CANDIDATES) count = this.addWordMatches(part, count);
    const found = near ? this.nearestOf(this.gathered, count, near, nearestCount) : Array.from(this.gathered.subarray(0, count));
    return this.withExactMatches(part, found);
  }

  /** Places of the kinds, categories or facilities the part's words ask for; the nearest ones when many. */
  findByIntent(part: QueryPart, near: Position | null): number[] {
    return part.intents.length > 0 ? this.intentMatches(part.intents, near) : [];
  }

  /**
   * The nearest name matches of a part that matches too many to gather. The walk outwards
   * tests the few places it meets against bit sets of the part's widest Latin prefixes and
   * of its Han characters when all are common; the places with a narrower prefix, or with
   * all the Han characters when one is rarer, are marked first.
   */
  private nearestNameMatches(part: QueryPart, near: Position, count: number): number[] {
    const { walkMarks: marks, index } = this;
    marks.clear();
    const latinSets: DocumentBits[] = [];
    for (const [prefix, initials] of this.latinPrefixes(part)) {
      const set = index.latin.wideSet(prefix, initials);
      if (set) latinSets.push(set);
      else index.latin.mark(prefix, initials, marks);
    }
    const hanSets = part.han ? index.han.commonSets(part.han) : null;
    if (part.han && !hanSets) index.han.mark(part.han, marks);
    return index.nearest(near.lon, near.lat, count, (d) => marks.has(d) || someHas(latinSets, d) || (hanSets !== null && everyHas(hanSets, d)));
  }

  /**
   * True when the index alone shows the part matches more than CANDIDATE_CAP documents: a
   * single Han character's posting list, a common pair of characters, Latin key ranges
   * several times the cap (a document has a key per syllable, so keys may share one), or
   * a kept set of a Latin prefix's documents larger than the cap.
   */
  private surelyTooMany(part: QueryPart): boolean {
    if (part.han && !part.latin) {
      const chars = [...part.han];
      if (new Set(chars).size === 1) return this.index.han.count(chars[0]!) > CANDIDATE_CAP;
      // Names with the two side by side all have both: a floor for the matches.
      return chars.length === 2 && this.index.han.countPair(part.han) > CANDIDATE_CAP;
    }
    if (part.han) return false;
    const prefixes = this.latinPrefixes(part);
    const keys = prefixes.reduce((n, [prefix, initials]) => n + this.index.latin.count(prefix, initials), 0);
    if (keys > 8 * CANDIDATE_CAP) return true;
    return prefixes.some(([prefix, initials]) => (this.index.latin.wideSet(prefix, initials)?.size ?? 0) > CANDIDATE_CAP);
  }

  /** Latin prefixes a part can be read as: pinyin, initials, mixed, and an English phrase. */
  private latinPrefixes(part: QueryPart): Array<[string, boolean]> {
    if (!part.latin) return [];
    if (!part.han) return part.text.includes(" ") ? [[part.latin, true], [part.latin, false], [part.text, false]] : [[part.latin, true], [part.latin, false]];
    return [[part.hanInitials + part.latin, true], [part.hanPinyin + part.latin, false], [part.latin + part.hanPinyin, false]];
  }

  /**
   * Gathers the part's name matches, up to CANDIDATE_CAP, into `gathered` and marks them;
   * returns how many. With `whole`, every match of the Latin prefixes is marked and counted
   * (the index showed they are not far too many to mark).
   */
  private gatherNameMatches(part: QueryPart, whole: boolean): number {
    const { index, nameMarks, gathered } = this;
    let count = part.han ? index.han.mark(part.han, nameMarks, gathered) : 0;
    for (const [prefix, initials] of this.latinPrefixes(part)) {
      if (whole || count < CANDIDATE_CAP) count = index.latin.mark(prefix, initials, nameMarks, gathered, count, whole ? Infinity : CANDIDATE_CAP);
    }
    return count;
  }

  /** Words need not be next to each other in the name ("bibliotheque caroline"): adds their matches to `gathered`. */
  private addWordMatches(part: QueryPart, count: number): number {
    if (part.han || !part.text.includes(" ")) return count;
    for (const word of part.text.split(" ")) {
      if (word.length >= 3 && count < CANDIDATE_CAP) count = this.index.latin.mark(word, false, this.nameMarks, this.gathered, count);
    }
    return count;
  }

  /**
   * The nearest of the first `length` documents, by a flat-earth distance (exact enough to
   * choose), in their order; all of those as far as the last one chosen.
   */
  private nearestOf(docs: Int32Array, length: number, near: Position, count: number): number[] {
    if (length <= count) return Array.from(docs.subarray(0, length));
    const { lons, lats } = this.index;
    const { distances, sortedDistances } = this;
    const cosLat = Math.cos((near.lat * Math.PI) / 180);
    for (let i = 0; i < length; i++) {
      const d = docs[i]!;
      const dx = (lons[d]! - near.lon) * cosLat;
      const dy = lats[d]! - near.lat;
      distances[i] = dx * dx + dy * dy;
    }
    sortedDistances.set(distances.subarray(0, length));
    const limit = kthSmallest(sortedDistances, length, count - 1);
    const out: number[] = [];
    for (let i = 0; i < length; i++) if (distances[i]! <= limit) out.push(docs[i]!);
    return out;
  }

  /** Adds the places whose whole name is what was typed ("东风游乐场2", "nhgy", "jardin exotique"), wherever they are. */
  private withExactMatches(part: QueryPart, found: number[]): number[] {
    for (const d of this.exactMatches(part)) if (!found.includes(d)) found.push(d);
    return found;
  }

  /** Places whose whole name is what was typed ("东风游乐场2", "nhgy", "jardin exotique"), wherever they are. */
  private exactMatches(part: QueryPart): number[] {
    const found = [...this.index.exactly(part.text.replace(/ /g, ""))];
    if (part.latin && !part.han) found.push(...this.index.exactly(part.latin), ...this.index.exactly(part.latin, true), ...this.index.exactly(part.text));
    return found;
  }

  /** Places of the kinds, categories or facilities the words ask for; the nearest ones when many. */
  private intentMatches(intents: readonly Intent[], near: Position | null): number[] {
    const keys = intents.flatMap((i) => [
      ...[...(i.kinds ?? []), ...(i.related ?? [])].map((k) => `kind:${k}`),
      ...(i.categories ?? []).map((c) => `category:${c}`),
      ...(i.facilities ?? []).map((f) => `facility:${f}`),
    ]);
    const lists = keys.map((key) => this.index.byAttribute(key));
    const total = lists.reduce((n, list) => n + list.length, 0);
    if (total <= INTENT_NEAREST || !near) return [...new Set(lists.flat())].slice(0, CANDIDATE_CAP);
    // Many places of these kinds: walk outwards and take the nearest.
    const marks = this.intentMarks;
    marks.clear();
    const sets: DocumentBits[] = [];
    keys.forEach((key, i) => {
      const set = this.index.attributeSet(key);
      if (set) sets.push(set);
      else for (const d of lists[i]!) marks.add(d);
    });
    return this.index.nearest(near.lon, near.lat, INTENT_NEAREST, (d) => marks.has(d) || someHas(sets, d));
  }
}

/**
 * The value that would be at position `k` if the first `length` values were sorted
 * (quickselect: the values are reordered, in O(length) on average rather than a sort's
 * O(length log length)).
 */
function kthSmallest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i > j) break;
      const swap = values[i]!;
      values[i++] = values[j]!;
      values[j--] = swap;
    }
    // Now lo..j hold values <= pivot, i..hi values >= pivot, and between them the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
