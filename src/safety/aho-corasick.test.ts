import { describe, expect, it } from "vitest";
import { AhoCorasick } from "./aho-corasick.ts";

/** Every occurrence by brute force: the reference the automaton must equal. */
function bruteForce(patterns: string[][], text: string[]): string[] {
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((p, index) => {
      const start = end - p.length;
      if (p.length > 0 && start >= 0 && p.every((s, k) => text[start + k] === s)) out.push(`${index}:${start}-${end}`);
    });
  }
  return out.sort();
}

describe("Aho-Corasick", () => {
  it("finds overlapping and nested patterns (the classic he/she/his/hers)", () => {
    const patterns = ["he", "she", "his", "hers"].map((p) => [...p]);
    const found = new AhoCorasick(patterns).search([..."ushers"]).map((m) => `${m.pattern}:${m.start}-${m.end}`).sort();
    expect(found).toEqual(["0:2-4", "1:1-4", "3:2-6"]);
  });

  it("equals brute force on random texts and word lists", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ["a", "b", "c", "傻", "逼"];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]!);
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(4));
      const text = word(40);
      const found = new AhoCorasick(patterns).search(text).map((m) => `${m.pattern}:${m.start}-${m.end}`).sort();
      expect(found).toEqual(bruteForce(patterns, text));
    }
  });
});
