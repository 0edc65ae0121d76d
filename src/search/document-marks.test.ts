/** DocumentMarks: a set of document numbers that empties in constant time. */
import { describe, expect, it } from "vitest";
import { DocumentMarks } from "./document-marks.ts";

/** Marks of `size` documents, cleared once as every user of the class does before a round. */
function marks(size: number): DocumentMarks {
  const m = new DocumentMarks(size);
  m.clear();
  return m;
}

describe("DocumentMarks", () => {
  it("adds a document once: true the first time, false for a duplicate", () => {
    const m = marks(10);
    expect(m.has(3)).toBe(false);
    expect(m.add(3)).toBe(true);
    expect(m.has(3)).toBe(true);
    expect(m.add(3)).toBe(false);
    expect(m.has(4)).toBe(false);
    expect([0, 9, 3, 0].map((d) => m.add(d))).toEqual([true, true, false, false]);
  });

  it("forgets every mark on clear, and marks again afterwards", () => {
    const m = marks(100);
    for (let d = 0; d < 100; d += 3) m.add(d);
    m.clear();
    expect(Array.from({ length: 100 }, (_, d) => m.has(d)).some(Boolean)).toBe(false);
    expect(m.add(0)).toBe(true);
    expect(m.add(0)).toBe(false);
    expect(m.has(3)).toBe(false);
  });

  it("agrees with a Set over many rounds of random marks", () => {
    const size = 500;
    const m = marks(size);
    let state = 12345;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
    const mismatches: string[] = [];
    for (let round = 0; round < 200; round++) {
      const reference = new Set<number>();
      for (let i = 0; i < 300; i++) {
        const doc = Math.floor(random() * size);
        if (m.add(doc) === reference.has(doc)) mismatches.push(`round ${round}: add(${doc})`);
        reference.add(doc);
      }
      for (let doc = 0; doc < size; doc++) if (m.has(doc) !== reference.has(doc)) mismatches.push(`round ${round}: has(${doc})`);
      m.clear();
    }
    expect(mismatches).toEqual([]);
  });

  it("clears in constant time, however many documents it holds", () => {
    // Clearing by touching every slot would cost 10 000 x 4 000 000 stores here: many seconds.
    const m = marks(4_000_000);
    m.add(3_999_999);
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) m.clear();
    expect(performance.now() - start).toBeLessThan(500);
    expect(m.has(3_999_999)).toBe(false);
  });

  it("holds at least one slot, so an empty index can be marked against", () => {
    const m = marks(0);
    expect(m.add(0)).toBe(true);
    expect(m.has(0)).toBe(true);
  });

  it("forgets old rounds when its round counter wraps around", () => {
    const m = marks(4);
    // Jump to the last rounds before the counter wraps (4 billion clears would take minutes).
    Reflect.set(m, "current", 0xffff_fffd);
    m.add(1);
    m.clear();
    m.add(2);
    m.clear(); // wraps: every slot reset
    expect([0, 1, 2, 3].map((d) => m.has(d))).toEqual([false, false, false, false]);
    expect(m.add(2)).toBe(true);
    expect(m.add(2)).toBe(false);
    m.clear();
    expect(m.has(2)).toBe(false);
  });

  // Once a bug: the round counter started at the zero every slot holds, so a new set looked full.
  it("is empty when new", () => {
    const fresh = new DocumentMarks(4);
    expect(fresh.has(1)).toBe(false);
    expect(fresh.add(1)).toBe(true);
  });
});
