/**
 * The nearest point on a walkable street, on the real Monaco network: the indexed search
 * finds the same point as a scan of every walkable segment, the point lies on a segment, and
 * the planner answers only inside a region with streets.
 */
import { describe, expect, it } from "vitest";
import { distanceMeters } from "../core/geo.ts";
import { RoutePlanner } from "./route-planner.ts";
import { monacoRouting, seeded } from "./routing-fixture.ts";
import { StreetSnapper } from "./street-snap.ts";
import type { StreetNetwork } from "./street-network.ts";

/** The distance from a point to the nearest walkable segment, by scanning them all (segments split into 1 m steps). */
function scanNearest(network: StreetNetwork, lon: number, lat: number): number {
  let best = Infinity;
  for (const s of network.segments) {
    if (!network.ways[s.way]!.footAllowed) continue;
    const a: [number, number] = [network.coords[2 * s.from]!, network.coords[2 * s.from + 1]!];
    const b: [number, number] = [network.coords[2 * s.to]!, network.coords[2 * s.to + 1]!];
    if (Math.min(distanceMeters([lon, lat], a), distanceMeters([lon, lat], b)) - s.lengthM > best) continue;
    const steps = Math.max(1, Math.ceil(s.lengthM));
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      best = Math.min(best, distanceMeters([lon, lat], [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]));
    }
  }
  return best;
}

describe("the nearest point on a walkable street", () => {
  const data = monacoRouting();
  const snapper = new StreetSnapper(data.network);
  const random = seeded(17);
  // Monaco and a margin of sea and France around it.
  const points = Array.from({ length: 60 }, () => [7.405 + random() * 0.035, 43.722 + random() * 0.032] as [number, number]);

  it("finds the point a scan of every walkable segment finds, within the distance asked", () => {
    let found = 0;
    for (const [lon, lat] of points) {
      const scanned = scanNearest(data.network, lon, lat);
      const point = snapper.nearest(lon, lat, 300);
      if (scanned > 300.5) {
        expect(point).toBeNull();
        continue;
      }
      if (scanned < 299.5) expect(point, `${lon},${lat}`).not.toBeNull();
      if (!point) continue;
      found++;
      // The scan steps 1 m along each segment: it is never nearer than the true foot, and at most half a step off along the street.
      expect(point.distanceM).toBeLessThan(scanned + 0.05);
      expect(point.distanceM).toBeGreaterThan(Math.sqrt(Math.max(0, scanned ** 2 - 0.25)) - 0.05);
      expect(distanceMeters([lon, lat], [point.lon, point.lat])).toBeCloseTo(point.distanceM, 3);
      // And the point is on a walkable segment.
      expect(scanNearest(data.network, point.lon, point.lat)).toBeLessThan(0.6);
    }
    expect(found).toBeGreaterThan(20);
  });

  it("answers nothing farther than asked, and nothing outside every region with streets", () => {
    const [lon, lat] = points.find(([x, y]) => (snapper.nearest(x, y, 300)?.distanceM ?? 0) > 5)!;
    const near = snapper.nearest(lon, lat, 300)!;
    expect(snapper.nearest(lon, lat, near.distanceM - 1)).toBeNull();
    const planner = new RoutePlanner([data]);
    expect(planner.nearestStreetPoint([lon, lat], 300)).toEqual(near);
    expect(planner.nearestStreetPoint([112.6, 26.9], 300)).toBeNull();
  });
});
