/**
 * Growable per-vertex arc lists in one pool of typed arrays, for contraction. A Map per
 * vertex costs about 200 bytes and a hash lookup per arc, which at 300,000 vertices made the
 * build minutes long; here a vertex's arcs are a contiguous slice scanned linearly (degrees
 * stay small), and a slice that fills up moves to the end of the pool with twice the room.
 */
export class ArcPool {
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
  private end = 0;

  /** `degree[v]` is the number of arcs expected at v; each slice starts with some spare room. */
  constructor(degree: Int32Array) {
    const n = degree.length;
    this.start = new Int32Array(n);
    this.size = new Int32Array(n);
    this.room = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      this.start[v] = this.end;
      this.room[v] = degree[v]! + 2;
      this.end += this.room[v]!;
    }
    const capacity = this.end * 2;
    this.other = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
    this.middle = new Int32Array(capacity);
    this.edge = new Int32Array(capacity);
    this.hops = new Int32Array(capacity);
  }

  /** Adds the arc v -> w, or lowers the cost of the one there; false when that one is no dearer. */
  add(v: number, w: number, cost: number, middle: number, edge: number, hops: number): boolean {
    const first = this.start[v]!;
    const last = first + this.size[v]!;
    let slot = -1;
    for (let i = first; i < last; i++) {
      if (this.other[i] !== w) continue;
      if (this.cost[i]! <= cost) return false;
      slot = i;
      break;
    }
    if (slot < 0) {
      if (this.size[v] === this.room[v]) this.move(v, this.room[v]! * 2);
      slot = this.start[v]! + this.size[v]!++;
      this.other[slot] = w;
    }
    this.cost[slot] = cost;
    this.middle[slot] = middle;
    this.edge[slot] = edge;
    this.hops[slot] = hops;
    return true;
  }

  /** Removes the arc v -> w if present (the last arc of v takes its slot). */
  remove(v: number, w: number): void {
    const first = this.start[v]!;
    const last = first + this.size[v]! - 1;
    for (let i = first; i <= last; i++) {
      if (this.other[i] !== w) continue;
      this.other[i] = this.other[last]!;
      this.cost[i] = this.cost[last]!;
      this.middle[i] = this.middle[last]!;
      this.edge[i] = this.edge[last]!;
      this.hops[i] = this.hops[last]!;
      this.size[v]!--;
      return;
    }
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
    const other = new Int32Array(length);
    const cost = new Float64Array(length);
    const middle = new Int32Array(length);
    const edge = new Int32Array(length);
    const hops = new Int32Array(length);
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
  }
}
