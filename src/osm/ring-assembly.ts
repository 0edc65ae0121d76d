/**
 * Joins the member ways of an OSM multipolygon into closed rings: members are often split
 * into pieces that share end nodes. Rings that cannot be closed are dropped, as renderers do.
 */
import type { LonLat } from "../core/geo.ts";

const same = (a: LonLat, b: LonLat): boolean => a[0] === b[0] && a[1] === b[1];

/** A ring: at least four points, the last the same as the first. */
export function isClosed(line: readonly LonLat[]): boolean {
  return line.length >= 4 && same(line[0]!, line[line.length - 1]!);
}

/** Stitches open lines end to end; returns only the rings that close. */
export function assembleRings(lines: readonly (readonly LonLat[])[]): LonLat[][] {
  const rings: LonLat[][] = [];
  const open = lines.filter((l) => l.length >= 2).map((l) => [...l]);
  while (open.length > 0) {
    let ring = open.pop()!;
    let grown = true;
    while (!isClosed(ring) && grown) {
      grown = false;
      for (let i = 0; i < open.length; i++) {
        const piece = open[i]!;
        const end = ring[ring.length - 1]!;
        if (same(piece[0]!, end)) ring = ring.concat(piece.slice(1));
        else if (same(piece[piece.length - 1]!, end)) ring = ring.concat([...piece].reverse().slice(1));
        else continue;
        open.splice(i, 1);
        grown = true;
        break;
      }
    }
    if (isClosed(ring)) rings.push(ring);
  }
  return rings;
}
