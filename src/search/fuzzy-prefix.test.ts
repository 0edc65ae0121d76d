/**
 * The trie walk of fuzzy-prefix.ts against a brute force: every prefix of every key under
 * `head`, compared with the text by plain edit distance (editDistance).
 */
import { describe, expect, it } from "vitest";
import { type FuzzyPrefix, type SortedKeys, fuzzyPrefixes } from "./fuzzy-prefix.ts";
import { editDistance } from "./text-normalise.ts";

/** Most prefixes one lookup returns (fuzzy-prefix.ts stops gathering at this many). */
const MOST_FOUND = 50;

function sortedKeys(keys: string[]): SortedKeys {
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    keys: sorted,
    lowerBound(key: string) {
      let at = 0;
      while (at < sorted.length && sorted[at]! < key) at++;
      return at;
    },
  };
}

const byEditsThenLength = (a: FuzzyPrefix, b: FuzzyPrefix) => a.edits - b.edits || b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1);

/** Every distinct prefix of a key starting with `head`, within maxEdits of text, ordered like fuzzyPrefixes. */
function bruteForce(keys: readonly string[], text: string, head: string, maxEdits: number): FuzzyPrefix[] {
  const found = new Map<string, number>();
  for (const key of keys) {
    if (!key.startsWith(head)) continue;
    for (let j = 1; j <= key.length; j++) {
      const prefix = key.slice(0, j);
      const edits = editDistance(prefix, text, maxEdits);
      if (edits <= maxEdits) found.set(prefix, edits);
    }
  }
  return [...found].map(([prefix, edits]) => ({ prefix, edits })).sort(byEditsThenLength);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomWord(random: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  let word = "";
  for (let i = 0; i < length; i++) word += alphabet[Math.floor(random() * alphabet.length)];
  return word;
}

describe("fuzzyPrefixes", () => {
  it("finds a typo deep in a long key, and the exact prefix with no edits first", () => {
    const keys = sortedKeys(["nanhugongyuan", "nanhutushuguan", "nanyue", "shigu"]);
    expect(fuzzyPrefixes(keys, "nanhugongyaun", "nan", 1)).toEqual([{ prefix: "nanhugongyuan", edits: 1 }]);
    expect(fuzzyPrefixes(keys, "nanhu", "nan", 0)).toEqual([{ prefix: "nanhu", edits: 0 }]);
    expect(fuzzyPrefixes(keys, "nanhu", "nan", 1)).toEqual([
      { prefix: "nanhu", edits: 0 },
      { prefix: "nanhug", edits: 1 },
      { prefix: "nanhut", edits: 1 },
      { prefix: "nanyu", edits: 1 },
      { prefix: "nanh", edits: 1 },
    ]);
  });

  it("reads only keys under the head", () => {
    const keys = sortedKeys(["abcd", "xbcd"]);
    expect(fuzzyPrefixes(keys, "bbcd", "a", 1)).toEqual([{ prefix: "abcd", edits: 1 }]);
    expect(fuzzyPrefixes(keys, "bbcd", "q", 2)).toEqual([]);
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(fuzzyPrefixes(sortedKeys(["tushuguan"]), "tushugaun", "tu", 1)).toEqual([{ prefix: "tushuguan", edits: 1 }]);
  });

  it("equals the brute force on random keys and texts", () => {
    const random = seededRandom(7);
    let compared = 0;
    let capped = 0;
    for (let round = 0; round < 600; round++) {
      const alphabet = round % 3 === 0 ? "ab" : round % 3 === 1 ? "abcd" : "abcdefghij";
      const count = 1 + Math.floor(random() * 40);
      // Duplicates kept on purpose: the index holds one key per document.
      const keys = Array.from({ length: count }, () => randomWord(random, alphabet, 1, 10));
      // Texts often start like a key, as typed queries do.
      const base = random() < 0.6 ? keys[Math.floor(random() * keys.length)]! : randomWord(random, alphabet, 1, 8);
      const text = mutate(base.slice(0, 1 + Math.floor(random() * base.length)), alphabet, random);
      if (text === "") continue;
      const maxEdits = Math.floor(random() * 3);
      const head = text.slice(0, Math.floor(random() * Math.min(3, text.length + 1)));
      const got = fuzzyPrefixes(sortedKeys(keys), text, head, maxEdits);
      const expected = bruteForce(keys, text, head, maxEdits);
      const context = { keys: [...keys].sort(), text, head, maxEdits };
      if (expected.length < MOST_FOUND) {
        expect({ ...context, got }).toEqual({ ...context, got: expected });
        compared++;
      } else {
        // Too many to gather: what is returned is still right, and ordered.
        const truth = new Map(expected.map((f) => [f.prefix, f.edits]));
        for (const f of got) expect({ ...context, f, edits: truth.get(f.prefix) }).toEqual({ ...context, f, edits: f.edits });
        expect(got).toEqual([...got].sort(byEditsThenLength));
        expect(got.length).toBeGreaterThanOrEqual(MOST_FOUND);
        capped++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    expect(compared + capped).toBeGreaterThan(550);
  });

  it("stops near the cap when very many prefixes are close, returning only true ones, fewest edits first", () => {
    // Every word of 8 letters over "ab": 510 distinct prefixes, more than the cap of them within 2 edits of "abab".
    const keys = Array.from({ length: 256 }, (_, n) => n.toString(2).padStart(8, "0").replace(/0/g, "a").replace(/1/g, "b"));
    const expected = bruteForce(keys, "abab", "", 2);
    expect(expected.length).toBeGreaterThan(MOST_FOUND);
    const got = fuzzyPrefixes(sortedKeys(keys), "abab", "", 2);
    expect(got.length).toBeGreaterThanOrEqual(MOST_FOUND);
    expect(got.length).toBeLessThan(expected.length);
    const truth = new Map(expected.map((f) => [f.prefix, f.edits]));
    for (const f of got) expect(truth.get(f.prefix)).toBe(f.edits);
    expect(got).toEqual([...got].sort(byEditsThenLength));
  });
});

/** Up to two random edits of a word: a change, an insertion, a deletion or a swap. */
function mutate(word: string, alphabet: string, random: () => number): string {
  let out = word;
  const edits = Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const letter = alphabet[Math.floor(random() * alphabet.length)]!;
    const kind = Math.floor(random() * 4);
    if (kind === 0 && at < out.length) out = out.slice(0, at) + letter + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + letter + out.slice(at);
    else if (kind === 2 && at < out.length) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind === 3 && at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
  }
  return out;
}
