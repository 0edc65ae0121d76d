import { describe, expect, it } from "vitest";
import { fitBounds, fromUnit, project, tilesFor, toUnit, unproject, worldSize } from "./camera.ts";

const MONACO: [number, number, number, number] = [7.4092128, 43.7253151, 7.4388185, 43.7514147];
const NONE = { top: 0, bottom: 0, left: 0, right: 0 };

describe("the picture map's camera", () => {
  it("goes to the unit square and back", () => {
    expect(toUnit(0, 0)).toEqual([0.5, 0.5]);
    const [lon, lat] = fromUnit(...toUnit(112.57, 26.89));
    expect(lon).toBeCloseTo(112.57, 9);
    expect(lat).toBeCloseTo(26.89, 9);
    expect(worldSize(0)).toBe(512);
  });

  it("frames a bounding box inside the free area, as MapLibre's fitBounds", () => {
    const camera = fitBounds(MONACO, 390, 844, NONE, 22);
    // The box touches the sides of the tighter dimension and is centred.
    const [west, south, east, north] = MONACO;
    const [x0] = project(camera, 390, 844, west, north);
    const [x1] = project(camera, 390, 844, east, south);
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(390, 6);
    // ...and fits inside the other, centred.
    const [, top] = project(camera, 390, 844, west, north);
    const [, bottom] = project(camera, 390, 844, east, south);
    expect(top).toBeGreaterThan(0);
    expect(bottom).toBeLessThan(844);
    expect((top + bottom) / 2).toBeCloseTo(422, 6);
    // Padding moves the box to the middle of what is left, and maxZoom caps it.
    const padded = fitBounds(MONACO, 390, 844, { top: 200, bottom: 100, left: 10, right: 10 }, 22);
    const [, y0] = project(padded, 390, 844, west, north);
    const [, y1] = project(padded, 390, 844, east, south);
    expect((y0 + y1) / 2).toBeCloseTo(200 + (844 - 300) / 2, 6);
    expect(fitBounds(MONACO, 390, 844, NONE, 12).zoom).toBe(12);
  });

  it("projects and unprojects through the same camera", () => {
    const camera = { center: [7.4246, 43.7384] as const, zoom: 14.5 };
    const [x, y] = project(camera, 390, 844, 7.43, 43.74);
    const [lon, lat] = unproject(camera, 390, 844, x, y);
    expect(lon).toBeCloseTo(7.43, 9);
    expect(lat).toBeCloseTo(43.74, 9);
    expect(project(camera, 390, 844, 7.4246, 43.7384).map((v) => Math.round(v))).toEqual([195, 422]);
  });

  it("lays the tiles of the camera's zoom over the element, scaled to its fraction, no deeper than the tiles go", () => {
    const camera = { center: [7.4246, 43.7384] as const, zoom: 13.5 };
    const tiles = tilesFor(camera, 390, 844, 14);
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([13]));
    expect(tiles[0]!.size).toBeCloseTo(512 * Math.SQRT2, 6);
    // Together they cover the element.
    expect(Math.min(...tiles.map((t) => t.left))).toBeLessThanOrEqual(0);
    expect(Math.min(...tiles.map((t) => t.top))).toBeLessThanOrEqual(0);
    expect(Math.max(...tiles.map((t) => t.left + t.size))).toBeGreaterThanOrEqual(390);
    expect(Math.max(...tiles.map((t) => t.top + t.size))).toBeGreaterThanOrEqual(844);
    // The tile under the centre holds the centre's point.
    const middle = tiles.find((t) => t.left <= 195 && t.left + t.size > 195 && t.top <= 422 && t.top + t.size > 422)!;
    expect({ x: middle.x, y: middle.y }).toEqual({ x: 4264, y: 2987 });
    // Deeper than the server's tiles: z14 pictures, scaled up.
    const close = tilesFor({ center: camera.center, zoom: 16.2 }, 390, 844, 14);
    expect(close.every((t) => t.z === 14)).toBe(true);
    expect(close[0]!.size).toBeCloseTo(512 * 2 ** 2.2, 6);
  });
});
