import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OsmFormatError } from "./osm-elements.ts";
import { readOsmPbf } from "./osm-pbf-reader.ts";
import { readOsmXml } from "./osm-xml-reader.ts";
import { readOsmFile } from "./read-osm-file.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const MONACO = path.resolve(here, "../../../../shared/data/osm/monaco-2019-09-30.osm.pbf");
const OAKLAND = path.resolve(here, "../../../../shared/data/osm/west-oakland.osm");

const countByType = (elements: Array<{ type: string }>) =>
  elements.reduce<Record<string, number>>((c, e) => ({ ...c, [e.type]: (c[e.type] ?? 0) + 1 }), {});

describe("OSM PBF reader", () => {
  const elements = readOsmFile(MONACO);

  it("reads every element of the Monaco extract", () => {
    expect(countByType(elements)).toEqual({ node: 46_444, way: 3_717, relation: 210 });
  });

  it("decodes positions, tags and way references", () => {
    const nodes = new Map(elements.filter((e) => e.type === "node").map((n) => [n.id, n]));
    const playgrounds = elements.filter((e) => e.tags["leisure"] === "playground");
    expect(playgrounds.length).toBeGreaterThanOrEqual(10);
    const ways = elements.filter((e) => e.type === "way" && e.tags["highway"]);
    let inMonaco = 0;
    for (const way of ways) {
      if (way.type !== "way") continue;
      for (const ref of way.refs) expect(nodes.has(ref)).toBe(true);
      const first = nodes.get(way.refs[0]!)!;
      if (first.lon > 7.40 && first.lon < 7.45 && first.lat > 43.72 && first.lat < 43.76) inMonaco++;
    }
    expect(inMonaco / ways.length).toBeGreaterThan(0.8);
    const relation = elements.find((e) => e.type === "relation" && e.members.length > 0);
    expect(relation?.type === "relation" && ["node", "way", "relation"]).toContain(relation?.type === "relation" ? relation.members[0]!.type : "");
  });

  it("rejects truncated and random bytes with OsmFormatError", () => {
    const data = fs.readFileSync(MONACO);
    expect(() => [...readOsmPbf(data.subarray(0, 5000))]).toThrow(OsmFormatError);
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919) % 251;
    expect(() => [...readOsmPbf(random)]).toThrow(OsmFormatError);
    expect(() => [...readOsmPbf(Buffer.alloc(0))]).toThrow(OsmFormatError);
  });
});

describe("OSM XML reader", () => {
  it("reads the West Oakland sample", () => {
    const counts = countByType(readOsmFile(OAKLAND));
    expect(counts["node"]).toBe(446);
    expect(counts["way"]).toBe(66);
  });

  it.each([
    ['<osm><node id="1" lat="1" lon="2"><tag k="a" v="b"></node></osm>', /close tag/i],
    ['<osm><node id="1" lon="2"/></osm>', /lat/],
    ['<osm><node id="x" lat="1" lon="2"/></osm>', /id/],
    ['<osm><way id="1"><nd ref="abc"/></way></osm>', /ref/],
    ['<html></html>', /osm/i],
  ])("rejects %s, saying where", (xml, message) => {
    let error: unknown;
    try {
      readOsmXml(xml);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OsmFormatError);
    expect((error as OsmFormatError).message).toMatch(message);
    expect((error as OsmFormatError).where).toMatch(/^line \d+$/);
  });

  it("rejects unknown file types", () => {
    expect(() => readOsmFile("city.shp")).toThrow(OsmFormatError);
  });
});
