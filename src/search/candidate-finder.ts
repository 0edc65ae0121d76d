/**
 * Which places are worth scoring for one query part. Names are matched through the index
 * (Han posting lists, Latin key ranges); when a part matches many names and the user's
 * position is known, distance is what tells the matches apart, so the nearest matches are
 * found by walking outwards from the user over marked documents instead of scoring them
 * all. Every whole-name match is kept however far away it is. Places of the kind a part
 * names ("公园", "toilets") are found separately.
 */
import type { QueryPart } from "./query.ts";
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
  private readonly latinMarks: DocumentMarks;
  private readonly intentMarks: DocumentMarks;

  constructor(private readonly index: SearchIndex) {
    this.nameMarks = new DocumentMarks(index.size);
    this.latinMarks = new DocumentMarks(index.size);
    this.intentMarks = new DocumentMarks(index.size);
  }

  /** Candidate documents for one part, each once. */
  find(part: QueryPart, near: Position | null, nearestCount = NEAREST_CANDIDATES): number[] {
    const marks = this.nameMarks;
    marks.clear();
    // Known to match far too many to gather (one letter, one common character): walk at once.
    if (near && this.surelyTooMany(part)) {
      const nearest = this.nearestNameMatches(part, near, nearestCount);
      for (const d of this.exactMatches(part)) if (!nearest.includes(d)) nearest.push(d);
      return nearest;
    }
    let found: number[] = [];
    this.forEachNameMatch(part, (d) => {
      if (marks.add(d)) found.push(d);
      return found.length < CANDIDATE_CAP;
    });
    const tooMany = found.length >= CANDIDATE_CAP;
    if (found.length === 0 && part.han) found = this.index.byAnyHanChar(part.han, CANDIDATE_CAP);
    if (found.length < NEAREST_CANDIDATES) this.addWordMatches(part, found);
    if (near) found = tooMany ? this.nearestNameMatches(part, near, nearestCount) : this.nearestOf(found, near, nearestCount);
    for (const d of this.exactMatches(part)) if (!found.includes(d)) found.push(d);
    return found;
  }

  /** Places of the kinds, categories or facilities the part's words ask for; the nearest ones when many. */
  findByIntent(part: QueryPart, near: Position | null): number[] {
    return part.intents.length > 0 ? this.intentMatches(part.intents, near) : [];
  }

  /**
   * The nearest name matches of a part that matches too many to gather: the documents with its Latin
   * keys, or with the rarest of its Han characters, are marked, and the walk outwards
   * checks the other Han characters on the few documents it meets.
   */
  private nearestNameMatches(part: QueryPart, near: Position, count: number): number[] {
    const { latinMarks, index } = this;
    if (!part.han) {
      const sets = this.latinPrefixes(part).map(([prefix, initials]) => index.latinSet(prefix, initials));
      return index.nearest(near.lon, near.lat, count, (d) => sets.some((set) => set[d] === 1));
    }
    latinMarks.clear();
    for (const [prefix, initials] of this.latinPrefixes(part)) index.markWithLatin(prefix, initials, latinMarks);
    const charSets = [...new Set(part.han)].map((c) => index.hanCharSet(c));
    return index.nearest(near.lon, near.lat, count, (d) => latinMarks.has(d) || charSets.every((set) => set[d] === 1));
  }

  /**
   * True when the index alone shows the part matches more than CANDIDATE_CAP documents: a
   * single Han character's posting list, a common pair of characters, or Latin key ranges
   * several times the cap (a document has a key per syllable, so keys may share one).
   */
  private surelyTooMany(part: QueryPart): boolean {
    if (part.han && !part.latin) {
      const chars = [...part.han];
      if (new Set(chars).size === 1) return this.index.countWithHanChar(chars[0]!) > CANDIDATE_CAP;
      // Names with the two side by side all have both: a floor for the matches.
      return chars.length === 2 && this.index.countWithHanPair(part.han) > CANDIDATE_CAP;
    }
    if (part.han) return false;
    const keys = this.latinPrefixes(part).reduce((n, [prefix, initials]) => n + this.index.countWithLatin(prefix, initials), 0);
    return keys > 8 * CANDIDATE_CAP;
  }

  /** Latin prefixes a part can be read as: pinyin, initials, mixed, and an English phrase. */
  private latinPrefixes(part: QueryPart): Array<[string, boolean]> {
    if (!part.latin) return [];
    if (!part.han) return part.text.includes(" ") ? [[part.latin, true], [part.latin, false], [part.text, false]] : [[part.latin, true], [part.latin, false]];
    return [[part.hanInitials + part.latin, true], [part.hanPinyin + part.latin, false], [part.latin + part.hanPinyin, false]];
  }

  private forEachNameMatch(part: QueryPart, visit: (doc: number) => boolean | void): void {
    let going = true;
    const guarded = (d: number) => (going = visit(d) !== false);
    if (part.han) this.index.forEachWithHan(part.han, guarded);
    for (const [prefix, initials] of this.latinPrefixes(part)) if (going) this.index.forEachWithLatin(prefix, initials, guarded);
  }

  /** Words need not be next to each other in the name ("bibliotheque caroline"). */
  private addWordMatches(part: QueryPart, found: number[]): void {
    if (part.han || !part.text.includes(" ")) return;
    for (const word of part.text.split(" ")) {
      if (word.length < 3) continue;
      this.index.forEachWithLatin(word, false, (d) => {
        if (this.nameMarks.add(d)) found.push(d);
        return found.length < CANDIDATE_CAP;
      });
    }
  }

  /** The nearest of many documents, by a flat-earth distance (exact enough to choose). */
  private nearestOf(docs: number[], near: Position, count: number): number[] {
    if (docs.length <= count) return docs;
    const { lons, lats } = this.index;
    const cosLat = Math.cos((near.lat * Math.PI) / 180);
    const distance = new Float64Array(docs.length);
    docs.forEach((d, i) => {
      const dx = (lons[d]! - near.lon) * cosLat;
      const dy = lats[d]! - near.lat;
      distance[i] = dx * dx + dy * dy;
    });
    const limit = Float64Array.from(distance).sort()[count - 1]!;
    return docs.filter((_, i) => distance[i]! <= limit);
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
      ...(i.kinds ?? []).map((k) => `kind:${k}`),
      ...(i.categories ?? []).map((c) => `category:${c}`),
      ...(i.facilities ?? []).map((f) => `facility:${f}`),
    ]);
    const lists = keys.map((key) => this.index.byAttribute(key));
    const total = lists.reduce((n, list) => n + list.length, 0);
    if (total <= INTENT_NEAREST || !near) return [...new Set(lists.flat())].slice(0, CANDIDATE_CAP);
    // Many places of these kinds: walk outwards and take the nearest.
    const marks = this.intentMarks;
    marks.clear();
    for (const list of lists) for (const d of list) marks.add(d);
    return this.index.nearest(near.lon, near.lat, INTENT_NEAREST, (d) => marks.has(d));
  }
}
