/**
 * The plain reference RAPTOR is tested and benchmarked against: a time-dependent Dijkstra
 * over the same day's timetable. Each stop is two nodes: "arrived by vehicle" (from which
 * one transfer walk or the egress walk starts) and "ready to board"; each pattern's
 * consecutive stops are an edge whose time is the earliest trip leaving at or after the
 * time one is there. Same starts, ends and footpaths as RAPTOR; no limit on transfers.
 */
import { MinHeap } from "../routing/index.ts";
import { type Footpaths, footpathSeconds } from "./footpaths.ts";
import type { StopWalk } from "./raptor.ts";
import type { DayTimetable } from "./timetable.ts";

/** Earliest arrival at the target (through one of `egress`), or null when none is reachable. */
export function timeDependentDijkstra(day: DayTimetable, paths: Footpaths, stopCount: number, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number): number | null {
  const n = stopCount;
  const time = new Float64Array(2 * n).fill(Infinity);
  const heap = new MinHeap();
  const egressAt = new Map<number, number>();
  for (const e of egress) egressAt.set(e.stop, Math.min(egressAt.get(e.stop) ?? Infinity, e.seconds));
  // A stop "ready" only through the access walk is no place to walk on to the end: that would be a journey without vehicles.
  const onlyAccess = new Uint8Array(n);
  for (const a of access) {
    const t = start + a.seconds;
    if (t < time[n + a.stop]!) {
      time[n + a.stop] = t;
      onlyAccess[a.stop] = 1;
      heap.push(t, n + a.stop);
    }
  }
  let target = Infinity;
  const relax = (node: number, t: number) => {
    if (t < time[node]!) {
      time[node] = t;
      if (node >= n) onlyAccess[node - n] = 0;
      heap.push(t, node);
    }
  };
  while (heap.size > 0) {
    const t = heap.peekKey();
    const node = heap.pop();
    if (t > time[node]! || t >= target) {
      if (t >= target) break;
      continue;
    }
    if (node < n) {
      const e = egressAt.get(node);
      if (e !== undefined) target = Math.min(target, t + e);
      relax(n + node, t);
      for (let x = paths.first[node]!; x < paths.first[node + 1]!; x++) {
        const f = paths.target[x]!, w = t + footpathSeconds(paths, x, speed);
        // The egress walk may start where this walk ends even when the access walk was there earlier.
        const g = egressAt.get(f);
        if (g !== undefined) target = Math.min(target, w + g);
        relax(n + f, w);
      }
      continue;
    }
    const s = node - n;
    const e = onlyAccess[s] ? undefined : egressAt.get(s);
    if (e !== undefined) target = Math.min(target, t + e);
    for (let x = day.stopFirst[s]!; x < day.stopFirst[s + 1]!; x++) {
      const p = day.patterns[day.stopPattern[x]!]!;
      const i = day.stopPosition[x]!;
      const len = p.stops.length;
      if (i + 1 >= len) continue;
      // Earliest trip leaving position i at or after t: a linear scan, as plain as it gets.
      for (let k = 0; k < p.trip.length; k++) {
        if (p.departure[k * len + i]! >= t) {
          relax(p.stops[i + 1]!, p.arrival[k * len + i + 1]!);
          break;
        }
      }
    }
  }
  return Number.isFinite(target) ? target : null;
}
