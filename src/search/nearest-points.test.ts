/**
 * The walk outwards against brute force: the k nearest passing a test, nearest first and
 * ties by document number, for dense and sparse tests, points inside and outside the box,
 * duplicate positions, and fewer matches than asked for.
 */
import { describe, expect, it } from "vitest";
import { NearestPoints } from "./nearest-points.ts";

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function bruteForce(lons: Float64Array, lats: Float64Array, lon: number, lat: number, k: number, test: (doc: number) => boolean): number[] {
  const cosLat = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const distance = Float64Array.from(lons, (_, d) => ((lons[d]! - lon) * cosLat) ** 2 + (lats[d]! - lat) ** 2);
  return Array.from(lons.keys()).filter(test).sort((a, b) => distance[a]! - distance[b]! || a - b).slice(0, k);
}

describe("NearestPoints", () => {
  const random = seededRandom(3);
  const size = 5000;
  const lons = Float64Array.from({ length: size }, () => 112.45 + random() * 0.3);
  const lats = Float64Array.from({ length: size }, () => 26.75 + random() * 0.3);
  // Some places share a position exactly, as buildings with several facilities do.
  for (let d = 0; d < size; d += 97) [lons[d + 1], lats[d + 1]] = [lons[d]!, lats[d]!];
  const points = new NearestPoints(lons, lats);

  it("finds exactly the k nearest passing the test, nearest first", () => {
    const tests: Array<(doc: number) => boolean> = [() => true, (d) => d % 7 === 0, (d) => d % 500 === 3, (d) => d === 4321];
    for (let q = 0; q < 20; q++) {
      const [lon, lat] = q < 16 ? [112.45 + random() * 0.3, 26.75 + random() * 0.3] : [112.2 + q * 0.01, 27.2];
      for (const test of tests) {
        const expected = bruteForce(lons, lats, lon, lat, 120, test);
        for (const k of [1, 8, 40, 120]) {
          expect({ q, k, found: points.nearest(lon, lat, k, test) }).toEqual({ q, k, found: expected.slice(0, k) });
        }
      }
    }
  });

  it("gives what there is when fewer pass, and nothing from an empty set", () => {
    expect(points.nearest(112.6, 26.9, 40, () => false)).toEqual([]);
    expect(points.nearest(112.6, 26.9, 0, () => true)).toEqual([]);
    expect(new NearestPoints(new Float64Array(0), new Float64Array(0)).nearest(112.6, 26.9, 5, () => true)).toEqual([]);
  });
});
