/**
 * Aho-Corasick: every occurrence of many patterns in one pass over the text, in time
 * linear in the text plus the matches, however long the word list. A trie of the
 * patterns with failure links (the longest proper suffix that is also a trie path) and,
 * per state, the patterns ending there (its own and those along its failure chain).
 */
export interface PatternMatch {
  pattern: number;
  /** Index in the searched sequence of the match's first and one-past-last symbol. */
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Array<Map<string, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly outputs: number[][] = [[]];

  constructor(private readonly patterns: ReadonlyArray<readonly string[]>) {
    patterns.forEach((symbols, index) => this.insert(symbols, index));
    this.link();
  }

  private insert(symbols: readonly string[], index: number): void {
    if (symbols.length === 0) return;
    let state = 0;
    for (const symbol of symbols) {
      let child = this.next[state]!.get(symbol);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.outputs.push([]);
        this.next[state]!.set(symbol, child);
      }
      state = child;
    }
    this.outputs[state]!.push(index);
  }

  /** Breadth-first, so a state's failure target is final before its children need it. */
  private link(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [symbol, child] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f > 0 && !this.next[f]!.has(symbol)) f = this.fail[f]!;
        const target = this.next[f]!.get(symbol);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.outputs[child]!.push(...this.outputs[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern in `symbols`. */
  search(symbols: readonly string[]): PatternMatch[] {
    const found: PatternMatch[] = [];
    let state = 0;
    symbols.forEach((symbol, i) => {
      while (state > 0 && !this.next[state]!.has(symbol)) state = this.fail[state]!;
      state = this.next[state]!.get(symbol) ?? 0;
      for (const pattern of this.outputs[state]!) found.push({ pattern, start: i + 1 - this.patterns[pattern]!.length, end: i + 1 });
    });
    return found;
  }
}
