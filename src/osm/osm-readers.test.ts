import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import Pbf from "pbf";
import { describe, expect, it } from "vitest";
import type { OsmElement, OsmNode } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";
import { readOsmPbf } from "./osm-pbf-reader.ts";
import { readOsmXml } from "./osm-xml-reader.ts";
import { readOsmFile } from "./read-osm-file.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MONACO = path.resolve(repoRoot, "../shared/data/osm/monaco-2019-09-30.osm.pbf");
const OAKLAND = path.resolve(repoRoot, "../shared/data/osm/west-oakland.osm");

const countByType = (elements: OsmElement[]): Record<string, number> =>
  elements.reduce<Record<string, number>>((c, e) => ({ ...c, [e.type]: (c[e.type] ?? 0) + 1 }), {});

/** The error a function throws, so a test can check its class and `where`. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A deterministic stream of bytes, so the random-input tests never flake. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

function message(write: (pbf: Pbf) => void): Uint8Array {
  const pbf = new Pbf();
  write(pbf);
  return pbf.finish().slice();
}

/** One BlobHeader + Blob pair as the PBF format frames it. */
function fileBlock(type: string, payload: Uint8Array, encoding: "raw" | "zlib" | "lzma" = "zlib"): Uint8Array {
  const blob = message((p) => {
    if (encoding === "raw") p.writeBytesField(1, payload);
    else if (encoding === "zlib") p.writeBytesField(3, deflateSync(payload));
    else p.writeBytesField(4, payload);
    p.writeVarintField(2, payload.length);
  });
  const header = message((p) => {
    p.writeStringField(1, type);
    p.writeVarintField(3, blob.length);
  });
  const length = Buffer.alloc(4);
  length.writeInt32BE(header.length);
  return Buffer.concat([length, header, blob]);
}

const headerBlock = (features = ["OsmSchema-V0.6", "DenseNodes"]): Uint8Array =>
  fileBlock("OSMHeader", message((p) => features.forEach((feature) => p.writeStringField(4, feature))));

/**
 * A PrimitiveBlock with one group of each kind, a plain node, scale and offsets, and the
 * string table placed after the groups, which the format allows.
 */
function sampleDataBlock(memberType = 1): Uint8Array {
  const strings = ["", "amenity", "school", "name", "Escola & Co", "outer"];
  const group = (write: (pbf: Pbf) => void) => (_: null, p: Pbf) => write(p);
  return message((p) => {
    p.writeMessage(2, group((g) => g.writeMessage(1, (_: null, n: Pbf) => {
      n.writeSVarintField(1, 7);
      n.writePackedVarint(2, [1]);
      n.writePackedVarint(3, [2]);
      n.writeSVarintField(8, 123);
      n.writeSVarintField(9, -45);
    }, null)), null);
    p.writeMessage(2, group((g) => g.writeMessage(2, (_: null, d: Pbf) => {
      d.writePackedSVarint(1, [100, 1]);
      d.writePackedSVarint(8, [10, 1]);
      d.writePackedSVarint(9, [20, -1]);
      d.writePackedVarint(10, [3, 4, 0, 0]);
    }, null)), null);
    p.writeMessage(2, group((g) => g.writeMessage(3, (_: null, w: Pbf) => {
      w.writeVarintField(1, 10);
      w.writePackedSVarint(8, [7, 93, 1]);
    }, null)), null);
    p.writeMessage(2, group((g) => g.writeMessage(4, (_: null, r: Pbf) => {
      r.writeVarintField(1, 20);
      r.writePackedVarint(2, [1]);
      r.writePackedVarint(3, [2]);
      r.writePackedVarint(8, [0, 5]);
      r.writePackedSVarint(9, [7, 3]);
      r.writePackedVarint(10, [0, memberType]);
    }, null)), null);
    p.writeVarintField(17, 1000);
    p.writeVarintField(19, 1_000_000_000);
    p.writeVarintField(20, -2_000_000_000);
    p.writeMessage(1, (_: null, s: Pbf) => strings.forEach((value) => s.writeStringField(1, value)), null);
  });
}

const sampleFile = (encoding: "raw" | "zlib" = "zlib"): Uint8Array =>
  Buffer.concat([headerBlock(), fileBlock("OSMData", sampleDataBlock(), encoding)]);

/** Where each block of a PBF file starts, read independently of the reader under test. */
function blockOffsets(data: Buffer): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset < data.length;) {
    offsets.push(offset);
    const headerLength = data.readInt32BE(offset);
    const header = new Pbf(data.subarray(offset + 4, offset + 4 + headerLength));
    const size = header.readFields((tag, s: { size: number }, p) => {
      if (tag === 3) s.size = p.readVarint();
    }, { size: 0 }).size;
    offset += 4 + headerLength + size;
  }
  return offsets;
}

describe("OSM PBF reader on the Monaco extract", () => {
  const elements = readOsmFile(MONACO);
  const nodes = new Map(elements.filter((e): e is OsmNode => e.type === "node").map((n) => [n.id, n]));
  const inMonaco = (n: OsmNode | undefined) => !!n && n.lon > 7.40 && n.lon < 7.45 && n.lat > 43.72 && n.lat < 43.76;

  it("reads every element", () => {
    expect(countByType(elements)).toEqual({ node: 46_444, way: 3_717, relation: 210 });
  });

  it("decodes dense node positions and tags", () => {
    expect(nodes.get(21_917_308)).toEqual({
      type: "node", id: 21_917_308, lat: 43.7411261, lon: 7.426149,
      tags: { bus: "yes", name: "Monte-Carlo (TAM)", public_transport: "stop_position" },
    });
    const all = [...nodes.values()];
    expect(all.every((n) => n.lon > 6 && n.lon < 8 && n.lat > 43 && n.lat < 45)).toBe(true);
    expect(all.filter(inMonaco).length).toBeGreaterThan(20_000);
  });

  it("decodes ways whose references all resolve to nodes read", () => {
    const ways = elements.filter((e) => e.type === "way");
    expect(ways.every((w) => w.refs.length >= 2 && w.refs.every((ref) => nodes.has(ref)))).toBe(true);
    const avenue = ways.find((w) => w.id === 4_097_656);
    expect(avenue?.tags).toMatchObject({ highway: "primary", name: "Avenue Princesse Alice" });
    expect(avenue?.refs.slice(0, 3)).toEqual([21_912_089, 1_079_750_744, 2_104_793_864]);
    const streets = ways.filter((w) => w.tags["highway"]);
    expect(streets.filter((w) => inMonaco(nodes.get(w.refs[0]!))).length / streets.length).toBeGreaterThan(0.8);
  });

  it("finds the playgrounds, inside Monaco", () => {
    const playgrounds = elements.filter((e) => e.tags["leisure"] === "playground");
    expect(playgrounds.length).toBeGreaterThanOrEqual(10);
    for (const playground of playgrounds) {
      const at = playground.type === "node" ? playground : playground.type === "way" ? nodes.get(playground.refs[0]!) : undefined;
      expect(inMonaco(at)).toBe(true);
    }
  });

  it("decodes relations with typed members and roles", () => {
    const country = elements.find((e) => e.type === "relation" && e.id === 1_124_039);
    expect(country?.tags).toMatchObject({ boundary: "administrative", admin_level: "2", name: "Monaco", "name:zh": "摩纳哥" });
    expect(country?.type === "relation" && country.members.length).toBe(15);
    const members = elements.flatMap((e) => (e.type === "relation" ? e.members : []));
    expect(new Set(members.map((m) => m.type))).toEqual(new Set(["node", "way", "relation"]));
    expect(members.some((m) => m.role === "outer")).toBe(true);
  });
});

describe("OSM PBF reader on crafted and broken files", () => {
  it("decodes plain nodes, dense nodes, ways and relations with scale and offsets", () => {
    const elements = [...readOsmPbf(sampleFile())];
    expect(elements.map((e) => `${e.type} ${e.id}`)).toEqual(["node 7", "node 100", "node 101", "way 10", "relation 20"]);
    const [plain, dense, denser, way, relation] = elements;
    expect(plain).toMatchObject({ tags: { amenity: "school" } });
    expect(plain?.type === "node" && [plain.lat, plain.lon]).toEqual([1.000123, -2.000045]);
    expect(dense).toEqual({ type: "node", id: 100, lat: 1.00001, lon: -1.99998, tags: { name: "Escola & Co" } });
    expect(denser).toEqual({ type: "node", id: 101, lat: 1.000011, lon: -1.999981, tags: {} });
    expect(way).toEqual({ type: "way", id: 10, refs: [7, 100, 101], tags: {} });
    expect(relation).toEqual({
      type: "relation", id: 20, tags: { amenity: "school" },
      members: [{ type: "node", ref: 7, role: "" }, { type: "way", ref: 10, role: "outer" }],
    });
    expect([...readOsmPbf(sampleFile("raw"))]).toEqual(elements);
  });

  it.each([
    ["lzma compression", () => Buffer.concat([headerBlock(), fileBlock("OSMData", sampleDataBlock(), "lzma")]), /lzma/],
    ["an unsupported required feature", () => Buffer.concat([headerBlock(["OsmSchema-V0.6", "HistoricalInformation"])]), /HistoricalInformation/],
    ["data before the header", () => fileBlock("OSMData", sampleDataBlock()), /OSMHeader/],
    ["an unknown member type", () => Buffer.concat([headerBlock(), fileBlock("OSMData", sampleDataBlock(9))]), /member type 9/],
    ["an empty file", () => new Uint8Array(0), /empty/],
  ])("rejects %s", (_, build, text) => {
    const error = thrown(() => [...readOsmPbf(build())]);
    expect(error).toBeInstanceOf(OsmFormatError);
    expect((error as OsmFormatError).message).toMatch(text);
  });

  it("rejects a file truncated inside any block, naming that block, after yielding the whole blocks before it", () => {
    const data = fs.readFileSync(MONACO);
    const offsets = blockOffsets(data);
    expect(offsets).toHaveLength(9);
    let yieldedBefore = -1;
    offsets.forEach((start, block) => {
      const end = offsets[block + 1] ?? data.length;
      const yielded = [start + 2, Math.floor((start + end) / 2), end - 1].map((cut) => {
        let count = 0;
        const error = thrown(() => {
          for (const _ of readOsmPbf(data.subarray(0, cut))) count++;
        });
        expect(error).toBeInstanceOf(OsmFormatError);
        expect((error as OsmFormatError).where).toBe(`block ${block} at byte ${start}`);
        return count;
      });
      expect(new Set(yielded).size).toBe(1);
      if (block < 2) expect(yielded[0]).toBe(0);
      else expect(yielded[0]!).toBeGreaterThan(yieldedBefore);
      yieldedBefore = yielded[0]!;
    });
  });

  it("rejects random bytes", () => {
    for (const seed of [1, 2, 3, 42]) {
      expect(() => [...readOsmPbf(pseudoRandomBytes(4096, seed))]).toThrow(OsmFormatError);
    }
  });

  it("never fails with anything but OsmFormatError when any byte of a raw file is corrupted", () => {
    const file = sampleFile("raw");
    for (let i = 0; i < file.length; i++) {
      for (const value of [0x00, 0x01, 0x7f, 0x80, 0xff, file[i]! ^ 0x08]) {
        const corrupt = Uint8Array.from(file);
        corrupt[i] = value;
        const error = thrown(() => [...readOsmPbf(corrupt)]);
        if (error !== undefined) expect(error).toBeInstanceOf(OsmFormatError);
      }
    }
  });
});

describe("OSM XML reader", () => {
  it("reads the West Oakland sample, across parser chunks", () => {
    const elements = readOsmFile(OAKLAND);
    expect(countByType(elements)).toEqual({ node: 446, way: 66, relation: 23 });
    const nodeIds = new Set(elements.filter((e) => e.type === "node").map((n) => n.id));
    expect(elements.every((e) => e.type !== "way" || e.refs.every((ref) => nodeIds.has(ref)))).toBe(true);
    expect(elements.find((e) => e.tags["name"] === "Esther's Orbit Room" && e.tags["alt_name"])?.tags["alt_name"])
      .toBe("Esther's Breakfast Club & Cocktail Lounge");
  });

  it("reads nodes, ways and relations and ignores everything else", () => {
    const xml = `<?xml version="1.0"?>
<osm version="0.6"><bounds minlat="1" minlon="2" maxlat="3" maxlon="4"/>
  <node id="1" lat="37.5" lon="-122.25" version="2"><tag k="amenity" v="school"/></node>
  <node id="-2" lat="0" lon="0"/>
  <way id="3"><nd ref="1"/><nd ref="-2"/><tag k="name" v="A &amp; B"/></way>
  <relation id="4"><member type="way" ref="3" role="outer"/><member type="node" ref="1"/></relation>
  <changeset id="9"><tag k="comment" v="ignored"/></changeset>
</osm>`;
    expect([...readOsmXml(xml)]).toEqual([
      { type: "node", id: 1, lat: 37.5, lon: -122.25, tags: { amenity: "school" } },
      { type: "node", id: -2, lat: 0, lon: 0, tags: {} },
      { type: "way", id: 3, refs: [1, -2], tags: { name: "A & B" } },
      { type: "relation", id: 4, tags: {}, members: [{ type: "way", ref: 3, role: "outer" }, { type: "node", ref: 1, role: "" }] },
    ]);
  });

  it.each([
    ['<node id="1" lat="1" lon="2"><tag k="a" v="b"></node>', /close tag/i],
    ['<node id="1" lon="2"/>', /lat/],
    ['<node id="1" lat="91" lon="2"/>', /lat/],
    ['<node id="x" lat="1" lon="2"/>', /id/],
    ['<way id="1"><nd ref="abc"/></way>', /ref/],
    ['<relation id="1"><member type="area" ref="2"/></relation>', /member type/],
  ])("rejects %s, saying on which line", (body, text) => {
    const error = thrown(() => [...readOsmXml(`<?xml version="1.0"?>\n<osm version="0.6">\n${body}\n</osm>\n`)]);
    expect(error).toBeInstanceOf(OsmFormatError);
    expect((error as OsmFormatError).message).toMatch(text);
    expect((error as OsmFormatError).where).toMatch(/^line 3, column \d+$/);
  });

  it("rejects truncated XML and XML that is not OSM", () => {
    expect(() => [...readOsmXml('<osm version="0.6">\n<node id="1" lat="1" lon="2">')]).toThrow(/unclosed/i);
    expect(() => [...readOsmXml("<html><body/></html>")]).toThrow(/not an OSM XML file/);
    expect(() => [...readOsmXml("")]).toThrow(OsmFormatError);
  });
});

describe("readOsmFile", () => {
  it("rejects unknown file types", () => {
    expect(() => readOsmFile("city.shp")).toThrow(OsmFormatError);
  });
});
