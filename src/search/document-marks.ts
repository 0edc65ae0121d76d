/**
 * A set of document numbers that empties in O(1): each document carries the number of the
 * round that last marked it. A query marks thousands of matches and tests them while
 * walking outwards from the user, so neither the marking nor the clearing may cost more
 * than a store per document, and nothing is allocated per query.
 */
export class DocumentMarks {
  private readonly round: Uint32Array;
  /** Starts above the zero every slot holds, so a new set is empty. */
  private current = 1;

  constructor(size: number) {
    this.round = new Uint32Array(Math.max(1, size));
  }

  /** Forgets every mark. */
  clear(): void {
    this.current++;
    if (this.current === 0xffff_ffff) {
      this.round.fill(0);
      this.current = 1;
    }
  }

  /** Marks a document; false when it was already marked in this round. */
  add(doc: number): boolean {
    if (this.round[doc] === this.current) return false;
    this.round[doc] = this.current;
    return true;
  }

  has(doc: number): boolean {
    return this.round[doc] === this.current;
  }
}
