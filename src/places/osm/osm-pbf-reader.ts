/**
 * Reads the OpenStreetMap PBF format (https://wiki.openstreetmap.org/wiki/PBF_Format):
 * length-prefixed BlobHeader + Blob pairs, zlib or raw, holding an OSMHeader and then
 * PrimitiveBlocks of nodes, dense nodes, ways and relations. Written on `pbf` because the
 * OSM libraries on npm carry outdated dependencies; about a second for a city extract.
 */
import { inflateSync } from "node:zlib";
import Pbf from "pbf";
import type { OsmElement, OsmMember, OsmTags } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";

const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
const SUPPORTED_FEATURES = new Set(["OsmSchema-V0.6", "DenseNodes", "HistoricalInformation"]);
const MEMBER_TYPES = ["node", "way", "relation"] as const;

interface Blob { raw?: Uint8Array; zlib?: Uint8Array; rawSize: number; other?: string }

function readBlob(bytes: Uint8Array): Uint8Array {
  const blob = new Pbf(bytes).readFields<Blob>((tag, b, pbf) => {
    if (tag === 1) b.raw = pbf.readBytes();
    else if (tag === 2) b.rawSize = pbf.readVarint();
    else if (tag === 3) b.zlib = pbf.readBytes();
    else if (tag === 4) b.other = "lzma";
    else if (tag === 6) b.other = "bzip2";
    else if (tag === 7) b.other = "lz4";
    else if (tag === 8) b.other = "zstd";
  }, { rawSize: 0 });
  if (blob.raw) return blob.raw;
  if (blob.zlib) return inflateSync(blob.zlib, { maxOutputLength: MAX_BLOB_BYTES });
  throw new Error(blob.other ? `${blob.other} compression is not supported; use zlib` : "blob holds no data");
}

function checkHeader(data: Uint8Array): void {
  const required: string[] = [];
  new Pbf(data).readFields((tag, list: string[], pbf) => {
    if (tag === 4) list.push(pbf.readString());
  }, required);
  const unsupported = required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (unsupported.length > 0) throw new Error(`required features not supported: ${unsupported.join(", ")}`);
}

function tagsOf(keys: number[], values: number[], strings: string[]): OsmTags {
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i]!] ?? ""] = strings[values[i]!] ?? "";
  return tags;
}

interface BlockContext { strings: string[]; granularity: number; latOffset: number; lonOffset: number; out: OsmElement[] }

function readDense(pbf: Pbf, c: BlockContext): void {
  const d = { ids: [] as number[], lats: [] as number[], lons: [] as number[], keysVals: [] as number[] };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) p.readPackedSVarint(r.ids);
    else if (tag === 8) p.readPackedSVarint(r.lats);
    else if (tag === 9) p.readPackedSVarint(r.lons);
    else if (tag === 10) p.readPackedVarint(r.keysVals);
  }, d);
  if (d.lats.length !== d.ids.length || d.lons.length !== d.ids.length) throw new Error("dense nodes: id, lat and lon counts differ");
  let id = 0, lat = 0, lon = 0, kv = 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i]!;
    lat += d.lats[i]!;
    lon += d.lons[i]!;
    const tags: OsmTags = {};
    while (kv < d.keysVals.length && d.keysVals[kv] !== 0) {
      tags[c.strings[d.keysVals[kv]!] ?? ""] = c.strings[d.keysVals[kv + 1]!] ?? "";
      kv += 2;
    }
    kv++;
    c.out.push({ type: "node", id, lat: 1e-9 * (c.latOffset + c.granularity * lat), lon: 1e-9 * (c.lonOffset + c.granularity * lon), tags });
  }
}

function readNode(pbf: Pbf, c: BlockContext): void {
  const n = { id: 0, lat: 0, lon: 0, keys: [] as number[], vals: [] as number[] };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) r.id = p.readSVarint();
    else if (tag === 2) p.readPackedVarint(r.keys);
    else if (tag === 3) p.readPackedVarint(r.vals);
    else if (tag === 8) r.lat = p.readSVarint();
    else if (tag === 9) r.lon = p.readSVarint();
  }, n);
  c.out.push({ type: "node", id: n.id, lat: 1e-9 * (c.latOffset + c.granularity * n.lat), lon: 1e-9 * (c.lonOffset + c.granularity * n.lon), tags: tagsOf(n.keys, n.vals, c.strings) });
}

function readWay(pbf: Pbf, c: BlockContext): void {
  const w = { id: 0, keys: [] as number[], vals: [] as number[], refs: [] as number[] };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) r.id = p.readVarint();
    else if (tag === 2) p.readPackedVarint(r.keys);
    else if (tag === 3) p.readPackedVarint(r.vals);
    else if (tag === 8) p.readPackedSVarint(r.refs);
  }, w);
  let ref = 0;
  const refs = w.refs.map((delta) => (ref += delta));
  c.out.push({ type: "way", id: w.id, refs, tags: tagsOf(w.keys, w.vals, c.strings) });
}

function readRelation(pbf: Pbf, c: BlockContext): void {
  const r0 = { id: 0, keys: [] as number[], vals: [] as number[], roles: [] as number[], memids: [] as number[], types: [] as number[] };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) r.id = p.readVarint();
    else if (tag === 2) p.readPackedVarint(r.keys);
    else if (tag === 3) p.readPackedVarint(r.vals);
    else if (tag === 8) p.readPackedVarint(r.roles);
    else if (tag === 9) p.readPackedSVarint(r.memids);
    else if (tag === 10) p.readPackedVarint(r.types);
  }, r0);
  let ref = 0;
  const members: OsmMember[] = r0.memids.map((delta, i) => {
    const type = MEMBER_TYPES[r0.types[i] ?? -1];
    if (!type) throw new Error(`relation ${r0.id}: unknown member type`);
    return { type, ref: (ref += delta), role: c.strings[r0.roles[i] ?? 0] ?? "" };
  });
  c.out.push({ type: "relation", id: r0.id, members, tags: tagsOf(r0.keys, r0.vals, c.strings) });
}

function readPrimitiveBlock(data: Uint8Array): OsmElement[] {
  const pbf = new Pbf(data);
  const c: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, out: [] };
  const groups: Array<[number, number]> = [];
  // The string table and scales may follow the groups in the bytes, so find the groups
  // first and decode them once everything they depend on is known.
  pbf.readFields((tag, ctx, p) => {
    if (tag === 1) {
      p.readMessage((t, strings: string[], q) => {
        if (t === 1) strings.push(new TextDecoder().decode(q.readBytes()));
      }, ctx.strings);
    } else if (tag === 2) {
      const length = p.readVarint();
      groups.push([p.pos, p.pos + length]);
      p.pos += length;
    } else if (tag === 17) ctx.granularity = p.readVarint();
    else if (tag === 19) ctx.latOffset = p.readVarint(true);
    else if (tag === 20) ctx.lonOffset = p.readVarint(true);
  }, c);
  for (const [start, end] of groups) {
    pbf.pos = start;
    pbf.readFields((tag, ctx, p) => {
      if (tag === 1) readNode(p, ctx);
      else if (tag === 2) readDense(p, ctx);
      else if (tag === 3) readWay(p, ctx);
      else if (tag === 4) readRelation(p, ctx);
    }, c, end);
  }
  return c.out;
}

/** Yields every element of a PBF file in file order; throws OsmFormatError on bad data. */
export function* readOsmPbf(data: Uint8Array): Generator<OsmElement> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  let block = 0;
  while (offset < data.length) {
    const where = `block ${block} at byte ${offset}`;
    if (offset + 4 > data.length) throw new OsmFormatError("file ends inside a block length", where);
    const headerLength = view.getInt32(offset);
    if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || offset + 4 + headerLength > data.length) {
      throw new OsmFormatError(`bad block header length ${headerLength}`, where);
    }
    let elements: OsmElement[];
    try {
      const header = new Pbf(data.subarray(offset + 4, offset + 4 + headerLength)).readFields<{ type: string; size: number }>((tag, h, pbf) => {
        if (tag === 1) h.type = pbf.readString();
        else if (tag === 3) h.size = pbf.readVarint();
      }, { type: "", size: -1 });
      const start = offset + 4 + headerLength;
      if (header.size < 0 || header.size > MAX_BLOB_BYTES || start + header.size > data.length) throw new Error(`bad blob size ${header.size}`);
      const payload = readBlob(data.subarray(start, start + header.size));
      offset = start + header.size;
      if (header.type === "OSMHeader") {
        if (block !== 0) throw new Error("OSMHeader after the first block");
        checkHeader(payload);
        elements = [];
      } else if (header.type === "OSMData") {
        if (block === 0) throw new Error("the file does not start with an OSMHeader");
        elements = readPrimitiveBlock(payload);
      } else elements = [];
    } catch (error) {
      if (error instanceof OsmFormatError) throw error;
      throw new OsmFormatError((error as Error).message, where);
    }
    block++;
    yield* elements;
  }
  if (block === 0) throw new OsmFormatError("the file is empty", "start");
}
