/**
 * Lighthouse 12's mobile performance run on the app's first page, optionally with the map's
 * canvas left out (the #map element hidden as soon as it exists, so MapLibre draws nothing),
 * to tell what software WebGL costs on this machine from what the page itself costs.
 * Lighthouse is not a dependency of the project: install it aside and point at it.
 *
 *   npm install --prefix /tmp/lh lighthouse@12.8.2
 *   LIGHTHOUSE_DIR=/tmp/lh node --import tsx bench/lighthouse-first-load.ts http://127.0.0.1:8080/ [--no-map-canvas]
 *
 * Prints the score and the metrics; docs/PERFORMANCE.md, "First load on a phone", records
 * runs beside the build before issue 15.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

interface Audit {
  displayValue?: string;
}
interface LighthouseResult {
  lhr: { categories: { performance: { score: number } }; audits: Record<string, Audit> };
}
interface PuppeteerPage {
  evaluateOnNewDocument(script: string): Promise<unknown>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

const url = process.argv[2];
if (!url) {
  console.error("usage: LIGHTHOUSE_DIR=/tmp/lh node --import tsx bench/lighthouse-first-load.ts <app URL> [--no-map-canvas]");
  process.exit(2);
}
const noCanvas = process.argv.includes("--no-map-canvas");
const modules = path.join(process.env.LIGHTHOUSE_DIR ?? "/tmp/lh", "node_modules");
const { default: lighthouse } = (await import(pathToFileURL(path.join(modules, "lighthouse/core/index.js")).href)) as {
  default: (url: string, flags: object, config: undefined, page: PuppeteerPage) => Promise<LighthouseResult>;
};
const { default: puppeteer } = (await import(pathToFileURL(path.join(modules, "puppeteer-core/lib/esm/puppeteer/puppeteer-core.js")).href)) as {
  default: { launch(options: object): Promise<PuppeteerBrowser> };
};

const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox"] });
try {
  const page = await browser.newPage();
  if (noCanvas) {
    // Through DevTools, so the page's Content-Security-Policy does not apply to it.
    await page.evaluateOnNewDocument(`new MutationObserver((_, observer) => {
      const map = document.getElementById("map");
      if (!map) return;
      map.style.display = "none";
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });`);
  }
  const result = await lighthouse(url, { output: "json", onlyCategories: ["performance"], logLevel: "error" }, undefined, page);
  const audits = result.lhr.audits;
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index", "cumulative-layout-shift", "total-byte-weight"];
  console.log(`${url}${noCanvas ? " (map canvas left out)" : ""}: performance ${Math.round(result.lhr.categories.performance.score * 100)}`);
  for (const metric of metrics) console.log(`  ${metric}: ${audits[metric]?.displayValue ?? "?"}`);
} finally {
  await browser.close();
}
