/**
 * Search over places: retrieve candidates from the index for each part of the query,
 * score how well the text matches, then rank by text, distance from the user (or the map
 * centre), demonstration status and whether the place is open now. Filters combine with
 * the text. Pure logic over in-memory structures: no I/O.
 */
import type { Jieba } from "@node-rs/jieba";
import { distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import type { PlaceFilter, PlaceIndex } from "../places/index.ts";
import { type ParsedQuery, type QueryPart, parseQuery, toPart } from "./query.ts";
import { CANDIDATE_CAP, SearchIndex } from "./search-index.ts";
import type { Intent } from "./synonyms.ts";
import { partScore } from "./text-score.ts";
import { editDistance } from "./text-normalise.ts";

export interface SearchOptions {
  limit: number;
  lon?: number;
  lat?: number;
  filter: PlaceFilter;
  /** Open-now test for the ranking bonus (the filter's predicate is separate). */
  isOpen: (place: Place) => boolean;
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
const MAX_CORRECTIONS = 12;

/** Nearest places examined for a short query, and for a kind word. */
const SHORT_QUERY_NEAREST = 100;
/** Name matches beyond which a part counts as broad and is answered by distance. */
const BROAD = 1000;
const INTENT_NEAREST = 200;

/** One or two Han characters, or up to three Latin letters. */
function isShort(part: QueryPart): boolean {
  if (part.han && part.latin) return false;
  return part.han ? [...part.han].length <= 2 : part.latin.length <= 3 && !part.text.includes(" ");
}

const intentPredicate = (intents: readonly Intent[]) => (place: Place): boolean =>
  intents.some((i) =>
    i.kinds?.includes(place.kind) || i.categories?.some((c) => place.categories.includes(c)) || i.facilities?.some((f) => place.facilities.includes(f)));

export class SearchEngine {
  readonly index: SearchIndex;
  private readonly docOf = new Map<string, number>();

  constructor(places: readonly Place[], private readonly placeIndex: PlaceIndex, context: { jieba: Jieba; divisionName: (code: string | null) => string | null }) {
    this.index = new SearchIndex(places, context);
    this.index.docs.forEach((doc, i) => this.docOf.set(doc.place.id, i));
  }

  private candidates(part: QueryPart, near: { lon: number; lat: number } | null): number[] {
    const found = new Set<number>();
    const add = (docs: number[]) => {
      for (const d of docs) if (found.size < CANDIDATE_CAP) found.add(d);
    };
    if (near && (isShort(part) || this.isBroad(part))) return this.nearestMatches(part, near);
    if (part.han) {
      const all = this.index.byHanChars(part.han);
      add(all.length > 0 ? all : this.index.byAnyHanChar(part.han));
    }
    if (part.latin) {
      const latin = part.han ? part.hanInitials + part.latin : part.latin;
      add(this.index.byLatinPrefix(latin, true));
      add(this.index.byLatinPrefix(part.han ? part.hanPinyin + part.latin : part.latin));
      if (part.han) add(this.index.byLatinPrefix(part.latin + part.hanPinyin));
      if (part.text.includes(" ")) {
        add(this.index.byLatinPrefix(part.text));
        // Words need not be next to each other in the name ("bibliotheque caroline").
        for (const word of part.text.split(" ")) if (word.length >= 3) add(this.index.byLatinPrefix(word));
      }
    }
    if (part.intents.length > 0) add(this.intentMatches(part.intents, near));
    return [...found];
  }

  /** Places of the kinds, categories or facilities the words ask for; the nearest 200 when many. */
  private intentMatches(intents: readonly Intent[], near: { lon: number; lat: number } | null): number[] {
    const keys = intents.flatMap((i) => [
      ...(i.kinds ?? []).map((k) => `kind:${k}`),
      ...(i.categories ?? []).map((c) => `category:${c}`),
      ...(i.facilities ?? []).map((f) => `facility:${f}`),
    ]);
    const lists = keys.map((key) => this.index.byAttribute(key));
    const total = lists.reduce((n, list) => n + list.length, 0);
    if (total <= INTENT_NEAREST || !near) return [...new Set(lists.flat())].slice(0, CANDIDATE_CAP);
    // Many places of these kinds: walk outwards and take the nearest.
    const matches = intentPredicate(intents);
    return this.index.nearest(near.lon, near.lat, INTENT_NEAREST, (doc) => matches(this.index.docs[doc]!.place));
  }

  /** True when the part's name matches are too many to score them all (a common name part). */
  private isBroad(part: QueryPart): boolean {
    if (part.han && part.latin) return false;
    if (part.han) return this.index.byHanChars(part.han, BROAD).length >= BROAD;
    return !part.text.includes(" ") && this.index.byLatinPrefix(part.latin, false, BROAD).length >= BROAD;
  }

  /**
   * For one or two typed characters, or a common name part, the name matches are many and
   * alike; what tells them
   * apart is distance, so walk outwards from the user and keep the first that match.
   */
  private nearestMatches(part: QueryPart, near: { lon: number; lat: number }): number[] {
    const docs = this.index.docs;
    const test = part.han
      ? (d: number) => docs[d]!.zh.includes(part.han)
      : (d: number) => {
          const doc = docs[d]!;
          return doc.pinyin.startsWith(part.latin) || doc.initials.startsWith(part.latin) || doc.enWords.some((w) => w.startsWith(part.latin)) ||
            (part.latin.length > 3 && doc.pinyin.includes(part.latin));
        };
    const found = this.index.nearest(near.lon, near.lat, SHORT_QUERY_NEAREST, test);
    return part.intents.length > 0 ? [...new Set([...found, ...this.intentMatches(part.intents, near)])] : found;
  }

  /**
   * The part with one typo fixed: the whole Latin run ("nanhugongyaun") or one of its
   * words ("nanhu prak" -> "nanhu park"), each a full query part of its own.
   */
  private correctedParts(part: QueryPart): QueryPart[] {
    if (part.han || part.latin.length < 4) return [];
    const variants = new Set<string>(this.index.corrections(part.latin));
    if (!part.text.includes(" ")) {
      const maxEdits = part.latin.length >= 8 ? 2 : 1;
      for (const prefix of this.index.fuzzyPrefixes(part.latin, maxEdits, editDistance)) variants.add(prefix);
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
    const scores = new Map<number, number[]>();
    const record = (d: number, p: number, score: number) => {
      if (score <= 0) return;
      const list = scores.get(d) ?? Array.from({ length: query.parts.length }, () => 0);
      list[p] = Math.max(list[p]!, score);
      scores.set(d, list);
    };
    query.parts.forEach((part, p) => {
      let good = false;
      for (const d of this.candidates(part, near)) {
        const score = partScore(part, this.index.docs[d]!);
        record(d, p, score);
        good ||= score >= 0.7;
      }
      if (good) return;
      // Nothing matched the name well: try the part with one typo fixed, scored lower.
      for (const fixed of this.correctedParts(part)) {
        for (const d of this.candidates(fixed, near)) record(d, p, TYPO_FACTOR * partScore(fixed, this.index.docs[d]!));
      }
    });
    const hits = this.rank(scores, query, options, near);
    if (hits.length > 0 || query.parts.length === 0) return { query, hits, fallback: null };
    return { query, hits, fallback: this.fallback(query, options, near) };
  }

  private rank(scores: Map<number, number[]>, query: ParsedQuery, options: SearchOptions, near: { lon: number; lat: number } | null): SearchHit[] {
    const passes = this.placeIndex.matcherFor(options.filter);
    const distanceWeight = query.wantsNearby ? 30 : 12;
    const hits: SearchHit[] = [];
    for (const [d, parts] of scores) {
      const place = this.index.docs[d]!.place;
      if (!passes(place)) continue;
      const text = parts.reduce((a, b) => a + b, 0) / parts.length;
      const distanceM = near ? distanceMeters([near.lon, near.lat], [place.lon, place.lat]) : null;
      const proximity = distanceM === null ? 0 : distanceWeight * Math.exp(-distanceM / 1500);
      const score = 100 * text + proximity + (place.demonstration ? 4 : 0) + (options.isOpen(place) ? 2 : 0);
      hits.push({ place, score, text, distanceM });
    }
    hits.sort((a, b) => b.score - a.score || (a.place.id < b.place.id ? -1 : 1));
    return hits.slice(0, options.limit);
  }

  private fallback(query: ParsedQuery, options: SearchOptions, near: { lon: number; lat: number } | null): SearchResult["fallback"] {
    const categories = [...new Set(query.intents.flatMap((i) => [...(i.categories ?? []), ...(i.guess ? [i.guess] : [])]))];
    const filter: PlaceFilter = { ...options.filter, ...(categories.length > 0 ? { categories } : {}) };
    const hits = near
      ? this.placeIndex.nearby(near.lon, near.lat, options.limit, 100_000, filter).map((h) => ({ place: h.place, score: 0, text: 0, distanceM: h.distanceM }))
      : this.placeIndex.matching(filter, options.limit).places.map((place) => ({ place, score: 0, text: 0, distanceM: null }));
    return { categories, hits };
  }
}
