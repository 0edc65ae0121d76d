/**
 * A fixed set of document numbers, one bit per document: the documents with a common Han
 * character or a wide Latin prefix, tested for each place met while walking outwards from
 * the user. At 100,000 places a set takes 12.5 kB (a byte per document would take 100 kB),
 * so many can be kept and a query rarely builds one.
 */
export class DocumentBits {
  private readonly words: Uint32Array;
  /** How many documents the set holds. */
  readonly size: number = 0;

  /** The set of `docs` (repeats allowed) among `size` documents. */
  constructor(size: number, docs: ArrayLike<number>) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const bit = 1 << (doc & 31);
      if ((this.words[doc >>> 5]! & bit) !== 0) continue;
      this.words[doc >>> 5]! |= bit;
      this.size++;
    }
  }

  has(doc: number): boolean {
    return ((this.words[doc >>> 5]! >>> (doc & 31)) & 1) === 1;
  }
}

/** True when some set has the document. */
export function someHas(sets: readonly DocumentBits[], doc: number): boolean {
  for (let i = 0; i < sets.length; i++) if (sets[i]!.has(doc)) return true;
  return false;
}

/** True when every set has the document. */
export function everyHas(sets: readonly DocumentBits[], doc: number): boolean {
  for (let i = 0; i < sets.length; i++) if (!sets[i]!.has(doc)) return false;
  return true;
}
