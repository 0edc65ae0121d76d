/** Catchment files checked whole: what a city's GIS office sends, and what it gets wrong. */
import { describe, expect, it } from "vitest";
import { checkCatchments } from "./catchments.ts";
import type { School } from "./school-analysis.ts";

const school = (id: string, name: string): School => ({ id, name, kind: "primary", lon: 0, lat: 0, gates: [] });
const SCHOOLS = [school("way/1", "雁峰小学"), school("node/2", "实验小学"), school("node/3", "实验小学")];
const square = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const feature = (props: Record<string, unknown>, geometry: unknown = square) => ({ type: "Feature", properties: props, geometry });

describe("catchment files", () => {
  it("takes a school by id or by a unique name", () => {
    const checked = checkCatchments({ type: "FeatureCollection", features: [feature({ school: "way/1", name: "一片区" }), feature({ school: "node/2" }, { type: "MultiPolygon", coordinates: [square.coordinates] })] }, SCHOOLS);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.catchments.map((c) => [c.schoolId, c.name, c.geometry.type])).toEqual([["way/1", "一片区", "Polygon"], ["node/2", null, "MultiPolygon"]]);
    expect(checkCatchments({ type: "FeatureCollection", features: [feature({ school: "雁峰小学" })] }, SCHOOLS).ok).toBe(true);
  });

  it("names every feature that is wrong, and writes nothing of such a file", () => {
    const checked = checkCatchments({
      type: "FeatureCollection",
      features: [
        feature({}), feature({ school: "way/999" }), feature({ school: "实验小学" }), feature({ school: "way/1" }, { type: "Point", coordinates: [0, 0] }),
        feature({ school: "node/2" }, { type: "Polygon", coordinates: [[[0, 0], [1, 0], [0, 0]]] }), feature({ school: "node/3" }), feature({ school: "node/3" }),
        feature({ school: "way/1" }, { type: "Polygon", coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] }),
      ],
    }, SCHOOLS);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.feature)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(checked.problems[2]!.message).toMatch(/node\/2, node\/3/);
    expect(checked.problems[3]!.message).toMatch(/Point/);
  });

  it("refuses what is not a FeatureCollection", () => {
    expect(checkCatchments({ type: "Feature" }, SCHOOLS).ok).toBe(false);
    expect(checkCatchments(null, SCHOOLS).ok).toBe(false);
  });
});
