/**
 * Search over places: retrieve candidates from the index for each part of the query,
 * score how well the text matches, then rank by text, nearness to the point searched
 * around (the user, or the map centre), demonstration status and whether the place is open
 * now. Distances are reported only from the user's own position. Filters combine with the
 * text. Pure logic over in-memory structures: no I/O.
 */
import type { Jieba } from "@node-rs/jieba";
import { distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import type { PlaceFilter, PlaceIndex } from "../places/index.ts";
import { type ParsedQuery, type QueryPart, parseQuery, toPart } from "./query.ts";
import { CandidateFinder, type Position } from "./candidate-finder.ts";
import { PartScores } from "./part-scores.ts";
import { SearchIndex } from "./search-index.ts";
import { partScore } from "./text-score.ts";

export interface SearchOptions {
  limit: number;
  lon?: number;
  lat?: number;
  filter: PlaceFilter;
  /**
   * Where distances are measured from: the person's own position. Undefined: the position
   * above; null: no distances (the position above, a map centre, only ranks).
   */
  origin?: { lon: number; lat: number } | null;
  /** Open-now test for the ranking bonus (the filter's predicate is separate). */
  isOpen: (place: Place) => boolean;
  /**
   * Nearest candidates scored per part when the position is known (default 120). A
   * suggestion list without filters shows 8, so 40 is plenty and three times cheaper.
   */
  nearestCandidates?: number;
}

export interface SearchHit {
  place: Place;
  score: number;
  text: number;
  distanceM: number | null;
}

export interface SearchResult {
  query: ParsedQuery;
  hits: SearchHit[];
  /** When nothing matched: the nearest places of the category the words suggest. */
  fallback: { categories: string[]; hits: SearchHit[] } | null;
}

/** A match through a typo fix counts this much of an exact one. */
const TYPO_FACTOR = 0.85;
const MAX_CORRECTIONS = 6;

export class SearchEngine {
  readonly index: SearchIndex;
  private readonly finder: CandidateFinder;
  /** Emptied for each search (searches run one at a time). */
  private readonly scores: PartScores;

  constructor(places: readonly Place[], private readonly placeIndex: PlaceIndex, context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.index = new SearchIndex(places, context);
    this.finder = new CandidateFinder(this.index);
    this.scores = new PartScores(this.index.size);
  }

  /**
   * The part with one typo fixed: the whole Latin run ("nanhugongyaun") or one of its
   * words ("nanhu prak" -> "nanhu park"), each a full query part of its own, the fixes
   * with fewest edits and then the longest (most specific) first.
   */
  private correctedParts(part: QueryPart): QueryPart[] {
    if (part.han || part.latin.length < 4) return [];
    const variants = new Set<string>(this.index.corrections(part.latin));
    if (!part.text.includes(" ")) {
      const maxEdits = part.latin.length >= 8 ? 2 : 1;
      for (const fix of this.index.fuzzyPrefixes(part.latin, maxEdits)) variants.add(fix.prefix);
    }
    const words = part.text.split(" ");
    words.forEach((word, w) => {
      if (word.length < 4) return;
      for (const fix of this.index.corrections(word)) variants.add(words.map((x, i) => (i === w ? fix : x)).join(" "));
    });
    return [...variants].slice(0, MAX_CORRECTIONS).map(toPart);
  }

  search(raw: string, options: SearchOptions): SearchResult {
    const query = parseQuery(raw);
    const near = options.lon !== undefined && options.lat !== undefined ? { lon: options.lon, lat: options.lat } : null;
    const scores = this.scores;
    scores.reset(query.parts.length);
    query.parts.forEach((part, p) => {
      let good = false;
      const scoreAll = (docs: readonly number[]) => {
        for (const d of docs) {
          const score = partScore(part, this.index.docs[d]!);
          scores.record(d, p, score);
          good ||= score >= 0.7;
        }
      };
      scoreAll(this.finder.find(part, near, options.nearestCandidates));
      // Places of a kind the words name count when the part reads as such a word ("公园",
      // "ylc"), or when no name matched well; otherwise they would only crowd out the names.
      if (part.kind || !good) scoreAll(this.finder.findByIntent(part, near));
      if (good) return;
      // Nothing matched the name well: try the part with a typo fixed, scored lower,
      // until one fix matches well.
      for (const fixed of this.correctedParts(part)) {
        let fixedWell = false;
        for (const d of this.finder.find(fixed, near, options.nearestCandidates)) {
          const score = partScore(fixed, this.index.docs[d]!);
          scores.record(d, p, TYPO_FACTOR * score);
          fixedWell ||= score >= 0.7;
        }
        if (fixedWell) break;
      }
    });
    const origin = options.origin === undefined ? near : options.origin;
    const hits = this.rank(scores, query, options, near, origin);
    if (hits.length > 0 || query.parts.length === 0) return { query, hits, fallback: null };
    return { query, hits, fallback: this.fallback(query, options, near, origin) };
  }

  /**
   * The best `limit` hits by score, then by place id. Only they are kept while the scored
   * documents are read, so a search makes `limit` hits, not one per document scored.
   */
  private rank(scores: PartScores, query: ParsedQuery, options: SearchOptions, near: Position | null, origin: Position | null): SearchHit[] {
    const f = options.filter;
    const unfiltered = !f.categories?.length && !f.facilities?.length && f.age === undefined && f.regionId === undefined && !f.predicate;
    const passes = unfiltered ? () => true : this.placeIndex.matcherFor(f);
    const distanceWeight = query.wantsNearby ? 30 : 12;
    const hits: SearchHit[] = [];
    const limit = options.limit;
    const from: [number, number] = [near?.lon ?? 0, near?.lat ?? 0];
    const person: [number, number] = [origin?.lon ?? 0, origin?.lat ?? 0];
    const to: [number, number] = [0, 0];
    const sameOrigin = origin !== null && near !== null && origin.lon === near.lon && origin.lat === near.lat;
    scores.forEach((d, text) => {
      const place = this.index.docs[d]!.place;
      if (limit <= 0 || !passes(place)) return;
      to[0] = place.lon;
      to[1] = place.lat;
      const fromNear = near ? distanceMeters(from, to) : null;
      const proximity = fromNear === null ? 0 : distanceWeight * Math.exp(-fromNear / 1500);
      const distanceM = sameOrigin ? fromNear : origin ? distanceMeters(person, to) : null;
      const score = 100 * text + proximity + (place.demonstration ? 4 : 0) + (options.isOpen(place) ? 2 : 0);
      // After the hits it does not beat, as a stable sort would put it.
      let at = hits.length;
      while (at > 0 && (score > hits[at - 1]!.score || (score === hits[at - 1]!.score && place.id < hits[at - 1]!.place.id))) at--;
      if (at >= limit) return;
      if (hits.length === limit) hits.pop();
      hits.push({ place, score, text, distanceM });
      const hit = hits[hits.length - 1]!;
      for (let i = hits.length - 1; i > at; i--) hits[i] = hits[i - 1]!;
      hits[at] = hit;
    });
    return hits;
  }

  private fallback(query: ParsedQuery, options: SearchOptions, near: Position | null, origin: Position | null): SearchResult["fallback"] {
    const categories = [...new Set(query.intents.flatMap((i) => [...(i.categories ?? []), ...(i.guess ? [i.guess] : [])]))];
    const filter: PlaceFilter = { ...options.filter, ...(categories.length > 0 ? { categories } : {}) };
    const distanceFrom = (place: Place) => (origin ? distanceMeters([origin.lon, origin.lat], [place.lon, place.lat]) : null);
    const hits = near
      ? this.placeIndex.nearby(near.lon, near.lat, options.limit, 100_000, filter).map((h) => ({ place: h.place, score: 0, text: 0, distanceM: origin === near ? h.distanceM : distanceFrom(h.place) }))
      : this.placeIndex.matching(filter, options.limit).places.map((place) => ({ place, score: 0, text: 0, distanceM: distanceFrom(place) }));
    return { categories, hits };
  }
}
