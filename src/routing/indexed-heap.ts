/**
 * A binary min-heap of vertices keyed by cost in which each vertex appears at most once and
 * a lower key moves it up in place (decrease-key), for the contraction's witness searches:
 * with one entry per vertex the heap stays small and never pops stale entries.
 */
export class IndexedHeap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  /** Where each vertex sits in the heap, or -1. */
  private readonly position: Int32Array;
  size = 0;

  constructor(vertexCount: number) {
    this.position = new Int32Array(vertexCount).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.values[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `value` with `key`, or lowers its key if it is in the heap already. */
  push(key: number, value: number): void {
    let i = this.position[value]!;
    if (i < 0) {
      if (this.size === this.keys.length) this.grow();
      i = this.size++;
    }
    const { keys, values, position } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      position[values[i]!] = i;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
    position[value] = i;
  }

  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the smallest entry and returns its value; read its key with peekKey first. */
  pop(): number {
    const { keys, values, position } = this;
    const top = values[0]!;
    position[top] = -1;
    const size = --this.size;
    if (size === 0) return top;
    const lastKey = keys[size]!;
    const lastValue = values[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      values[i] = values[child]!;
      position[values[i]!] = i;
      i = child;
    }
    keys[i] = lastKey;
    values[i] = lastValue;
    position[lastValue] = i;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
