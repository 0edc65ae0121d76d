/**
 * End-to-end test of the map web app: builds the app if needed, starts the real server on a fresh
 * data directory, and drives Debian's Chromium as a phone (390x844) and a desktop (1280x800).
 * It checks that places are drawn, that the region picker, category chips, list, marker taps,
 * place card, Escape, language toggle and "locate me" work, that axe-core finds no serious
 * or critical problem, and saves screenshots to test-results/.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RESULTS,
  START_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  ensureWebBuild,
  getJson,
  hiddenMapControls,
  openBrowser,
  selectShowsWholeText,
  seriousAxeViolations,
  startServer,
  stopServer,
  tempDirs,
  waitForPlaces,
  watchErrors,
} from "./harness.ts";

interface RegionInfo {
  id: string;
  hasBasemap: boolean;
  routes: boolean;
  isDefault?: boolean;
  name: { zh: string; en: string };
}
interface PlaceAnswer {
  count: number;
  features: Array<{ properties: { id: string; name: { zh: string | null; en: string | null } } }>;
}

function placeName(place: PlaceAnswer["features"][number], lang: "zh" | "en"): string | null {
  const { zh, en } = place.properties.name;
  return lang === "zh" ? (zh ?? en) : (en ?? zh);
}

describe("map web app", () => {
  let server: ChildProcess | undefined;
  let baseUrl = "";
  const temp = tempDirs();
  const freshDir = (prefix: string): string => temp.fresh(prefix);

  beforeAll(async () => {
    // Test the code as it is now: build the app the server serves, if it is out of date.
    await ensureWebBuild();
    ({ server, baseUrl } = await startServer(freshDir("tongxing-e2e-data-")));
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await stopServer(server);
    temp.removeAll();
  }, 30_000);

  it("works on a phone: regions, category filter, list, marker tap, card, English, locate, axe", async () => {
    const { regions } = await getJson<{ regions: RegionInfo[] }>(`${baseUrl}/api/regions`);
    const defaultRegion = regions.find((r) => r.isDefault) ?? regions.find((r) => r.hasBasemap) ?? regions[0];
    expect(defaultRegion).toBeDefined();
    expect(regions.map((r) => r.id)).toContain("monaco");
    const context = await openBrowser(freshDir("tongxing-e2e-phone-"), 390, 844);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await page.goto(baseUrl + "/");
      await page.waitForSelector("canvas.maplibregl-canvas", { timeout: STEP_TIMEOUT_MS });
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");

      // The default region's places are drawn.
      const first = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=${defaultRegion!.id}`);
      await waitForPlaces(page, defaultRegion!.id, first.features.length);

      // Another region, then monaco: each draws exactly its own places.
      const other = regions.find((r) => r.id !== defaultRegion!.id);
      if (other) {
        const otherPlaces = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=${other.id}`);
        await page.selectOption("#region-select", other.id);
        await waitForPlaces(page, other.id, otherPlaces.features.length);
      }
      await page.selectOption("#region-select", "monaco");
      const all = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
      expect(all.features.length).toBeGreaterThan(0);
      await waitForPlaces(page, "monaco", all.features.length);
      expect(page.url()).toContain("region=monaco");
      const drawn = await page.evaluate(() => window.__tongxing!.renderedPlaces());
      expect(drawn.markers + drawn.clustered).toBeGreaterThan(0);
      expect(drawn.markers + drawn.clustered).toBeLessThanOrEqual(all.features.length);

      // The play chip filters to exactly what the API returns for category=play.
      const play = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco&category=play`);
      expect(play.features.length).toBeGreaterThan(0);
      expect(play.features.length).toBeLessThan(all.features.length);
      const playChip = page.locator('[data-category="play"]');
      expect(await playChip.getAttribute("aria-pressed")).toBe("false");
      await playChip.click();
      expect(await playChip.getAttribute("aria-pressed")).toBe("true");
      await waitForPlaces(page, "monaco", play.features.length);
      await expect.poll(() => page.locator("#results-summary").textContent()).toContain(String(play.count));

      // Choosing a place in the list opens its card.
      await page.click(".results-toggle");
      const rows = page.locator("#results-list [data-place-id]");
      await expect.poll(() => rows.count()).toBe(Math.min(play.features.length, 200));
      const firstRow = rows.first();
      const placeId = await firstRow.getAttribute("data-place-id");
      const place = play.features.find((f) => f.properties.id === placeId);
      expect(place).toBeDefined();
      await firstRow.click();
      const card = page.locator("#place-card");
      await card.waitFor({ state: "visible" });
      expect(await card.getAttribute("data-place-id")).toBe(placeId);
      expect(await card.locator("h2").textContent()).toBe(placeName(place!, "zh"));

      // Escape closes it; tapping the place's marker opens it again.
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "hidden" });
      type MarkerPosition = { id: string; x: number; y: number };
      let markers: MarkerPosition[] = [];
      let marker: MarkerPosition | undefined;
      await expect
        .poll(
          async () => {
            markers = await page.evaluate(() => window.__tongxing!.markerPositions());
            marker = markers.find((m) => m.id === placeId);
            return marker !== undefined;
          },
          { timeout: STEP_TIMEOUT_MS },
        )
        .toBe(true);
      await page.mouse.click(marker!.x, marker!.y);
      await card.waitFor({ state: "visible" });
      // Places may share a position; the tap opens one of the markers under the finger.
      const underFinger = markers.filter((m) => Math.hypot(m.x - marker!.x, m.y - marker!.y) <= 10).map((m) => m.id);
      const shownId = await card.getAttribute("data-place-id");
      expect(underFinger).toContain(shownId);
      const shown = play.features.find((f) => f.properties.id === shownId);
      expect(shown).toBeDefined();

      // English: page language, chips and card change; the choice survives a reload.
      await page.click("#language-toggle");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect((await playChip.textContent())?.trim()).toBe("Play");
      expect(await card.locator("h2").textContent()).toBe(placeName(shown!, "en"));
      expect(await card.textContent()).toContain("Opening hours");
      expect(await page.locator("#results-summary").textContent()).toContain("places");

      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "map-phone.png") });

      // Locate me without permission: a kind message, not an error.
      await page.click("#locate-button");
      await expect
        .poll(() => page.locator("#toast").textContent(), { timeout: 30_000 })
        .toMatch(/could not get your location|cannot find your location/);

      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

      await page.reload();
      await page.waitForSelector("#app[data-places-drawn]", { timeout: STEP_TIMEOUT_MS });
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("works on a desktop: side panels, found location, axe", async () => {
    const context = await openBrowser(freshDir("tongxing-e2e-desktop-"), 1280, 800);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
      const all = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
      await waitForPlaces(page, "monaco", all.features.length);

      // The list is always shown on a desktop, beside the map.
      const row = page.locator("#results-list [data-place-id]").first();
      await row.waitFor({ state: "visible" });
      await row.click();
      const card = page.locator("#place-card");
      await card.waitFor({ state: "visible" });
      const cardBox = await card.boundingBox();
      expect(cardBox!.x).toBeGreaterThan(640);

      // The filter panel: a facility and "open now" re-query the API, and "clear" undoes them.
      const toilets = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco&facility=toilets`);
      await page.click('[data-filter="more"]');
      await page.locator("#filter-panel").waitFor({ state: "visible" });
      await page.click('label[for="facility-toilets"]');
      await waitForPlaces(page, "monaco", toilets.features.length);
      expect(await page.locator(".chip-badge").textContent()).toBe("1");
      await page.keyboard.press("Escape");
      await page.locator("#filter-panel").waitFor({ state: "hidden" });
      const openNow = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco&facility=toilets&open_now=true`);
      await page.click('[data-filter="open-now"]');
      expect(await page.getAttribute('[data-filter="open-now"]', "aria-pressed")).toBe("true");
      await waitForPlaces(page, "monaco", openNow.features.length);
      await page.click('[data-filter="more"]');
      await page.getByRole("button", { name: "清除筛选" }).click();
      await waitForPlaces(page, "monaco", all.features.length);
      await page.keyboard.press("Escape");
      await row.click();
      await card.waitFor({ state: "visible" });

      // Locate me with a position inside monaco: the dot is shown and we are told so.
      await context.grantPermissions(["geolocation"], { origin: baseUrl });
      await context.setGeolocation({ latitude: 43.7384, longitude: 7.4246 });
      await page.click("#locate-button");
      await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toContain("找到你啦");

      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "map-desktop.png") });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("opens on the city's own region, says it has no streets yet and offers a sample city; the picker and map controls stay visible", async () => {
    const answer = await getJson<{ regions: RegionInfo[]; defaultRegion: string | null }>(`${baseUrl}/api/regions`);
    // TONGXING_DEFAULT_REGION is unset: the city the plan belongs to.
    expect(answer.defaultRegion).toBe("hengyang");
    expect(answer.regions.filter((r) => r.isDefault).map((r) => r.id)).toEqual(["hengyang"]);
    const hengyang = answer.regions.find((r) => r.id === "hengyang")!;
    expect(hengyang.hasBasemap && hengyang.routes).toBe(false);
    for (const [width, height] of [[390, 844], [1280, 800]] as const) {
      const context = await openBrowser(freshDir(`tongxing-e2e-default-${width}-`), width, height);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors = watchErrors(page);
        await page.goto(baseUrl + "/");
        const places = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=hengyang`);
        await waitForPlaces(page, "hengyang", places.features.length);
        const notice = page.locator("#region-notice");
        await notice.waitFor({ state: "visible" });
        expect(await notice.textContent()).toContain("衡阳市的街道地图还没有导入");
        expect(await hiddenMapControls(page)).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS, `map-default-${width}.png`) });

        // One tap to a sample city with streets; the notice goes, the picker shows its whole name.
        await notice.locator('.region-notice-sample[data-region="monaco"]').click();
        const monaco = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
        await waitForPlaces(page, "monaco", monaco.features.length);
        await notice.waitFor({ state: "hidden" });
        expect(await selectShowsWholeText(page, "#region-select")).toEqual({ text: "摩纳哥（OSM 示例）", fits: true });
        expect(await hiddenMapControls(page)).toEqual([]);
        await page.click("#language-toggle");
        expect(await selectShowsWholeText(page, "#region-select")).toEqual({ text: "Monaco (OSM sample)", fits: true });

        // A place card open: the attribution and zoom buttons are still in sight.
        if (await page.locator(".results-toggle").isVisible()) await page.click(".results-toggle");
        await page.locator("#results-list [data-place-id]").first().click();
        await page.locator("#place-card").waitFor({ state: "visible" });
        await expect.poll(() => hiddenMapControls(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 300_000);

  it("opens a linked place's card (?place=) even when the region's places arrive after it", async () => {
    const monaco = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
    const linked = monaco.features[0]!;
    const context = await openBrowser(freshDir("tongxing-e2e-linked-"), 390, 844);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      // The places answer comes late, so the linked place is picked while the list is still loading.
      await page.route(/\/api\/places\?/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`${baseUrl}/?region=monaco&place=${encodeURIComponent(linked.properties.id)}`);
      await waitForPlaces(page, "monaco", monaco.features.length);
      const card = page.locator("#place-card");
      await card.waitFor({ state: "visible" });
      expect(await card.getAttribute("data-place-id")).toBe(linked.properties.id);
      expect(await card.locator("h2").first().textContent()).toContain(placeName(linked, "zh"));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
