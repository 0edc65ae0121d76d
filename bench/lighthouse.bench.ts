/**
 * The app on a phone, as issue 21 asks it be measured: Lighthouse 12's mobile run (simulated
 * slow 4G, 4× CPU slowdown) for performance, accessibility and best practices; Chromium's own
 * installability check of the PWA (Lighthouse 12 dropped its PWA category; this is the check
 * Chromium runs before it offers to install, `Page.getInstallabilityErrors`); and the first
 * map frame (the page's `tongxing:map-ready` mark, after the map's first complete frame) at
 * 390×844 with a cold cache on loopback, with and without a 4× CPU slowdown. Lighthouse is not
 * a dependency of the project: install it aside and point at it.
 *
 *   npm install --prefix /tmp/lh lighthouse@12.8.2
 *   LIGHTHOUSE_DIR=/tmp/lh node --import tsx bench/lighthouse.bench.ts http://127.0.0.1:8080/?region=monaco [--runs=3]
 *
 * Prints every figure; docs/PERFORMANCE.md records runs. A bench, not a test: nothing is asserted.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

interface Category {
  score: number | null;
}
interface LighthouseResult {
  lhr: { categories: Record<string, Category>; audits: Record<string, { displayValue?: string; score: number | null; title: string }> };
}
interface CdpSession {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
}
interface PuppeteerPage {
  goto(url: string, options?: object): Promise<unknown>;
  setViewport(viewport: object): Promise<void>;
  evaluate<T>(script: string): Promise<T>;
  waitForFunction(script: string, options?: object): Promise<unknown>;
  createCDPSession(): Promise<CdpSession>;
  close(): Promise<void>;
}
interface PuppeteerContext {
  newPage(): Promise<PuppeteerPage>;
  close(): Promise<void>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  createBrowserContext(): Promise<PuppeteerContext>;
  close(): Promise<void>;
}

const url = process.argv[2];
if (!url) {
  console.error("usage: LIGHTHOUSE_DIR=/tmp/lh node --import tsx bench/lighthouse.bench.ts <app URL> [--runs=3]");
  process.exit(2);
}
const runs = Number(/^--runs=(\d+)$/.exec(process.argv.find((a) => a.startsWith("--runs=")) ?? "")?.[1] ?? 3);
const modules = path.join(process.env["LIGHTHOUSE_DIR"] ?? "/tmp/lh", "node_modules");
const { default: lighthouse } = (await import(pathToFileURL(path.join(modules, "lighthouse/core/index.js")).href)) as {
  default: (url: string, flags: object, config: undefined, page: PuppeteerPage) => Promise<LighthouseResult>;
};
const { default: puppeteer } = (await import(pathToFileURL(path.join(modules, "puppeteer-core/lib/esm/puppeteer/puppeteer-core.js")).href)) as {
  default: { launch(options: object): Promise<PuppeteerBrowser> };
};

const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function lighthouseRun(browser: PuppeteerBrowser): Promise<void> {
  const page = await browser.newPage();
  const result = await lighthouse(url!, { output: "json", onlyCategories: ["performance", "accessibility", "best-practices"], logLevel: "error" }, undefined, page);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  console.log(`Lighthouse mobile: performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}`);
  for (const metric of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index", "cumulative-layout-shift", "total-byte-weight"]) {
    console.log(`  ${metric}: ${audits[metric]?.displayValue ?? "?"}`);
  }
  const failing = Object.entries(audits).filter(([, a]) => a.score !== null && a.score < 0.9 && !/^(first|largest|total|speed|cumulative|interactive|max-potential)/.test(a.title.toLowerCase()));
  for (const [id, audit] of failing.slice(0, 15)) console.log(`  below 0.9: ${id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""}`);
  await page.close();
}

async function installability(browser: PuppeteerBrowser): Promise<void> {
  // The default profile: Chromium offers no install in an incognito context.
  const page = await browser.newPage();
  await page.goto(url!, { waitUntil: "load" });
  await page.waitForFunction("navigator.serviceWorker && navigator.serviceWorker.controller !== null", { timeout: 120_000 });
  const cdp = await page.createCDPSession();
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: Array<{ errorId: string }> };
  const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
  console.log(`PWA installable (Chromium's check): ${installabilityErrors.length === 0 ? "yes" : `no — ${installabilityErrors.map((e) => e.errorId).join(", ")}`}; manifest ${manifest.url} with ${manifest.errors.length} errors; service worker in control`);
  await page.close();
}

/**
 * Milliseconds from the navigation to the map's first complete frame, in a fresh context (cold
 * cache), and then again on a second visit once the service worker kept the app (the HTTP
 * cache stays off: the second visit is served by the worker alone).
 */
async function firstMapFrame(browser: PuppeteerBrowser, cpuSlowdown: number): Promise<{ cold: number; repeat: number }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(PHONE);
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await page.goto(url!, { waitUntil: "commit" }).catch(() => page.goto(url!));
  await page.waitForFunction("performance.getEntriesByName('tongxing:map-ready').length > 0", { timeout: 180_000 });
  const cold = await page.evaluate<number>("performance.getEntriesByName('tongxing:map-ready')[0].startTime");
  await page.waitForFunction("document.documentElement.dataset.offlineWarm === 'true'", { timeout: 180_000 });
  await page.goto(url!, { waitUntil: "commit" }).catch(() => page.goto(url!));
  await page.waitForFunction("performance.getEntriesByName('tongxing:map-ready').length > 0", { timeout: 180_000 });
  const repeat = await page.evaluate<number>("performance.getEntriesByName('tongxing:map-ready')[0].startTime");
  await context.close();
  return { cold, repeat };
}

const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox"] });
try {
  console.log(`${url} — ${new Date().toISOString()}`);
  await lighthouseRun(browser);
  await installability(browser);
  for (const slowdown of [1, 4]) {
    const times: Array<{ cold: number; repeat: number }> = [];
    for (let i = 0; i < runs; i++) times.push(await firstMapFrame(browser, slowdown));
    const list = (key: "cold" | "repeat") => times.map((t) => Math.round(t[key])).join(", ");
    console.log(`First map frame at 390×844, loopback, CPU ×${slowdown}: cold cache median ${Math.round(median(times.map((t) => t.cold)))} ms (${list("cold")}); second visit from the service worker median ${Math.round(median(times.map((t) => t.repeat)))} ms (${list("repeat")})`);
  }
} finally {
  await browser.close();
}
