import { describe, expect, it } from "vitest";
import type { LonLat } from "../core/geo.ts";
import { meanOf, ringCentroid, wayAnchor } from "./osm-geometry.ts";
import { assembleRings, isClosed } from "./ring-assembly.ts";

const square: LonLat[] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];

describe("marker positions", () => {
  it("puts a closed way's marker at its area centroid and an open way's at its middle vertex", () => {
    expect(ringCentroid(square)).toEqual([1, 1]);
    expect(wayAnchor(square)).toEqual([1, 1]);
    expect(wayAnchor([[0, 0], [1, 0], [5, 0]])).toEqual([1, 0]);
    expect(wayAnchor([])).toBeNull();
  });

  it("falls back to the vertex mean for a ring with no area", () => {
    const flat: LonLat[] = [[0, 0], [3, 0], [6, 0], [0, 0]];
    expect(ringCentroid(flat)).toEqual(meanOf(flat));
  });
});

describe("ring assembly", () => {
  it("joins pieces that share end nodes, in either direction, into one closed ring", () => {
    const rings = assembleRings([[[0, 0], [2, 0]], [[2, 2], [2, 0]], [[2, 2], [0, 2], [0, 0]]]);
    expect(rings).toHaveLength(1);
    expect(isClosed(rings[0]!)).toBe(true);
    expect(new Set(rings[0]!.map(String))).toEqual(new Set(square.map(String)));
  });

  it("drops what cannot close and keeps rings that were closed already", () => {
    expect(assembleRings([[[0, 0], [1, 0]], [[5, 5], [6, 6]]])).toEqual([]);
    expect(assembleRings([square])).toEqual([square]);
    expect(isClosed([[0, 0], [1, 0], [0, 0]])).toBe(false);
  });
});
