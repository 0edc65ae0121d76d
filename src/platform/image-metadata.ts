/**
 * Images re-encoded without their metadata, for any domain that stores pictures people
 * upload: decoded, turned upright by their EXIF orientation, and written again in the same
 * format. Nothing of the input's metadata is copied (EXIF with its GPS position, camera
 * make, model and serial number, artist and copyright, XMP, IPTC, comments, PNG text
 * chunks), so a photo cannot say where it was taken or by whose camera. Pixels are kept at
 * full size. Expected failures are values.
 */
import sharp, { type Sharp } from "sharp";

/** A decompression bomb guard: more pixels than a 50-megapixel camera makes are refused. */
const MAX_INPUT_PIXELS = 50_000_000;

export type CleanImageFormat = "jpeg" | "png";
export type CleanImageResult = { ok: true; data: Buffer; width: number; height: number } | { ok: false; reason: "unreadable" };

// One image is decoded at a time across every domain, so memory stays bounded (a 50 MP image
// is ~200 MB decoded) however many arrive together; sharp's own thread pool is kept to one too.
sharp.concurrency(1);
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after every image work queued before it (review photos, evidence). */
export function oneImageAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** The decoder every upload goes through: the pixel guard, strict decoding, EXIF orientation applied. */
export function uprightImage(input: Buffer): Sharp {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
}

/** The image upright and without metadata, in its own format; `unreadable` when it does not decode. */
export function withoutMetadata(input: Buffer, format: CleanImageFormat): Promise<CleanImageResult> {
  return oneImageAtATime(async () => {
    try {
      const image = uprightImage(input);
      const encoded = format === "jpeg" ? image.jpeg({ quality: 90 }) : image.png();
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      return { ok: true, data, width: info.width, height: info.height };
    } catch {
      return { ok: false, reason: "unreadable" };
    }
  });
}
