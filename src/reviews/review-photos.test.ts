import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_MAX_SIDE } from "../core/community.ts";
import { processPhoto, sniffImageType } from "./review-photos.ts";

/** A JPEG with EXIF GPS and camera data, as a phone writes it. */
async function phonePhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Kid Cam", Copyright: "Xiao Ming" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "112/1 34/1 0/1" } })
    .toBuffer();
}

describe("review photos", () => {
  it("names image types by their first bytes, whatever the request claims", async () => {
    expect(sniffImageType(await phonePhoto(4, 4))).toBe("image/jpeg");
    expect(sniffImageType(await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } }).png().toBuffer())).toBe("image/png");
    expect(sniffImageType(await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } }).webp().toBuffer())).toBe("image/webp");
    expect(sniffImageType(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffImageType(Buffer.from("GIF89a"))).toBeNull();
  });

  it("strips EXIF and GPS and shrinks large photos", async () => {
    const original = await phonePhoto(3000, 2000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await processPhoto(original);
    if (!result.ok) throw new Error(result.reason);
    expect(Math.max(result.width, result.height)).toBe(PHOTO_MAX_SIDE);
    const meta = await sharp(result.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(result.data.includes(Buffer.from("Kid Cam"))).toBe(false);
    expect(result.data.includes(Buffer.from("Xiao Ming"))).toBe(false);
  });

  it("keeps small photos at their size and refuses what is not a readable image", async () => {
    const small = await processPhoto(await phonePhoto(300, 200));
    expect(small).toMatchObject({ ok: true, width: 300, height: 200 });
    expect(await processPhoto(Buffer.from("not an image at all"))).toEqual({ ok: false, reason: "not_an_image" });
    const truncated = (await phonePhoto(400, 400)).subarray(0, 200);
    expect(await processPhoto(truncated)).toEqual({ ok: false, reason: "unreadable" });
  });
});
