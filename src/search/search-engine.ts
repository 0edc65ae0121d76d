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
const MAX_CORRECTIONS = 6;

/** Nearest places examined for a short query, and for a kind word. */
const SHORT_QUERY_NEAREST = 100;
/** Candidates of one part scored in full when the user position is known. */
const SHORTLIST = 150;
/** Matches of a short part above which the outward walk is used. */
const DENSE = 2000;
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
    if (near && isShort(part) && this.isDense(part)) return this.nearestMatches(part, near);
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

  /**
   * True when so many names match a short part that walking outwards from the user meets
   * them quickly; sparse matches are cheaper to take from the index lists.
   */
  private isDense(part: QueryPart): boolean {
    if (part.han) return this.index.byHanChars(part.han, DENSE).length >= DENSE;
    return this.index.byLatinPrefix(part.latin, false, DENSE).length + this.index.byLatinPrefix(part.latin, true, DENSE).length >= DENSE;
  }

  /**
   * When a common name part matches more places than are worth scoring, keep the nearest
   * (by a flat-earth distance, exact enough to choose) and every exact whole-name match.
   */
  private shortlist(part: QueryPart, docs: number[], near: { lon: number; lat: number }): number[] {
    if (docs.length <= SHORTLIST) return docs;
    const cosLat = Math.cos((near.lat * Math.PI) / 180);
    const distance = new Float64Array(docs.length);
    docs.forEach((d, i) => {
      const place = this.index.docs[d]!.place;
      const dx = (place.lon - near.lon) * cosLat;
      const dy = place.lat - near.lat;
      distance[i] = dx * dx + dy * dy;
    });
    const order = Array.from(docs.keys()).sort((a, b) => distance[a]! - distance[b]!);
    const kept = new Set(order.slice(0, SHORTLIST).map((i) => docs[i]!));
    for (const d of docs) {
      const doc = this.index.docs[d]!;
      if ((part.han && doc.zh === part.han) || (part.latin && (doc.pinyin === part.latin || doc.initials === part.latin || doc.en === part.text))) kept.add(d);
    }
    return [...kept];
  }

  /**
   * For one or two typed characters, or a common name part, the name matches are many and
   * alike; what tells them
   * apart is distance, so walk outwards from the user and keep the first that match.
   */
  private nearestMatches(part: QueryPart, near: { lon: number; lat: number }): number[] {
    const docs = this.index.docs;
    const test = (d: number) => partScore(part, docs[d]!) > 0;
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
      const found = this.candidates(part, near);
      for (const d of near ? this.shortlist(part, found, near) : found) {
        const score = partScore(part, this.index.docs[d]!);
        record(d, p, score);
        good ||= score >= 0.7;
      }
      if (good) return;
      // Nothing matched the name well: try the part with one typo fixed, scored lower,
      // longest fixes first (they are the most specific) until one matches well.
      const fixes = this.correctedParts(part).sort((a, b) => b.latin.length - a.latin.length);
      for (const fixed of fixes) {
        const docs = this.candidates(fixed, near);
        let fixedWell = false;
        for (const d of near ? this.shortlist(fixed, docs, near) : docs) {
          const score = partScore(fixed, this.index.docs[d]!);
          record(d, p, TYPO_FACTOR * score);
          fixedWell ||= score >= 0.7;
        }
        if (fixedWell) break;
      }
    });
    const hits = this.rank(scores, query, options, near);
    if (hits.length > 0 || query.parts.length === 0) return { query, hits, fallback: null };
    return { query, hits, fallback: this.fallback(query, options, near) };
  }

  private rank(scores: Map<number, number[]>, query: ParsedQuery, options: SearchOptions, near: { lon: number; lat: number } | null): SearchHit[] {
    const f = options.filter;
    const unfiltered = !f.categories?.length && !f.facilities?.length && f.age === undefined && f.regionId === undefined && !f.predicate;
    const passes = unfiltered ? () => true : this.placeIndex.matcherFor(f);
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
