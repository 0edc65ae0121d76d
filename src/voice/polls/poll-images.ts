/**
 * Pictures of poll options. The type is read from the first bytes, not trusted from the
 * request; the image is decoded, turned upright, shrunk to at most OPTION_IMAGE_SIDE and
 * re-encoded as JPEG, which drops every metadata block (EXIF with GPS position, camera
 * serial, XMP, comments). Expected failures are values.
 */
import { oneImageAtATime, uprightImage } from "../../platform/image-metadata.ts";

export const OPTION_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** Largest upload, before it is resized. */
export const MAX_OPTION_IMAGE_BYTES = 4 * 1024 * 1024;
/** Longest side of a stored option picture, in pixels: big enough for a phone, small to send. */
export const OPTION_IMAGE_SIDE = 640;

export type OptionImage = { ok: true; data: Buffer; mediaType: "image/jpeg" } | { ok: false; reason: "not_an_image" | "unreadable" };

function looksLikeImage(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  const jpeg = bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const webp = bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
  return jpeg || png || webp;
}

/** The upload as a clean JPEG, or why not. */
export async function processOptionImage(input: Buffer): Promise<OptionImage> {
  if (!looksLikeImage(input)) return { ok: false, reason: "not_an_image" };
  return oneImageAtATime(async (): Promise<OptionImage> => {
    try {
      const data = await uprightImage(input)
        .resize({ width: OPTION_IMAGE_SIDE, height: OPTION_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer();
      return { ok: true, data, mediaType: "image/jpeg" };
    } catch {
      return { ok: false, reason: "unreadable" };
    }
  });
}
