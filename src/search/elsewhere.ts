/**
 * A strong match in another region. Someone in Monaco who types "南湖公园" means the park
 * in Hengyang: when the region searched has nothing that matches well and another region
 * has a place that does, the answer offers that region (with how many and the best of its
 * matches) so the person can switch in one tap. Runs only after a weak search in a region,
 * so an ordinary search costs nothing more.
 */
import type { SearchEngine, SearchHit, SearchOptions, SearchResult } from "./search-engine.ts";

/** The best match in the region searched must reach this, or other regions are looked at. */
export const WEAK_TEXT = 0.7;
/** What a match elsewhere must reach to be offered: a whole name, its pinyin or initials, a kind word. */
export const STRONG_TEXT = 0.85;
/** Shorter queries are not looked for elsewhere. */
const MIN_LENGTH = 2;
/** Matches read across every region to choose the one to offer. */
const WIDE_LIMIT = 50;

export interface Elsewhere {
  regionId: string;
  /** Strong matches there (of the first WIDE_LIMIT read). */
  count: number;
  /** The best of them, best first, at most the search's limit. */
  hits: SearchHit[];
}

/**
 * The region to offer instead of `regionId` for this search, or null when the region's
 * own answer (`local`) is good enough or no other region has a strong match. The search
 * elsewhere keeps the filters except the region and measures no distances (the places are
 * in another city).
 */
export function strongMatchElsewhere(engine: SearchEngine, raw: string, options: SearchOptions, regionId: string, local: SearchResult): Elsewhere | null {
  const localBest = local.hits.reduce((best, hit) => Math.max(best, hit.text), 0);
  // One letter or character is the start of a word, not yet a wish for another city.
  if (localBest >= WEAK_TEXT || local.query.normalised.replace(/ /g, "").length < MIN_LENGTH) return null;
  const { regionId: _searched, ...filter } = options.filter;
  const { lon: _lon, lat: _lat, ...rest } = options;
  const wide = engine.search(raw, { ...rest, filter, origin: null, limit: WIDE_LIMIT });
  const byRegion = new Map<string, SearchHit[]>();
  for (const hit of wide.hits) {
    if (hit.text < STRONG_TEXT || hit.place.regionId === regionId) continue;
    const list = byRegion.get(hit.place.regionId) ?? [];
    list.push(hit);
    byRegion.set(hit.place.regionId, list);
  }
  let best: Elsewhere | null = null;
  for (const [id, hits] of byRegion) {
    const better = !best || hits[0]!.text > best.hits[0]!.text || (hits[0]!.text === best.hits[0]!.text && hits.length > best.count);
    if (better) best = { regionId: id, count: hits.length, hits: hits.slice(0, options.limit) };
  }
  return best;
}
