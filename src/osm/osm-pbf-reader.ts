/**
 * Reads the OpenStreetMap PBF format (https://wiki.openstreetmap.org/wiki/PBF_Format):
 * length-prefixed BlobHeader + Blob pairs, raw or zlib, holding one OSMHeader and then
 * PrimitiveBlocks of nodes, dense nodes, ways and relations. Hand-written on `pbf` because
 * the OSM readers on npm carry outdated dependencies. Every length is checked against the
 * message holding it, so truncated or corrupt input fails as OsmFormatError instead of
 * yielding garbage; a whole block is decoded before any of its elements is yielded.
 */
import { inflateSync } from "node:zlib";
import Pbf from "pbf";
import type { OsmElement, OsmMember, OsmTags } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";

const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
const SUPPORTED_FEATURES = new Set(["OsmSchema-V0.6", "DenseNodes"]);
const UNSUPPORTED_COMPRESSIONS: Record<number, string> = { 4: "lzma", 5: "bzip2", 6: "lz4", 7: "zstd" };
const MEMBER_TYPES = ["node", "way", "relation"] as const;
const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
const utf8 = new TextDecoder("utf-8", { fatal: true });

type FieldReader<T> = (tag: number, result: T, pbf: Pbf) => void;

/** Reads the length of a length-delimited field and returns where it ends, if in bounds. */
function fieldEnd(pbf: Pbf): number {
  if (pbf.type !== WIRE_BYTES) throw new Error(`wire type ${pbf.type} where bytes were expected`);
  const end = pbf.readVarint() + pbf.pos;
  if (end > pbf.length) throw new Error("a field runs past the end of its block");
  return end;
}

/** Reads the fields of a message from `pbf.pos` to `end`, which must land exactly on `end`. */
function readFieldsTo<T>(pbf: Pbf, readField: FieldReader<T>, result: T, end: number): T {
  pbf.readFields(readField, result, end);
  if (pbf.pos !== end) throw new Error("a field runs past the end of its message");
  return result;
}

function readMessage<T>(pbf: Pbf, readField: FieldReader<T>, result: T): T {
  return readFieldsTo(pbf, readField, result, fieldEnd(pbf));
}

function readBytes(pbf: Pbf): Uint8Array {
  const end = fieldEnd(pbf);
  const bytes = pbf.buf.subarray(pbf.pos, end);
  pbf.pos = end;
  return bytes;
}

function readText(pbf: Pbf): string {
  const bytes = readBytes(pbf);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error("a string is not valid UTF-8");
  }
}

function readVarint(pbf: Pbf): number {
  if (pbf.type !== WIRE_VARINT) throw new Error(`wire type ${pbf.type} where a number was expected`);
  return pbf.readVarint(true);
}

function readSVarint(pbf: Pbf): number {
  if (pbf.type !== WIRE_VARINT) throw new Error(`wire type ${pbf.type} where a number was expected`);
  return pbf.readSVarint();
}

/** Appends a repeated integer field, packed or not; zigzag for sint32/sint64. */
function readPacked(pbf: Pbf, values: number[], zigzag: boolean): void {
  if (pbf.type === WIRE_VARINT) {
    values.push(zigzag ? pbf.readSVarint() : pbf.readVarint(true));
    return;
  }
  const end = fieldEnd(pbf);
  while (pbf.pos < end) values.push(zigzag ? pbf.readSVarint() : pbf.readVarint(true));
  if (pbf.pos !== end) throw new Error("a packed number runs past the end of its field");
}

interface BlobFields { raw?: Uint8Array; zlib?: Uint8Array; rawSize: number; compression?: string }

/** Returns the uncompressed bytes of a Blob message. */
function unpackBlob(bytes: Uint8Array): Uint8Array {
  const blob = readFieldsTo(new Pbf(bytes), (tag, b: BlobFields, pbf) => {
    if (tag === 1) b.raw = readBytes(pbf);
    else if (tag === 2) b.rawSize = readVarint(pbf);
    else if (tag === 3) b.zlib = readBytes(pbf);
    else if (UNSUPPORTED_COMPRESSIONS[tag]) b.compression = UNSUPPORTED_COMPRESSIONS[tag];
  }, { rawSize: -1 }, bytes.length);
  const data = blob.raw ?? (blob.zlib && inflateSync(blob.zlib, { maxOutputLength: MAX_BLOB_BYTES }));
  if (!data) {
    throw new Error(blob.compression ? `${blob.compression} compression is not supported; recompress with zlib` : "the blob holds no data");
  }
  if (data.length > MAX_BLOB_BYTES) throw new Error(`the blob holds ${data.length} bytes, over the limit of ${MAX_BLOB_BYTES}`);
  if (blob.rawSize >= 0 && blob.rawSize !== data.length) throw new Error(`the blob holds ${data.length} bytes but says ${blob.rawSize}`);
  return data;
}

function checkHeaderBlock(data: Uint8Array): void {
  const required = readFieldsTo(new Pbf(data), (tag, list: string[], pbf) => {
    if (tag === 4) list.push(readText(pbf));
  }, [], data.length);
  const unsupported = required.filter((feature) => !SUPPORTED_FEATURES.has(feature));
  if (unsupported.length > 0) throw new Error(`the file requires features we do not support: ${unsupported.join(", ")}`);
}

/** What the elements of a PrimitiveBlock need to decode: strings and the coordinate scale. */
interface BlockContext { strings: string[]; granularity: number; latOffset: number; lonOffset: number; out: OsmElement[] }

function stringAt(c: BlockContext, index: number | undefined): string {
  const value = index === undefined ? undefined : c.strings[index];
  if (value === undefined) throw new Error(`string index ${String(index)} is outside the string table`);
  return value;
}

function tagsOf(c: BlockContext, keys: number[], values: number[], what: string): OsmTags {
  if (keys.length !== values.length) throw new Error(`${what}: ${keys.length} tag keys but ${values.length} values`);
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[stringAt(c, keys[i])] = stringAt(c, values[i]);
  return tags;
}

/** Converts raw coordinates into degrees, rejecting positions outside the globe. */
function pushNode(c: BlockContext, id: number, rawLat: number, rawLon: number, tags: OsmTags): void {
  const lat = (c.latOffset + c.granularity * rawLat) / 1e9;
  const lon = (c.lonOffset + c.granularity * rawLon) / 1e9;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new Error(`node ${id} lies outside the globe: ${lat}, ${lon}`);
  c.out.push({ type: "node", id, lat, lon, tags });
}

function readNode(pbf: Pbf, c: BlockContext): void {
  const n = readMessage(pbf, (tag, r, p) => {
    if (tag === 1) r.id = readSVarint(p);
    else if (tag === 2) readPacked(p, r.keys, false);
    else if (tag === 3) readPacked(p, r.values, false);
    else if (tag === 8) r.lat = readSVarint(p);
    else if (tag === 9) r.lon = readSVarint(p);
  }, { id: NaN, lat: NaN, lon: NaN, keys: [] as number[], values: [] as number[] });
  const what = `node ${n.id}`;
  if (Number.isNaN(n.id) || Number.isNaN(n.lat) || Number.isNaN(n.lon)) throw new Error(`${what} lacks an id or a position`);
  pushNode(c, n.id, n.lat, n.lon, tagsOf(c, n.keys, n.values, what));
}

/** Dense nodes: ids, lats and lons delta-coded; tags as key, value, ..., 0 per node. */
function readDenseNodes(pbf: Pbf, c: BlockContext): void {
  const d = readMessage(pbf, (tag, r, p) => {
    if (tag === 1) readPacked(p, r.ids, true);
    else if (tag === 8) readPacked(p, r.lats, true);
    else if (tag === 9) readPacked(p, r.lons, true);
    else if (tag === 10) readPacked(p, r.keysValues, false);
  }, { ids: [] as number[], lats: [] as number[], lons: [] as number[], keysValues: [] as number[] });
  const { ids, lats, lons, keysValues } = d;
  if (lats.length !== ids.length || lons.length !== ids.length) throw new Error("dense nodes: id, lat and lon counts differ");
  const tagged = keysValues.length > 0;
  let id = 0, lat = 0, lon = 0, kv = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i]!;
    lat += lats[i]!;
    lon += lons[i]!;
    const tags: OsmTags = {};
    while (tagged && keysValues[kv] !== 0) {
      if (kv + 1 >= keysValues.length) throw new Error(`node ${id}: the dense tags run out before the last node`);
      tags[stringAt(c, keysValues[kv])] = stringAt(c, keysValues[kv + 1]);
      kv += 2;
    }
    if (tagged) kv++;
    pushNode(c, id, lat, lon, tags);
  }
  if (kv !== keysValues.length) throw new Error("dense nodes: more tags than nodes");
}

function readWay(pbf: Pbf, c: BlockContext): void {
  const w = readMessage(pbf, (tag, r, p) => {
    if (tag === 1) r.id = readVarint(p);
    else if (tag === 2) readPacked(p, r.keys, false);
    else if (tag === 3) readPacked(p, r.values, false);
    else if (tag === 8) readPacked(p, r.refs, true);
  }, { id: NaN, keys: [] as number[], values: [] as number[], refs: [] as number[] });
  if (Number.isNaN(w.id)) throw new Error("a way lacks an id");
  let ref = 0;
  const refs = w.refs.map((delta) => (ref += delta));
  c.out.push({ type: "way", id: w.id, refs, tags: tagsOf(c, w.keys, w.values, `way ${w.id}`) });
}

function readRelation(pbf: Pbf, c: BlockContext): void {
  const r = readMessage(pbf, (tag, o, p) => {
    if (tag === 1) o.id = readVarint(p);
    else if (tag === 2) readPacked(p, o.keys, false);
    else if (tag === 3) readPacked(p, o.values, false);
    else if (tag === 8) readPacked(p, o.roles, false);
    else if (tag === 9) readPacked(p, o.memberIds, true);
    else if (tag === 10) readPacked(p, o.types, false);
  }, { id: NaN, keys: [] as number[], values: [] as number[], roles: [] as number[], memberIds: [] as number[], types: [] as number[] });
  const what = `relation ${r.id}`;
  if (Number.isNaN(r.id)) throw new Error("a relation lacks an id");
  if (r.roles.length !== r.memberIds.length || r.types.length !== r.memberIds.length) throw new Error(`${what}: member ids, roles and types counts differ`);
  let ref = 0;
  const members = r.memberIds.map((delta, i): OsmMember => {
    const type = MEMBER_TYPES[r.types[i]!];
    if (!type) throw new Error(`${what}: unknown member type ${r.types[i]}`);
    return { type, ref: (ref += delta), role: stringAt(c, r.roles[i]) };
  });
  c.out.push({ type: "relation", id: r.id, members, tags: tagsOf(c, r.keys, r.values, what) });
}

function readGroup(pbf: Pbf, c: BlockContext, end: number): void {
  readFieldsTo(pbf, (tag, ctx, p) => {
    if (tag === 1) readNode(p, ctx);
    else if (tag === 2) readDenseNodes(p, ctx);
    else if (tag === 3) readWay(p, ctx);
    else if (tag === 4) readRelation(p, ctx);
  }, c, end);
}

/** Decodes a PrimitiveBlock into its elements, in file order. */
function readPrimitiveBlock(data: Uint8Array): OsmElement[] {
  const pbf = new Pbf(data);
  const c: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, out: [] };
  const groups: Array<[number, number]> = [];
  // The string table and scale may follow the groups in the bytes, so note where the groups
  // are and decode them once everything they depend on is known.
  readFieldsTo(pbf, (tag, ctx, p) => {
    if (tag === 1) readMessage(p, (t, strings: string[], q) => {
      if (t === 1) strings.push(readText(q));
    }, ctx.strings);
    else if (tag === 2) {
      const end = fieldEnd(p);
      groups.push([p.pos, end]);
      p.pos = end;
    } else if (tag === 17) ctx.granularity = readVarint(p);
    else if (tag === 19) ctx.latOffset = readVarint(p);
    else if (tag === 20) ctx.lonOffset = readVarint(p);
  }, c, data.length);
  if (!(c.granularity > 0)) throw new Error(`granularity must be positive, got ${c.granularity}`);
  for (const [start, end] of groups) {
    pbf.pos = start;
    readGroup(pbf, c, end);
  }
  return c.out;
}

/** Reads one BlobHeader + Blob pair at `offset`; returns its type, payload and where it ends. */
function readFileBlock(data: Uint8Array, offset: number): { type: string; payload: Uint8Array; next: number } {
  if (offset + 4 > data.length) throw new Error("the file ends inside a block length");
  const headerLength = new DataView(data.buffer, data.byteOffset + offset, 4).getInt32(0);
  const headerStart = offset + 4;
  const blobStart = headerStart + headerLength;
  if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) throw new Error(`bad block header length ${headerLength}`);
  if (blobStart > data.length) throw new Error("the file ends inside a block header");
  const header = readFieldsTo(new Pbf(data.subarray(headerStart, blobStart)), (tag, h, pbf) => {
    if (tag === 1) h.type = readText(pbf);
    else if (tag === 3) h.size = readVarint(pbf);
  }, { type: "", size: -1 }, headerLength);
  if (header.type === "" || header.size < 0) throw new Error("the block header lacks a type or a size");
  if (header.size > MAX_BLOB_BYTES) throw new Error(`the block is ${header.size} bytes, over the limit of ${MAX_BLOB_BYTES}`);
  const next = blobStart + header.size;
  if (next > data.length) throw new Error("the file ends inside a block");
  return { type: header.type, payload: unpackBlob(data.subarray(blobStart, next)), next };
}

/**
 * Yields every element of an OSM PBF file in file order. Throws OsmFormatError, with
 * `where` naming the block and its byte offset, when the data is truncated or malformed, is
 * compressed other than with zlib, or requires features beyond OsmSchema-V0.6 and DenseNodes.
 */
export function* readOsmPbf(data: Uint8Array): Generator<OsmElement> {
  if (data.length === 0) throw new OsmFormatError("the file is empty", "block 0 at byte 0");
  let offset = 0;
  for (let block = 0; offset < data.length; block++) {
    const where = `block ${block} at byte ${offset}`;
    let elements: OsmElement[];
    try {
      const { type, payload, next } = readFileBlock(data, offset);
      if (block === 0 && type !== "OSMHeader") throw new Error("the file does not start with an OSMHeader block");
      if (block > 0 && type === "OSMHeader") throw new Error("a second OSMHeader block");
      if (type === "OSMHeader") checkHeaderBlock(payload);
      elements = type === "OSMData" ? readPrimitiveBlock(payload) : [];
      offset = next;
    } catch (error) {
      throw new OsmFormatError(error instanceof Error ? error.message : String(error), where);
    }
    yield* elements;
  }
}
