/**
 * The nearest point on a walkable street segment: not the nearest vertex (a long straight
 * street may have its vertices far apart) but the foot of the perpendicular on the segment
 * itself. Used to move a child's map pin off a private spot onto a public street. Each
 * walkable segment is cut into pieces of at most PIECE_M, and the pieces' midpoints are
 * indexed, so a search within R metres only looks at pieces within R + PIECE_M / 2.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters } from "../core/geo.ts";
import type { StreetNetwork } from "./street-network.ts";

const PIECE_M = 100;
const METRES_PER_DEGREE = 111_320;

/** A point on a street segment, how far it is from the point asked about, and the street's name. */
export interface StreetPoint {
  lon: number;
  lat: number;
  distanceM: number;
  wayName: string | null;
}

/** Finds the nearest point on a walkable segment of one street network. */
export class StreetSnapper {
  private readonly index: KDBush;
  /** The segment of each indexed piece. */
  private readonly pieceSegment: Int32Array;

  constructor(private readonly network: StreetNetwork) {
    const { coords, segments, ways } = network;
    const pieces: Array<[lon: number, lat: number, segment: number]> = [];
    segments.forEach((s, i) => {
      if (!ways[s.way]!.footAllowed) return;
      const n = Math.max(1, Math.ceil(s.lengthM / PIECE_M));
      const [x0, y0, x1, y1] = [coords[2 * s.from]!, coords[2 * s.from + 1]!, coords[2 * s.to]!, coords[2 * s.to + 1]!];
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        pieces.push([x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, i]);
      }
    });
    this.index = new KDBush(Math.max(1, pieces.length));
    for (const [lon, lat] of pieces) this.index.add(lon, lat);
    if (pieces.length === 0) this.index.add(0, 0);
    this.index.finish();
    this.pieceSegment = Int32Array.from(pieces, (p) => p[2]);
  }

  /** The nearest point on a walkable segment within `withinM` metres of the point, or null. */
  nearest(lon: number, lat: number, withinM: number): StreetPoint | null {
    if (this.pieceSegment.length === 0) return null;
    const found = around(this.index, lon, lat, Infinity, (withinM + PIECE_M / 2) / 1000) as number[];
    let best: StreetPoint | null = null;
    const seen = new Set<number>();
    for (const piece of found) {
      const segment = this.pieceSegment[piece]!;
      if (seen.has(segment)) continue;
      seen.add(segment);
      const point = this.footOn(segment, lon, lat);
      if (point.distanceM <= withinM && (!best || point.distanceM < best.distanceM)) best = point;
    }
    return best;
  }

  /** The point of a segment nearest to (lon, lat), in a flat frame around that point (exact enough within a few kilometres). */
  private footOn(segment: number, lon: number, lat: number): StreetPoint {
    const { coords, segments, ways } = this.network;
    const s = segments[segment]!;
    const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), ky = METRES_PER_DEGREE;
    const ax = (coords[2 * s.from]! - lon) * kx, ay = (coords[2 * s.from + 1]! - lat) * ky;
    const bx = (coords[2 * s.to]! - lon) * kx, by = (coords[2 * s.to + 1]! - lat) * ky;
    const dx = bx - ax, dy = by - ay;
    const squared = dx * dx + dy * dy;
    const t = squared === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / squared));
    const foot = { lon: lon + (ax + dx * t) / kx, lat: lat + (ay + dy * t) / ky };
    return { ...foot, distanceM: distanceMeters([lon, lat], [foot.lon, foot.lat]), wayName: ways[s.way]!.name };
  }
}
