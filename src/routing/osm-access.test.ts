/**
 * Walking and cycling access as OSM means it, pinned by a table of tag combinations: the
 * most specific deciding tag wins (foot over access; bicycle over vehicle over access),
 * private/no/delivery shut, yes/designated/permissive open, other values defer; ferries
 * are never walked.
 */
import { describe, expect, it } from "vitest";
import { buildStreetNetwork } from "./street-network.ts";
import { rideable, walkable } from "./osm-access.ts";
import type { OsmElement, OsmTags } from "../osm/index.ts";

const WALK_TABLE: Array<[OsmTags, boolean]> = [
  [{ highway: "residential" }, true],
  [{ highway: "residential", access: "private" }, false],
  [{ highway: "residential", access: "private", foot: "yes" }, true],
  [{ highway: "residential", access: "no", foot: "designated" }, true],
  [{ highway: "residential", access: "delivery", foot: "permissive" }, true],
  [{ highway: "residential", access: "delivery" }, false],
  [{ highway: "residential", foot: "private" }, false],
  [{ highway: "residential", foot: "no" }, false],
  [{ highway: "residential", foot: "delivery" }, false],
  [{ highway: "residential", access: "yes", foot: "no" }, false],
  [{ highway: "footway", access: "no" }, false],
  [{ highway: "footway", access: "permissive" }, true],
  [{ highway: "service", access: "destination" }, true],
  [{ highway: "service", access: "customers", foot: "private" }, false],
  [{ highway: "residential", access: "private", foot: "unknown" }, false],
  [{ highway: "residential", access: "yes", foot: "use_sidepath" }, true],
  [{ highway: "trunk" }, false],
  [{ highway: "trunk", foot: "yes" }, true],
  [{ highway: "trunk", access: "yes" }, true],
  [{ highway: "path", access: "agricultural", foot: "designated" }, true],
  [{ highway: "path", access: "forestry" }, false],
  [{ highway: "residential", foot: "no;yes" }, false],
];

const RIDE_TABLE: Array<[OsmTags, boolean]> = [
  [{ highway: "residential" }, true],
  [{ highway: "residential", access: "private" }, false],
  [{ highway: "residential", access: "private", bicycle: "yes" }, true],
  [{ highway: "residential", vehicle: "no" }, false],
  [{ highway: "residential", vehicle: "no", bicycle: "designated" }, true],
  [{ highway: "residential", access: "no", vehicle: "yes" }, true],
  [{ highway: "steps" }, false],
  [{ highway: "footway", bicycle: "no" }, false],
];

describe("walking access", () => {
  for (const [tags, expected] of WALK_TABLE) {
    it(`${JSON.stringify(tags)} → ${expected ? "walkable" : "shut"}`, () => {
      expect(walkable(tags, tags.highway!)).toBe(expected);
    });
  }
});

describe("cycling access", () => {
  for (const [tags, expected] of RIDE_TABLE) {
    it(`${JSON.stringify(tags)} → ${expected ? "rideable" : "shut"}`, () => {
      expect(rideable(tags, tags.highway!)).toBe(expected);
    });
  }
});

describe("the street network keeps what the tags allow", () => {
  const nodes: OsmElement[] = [1, 2, 3, 4, 5, 6].map((id) => ({ type: "node", id, lon: 7.42 + id * 0.001, lat: 43.73, tags: {} }));
  const way = (id: number, refs: number[], tags: OsmTags): OsmElement => ({ type: "way", id, refs, tags });
  const network = buildStreetNetwork([
    ...nodes,
    way(10, [1, 2], { highway: "residential", access: "private", foot: "yes" }),
    way(11, [2, 3], { highway: "residential", foot: "private" }),
    way(12, [3, 4], { highway: "residential", access: "no" }),
    way(13, [4, 5], { highway: "footway", route: "ferry" }),
    way(14, [5, 6], { highway: "residential", access: "private", bicycle: "yes" }),
  ]);
  const byId = new Map(network.ways.map((w) => [w.osmId, w]));

  it("keeps access=private + foot=yes for walkers (it was dropped before)", () => {
    expect(byId.get(10)?.footAllowed).toBe(true);
    expect(byId.get(10)?.bicycleAllowed).toBe(false);
  });

  it("shuts foot=private to walkers (it was kept before) but leaves it to bikes", () => {
    expect(byId.get(11)?.footAllowed).toBe(false);
    expect(byId.get(11)?.bicycleAllowed).toBe(true);
  });

  it("drops a way no one may use, and ferries", () => {
    expect(byId.has(12)).toBe(false);
    expect(byId.has(13)).toBe(false);
  });

  it("keeps a private road open to bikes for bikes only", () => {
    expect(byId.get(14)?.footAllowed).toBe(false);
    expect(byId.get(14)?.bicycleAllowed).toBe(true);
  });
});
