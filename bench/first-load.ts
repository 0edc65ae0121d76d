/**
 * What a phone downloads before the map's first frame: opens each given app URL in a fresh
 * Chromium profile (390×844, nothing cached), waits until the map has drawn its first
 * complete frame (the test hook `__tongxing.idle()`, the same in old and new builds) and
 * counts every response finished by then, the map worker's tiles included, as the bytes on
 * the wire (headers and the body as sent, compressed or not).
 *
 *   node --import tsx bench/first-load.ts http://127.0.0.1:8080/ [http://127.0.0.1:8081/ ...]
 *
 * Prints one table per URL (largest first) and a summary line each; docs/PERFORMANCE.md,
 * "First load on a phone", records a run beside the build before the change.
 */
import { chromium } from "playwright-core";

interface Fetched {
  path: string;
  type: string;
  bytes: number;
  encoding: string;
  /** When the last byte arrived, in ms since the epoch. */
  end: number;
}

/** The page's test hook (web/src/main.ts), seen from this file, which has no DOM types. */
interface TestGlobal {
  __tongxing?: { idle(): Promise<void> };
}

async function measure(url: string): Promise<{ fetched: Fetched[]; ms: number }> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const fetched: Fetched[] = [];
    page.on("requestfinished", (request) => {
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        const headers = response?.headers() ?? {};
        const timing = request.timing();
        // A module worker's own script is reported without its body size: the header says it.
        const body = Math.max(sizes.responseBodySize, Number(headers["content-length"] ?? 0));
        fetched.push({
          path: new URL(request.url()).pathname + (new URL(request.url()).search ? "?…" : ""),
          type: request.resourceType(),
          bytes: body + sizes.responseHeadersSize,
          encoding: headers["content-encoding"] ?? "",
          end: timing.startTime + timing.responseEnd,
        });
      });
    });
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as TestGlobal).__tongxing !== undefined, undefined, { timeout: 120_000 });
    // The first frame with the style's tiles drawn, as the page's clock saw it.
    const frame = await page.evaluate(async () => {
      await (globalThis as TestGlobal).__tongxing?.idle();
      return performance.timeOrigin + performance.now();
    });
    // Events of responses finished before the frame may still be on their way.
    await page.waitForTimeout(500);
    return { fetched: fetched.filter((f) => f.end <= frame), ms: frame - started };
  } finally {
    await browser.close();
  }
}

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: node --import tsx bench/first-load.ts <app URL> [<app URL> ...]");
  process.exit(2);
}
for (const url of urls) {
  const { fetched, ms } = await measure(url);
  fetched.sort((a, b) => b.bytes - a.bytes);
  console.log(`\n${url}`);
  for (const f of fetched) console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.encoding.padEnd(4)} ${f.type.padEnd(10)} ${f.path}`);
  const total = fetched.reduce((sum, f) => sum + f.bytes, 0);
  const scripts = fetched.filter((f) => f.type === "script" || /\.m?js$/.test(f.path));
  console.log(`  total ${(total / 1024).toFixed(1)} KB in ${fetched.length} responses (${scripts.length} scripts, ${(scripts.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(1)} KB) before the first map frame; frame after ${Math.round(ms)} ms on loopback`);
}
