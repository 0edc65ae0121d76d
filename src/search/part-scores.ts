/**
 * The best text score of each query part for each document a search scores. A search
 * scores hundreds of documents; a list per document, and a map from document to list, were
 * most of the garbage each search left behind, so the engine keeps one PartScores and
 * empties it for each search: flat typed arrays, and a slot per document found in O(1).
 */
import { DocumentMarks } from "./document-marks.ts";

export class PartScores {
  /** Documents holding a slot in this search, and each one's slot. */
  private readonly scored: DocumentMarks;
  private readonly slotOf: Int32Array;
  /** The document of each slot, in the order first scored, and `parts` scores per slot. */
  private docs = new Int32Array(256);
  private values = new Float64Array(256);
  private count = 0;
  private parts = 1;

  constructor(size: number) {
    this.scored = new DocumentMarks(size);
    this.slotOf = new Int32Array(Math.max(1, size));
  }

  /** Forgets every score, for a search with this many parts. */
  reset(parts: number): void {
    this.scored.clear();
    this.count = 0;
    this.parts = Math.max(1, parts);
  }

  /** Keeps `score` for the document's part when it is above zero and above what the part had. */
  record(doc: number, part: number, score: number): void {
    if (score <= 0) return;
    if (this.scored.add(doc)) this.addSlot(doc);
    const at = this.slotOf[doc]! * this.parts + part;
    this.values[at] = Math.max(this.values[at]!, score);
  }

  private addSlot(doc: number): void {
    if (this.count === this.docs.length || (this.count + 1) * this.parts > this.values.length) {
      const docs = new Int32Array(this.docs.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const values = new Float64Array(Math.max(this.values.length * 2, docs.length * this.parts));
      values.set(this.values);
      this.values = values;
    }
    this.slotOf[doc] = this.count;
    this.docs[this.count] = doc;
    this.values.fill(0, this.count * this.parts, (this.count + 1) * this.parts);
    this.count++;
  }

  /** Visits each document scored, in the order first scored, with the mean of its parts' scores. */
  forEach(visit: (doc: number, text: number) => void): void {
    for (let slot = 0; slot < this.count; slot++) {
      let sum = 0;
      for (let p = 0; p < this.parts; p++) sum += this.values[slot * this.parts + p]!;
      visit(this.docs[slot]!, sum / this.parts);
    }
  }
}
