/**
 * A TransitFeed as bytes for the database and back: the plain members as JSON, the typed
 * arrays (stop times, shapes) as raw little-endian chunks after it, all gzipped. Several
 * million stop times fit in a few megabytes and load in well under a second.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { TransitFeed } from "./feed.ts";

const MAGIC = "TXF1";
type Chunk = Int32Array | Float64Array;

/** The feed as gzipped bytes. */
export function encodeFeed(feed: TransitFeed): Buffer {
  const chunks: Chunk[] = [];
  const ref = (a: Chunk) => ({ $chunk: chunks.push(a) - 1, kind: a instanceof Int32Array ? "i32" : "f64" });
  const plain = {
    ...feed,
    stopTimes: { stop: ref(feed.stopTimes.stop), arrival: ref(feed.stopTimes.arrival), departure: ref(feed.stopTimes.departure) },
    shapes: feed.shapes.map(ref),
  };
  const json = Buffer.from(JSON.stringify(plain), "utf8");
  const header = Buffer.alloc(12 + 4 * chunks.length);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(json.length, 4);
  header.writeUInt32LE(chunks.length, 8);
  chunks.forEach((c, i) => header.writeUInt32LE(c.byteLength, 12 + 4 * i));
  const body = [header, json, ...chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))];
  return gzipSync(Buffer.concat(body), { level: 1 });
}
/** The feed back from `encodeFeed`'s bytes. */
export function decodeFeed(bytes: Buffer): TransitFeed {
  const raw = gunzipSync(bytes);
  if (raw.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a stored transit feed");
  const jsonLength = raw.readUInt32LE(4);
  const count = raw.readUInt32LE(8);
  const sizes = Array.from({ length: count }, (_, i) => raw.readUInt32LE(12 + 4 * i));
  let at = 12 + 4 * count;
  const plain = JSON.parse(raw.toString("utf8", at, at + jsonLength)) as Record<string, unknown>;
  at += jsonLength;
  const chunks: Chunk[] = [];
  const kinds: string[] = [];
  const collect = (v: unknown) => kinds.push((v as { kind: string }).kind);
  const st = plain.stopTimes as Record<string, unknown>;
  collect(st.stop); collect(st.arrival); collect(st.departure);
  (plain.shapes as unknown[]).forEach(collect);
  sizes.forEach((size, i) => {
    const copy = raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + size);
    chunks.push(kinds[i] === "i32" ? new Int32Array(copy) : new Float64Array(copy));
    at += size;
  });
  const chunk = (v: unknown) => chunks[(v as { $chunk: number }).$chunk]!;
  return {
    ...(plain as unknown as TransitFeed),
    stopTimes: { stop: chunk(st.stop) as Int32Array, arrival: chunk(st.arrival) as Int32Array, departure: chunk(st.departure) as Int32Array },
    shapes: (plain.shapes as unknown[]).map((s) => chunk(s) as Float64Array),
  };
}
