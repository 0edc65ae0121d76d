/**
 * Candidate retrieval against brute force over synthetic places: without a position every
 * name match; with one, exactly the nearest matches (by the same flat-earth distance), plus
 * every whole-name match however far; the any-character fallback; the walk outwards used
 * when a part matches more than CANDIDATE_CAP places.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../core/place.ts";
import { CANDIDATE_CAP, CandidateFinder, type Position } from "./candidate-finder.ts";
import { toPart } from "./query.ts";
import { SearchIndex } from "./search-index.ts";
import { jieba } from "./search-service.ts";
import { normalise } from "./text-normalise.ts";

/** Candidates a part yields, nearest first, when the position is known (candidate-finder.ts). */
const NEAREST = 120;
const PREFIXES = ["南湖", "酃湖", "西湖", "平湖", "雁峰", "石鼓", "蒸湘", "珠晖", "岳屏", "华新", "船山", "东风"];
const SUFFIXES = ["公园", "游乐场", "幼儿园", "图书馆", "体育馆", "母婴室", "社区儿童之家", "卫生服务中心"];
/** The whole-name match far from the synthetic city (about 100 km north-east of it). */
const FAR_AWAY = { lon: 113.6, lat: 27.9 };

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function place(i: number, zh: string, lon: number, lat: number): Place {
  return {
    id: `test:${i}`, regionId: "test", name: { zh, en: null, pinyin: null, alt: [] }, categories: ["play"], kind: "park",
    facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null, communityCode: null,
    demonstration: null, lon, lat, precision: "exact", locationNote: null,
    provenance: { source: "test", licence: "CC0", sourceId: null, importedAt: "2026-01-01T00:00:00.000Z" }, updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

/** `n` places named like "西湖图书馆38" spread over a 0.3-degree square, then one named exactly "西湖" far away. */
function city(n: number, seed: number): Place[] {
  const random = seededRandom(seed);
  const places = Array.from({ length: n }, (_, i) => place(i, `${PREFIXES[i % PREFIXES.length]}${SUFFIXES[(i >> 4) % SUFFIXES.length]}${i}`, 112.45 + random() * 0.3, 26.75 + random() * 0.3));
  places.push(place(n, "西湖", FAR_AWAY.lon, FAR_AWAY.lat));
  return places;
}

const buildIndex = (places: Place[]) => new SearchIndex(places, { jieba: jieba(), divisionName: () => null });
const part = (text: string) => toPart(normalise(text));

/** Documents whose Chinese name has every character of `han`. */
const withEveryChar = (index: SearchIndex, han: string) => index.docs.flatMap((d, i) => ([...han].every((c) => d.zh.includes(c)) ? [i] : []));
const withAnyChar = (index: SearchIndex, han: string) => index.docs.flatMap((d, i) => ([...han].some((c) => d.zh.includes(c)) ? [i] : []));

/** The k documents nearest to a point by flat-earth distance (ties by document number). */
function nearestByBruteForce(index: SearchIndex, docs: readonly number[], near: Position, k: number): number[] {
  const cosLat = Math.cos((near.lat * Math.PI) / 180);
  const distance = (d: number) => ((index.lons[d]! - near.lon) * cosLat) ** 2 + (index.lats[d]! - near.lat) ** 2;
  return [...docs].sort((a, b) => distance(a) - distance(b) || a - b).slice(0, k);
}

const sorted = (docs: readonly number[]) => [...docs].sort((a, b) => a - b);

function positions(count: number, seed: number): Position[] {
  const random = seededRandom(seed);
  const inside = Array.from({ length: count }, () => ({ lon: 112.45 + random() * 0.3, lat: 26.75 + random() * 0.3 }));
  // A corner of the city and a point well outside it.
  return [...inside, { lon: 112.45, lat: 26.75 }, { lon: 112.2, lat: 27.2 }];
}

describe("CandidateFinder over a few hundred places per name part", () => {
  let index: SearchIndex;
  let finder: CandidateFinder;
  let far: number;
  beforeAll(() => {
    index = buildIndex(city(1800, 1));
    finder = new CandidateFinder(index);
    far = index.size - 1;
  });

  it("without a position, yields every place whose name has all the part's characters, each once", () => {
    for (const text of ["西湖", "湖", "图书馆", "公园", "西湖公园", "东风母婴室"]) {
      const found = finder.find(part(text), null);
      expect(new Set(found).size).toBe(found.length);
      expect({ text, found: sorted(found) }).toEqual({ text, found: withEveryChar(index, text) });
    }
  });

  it("with a position, yields exactly the nearest matches of a dense part, plus the far whole-name match", () => {
    const matches = withEveryChar(index, "西湖");
    expect(matches.length).toBeGreaterThan(NEAREST);
    for (const near of positions(25, 2)) {
      const nearest = nearestByBruteForce(index, matches, near, NEAREST);
      expect(nearest).not.toContain(far);
      const found = finder.find(part("西湖"), near);
      expect({ near, found: sorted(found) }).toEqual({ near, found: sorted([...nearest, far]) });
    }
  });

  it("keeps a sparse part's matches whole with a position", () => {
    const matches = withEveryChar(index, "东风母婴室");
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThan(NEAREST);
    expect(sorted(finder.find(part("东风母婴室"), { lon: 112.6, lat: 26.9 }))).toEqual(matches);
  });

  it("always includes the whole-name match, by characters, pinyin or initials, however far away", () => {
    for (const near of positions(5, 3)) {
      for (const text of ["西湖", "xihu", "xh", "西 湖"]) {
        const found = finder.find(part(text), near);
        expect({ text, near, hasFar: found.includes(far) }).toEqual({ text, near, hasFar: true });
        expect(found.length).toBeLessThanOrEqual(NEAREST + 1);
      }
    }
  });

  it("falls back to places with any of the characters when none has them all", () => {
    expect(withEveryChar(index, "南西")).toEqual([]);
    const anyChar = withAnyChar(index, "南西");
    expect(anyChar.length).toBeGreaterThan(NEAREST);
    expect(sorted(finder.find(part("南西"), null))).toEqual(anyChar);
    for (const near of positions(10, 4)) {
      expect({ near, found: sorted(finder.find(part("南西"), near)) }).toEqual({ near, found: sorted(nearestByBruteForce(index, anyChar, near, NEAREST)) });
    }
    // A character no place has contributes nothing; the others still do.
    expect(sorted(finder.find(part("龙西"), null))).toEqual(withAnyChar(index, "西"));
    expect(finder.find(part("龙"), null)).toEqual([]);
  });

  it("gives the same answer when asked again: nothing of one query leaks into the next", () => {
    const near = { lon: 112.6, lat: 26.9 };
    const first = finder.find(part("西湖"), near);
    finder.find(part("南西"), near);
    finder.find(part("图书馆"), null);
    expect(finder.find(part("西湖"), near)).toEqual(first);
  });
});

describe("CandidateFinder when a part matches more than CANDIDATE_CAP places", () => {
  let index: SearchIndex;
  let finder: CandidateFinder;
  beforeAll(() => {
    // One place in three has 湖 in its name: over CANDIDATE_CAP of them.
    index = buildIndex(city(12_600, 5));
    finder = new CandidateFinder(index);
  });

  it("without a position, stops at the cap with true matches only", () => {
    const matches = new Set(withEveryChar(index, "湖"));
    expect(matches.size).toBeGreaterThan(CANDIDATE_CAP);
    const found = finder.find(part("湖"), null);
    expect(found).toHaveLength(CANDIDATE_CAP);
    expect(new Set(found).size).toBe(CANDIDATE_CAP);
    expect(found.every((d) => matches.has(d))).toBe(true);
  });

  it("with a position, walks outwards to exactly the nearest of all the matches", () => {
    const matches = withEveryChar(index, "湖");
    for (const near of positions(10, 6)) {
      expect({ near, found: finder.find(part("湖"), near) }).toEqual({ near, found: nearestByBruteForce(index, matches, near, NEAREST) });
    }
  });

  it("with a position, picks the same nearest matches from a part below the cap (gathered, then trimmed)", () => {
    const matches = withEveryChar(index, "湖园");
    expect(matches.length).toBeGreaterThan(NEAREST);
    expect(matches.length).toBeLessThan(CANDIDATE_CAP);
    for (const near of positions(10, 8)) {
      expect({ near, found: sorted(finder.find(part("湖园"), near)) }).toEqual({ near, found: sorted(nearestByBruteForce(index, matches, near, NEAREST)) });
    }
  });

  it("walks outwards over Latin keys too: the nearest places with a syllable starting so", () => {
    // Keys are pinyin from each syllable on, and initials from each syllable on.
    const startsAtSyllable = (prefix: string) => index.docs.flatMap((d, i) => {
      let offset = 0;
      for (let s = 0; s < d.syllables.length; s++) {
        if (d.pinyin.slice(offset).startsWith(prefix) || d.initials.slice(s).startsWith(prefix)) return [i];
        offset += d.syllables[s]!.length;
      }
      return [];
    });
    const matches = startsAtSyllable("hu");
    expect(matches.length).toBeGreaterThan(CANDIDATE_CAP);
    for (const near of positions(5, 7)) {
      expect({ near, found: finder.find(part("hu"), near) }).toEqual({ near, found: nearestByBruteForce(index, matches, near, NEAREST) });
    }
  });
});
