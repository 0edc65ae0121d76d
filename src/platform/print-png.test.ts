/**
 * The PNG printer with the real Chromium, counted by a launcher that wraps the real one: a
 * picture of the window's size, never two browsers at once, one shot for many requests of
 * the same page, the last picture served again while the page is unchanged, a full queue
 * refused with a time to come back.
 */
import { describe, expect, it } from "vitest";
import { type ChromiumLauncher, chromiumPath, launchChromium } from "./print-pdf.ts";
import { PngPrinter, SCREENSHOT_SIZE } from "./print-png.ts";

function countingLauncher() {
  const counts = { launches: 0, running: 0, mostAtOnce: 0 };
  const launch: ChromiumLauncher = async (browser, args, timeoutMs) => {
    counts.launches++;
    counts.mostAtOnce = Math.max(counts.mostAtOnce, ++counts.running);
    try {
      return await launchChromium(browser, args, timeoutMs);
    } finally {
      counts.running--;
    }
  };
  return { counts, launch };
}

const page = (text: string) => `<!doctype html><meta charset="utf-8"><title>t</title><p>${text}</p>`;
const isPng = (png: Buffer) => png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe.skipIf(!chromiumPath())("PngPrinter", () => {
  it("shoots four simultaneous requests of one page with one browser, at the window's size, then serves it from the cache", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new PngPrinter({ launch });
    const results = await Promise.all(Array.from({ length: 4 }, () => printer.shoot("map:a", page("上学路线图"))));
    for (const r of results) {
      if (!r.ok) throw new Error(r.reason);
      expect(isPng(r.png)).toBe(true);
      expect([r.png.readUInt32BE(16), r.png.readUInt32BE(20)]).toEqual([SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height]);
    }
    expect(counts).toEqual({ launches: 1, running: 0, mostAtOnce: 1 });
    expect(await printer.shoot("map:a", page("上学路线图"))).toMatchObject({ ok: true, cached: true });
    expect(counts.launches).toBe(1);
  }, 60_000);

  it("runs different pages one after another and refuses what does not fit in the queue", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new PngPrinter({ launch, maxWaiting: 0 });
    const results = await Promise.all(Array.from({ length: 3 }, (_, i) => printer.shoot(`map-${i}`, page(`第 ${i} 张`))));
    expect(results.map((r) => (r.ok ? "shot" : r.reason))).toEqual(["shot", "busy", "busy"]);
    expect(results[1]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(counts).toEqual({ launches: 1, running: 0, mostAtOnce: 1 });
  }, 60_000);
});

describe("PngPrinter without a browser", () => {
  it("says so", async () => {
    expect(await new PngPrinter({ browser: () => null }).shoot("map", page("x"))).toEqual({ ok: false, reason: "no_chromium" });
  });
});
