/**
 * End-to-end test of search: the real server on a fresh data directory and Debian's
 * Chromium as a phone (390x844) and a desktop (1280x800). Pinyin initials find 南湖公园 in
 * Hengyang and picking it opens its card, with no distance until "locate me" gives the
 * person's position (the map centre is never a distance origin); "滑滑梯" in Monaco suggests
 * playgrounds; Enter fills the list with the full search; "ylc" reaches Jardin des Enfants
 * through its kind; a query that matches nothing gets a kind message and the nearest
 * places; "南湖公园" in Monaco offers Hengyang and one tap switches there; the combobox
 * works with arrows, Enter and Escape; axe-core finds no serious problem. Screenshots go
 * to test-results/search-*.png.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RESULTS,
  START_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  ensureWebBuild,
  getJson,
  openBrowser,
  seriousAxeViolations,
  startServer,
  stopServer,
  tempDirs,
  waitForPlaces,
  watchErrors,
} from "./harness.ts";

interface PlaceAnswer {
  count: number;
  features: Array<{ properties: { id: string } }>;
}

const NANHU = { id: "hengyang-nanhu-park", zh: "南湖公园", en: "Nanhu Park" };
/** A playground with a French name only: found through its kind's pinyin. */
const JARDIN = "osm:n1864130268";
/** Where the person stands in Hengyang, about 470 m south of 南湖公园. */
const IN_HENGYANG = { latitude: 26.84, longitude: 112.61 };
const options = '#search-listbox [role="option"]';

async function typeQuery(page: Page, text: string): Promise<void> {
  const input = page.locator("#search-input");
  await input.fill("");
  await input.pressSequentially(text, { delay: 40 });
}

async function openApp(page: Page, baseUrl: string, region: string, lang: string): Promise<void> {
  await page.goto(`${baseUrl}/?region=${region}&lang=${lang}`);
  const all = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=${region}`);
  await waitForPlaces(page, region, all.features.length);
}

describe("search", () => {
  let server: ChildProcess | undefined;
  let baseUrl = "";
  const temp = tempDirs();

  beforeAll(async () => {
    await ensureWebBuild();
    ({ server, baseUrl } = await startServer(temp.fresh("tongxing-e2e-search-data-")));
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await stopServer(server);
    temp.removeAll();
  }, 30_000);

  it("works on a phone: pinyin initials, a tap, playground suggestions, full search, nothing found, axe", async () => {
    const context = await openBrowser(temp.fresh("tongxing-e2e-search-phone-"), 390, 844);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      const asked: string[] = [];
      page.on("request", (request) => {
        if (/\/api\/(suggest|search)\?/.test(request.url())) asked.push(request.url());
      });
      await openApp(page, baseUrl, "hengyang", "zh");
      const input = page.locator("#search-input");
      expect(await input.getAttribute("role")).toBe("combobox");

      // Pinyin initials: 南湖公园 is suggested with its district; a tap opens its card. The
      // person has not been located, so no distance is shown and none is asked for.
      await typeQuery(page, "nhgy");
      const nanhu = page.locator(options, { hasText: NANHU.zh });
      await nanhu.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      expect(await input.getAttribute("aria-expanded")).toBe("true");
      expect(await nanhu.getAttribute("data-place-id")).toBe(NANHU.id);
      expect(await nanhu.textContent()).toMatch(/雁峰区/);
      expect(await nanhu.locator(".suggestion-distance").count()).toBe(0);
      expect(asked.length).toBeGreaterThan(0);
      for (const url of asked) expect(new URL(url).searchParams.has("lat"), url).toBe(false);
      expect(asked.every((url) => new URL(url).searchParams.has("focus_lat"))).toBe(true);
      await nanhu.click();
      const card = page.locator("#place-card");
      await card.waitFor({ state: "visible" });
      expect(await card.getAttribute("data-place-id")).toBe(NANHU.id);
      expect(await card.locator("h2").textContent()).toBe(NANHU.zh);
      expect(await input.inputValue()).toBe(NANHU.zh);
      expect(await input.getAttribute("aria-expanded")).toBe("false");
      await page.click("#place-card .card-close");
      await card.waitFor({ state: "hidden" });

      // Monaco: "slide" in Chinese suggests playgrounds, each with its icon colour and distance.
      await page.selectOption("#region-select", "monaco");
      const monaco = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
      await waitForPlaces(page, "monaco", monaco.features.length);
      expect(await input.inputValue()).toBe("");
      await typeQuery(page, "滑滑梯");
      await page.locator(options).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      await expect.poll(() => page.locator(`${options}[data-category="play"]`).count()).toBeGreaterThan(0);
      const categories = await page.locator(options).evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
      expect(categories.every((c) => c === "play")).toBe(true);
      expect(await page.locator(options, { hasText: "游乐场" }).count()).toBeGreaterThan(0);
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "search-phone.png") });
      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

      // Enter without picking: the full search fills the list and the map.
      const full = await getJson<PlaceAnswer>(`${baseUrl}/api/search?q=${encodeURIComponent("滑滑梯")}&region=monaco&limit=50`);
      expect(full.count).toBeGreaterThan(0);
      await input.press("Enter");
      await page.waitForSelector('#app[data-search="found"]', { timeout: STEP_TIMEOUT_MS });
      await waitForPlaces(page, "monaco", full.count);
      await expect.poll(() => page.locator("#results-summary").textContent()).toBe(`找到 ${full.count} 个地点`);
      await expect.poll(() => page.locator("#results-list [data-place-id]").count()).toBe(full.count);
      expect(await page.locator(".results-toggle").getAttribute("aria-expanded")).toBe("true");

      // Nothing matches: a kind message, and the nearest places instead.
      await page.click(".search-clear");
      await waitForPlaces(page, "monaco", monaco.features.length);
      await typeQuery(page, "xyzzyqq");
      await page.locator(`${options}[data-matched="false"]`).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      expect(await page.locator("#suggest-note").textContent()).toContain("没有找到“xyzzyqq”");
      await input.press("Enter");
      await page.waitForSelector('#app[data-search="fallback"]', { timeout: STEP_TIMEOUT_MS });
      expect(await page.locator("#results-note").textContent()).toContain("没有找到“xyzzyqq”，看看附近的");
      expect(await page.locator("#results-list [data-place-id]").count()).toBeGreaterThan(0);
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "search-phone-fallback.png") });

      // "Show all" goes back to every place of the city.
      await page.click(".results-show-all");
      await waitForPlaces(page, "monaco", monaco.features.length);
      expect(await input.inputValue()).toBe("");

      // The initials of a kind reach a playground named only in French.
      await typeQuery(page, "ylc");
      await page.locator(options).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      const ylc = await page.locator(options).evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
      expect(ylc.every((c) => c === "play")).toBe(true);
      await input.press("Enter");
      await page.waitForSelector('#app[data-search="found"]', { timeout: STEP_TIMEOUT_MS });
      await page.locator(`#results-list [data-place-id="${JARDIN}"]`).waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
      await page.click(".search-clear");
      await waitForPlaces(page, "monaco", monaco.features.length);

      // 南湖公园 is in Hengyang: the suggestions say so and offer it first; after Enter, one tap switches city.
      await typeQuery(page, NANHU.zh);
      const away = page.locator(`${options}[data-region="hengyang"]`).first();
      await away.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      expect(await away.getAttribute("data-place-id")).toBe(NANHU.id);
      expect(await page.locator(options).first().getAttribute("data-place-id")).toBe(NANHU.id);
      expect(await page.locator("#suggest-note").textContent()).toContain("在衡阳市找到 1 个");
      await input.press("Enter");
      const offer = page.locator("#search-elsewhere");
      await offer.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      expect(await offer.textContent()).toContain("在衡阳市找到 1 个");
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "search-phone-elsewhere.png") });
      await page.click(".search-elsewhere-switch");
      await page.waitForFunction(() => document.getElementById("app")?.dataset.region === "hengyang", undefined, { timeout: STEP_TIMEOUT_MS });
      await page.locator(`#results-list [data-place-id="${NANHU.id}"]`).waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
      expect(await input.inputValue()).toBe(NANHU.zh);
      expect(await offer.isHidden()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("works on a desktop with the keyboard, in English: arrows, Enter, Escape, axe", async () => {
    const context = await openBrowser(temp.fresh("tongxing-e2e-search-desktop-"), 1280, 800);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await openApp(page, baseUrl, "hengyang", "en");
      // Located: distances are measured from the person.
      await context.grantPermissions(["geolocation"], { origin: baseUrl });
      await context.setGeolocation(IN_HENGYANG);
      await page.click("#locate-button");
      await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toContain("Found you");
      const input = page.locator("#search-input");
      await input.focus();
      await typeQuery(page, "nhgy");
      const nanhu = page.locator(options, { hasText: NANHU.en });
      await nanhu.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      // The pinyin is shown under the name, since the query was typed in Latin letters.
      expect(await nanhu.textContent()).toContain("nan hu gong yuan");
      expect(await nanhu.locator(".suggestion-distance").textContent()).toMatch(/^4[5-9]0 m$/);

      // Arrow down makes the option active (focus stays in the input), Enter picks it.
      await input.press("ArrowDown");
      const activeId = await input.getAttribute("aria-activedescendant");
      expect(activeId).toBe(await nanhu.getAttribute("id"));
      expect(await nanhu.getAttribute("aria-selected")).toBe("true");
      await input.press("Enter");
      const card = page.locator("#place-card");
      await card.waitFor({ state: "visible" });
      expect(await card.locator("h2").textContent()).toBe(NANHU.en);

      // Escape closes the suggestions first and leaves the card open; a second Escape clears the text.
      await input.focus();
      await typeQuery(page, "nan");
      await page.locator(options).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      await input.press("Escape");
      expect(await input.getAttribute("aria-expanded")).toBe("false");
      expect(await card.isVisible()).toBe(true);
      await input.press("Escape");
      expect(await input.inputValue()).toBe("");

      await typeQuery(page, "nhgy");
      await nanhu.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "search-desktop.png") });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
