/**
 * Growable per-vertex arc lists in one pool of typed arrays, for contraction. A Map per
 * vertex costs about 200 bytes and a hash lookup per arc, which at 300,000 vertices made the
 * build minutes long; here a vertex's arcs are a contiguous slice scanned linearly (degrees
 * stay small), and a slice that fills up moves to the end of the pool with twice the room.
 * Each slice is kept sorted by cost: a witness search then stops reading a vertex's arcs at
 * the first one past its cost limit, which skipped about a quarter of all arcs it read.
 */
/** What a witness search reads of a pool: also what a helper thread sees of it. */
export interface ArcLists {
  start: Int32Array;
  size: Int32Array;
  other: Int32Array;
  cost: Float64Array;
  hops: Int32Array;
}

/** Typed arrays on shared memory, so the helper thread (contraction-helper.ts) reads the same arcs. */
export const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * 4));
export const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));

export class ArcPool implements ArcLists {
  readonly start: Int32Array;
  readonly size: Int32Array;
  private readonly room: Int32Array;
  other: Int32Array;
  cost: Float64Array;
  /** The vertex a shortcut skips, or -1 for an original edge. */
  middle: Int32Array;
  /** The original edge index (middle = -1), else -1. */
  edge: Int32Array;
  /** Original edges the arc stands for: the ordering weighs shortcuts by it. */
  hops: Int32Array;
  /** Counts the times the arrays were replaced by larger ones: a helper must then be handed the new ones. */
  generation = 0;
  private end = 0;

  /** `degree[v]` is the number of arcs expected at v; each slice starts with some spare room. */
  constructor(degree: Int32Array) {
    const n = degree.length;
    this.start = sharedInt32(n);
    this.size = sharedInt32(n);
    this.room = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      this.start[v] = this.end;
      this.room[v] = degree[v]! + 2;
      this.end += this.room[v]!;
    }
    const capacity = this.end * 2;
    this.other = sharedInt32(capacity);
    this.cost = sharedFloat64(capacity);
    this.middle = new Int32Array(capacity);
    this.edge = new Int32Array(capacity);
    this.hops = sharedInt32(capacity);
  }

  /** The arrays a witness search reads, for handing to a helper thread. */
  lists(): ArcLists {
    return { start: this.start, size: this.size, other: this.other, cost: this.cost, hops: this.hops };
  }

  /** Adds the arc v -> w in cost order, or lowers the cost of the one there; false when that one is no dearer. */
  add(v: number, w: number, cost: number, middle: number, edge: number, hops: number): boolean {
    const first = this.start[v]!;
    const last = first + this.size[v]!;
    for (let i = first; i < last; i++) {
      if (this.other[i] !== w) continue;
      if (this.cost[i]! <= cost) return false;
      this.removeAt(v, i);
      break;
    }
    if (this.size[v] === this.room[v]) this.move(v, this.room[v]! * 2);
    const from = this.start[v]!;
    let slot = from + this.size[v]!++;
    for (; slot > from && this.cost[slot - 1]! > cost; slot--) this.copy(slot - 1, slot);
    this.other[slot] = w;
    this.cost[slot] = cost;
    this.middle[slot] = middle;
    this.edge[slot] = edge;
    this.hops[slot] = hops;
    return true;
  }

  /** Removes the arc v -> w if present, keeping the order of the others. */
  remove(v: number, w: number): void {
    const first = this.start[v]!;
    const last = first + this.size[v]!;
    for (let i = first; i < last; i++) {
      if (this.other[i] === w) {
        this.removeAt(v, i);
        return;
      }
    }
  }

  /** Removes v's arc in `slot`, moving the dearer ones down by one. */
  private removeAt(v: number, slot: number): void {
    const last = this.start[v]! + --this.size[v]!;
    for (let i = slot; i < last; i++) this.copy(i + 1, i);
  }

  private copy(from: number, to: number): void {
    this.other[to] = this.other[from]!;
    this.cost[to] = this.cost[from]!;
    this.middle[to] = this.middle[from]!;
    this.edge[to] = this.edge[from]!;
    this.hops[to] = this.hops[from]!;
  }

  private move(v: number, room: number): void {
    if (this.end + room > this.other.length) this.grow(Math.max(this.other.length * 1.5, this.end + room));
    const from = this.start[v]!;
    const to = this.end;
    const count = this.size[v]!;
    this.other.copyWithin(to, from, from + count);
    this.cost.copyWithin(to, from, from + count);
    this.middle.copyWithin(to, from, from + count);
    this.edge.copyWithin(to, from, from + count);
    this.hops.copyWithin(to, from, from + count);
    this.start[v] = to;
    this.room[v] = room;
    this.end += room;
  }

  private grow(capacity: number): void {
    const length = Math.ceil(capacity);
    const other = sharedInt32(length);
    const cost = sharedFloat64(length);
    const middle = new Int32Array(length);
    const edge = new Int32Array(length);
    const hops = sharedInt32(length);
    other.set(this.other);
    cost.set(this.cost);
    middle.set(this.middle);
    edge.set(this.edge);
    hops.set(this.hops);
    this.other = other;
    this.cost = cost;
    this.middle = middle;
    this.edge = edge;
    this.hops = hops;
    this.generation++;
  }
}
