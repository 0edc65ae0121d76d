/**
 * Reads the files of a ZIP archive (a GTFS feed) with Node's zlib: the central directory,
 * then each entry stored or deflated. No ZIP64, no encryption: a feed that needs them is
 * refused with a reason. Names are returned without folders (feeds zipped inside a folder
 * are common).
 */
import { inflateRawSync } from "node:zlib";

/** A ZIP the reader cannot open, with why. */
export class ZipFormatError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ZipFormatError";
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's files by base name (lowercase), their bytes inflated on demand. */
export function readZip(bytes: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a ZIP archive (no end of central directory)");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipFormatError("ZIP64 archives are not supported");
  const files = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError("damaged central directory");
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    const base = name.split("/").pop()!.toLowerCase();
    if (base.startsWith(".") || name.startsWith("__MACOSX")) continue;
    files.set(base, () => {
      if ((flags & 1) !== 0) throw new ZipFormatError(`${name} is encrypted`);
      if (bytes.readUInt32LE(local) !== LOCAL) throw new ZipFormatError(`damaged local header of ${name}`);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method !== 8) throw new ZipFormatError(`${name} uses compression method ${method} (only stored and deflate are read)`);
      const out = inflateRawSync(data);
      if (out.length !== size) throw new ZipFormatError(`${name} inflates to ${out.length} bytes, not ${size}`);
      return out;
    });
  }
  return files;
}
