/**
 * Walks between nearby stops (a transfer from one stop to another): every pair within
 * `TRANSFER_RADIUS_M` in a straight line, plus the feed's transfers.txt pairs with their
 * least time. Kept as metres so each walking profile turns them into seconds with its own
 * speed; one hop only (RAPTOR and the reference Dijkstra both take at most one walk between
 * two vehicles).
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters } from "../core/geo.ts";
import type { TransitFeed } from "./feed.ts";

/** The furthest two stops may be apart for a transfer on foot. */
export const TRANSFER_RADIUS_M = 400;
/** Streets are longer than straight lines: the factor a straight-line walk is lengthened by. */
export const DETOUR_FACTOR = 1.3;

export interface Footpaths {
  first: Int32Array;
  target: Int32Array;
  metres: Float64Array;
  minSeconds: Int32Array;
}

/** The footpaths of a feed, as CSR arrays by source stop. */
export function buildFootpaths(feed: TransitFeed, stopIndex?: KDBush): Footpaths {
  const n = feed.stops.length;
  const index = stopIndex ?? indexStopsByPosition(feed);
  const pairs = new Map<number, Map<number, [number, number]>>();
  const add = (a: number, b: number, metres: number, min: number) => {
    let m = pairs.get(a);
    if (!m) pairs.set(a, (m = new Map()));
    const old = m.get(b);
    m.set(b, old ? [old[0], Math.max(old[1], min)] : [metres, min]);
  };
  feed.stops.forEach((s, a) => {
    for (const b of around(index, s.lon, s.lat, 200, TRANSFER_RADIUS_M / 1000) as number[]) {
      if (b === a) continue;
      const t = feed.stops[b]!;
      add(a, b, distanceMeters([s.lon, s.lat], [t.lon, t.lat]) * DETOUR_FACTOR, 0);
    }
  });
  for (const t of feed.transfers) {
    const a = feed.stops[t.from]!, b = feed.stops[t.to]!;
    add(t.from, t.to, distanceMeters([a.lon, a.lat], [b.lon, b.lat]) * DETOUR_FACTOR, t.minSeconds);
  }
  const first = new Int32Array(n + 1);
  for (const [a, m] of pairs) first[a + 1] = m.size;
  for (let s = 0; s < n; s++) first[s + 1]! += first[s]!;
  const total = first[n]!;
  const target = new Int32Array(total), metres = new Float64Array(total), minSeconds = new Int32Array(total);
  for (const [a, m] of pairs) {
    let slot = first[a]!;
    for (const [b, [d, min]] of m) {
      target[slot] = b; metres[slot] = d; minSeconds[slot] = min;
      slot++;
    }
  }
  return { first, target, metres, minSeconds };
}

/** A KDBush over the feed's stops (lon, lat). */
export function indexStopsByPosition(feed: TransitFeed): KDBush {
  const index = new KDBush(Math.max(1, feed.stops.length));
  for (const s of feed.stops) index.add(s.lon, s.lat);
  if (feed.stops.length === 0) index.add(0, 0);
  index.finish();
  return index;
}

const timesBySpeed = new WeakMap<Footpaths, Map<number, Int32Array>>();

/** Every footpath's seconds at `speed` m/s, computed once per speed. */
export function footpathTimes(paths: Footpaths, speed: number): Int32Array {
  let bySpeed = timesBySpeed.get(paths);
  if (!bySpeed) timesBySpeed.set(paths, (bySpeed = new Map()));
  let times = bySpeed.get(speed);
  if (!times) {
    times = Int32Array.from(paths.metres, (_, x) => footpathSeconds(paths, x, speed));
    bySpeed.set(speed, times);
  }
  return times;
}

const pairsBySpeed = new WeakMap<Footpaths, Map<number, Int32Array>>();

/** Every footpath's target and seconds at `speed` m/s side by side (target at 2x, seconds at 2x + 1), computed once per speed. */
export function footpathPairs(paths: Footpaths, speed: number): Int32Array {
  let bySpeed = pairsBySpeed.get(paths);
  if (!bySpeed) pairsBySpeed.set(paths, (bySpeed = new Map()));
  let pairs = bySpeed.get(speed);
  if (!pairs) {
    const times = footpathTimes(paths, speed);
    pairs = new Int32Array(2 * times.length);
    for (let x = 0; x < times.length; x++) {
      pairs[2 * x] = paths.target[x]!;
      pairs[2 * x + 1] = times[x]!;
    }
    bySpeed.set(speed, pairs);
  }
  return pairs;
}

/** Seconds a footpath takes at `speed` m/s. */
export function footpathSeconds(paths: Footpaths, slot: number, speed: number): number {
  return Math.max(paths.minSeconds[slot]!, Math.round(paths.metres[slot]! / speed));
}
