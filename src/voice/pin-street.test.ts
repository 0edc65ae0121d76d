/**
 * A child's pin on the real Monaco sample: tapped inside a residential block with no public
 * place within 300 m, it is moved onto the nearest walkable street and coarsened to that
 * point's 100 m cell, never shown where it was tapped; with a place near, the place still
 * wins; with no street data at all, only the wide 500 m cell is left.
 */
import { describe, expect, it } from "vitest";
import { residentialAreas } from "../access/index.ts";
import { distanceMeters } from "../core/geo.ts";
import { readOsmFile } from "../osm/index.ts";
import { mapOsmTags } from "../places/index.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { StreetSnapper, buildStreetNetwork } from "../routing/index.ts";
import { COARSE_M, FAR_COARSE_M, SNAP_M, coarsen, publicPin } from "./pin-privacy.ts";

const MONACO = `${REPO_ROOT}/../shared/data/osm/monaco-2019-09-30.osm.pbf`;
/** Half the diagonal of a 100 m cell: no point of a cell is farther from its centre. */
const HALF_DIAGONAL_M = (COARSE_M * Math.SQRT2) / 2 + 1;

describe("a child's pin on the Monaco streets", () => {
  const elements = readOsmFile(MONACO);
  const streets = new StreetSnapper(buildStreetNetwork(elements));
  const places = elements.flatMap((e) => (e.type === "node" && mapOsmTags(e.tags) ? [{ lon: e.lon, lat: e.lat, placeId: `node/${e.id}`, districtCode: null }] : []));
  const nearestPlaceM = (lon: number, lat: number) => Math.min(...places.map((p) => distanceMeters([lon, lat], [p.lon, p.lat])));
  const homes = residentialAreas(elements).filter((r) => r.kind === "building");

  it("moves a pin inside a block with no place near onto the street, then to that point's 100 m cell", () => {
    // Homes inside their block (20 m or more from any walkable way) with no public place within 300 m.
    const inside = homes.filter((h) => nearestPlaceM(h.lon, h.lat) > SNAP_M && (streets.nearest(h.lon, h.lat, SNAP_M)?.distanceM ?? 0) > 20);
    expect(inside.length).toBeGreaterThan(5);
    for (const home of inside) {
      const street = streets.nearest(home.lon, home.lat, SNAP_M)!;
      const pin = publicPin("child", home.lon, home.lat, places, street);
      expect(pin.how).toBe("street");
      expect(pin).toMatchObject(coarsen(street.lon, street.lat, COARSE_M));
      expect(distanceMeters([pin.lon, pin.lat], [street.lon, street.lat])).toBeLessThan(HALF_DIAGONAL_M);
      expect([pin.lon, pin.lat]).not.toEqual([home.lon, home.lat]);
      expect(distanceMeters([pin.lon, pin.lat], [home.lon, home.lat])).toBeGreaterThan(1);
    }
  });

  it("still prefers a public place within 300 m to the street", () => {
    const home = homes.find((h) => nearestPlaceM(h.lon, h.lat) < SNAP_M / 2)!;
    const pin = publicPin("child", home.lon, home.lat, places, streets.nearest(home.lon, home.lat, SNAP_M));
    expect(pin.how).toBe("snapped");
  });

  it("falls back to the 500 m cell where there is no street data (as in Hengyang)", () => {
    const home = { lon: 112.6, lat: 26.9 };
    expect(publicPin("child", home.lon, home.lat, [], null)).toMatchObject({ how: "far", ...coarsen(home.lon, home.lat, FAR_COARSE_M) });
    // A street point farther than 300 m is not used either.
    expect(publicPin("child", home.lon, home.lat, [], { lon: 112.61, lat: 26.9 }).how).toBe("far");
  });
});
