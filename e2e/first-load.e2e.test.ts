/**
 * The first load on a phone (issue 15), in Debian's Chromium on the real server: before the
 * map's first complete frame the page fetches only what the first screen needs (no route,
 * place card or account code), every script and the places come compressed, hashed assets
 * are cached for a year (immutable) and the page itself is revalidated; what was left out
 * then loads on its first use (a place picked, 怎么去) and works.
 */
import { describe, expect, it } from "vitest";
import { STEP_TIMEOUT_MS, getJson, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";

/** Loaded on demand: none of them may be fetched before the map's first frame. */
const ON_DEMAND = /\/assets\/(route|place-card|account-panel|family-section|sign-in-forms|ideas-entry|ideas-panel|ideas-overlay|idea-news)-[\w-]{8}\.js$/;
/**
 * Scripts on the wire before the first frame: MapLibre (its main file and its worker, about
 * 360 KB brotli'd) and the first screen's own code. The build before issue 15 sent 1.68 MB.
 */
const FIRST_FRAME_SCRIPT_BUDGET = 420 * 1024;

interface Fetched {
  url: string;
  type: string;
  start: number;
  bytes: number;
  headers: Record<string, string>;
}

describe("first load on a phone", () => {
  const server = useE2eServer("first-load");

  it("fetches only the first screen's code, compressed and cacheable, then the rest on first use", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    const fetched: Fetched[] = [];
    page.on("requestfinished", (request) => {
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        const headers = response?.headers() ?? {};
        // A module worker's script is reported without its body size: its header says it.
        const bytes = Math.max(sizes.responseBodySize, Number(headers["content-length"] ?? 0)) + sizes.responseHeadersSize;
        fetched.push({ url: request.url(), type: request.resourceType(), start: request.timing().startTime, bytes, headers });
      });
    });

    const document = await page.goto(`${baseUrl}/?region=monaco&lang=zh`, { waitUntil: "commit" });
    expect(document?.headers()["cache-control"]).toBe("no-cache");
    const all = await getJson<{ features: unknown[] }>(`${baseUrl}/api/places?region=monaco`);
    await waitForPlaces(page, "monaco", all.features.length);
    const frame = await page.evaluate(async () => {
      await window.__tongxing?.idle();
      const mark = performance.getEntriesByName("tongxing:map-ready")[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    });
    expect(frame, "the app marks the map's first frame").not.toBeNull();
    await page.waitForTimeout(500);

    const before = fetched.filter((f) => f.start < (frame ?? 0));
    const scripts = before.filter((f) => /\.m?js$/.test(new URL(f.url).pathname));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((f) => ON_DEMAND.test(f.url)).map((f) => f.url), "on-demand code fetched before the first frame").toEqual([]);
    for (const script of scripts) {
      // The build writes no compressed copy of a file under 1 KB: it would save nothing.
      if (script.bytes > 1536) expect(script.headers["content-encoding"], script.url).toBe("br");
      expect(script.headers["cache-control"], script.url).toBe("public, max-age=31536000, immutable");
    }
    expect(scripts.filter((f) => f.headers["content-encoding"] === "br").length).toBeGreaterThanOrEqual(2);
    const scriptBytes = scripts.reduce((sum, f) => sum + f.bytes, 0);
    expect(scriptBytes, `scripts before the first frame: ${scriptBytes} bytes`).toBeLessThanOrEqual(FIRST_FRAME_SCRIPT_BUDGET);
    const places = fetched.find((f) => new URL(f.url).pathname === "/api/places");
    expect(places?.headers["content-encoding"]).toBe("br");

    // On first use: a place picked opens its card, 怎么去 opens the route panel.
    await page.locator("#search-input").pressSequentially("游乐场", { delay: 30 });
    await page.locator('#search-listbox [role="option"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("#place-card:not([hidden]) .card-route-button").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.click("#place-card .card-route-button");
    await page.locator("#route-panel:not([hidden])").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator("#account-button").waitFor({ timeout: STEP_TIMEOUT_MS });
    const loaded = fetched.map((f) => new URL(f.url).pathname);
    for (const name of ["route", "place-card", "account-panel"]) {
      expect(loaded.some((p) => new RegExp(`/assets/${name}-[\\w-]{8}\\.js$`).test(p)), `${name} loaded on use`).toBe(true);
    }
    expect(errors).toEqual([]);
  });
});
