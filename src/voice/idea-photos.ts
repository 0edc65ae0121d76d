/**
 * Pictures attached to ideas, handled as review photos are (src/reviews/review-photos.ts):
 * the type read from the first bytes, decoded upright by the shared decoder with its pixel
 * guard, shrunk to PHOTO_MAX_SIDE and re-encoded, which drops every metadata block (EXIF
 * with the GPS position above all). Photos become JPEG; a drawing stays PNG so its lines
 * stay sharp. Expected failures are values.
 */
import { PHOTO_MAX_SIDE } from "../core/community.ts";
import { oneImageAtATime, uprightImage } from "../platform/image-metadata.ts";
import { ACCEPTED_PHOTO_TYPES } from "../reviews/index.ts";

export { ACCEPTED_PHOTO_TYPES };

export type IdeaPicture =
  | { ok: true; data: Buffer; width: number; height: number; mediaType: "image/jpeg" | "image/png" }
  | { ok: false; reason: "not_an_image" | "unreadable" };

/** Whether the first bytes are a JPEG, PNG or WebP. */
export function looksLikeImage(bytes: Uint8Array): boolean {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return true;
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return true;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
}

/** A photo (JPEG) or a drawing (PNG), cleaned and shrunk. */
export async function processIdeaPicture(input: Buffer, as: "photo" | "drawing"): Promise<IdeaPicture> {
  if (!looksLikeImage(input)) return { ok: false, reason: "not_an_image" };
  return oneImageAtATime(async () => {
    try {
      const resized = uprightImage(input).resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true });
      const encoded = as === "drawing" ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 80, mozjpeg: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      return { ok: true, data, width: info.width, height: info.height, mediaType: as === "drawing" ? "image/png" : "image/jpeg" };
    } catch {
      return { ok: false, reason: "unreadable" };
    }
  });
}
