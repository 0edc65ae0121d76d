/**
 * Walking time from every street vertex to the nearest of many places, in one
 * multi-source Dijkstra over the child-walk profile graph (no per-pair matrix): each
 * place seeds the search at its nearest vertex with the time to walk there. The child-walk
 * graph is symmetric (no one-way rules on foot, crossing costs at both ends), so the time
 * from a place to a home equals the time from the home to the place.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters } from "../core/geo.ts";
import { MinHeap, type ProfileGraph, largestComponent } from "../routing/index.ts";

export interface Snap {
  vertex: number;
  /** Seconds to walk from the point to the vertex, straight. */
  seconds: number;
}

/** The graph of one region, ready for many coverage runs: snapping index and reusable buffers. */
export class WalkNetwork {
  private readonly points: KDBush;
  private readonly vertices: Int32Array;
  private readonly times: Float64Array;
  /** Vertices given a time by the last run: only these are reset, so a small search stays small. */
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly heap = new MinHeap(4096);

  constructor(readonly graph: ProfileGraph, readonly coords: Float64Array, readonly speedMps: number, readonly maxSnapM: number) {
    const main = largestComponent(graph);
    const usable: number[] = [];
    for (let v = 0; v < graph.vertexCount; v++) if (main[v]) usable.push(v);
    this.vertices = Int32Array.from(usable);
    this.points = new KDBush(Math.max(1, usable.length));
    for (const v of usable) this.points.add(coords[2 * v]!, coords[2 * v + 1]!);
    if (usable.length === 0) this.points.add(0, 0);
    this.points.finish();
    this.times = new Float64Array(graph.vertexCount).fill(Infinity);
    this.touched = new Int32Array(1024);
  }

  private touch(v: number): void {
    if (this.times[v] !== Infinity) return;
    if (this.touchedCount === this.touched.length) {
      const bigger = new Int32Array(this.touched.length * 2);
      bigger.set(this.touched);
      this.touched = bigger;
    }
    this.touched[this.touchedCount++] = v;
  }

  /** The nearest usable vertex within maxSnapM, or null when the point is off the network. */
  snap(lon: number, lat: number): Snap | null {
    if (this.vertices.length === 0) return null;
    const [hit] = around(this.points, lon, lat, 1, this.maxSnapM / 1000) as number[];
    if (hit === undefined) return null;
    const vertex = this.vertices[hit]!;
    const metres = distanceMeters([lon, lat], [this.coords[2 * vertex]!, this.coords[2 * vertex + 1]!]);
    return { vertex, seconds: metres / this.speedMps };
  }

  /**
   * Seconds from every vertex to the nearest source, up to `limitSeconds` (Infinity
   * beyond). The returned array is reused by the next call: copy what must be kept.
   */
  timesFrom(sources: readonly Snap[], limitSeconds: number): Float64Array {
    const { graph, times, heap } = this;
    for (let i = 0; i < this.touchedCount; i++) times[this.touched[i]!] = Infinity;
    this.touchedCount = 0;
    heap.clear();
    for (const s of sources) {
      if (s.seconds < times[s.vertex]!) {
        this.touch(s.vertex);
        times[s.vertex] = s.seconds;
        heap.push(s.seconds, s.vertex);
      }
    }
    while (heap.size > 0) {
      const t = heap.peekKey();
      const v = heap.pop();
      if (t > times[v]! || t > limitSeconds) continue;
      for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
        const w = graph.target[e]!;
        const next = t + graph.cost[e]!;
        if (next < times[w]! && next <= limitSeconds) {
          this.touch(w);
          times[w] = next;
          heap.push(next, w);
        }
      }
    }
    return times;
  }
}
