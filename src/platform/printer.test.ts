/**
 * The printer with the real Chromium, counted by a launcher that wraps the real one: never
 * two browsers at once (PDFs and PNGs alike), one run for many requests of the same page,
 * the last file served again while the page is unchanged, a full queue refused with a time
 * to come back.
 */
import { describe, expect, it } from "vitest";
import { type ChromiumLauncher, Printer, SCREENSHOT_SIZE, chromiumPath, launchChromium } from "./printer.ts";

/** The real launcher, counting launches and the most browsers running at once. */
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

describe.skipIf(!chromiumPath())("Printer, PDF", () => {
  it("prints six simultaneous requests of one page with one browser, then serves it from the cache until the page changes", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new Printer({ launch });
    const results = await Promise.all(Array.from({ length: 6 }, () => printer.print("evaluation:mid-term", page("中期评估"))));
    expect(results.every((r) => r.ok && r.pdf.subarray(0, 5).toString() === "%PDF-")).toBe(true);
    expect(counts).toEqual({ launches: 1, running: 0, mostAtOnce: 1 });

    const again = await printer.print("evaluation:mid-term", page("中期评估"));
    expect(again).toMatchObject({ ok: true, cached: true });
    expect(counts.launches).toBe(1);

    const changed = await printer.print("evaluation:mid-term", page("中期评估，新数据"));
    expect(changed).toMatchObject({ ok: true, cached: false });
    expect(counts.launches).toBe(2);
  });

  it("runs different pages one after another and refuses what does not fit in the queue", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new Printer({ launch, maxWaiting: 1 });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => printer.print(`document-${i}`, page(`第 ${i} 份`))));
    expect(results.map((r) => (r.ok ? "printed" : r.reason))).toEqual(["printed", "printed", "busy", "busy", "busy"]);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(counts).toEqual({ launches: 2, running: 0, mostAtOnce: 1 });
    // The queue is free again afterwards.
    expect(await printer.print("document-2", page("第 2 份"))).toMatchObject({ ok: true, cached: false });
  });

  it("says when there is no browser to print with", async () => {
    const printer = new Printer({ browser: () => null });
    expect(await printer.print("evaluation:final", page("x"))).toEqual({ ok: false, reason: "no_chromium" });
  });
});

const isPng = (png: Buffer) => png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe.skipIf(!chromiumPath())("Printer, PNG", () => {
  it("shoots four simultaneous requests of one page with one browser, at the window's size, then serves it from the cache", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new Printer({ launch });
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
    const printer = new Printer({ launch, maxWaiting: 0 });
    const results = await Promise.all(Array.from({ length: 3 }, (_, i) => printer.shoot(`map-${i}`, page(`第 ${i} 张`))));
    expect(results.map((r) => (r.ok ? "shot" : r.reason))).toEqual(["shot", "busy", "busy"]);
    expect(results[1]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(counts).toEqual({ launches: 1, running: 0, mostAtOnce: 1 });
  }, 60_000);
});

describe.skipIf(!chromiumPath())("Printer, PDF and PNG together", () => {
  it("never runs two browsers at once when a PDF and a PNG are asked for together, and keeps each format's file", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new Printer({ launch });
    const [pdf, png] = await Promise.all([printer.print("school:1", page("学校")), printer.shoot("school:1", page("学校"))]);
    expect(pdf.ok && pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(png.ok && isPng(png.png)).toBe(true);
    expect(counts).toEqual({ launches: 2, running: 0, mostAtOnce: 1 });
    expect(await printer.print("school:1", page("学校"))).toMatchObject({ ok: true, cached: true });
  }, 60_000);
});

describe("Printer, PNG, without a browser", () => {
  it("says so", async () => {
    expect(await new Printer({ browser: () => null }).shoot("map", page("x"))).toEqual({ ok: false, reason: "no_chromium" });
  });
});
