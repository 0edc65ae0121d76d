/**
 * The PDF printer with the real Chromium, counted by a launcher that wraps the real one:
 * never two browsers at once, one print for many requests of the same page, the last PDF
 * served again while the page is unchanged, a full queue refused with a time to come back.
 */
import { describe, expect, it } from "vitest";
import { type ChromiumLauncher, PdfPrinter, chromiumPath, launchChromium } from "./print-pdf.ts";

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

describe.skipIf(!chromiumPath())("PdfPrinter", () => {
  it("prints six simultaneous requests of one page with one browser, then serves it from the cache until the page changes", async () => {
    const { counts, launch } = countingLauncher();
    const printer = new PdfPrinter({ launch });
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
    const printer = new PdfPrinter({ launch, maxWaiting: 1 });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => printer.print(`document-${i}`, page(`第 ${i} 份`))));
    expect(results.map((r) => (r.ok ? "printed" : r.reason))).toEqual(["printed", "printed", "busy", "busy", "busy"]);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(counts).toEqual({ launches: 2, running: 0, mostAtOnce: 1 });
    // The queue is free again afterwards.
    expect(await printer.print("document-2", page("第 2 份"))).toMatchObject({ ok: true, cached: false });
  });

  it("says when there is no browser to print with", async () => {
    const printer = new PdfPrinter({ browser: () => null });
    expect(await printer.print("evaluation:final", page("x"))).toEqual({ ok: false, reason: "no_chromium" });
  });
});
