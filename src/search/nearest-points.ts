/**
 * The nearest documents passing a test, by flat-earth distance (exact enough to choose at
 * city scale), over a static k-d tree. The tree is read in squares that grow until the
 * circle inside holds enough matches: a walk point by point (geokdbush) costs a queue
 * operation and a great-circle distance per point, ten times more when matches are dense.
 *
 * A suggestion runs this once or twice per keystroke, so nothing proportional to the points
 * read is allocated: the tree is read in place (kdbush's range() returns a fresh array per
 * square) into buffers kept between calls, and the nearest are chosen with a bounded heap.
 */
import KDBush from "kdbush";

/** Radius in degrees of latitude (about 550 m) of the first square read. */
const FIRST_RADIUS = 0.005;
/** Three numbers per open tree node; a kdbush tree is at most 32 levels deep. */
const STACK_SIZE = 3 * 33;

export class NearestPoints {
  private readonly tree: KDBush;
  /** West, south, east and north edges of the points. */
  private readonly box: [number, number, number, number];
  private readonly stack = new Int32Array(STACK_SIZE);
  /** Matches inside the circle of the current square, and their squared distances. */
  private inside = new Int32Array(256);
  private distances = new Float64Array(256);
  /** The k nearest so far, as a max-heap on (distance, document). */
  private heapDocs = new Int32Array(256);
  private heapDistances = new Float64Array(256);

  constructor(private readonly lons: Float64Array, private readonly lats: Float64Array) {
    this.tree = new KDBush(Math.max(1, lons.length));
    for (let i = 0; i < lons.length; i++) this.tree.add(lons[i]!, lats[i]!);
    if (lons.length === 0) this.tree.add(0, 0);
    this.tree.finish();
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < lons.length; i++) {
      west = Math.min(west, lons[i]!);
      east = Math.max(east, lons[i]!);
      south = Math.min(south, lats[i]!);
      north = Math.max(north, lats[i]!);
    }
    this.box = [west, south, east, north];
  }

  /**
   * Up to `k` documents passing `test`, nearest to a point first (ties by document number).
   * `test` is asked only about documents inside the circle being read.
   */
  nearest(lon: number, lat: number, k: number, test: (doc: number) => boolean): number[] {
    if (k <= 0) return [];
    const cosLat = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    const [west, south, east, north] = this.box;
    // Once the circle reaches every corner of the box, every document has been read.
    const everything = Math.SQRT2 * Math.max((lon - west) * cosLat, (east - lon) * cosLat, lat - south, north - lat);
    let radius = FIRST_RADIUS;
    for (;;) {
      const count = this.readCircle(lon, lat, cosLat, radius, test);
      if (count >= k || radius >= everything) return this.smallest(count, k);
      // Grow by the density met so far, a little beyond, so one more read usually suffices.
      radius *= Math.min(8, Math.max(1.3, 1.15 * Math.sqrt(k / (count + 1))));
    }
  }

  /**
   * Reads the square around the circle as kdbush's range() does, keeping in `inside` the
   * documents within the circle that pass the test; returns how many. Positions come from
   * the tree itself (the same numbers as lons and lats), so a point outside costs no lookup.
   */
  private readCircle(lon: number, lat: number, cosLat: number, radius: number, test: (doc: number) => boolean): number {
    const { ids, coords, nodeSize } = this.tree;
    const minX = lon - radius / cosLat;
    const maxX = lon + radius / cosLat;
    const minY = lat - radius;
    const maxY = lat + radius;
    const size = this.lons.length;
    const radius2 = radius * radius;
    const stack = this.stack;
    let count = 0;
    stack[0] = 0;
    stack[1] = ids.length - 1;
    stack[2] = 0;
    let top = 3;
    while (top > 0) {
      const axis = stack[--top]!;
      const right = stack[--top]!;
      const left = stack[--top]!;
      const leaf = right - left <= nodeSize;
      const middle = (left + right) >> 1;
      // A leaf is read whole; a node only at its middle point, then its halves as needed.
      for (let i = leaf ? left : middle; i <= (leaf ? right : middle); i++) {
        const x = coords[2 * i]!;
        const y = coords[2 * i + 1]!;
        if (x < minX || x > maxX || y < minY || y > maxY) continue;
        const dx = (x - lon) * cosLat;
        const dy = y - lat;
        const d2 = dx * dx + dy * dy;
        if (d2 > radius2) continue;
        const doc = ids[i]!;
        if (doc >= size || !test(doc)) continue;
        if (count === this.inside.length) this.growInside();
        this.inside[count] = doc;
        this.distances[count] = d2;
        count++;
      }
      if (leaf) continue;
      const x = coords[2 * middle]!;
      const y = coords[2 * middle + 1]!;
      if (axis === 0 ? minX <= x : minY <= y) {
        stack[top++] = left;
        stack[top++] = middle - 1;
        stack[top++] = 1 - axis;
      }
      if (axis === 0 ? maxX >= x : maxY >= y) {
        stack[top++] = middle + 1;
        stack[top++] = right;
        stack[top++] = 1 - axis;
      }
    }
    return count;
  }

  private growInside(): void {
    const inside = new Int32Array(this.inside.length * 2);
    inside.set(this.inside);
    this.inside = inside;
    const distances = new Float64Array(this.distances.length * 2);
    distances.set(this.distances);
    this.distances = distances;
  }

  /** The `k` first of the `count` documents in `inside` by (distance, document), in that order. */
  private smallest(count: number, k: number): number[] {
    if (this.heapDocs.length < k) {
      this.heapDocs = new Int32Array(k);
      this.heapDistances = new Float64Array(k);
    }
    const { heapDocs, heapDistances, inside, distances } = this;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const doc = inside[i]!;
      const d2 = distances[i]!;
      if (size < k) {
        // Sift up.
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!after(d2, doc, heapDistances[parent]!, heapDocs[parent]!)) break;
          heapDocs[at] = heapDocs[parent]!;
          heapDistances[at] = heapDistances[parent]!;
          at = parent;
        }
        heapDocs[at] = doc;
        heapDistances[at] = d2;
      } else if (after(heapDistances[0]!, heapDocs[0]!, d2, doc)) {
        siftDown(heapDocs, heapDistances, size, doc, d2);
      }
    }
    // The heap gives up its largest first.
    const out: number[] = [];
    for (let last = size - 1; last >= 0; last--) {
      out.push(heapDocs[0]!);
      siftDown(heapDocs, heapDistances, last, heapDocs[last]!, heapDistances[last]!);
    }
    return out.reverse();
  }
}

/** True when (d1, doc1) comes after (d2, doc2): farther, or as far with a larger number. */
function after(d1: number, doc1: number, d2: number, doc2: number): boolean {
  return d1 > d2 || (d1 === d2 && doc1 > doc2);
}

/** Puts (doc, d2) at the root of a max-heap of `size` entries and sifts it down. */
function siftDown(docs: Int32Array, distances: Float64Array, size: number, doc: number, d2: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && after(distances[child + 1]!, docs[child + 1]!, distances[child]!, docs[child]!)) child++;
    if (!after(distances[child]!, docs[child]!, d2, doc)) break;
    docs[at] = docs[child]!;
    distances[at] = distances[child]!;
    at = child;
  }
  docs[at] = doc;
  distances[at] = d2;
}
