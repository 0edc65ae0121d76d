import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { placeSchema } from "../../core/place.ts";
import { placesFromOsm } from "./osm-places.ts";
import { readOsmFile } from "../../osm/index.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const MONACO = path.resolve(here, "../../../../shared/data/osm/monaco-2019-09-30.osm.pbf");
const OAKLAND = path.resolve(here, "../../../../shared/data/osm/west-oakland.osm");
const context = { regionId: "monaco", source: "OpenStreetMap test", licence: "ODbL 1.0", importedAt: "2026-11-28T00:00:00.000Z" };

describe("places from the real Monaco extract", () => {
  const { places, notices } = placesFromOsm(readOsmFile(MONACO), context);

  it("finds the playgrounds, parks, schools and hospitals the extract holds", () => {
    const count = (kind: string) => places.filter((p) => p.kind === kind).length;
    expect(count("playground")).toBeGreaterThanOrEqual(10);
    expect(count("park")).toBeGreaterThanOrEqual(10);
    expect(count("school")).toBeGreaterThanOrEqual(5);
    expect(count("hospital")).toBeGreaterThanOrEqual(1);
  });

  it("produces only places that pass the place schema, inside Monaco", () => {
    for (const place of places) {
      expect(placeSchema.safeParse(place).success).toBe(true);
      expect(place.lon).toBeGreaterThan(7.39);
      expect(place.lon).toBeLessThan(7.45);
      expect(place.lat).toBeGreaterThan(43.72);
      expect(place.lat).toBeLessThan(43.76);
    }
  });

  it("gives every place a unique id naming its OSM element", () => {
    const ids = places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^osm:[nwr]\d+$/);
  });

  it("names unnamed playgrounds after their kind in both languages", () => {
    const unnamed = places.find((p) => p.kind === "playground" && p.name.zh === "游乐场");
    expect(unnamed?.name.en).toBe("Playground");
  });

  it("reports problems as notices rather than failing the import", () => {
    for (const notice of notices) expect(notice.element).toMatch(/^(node|way|relation)\/\d+$/);
  });
});

describe("places from OSM XML (West Oakland)", () => {
  it("finds the school, the playground and the park", () => {
    const { places } = placesFromOsm(readOsmFile(OAKLAND), { ...context, regionId: "oakland" });
    const kinds = places.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(["school", "playground", "park"]));
  });
});
