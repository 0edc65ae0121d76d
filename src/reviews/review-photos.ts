/**
 * Photos attached to reviews. The type is read from the first bytes, not trusted from the
 * request; the image is decoded, turned upright, shrunk to at most PHOTO_MAX_SIDE and
 * re-encoded as JPEG. Re-encoding drops every metadata block (EXIF with GPS position,
 * camera serial, XMP, comments), which is the point: a child's photo must not say where
 * the child lives. Expected failures are values.
 */
import { PHOTO_MAX_SIDE } from "../core/community.ts";
import { oneImageAtATime, uprightImage } from "../platform/image-metadata.ts";

export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export type PhotoResult =
  | { ok: true; data: Buffer; width: number; height: number; mediaType: "image/jpeg" }
  | { ok: false; reason: "not_an_image" | "unreadable" };

/** The image type named by the file's first bytes, or null. */
export function sniffImageType(bytes: Uint8Array): (typeof ACCEPTED_PHOTO_TYPES)[number] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export async function processPhoto(input: Buffer): Promise<PhotoResult> {
  if (!sniffImageType(input)) return { ok: false, reason: "not_an_image" };
  return oneImageAtATime(() => convert(input));
}

async function convert(input: Buffer): Promise<PhotoResult> {
  try {
    const { data, info } = await uprightImage(input)
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, width: info.width, height: info.height, mediaType: "image/jpeg" };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
