import { describe, expect, it } from "vitest";
import {
  bd09ToGcj02, distanceMeters, gcj02ToBd09, gcj02ToWgs84, isOutsideChina, toWgs84, wgs84ToGcj02,
} from "./geo.ts";

// Reference pairs published with the widely used coordtransform library (Tiananmen area),
// which implements the same public GCJ-02 / BD-09 formulas.
const POINT: [number, number] = [116.404, 39.915];

describe("coordinate conversion", () => {
  it("matches published WGS-84 -> GCJ-02 and BD-09 values", () => {
    const gcj = wgs84ToGcj02(...POINT);
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 9);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 9);
    const bd = gcj02ToBd09(...POINT);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 9);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 9);
    // The published one-step inverse gives 116.39762729119315, 39.90865673957631; ours
    // refines it, so it agrees to ~1e-7 degrees and inverts the forward formula exactly.
    const back = bd09ToGcj02(...POINT);
    expect(back[0]).toBeCloseTo(116.39762729119315, 6);
    expect(back[1]).toBeCloseTo(39.90865673957631, 6);
    const forward = gcj02ToBd09(...back);
    expect(Math.abs(forward[0] - POINT[0]) + Math.abs(forward[1] - POINT[1])).toBeLessThan(1e-10);
  });

  it("inverts GCJ-02 exactly by iteration, beating the one-step approximation", () => {
    const [lon, lat] = gcj02ToWgs84(...POINT);
    // The one-step formula gives 116.39775550083061, 39.91359571849836; ours is within
    // 1e-9 degrees of the true inverse, i.e. forward(ours) == input.
    expect(lon).toBeCloseTo(116.39775550083061, 4);
    const [fLon, fLat] = wgs84ToGcj02(lon, lat);
    expect(Math.abs(fLon - POINT[0])).toBeLessThan(1e-9);
    expect(Math.abs(fLat - POINT[1])).toBeLessThan(1e-9);
  });

  it("round-trips random points in China through every system to within 1 cm", () => {
    for (let i = 0; i < 500; i++) {
      const lon = 75 + Math.random() * 58;
      const lat = 18 + Math.random() * 35;
      const viaGcj = toWgs84("gcj02", ...wgs84ToGcj02(lon, lat));
      const viaBd = toWgs84("bd09", ...gcj02ToBd09(...wgs84ToGcj02(lon, lat)));
      expect(distanceMeters([lon, lat], viaGcj)).toBeLessThan(0.01);
      expect(distanceMeters([lon, lat], viaBd)).toBeLessThan(0.01);
    }
  });

  it("shifts Hengyang by the documented ~530 m east, ~390 m south", () => {
    const hengyang: [number, number] = [112.57, 26.89];
    const [gLon, gLat] = wgs84ToGcj02(...hengyang);
    const east = distanceMeters(hengyang, [gLon, hengyang[1]]) * Math.sign(gLon - hengyang[0]);
    const north = distanceMeters(hengyang, [hengyang[0], gLat]) * Math.sign(gLat - hengyang[1]);
    expect(east).toBeGreaterThan(450);
    expect(east).toBeLessThan(620);
    expect(north).toBeLessThan(-300);
    expect(north).toBeGreaterThan(-480);
  });

  it("leaves points outside China unchanged", () => {
    expect(isOutsideChina(7.42, 43.73)).toBe(true);
    expect(toWgs84("gcj02", 7.42, 43.73)).toEqual([7.42, 43.73]);
  });
});

describe("distanceMeters", () => {
  it("measures one degree of latitude as about 111.2 km", () => {
    expect(distanceMeters([0, 0], [0, 1])).toBeCloseTo(111_195, -2);
  });
});
