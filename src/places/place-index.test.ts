import { describe, expect, it } from "vitest";
import { distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import { PlaceIndex } from "./place-index.ts";

function place(id: string, lon: number, lat: number, extra: Partial<Place> = {}): Place {
  return {
    id, regionId: "test", name: { zh: id, en: null, pinyin: null, alt: [] }, categories: ["play"], kind: "playground",
    facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null,
    communityCode: null, demonstration: null, lon, lat, precision: "exact", locationNote: null,
    provenance: { source: "test", licence: "test", sourceId: null, importedAt: "2026-01-01T00:00:00.000Z" },
    updatedAt: "2026-01-01T00:00:00.000Z", ...extra,
  };
}

function randomPlaces(n: number): Place[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) =>
    place(`p${i}`, 112.5 + random() * 0.2, 26.8 + random() * 0.2, {
      categories: i % 3 === 0 ? ["sport"] : ["play"],
      facilities: i % 4 === 0 ? ["toilets", "shade"] : ["shade"],
      ageMin: i % 5 === 0 ? 6 : null,
      ageMax: i % 5 === 0 ? 12 : null,
    }));
}

describe("PlaceIndex", () => {
  const places = randomPlaces(2000);
  const index = new PlaceIndex(places);

  it("finds exactly the places a plain scan finds in a bbox with filters", () => {
    const bbox: [number, number, number, number] = [112.55, 26.85, 112.62, 26.93];
    const { places: found } = index.inBBox(bbox, { categories: ["play"], facilities: ["toilets"], age: 4 }, 5000);
    const expected = places.filter((p) =>
      p.lon >= bbox[0] && p.lon <= bbox[2] && p.lat >= bbox[1] && p.lat <= bbox[3] &&
      p.categories.includes("play") && p.facilities.includes("toilets") && (p.ageMin ?? 0) <= 4 && (p.ageMax ?? 99) >= 4);
    expect(found.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(found.length).toBeGreaterThan(0);
  });

  it("returns the k nearest like a sorted scan does", () => {
    const here: [number, number] = [112.6, 26.9];
    const hits = index.nearby(here[0], here[1], 10, 50_000, { categories: ["sport"] });
    const expected = places.filter((p) => p.categories.includes("sport"))
      .map((p) => ({ id: p.id, d: distanceMeters(here, [p.lon, p.lat]) }))
      .sort((a, b) => a.d - b.d).slice(0, 10);
    expect(hits.map((h) => h.place.id)).toEqual(expected.map((e) => e.id));
    expect(hits[0]!.distanceM).toBeCloseTo(expected[0]!.d, 0);
  });

  it("truncates at the limit and says so", () => {
    const result = index.inBBox([112, 26, 113, 27], {}, 10);
    expect(result.places).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it("works when empty", () => {
    const empty = new PlaceIndex([]);
    expect(empty.nearby(0, 0, 5, 1000)).toEqual([]);
    expect(empty.inBBox([-1, -1, 1, 1], {}, 10).places).toEqual([]);
  });
});
