/**
 * End-to-end test of child-safe routes: the real server on a fresh data directory and
 * Debian's Chromium. On a phone in Monaco with a granted position (and "locate me" never
 * tapped), a playground's card asks for the child walking route from where the phone is: the
 * line is drawn above the dimmed clusters, the length matches the API, the steps run from
 * start to arrive with no "0 m" step and the warnings are shown; the stroller route replaces
 * it, the alternative can be chosen, English follows the toggle and Escape goes back to the
 * card. On a desktop with the position refused, the panel asks for a start and plans nothing
 * until one is picked on the map or found by name; a start at the destination is said in
 * words; a Hengyang place (no street data) gets the district and "route data not yet
 * imported" without any route request. The map's attribution and zoom buttons stay in sight
 * with the panel open. axe-core finds no serious problem. Screenshots: test-results/route-*.png.
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
  hiddenMapControls,
  openBrowser,
  seriousAxeViolations,
  startServer,
  stopServer,
  tempDirs,
  waitForPlaces,
  watchErrors,
} from "./harness.ts";

interface PlaceAnswer {
  features: Array<{ geometry: { coordinates: [number, number] }; properties: { id: string } }>;
}
interface RouteAnswer {
  features: Array<{ properties: { label: string; distanceM: number; instructions: Array<{ type: string; distanceM?: number }>; warnings: unknown[] } }>;
}
interface Candidate {
  id: string;
  walk: RouteAnswer;
  stroller: RouteAnswer;
}

/** Where the phone says it is: the middle of Monaco. */
const HERE = { latitude: 43.7384, longitude: 7.4246 };
const ROUTE_ERRORS = [/\/api\/route\?/];

const latLon = (lon: number, lat: number): string => `${lat.toFixed(6)},${lon.toFixed(6)}`;

/** A Monaco playground that both profiles reach from HERE, preferring one with an alternative route. */
async function pickPlayground(baseUrl: string): Promise<Candidate> {
  const play = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco&category=play`);
  const candidates: Candidate[] = [];
  for (const place of play.features.slice(0, 12)) {
    const [lon, lat] = place.geometry.coordinates;
    const ask = async (profile: string): Promise<RouteAnswer | null> => {
      const url = `${baseUrl}/api/route?from=${latLon(HERE.longitude, HERE.latitude)}&to=${latLon(lon, lat)}&profile=${profile}&lang=zh&alternatives=true`;
      const response = await fetch(url);
      return response.ok ? ((await response.json()) as RouteAnswer) : null;
    };
    const [walk, stroller] = [await ask("child-walk"), await ask("stroller")];
    if (!walk || !stroller || (walk.features[0]?.properties.distanceM ?? 0) < 200) continue;
    candidates.push({ id: place.properties.id, walk, stroller });
    if (walk.features.length > 1) break;
  }
  const chosen = candidates.find((c) => c.walk.features.length > 1) ?? candidates[0];
  if (!chosen) throw new Error("no Monaco playground is reachable from the test position");
  return chosen;
}

async function openCardFromList(page: Page, placeId: string): Promise<void> {
  const row = page.locator(`#results-list [data-place-id="${placeId}"]`);
  if (!(await row.isVisible()) && (await page.locator(".results-toggle").isVisible())) await page.click(".results-toggle");
  await row.click();
  await page.locator(`#place-card[data-place-id="${placeId}"]`).waitFor({ state: "visible" });
}

async function waitForRoute(page: Page, profile: string): Promise<number> {
  const handle = await page.waitForFunction(
    (p) => {
      const drawn = document.getElementById("app")?.dataset.routeDrawn ?? "";
      return drawn.startsWith(p + ":") ? Number(drawn.slice(p.length + 1)) : null;
    },
    profile,
    { timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

describe("child-safe routes", () => {
  let server: ChildProcess | undefined;
  let baseUrl = "";
  const temp = tempDirs();

  beforeAll(async () => {
    await ensureWebBuild();
    ({ server, baseUrl } = await startServer(temp.fresh("tongxing-e2e-route-data-")));
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await stopServer(server);
    temp.removeAll();
  }, 30_000);

  it("works on a phone from my position: child walking, stroller, alternative, English, Escape, axe", async () => {
    const target = await pickPlayground(baseUrl);
    const context = await openBrowser(temp.fresh("tongxing-e2e-route-phone-"), 390, 844);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await context.grantPermissions(["geolocation"], { origin: baseUrl });
      await context.setGeolocation(HERE);
      await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
      const all = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
      await waitForPlaces(page, "monaco", all.features.length);

      // "Locate me" is never tapped: opening the route panel asks for the position itself.
      await page.click('[data-category="play"]');
      const play = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco&category=play`);
      await waitForPlaces(page, "monaco", play.features.length);
      await openCardFromList(page, target.id);

      // The child walking route from my position: drawn, measured as the API measures it.
      await page.click("#place-card .card-route-button");
      const panel = page.locator("#route-panel");
      await panel.waitFor({ state: "visible" });
      expect(await page.locator("#place-card").isVisible()).toBe(false);
      expect(await page.isChecked("#profile-child-walk")).toBe(true);
      expect(await panel.locator(".route-start-text").textContent()).toBe("从你的位置出发");
      const walk = target.walk.features[0]!.properties;
      expect(await waitForRoute(page, "child-walk")).toBe(walk.distanceM);
      expect(await panel.locator(".route-start-text").textContent()).toBe("从你的位置出发");
      expect(await page.evaluate(() => window.__tongxing!.renderedRouteLines())).toBeGreaterThan(0);
      // The route, its start and its end are drawn above the place clusters, which fade meanwhile.
      expect(await page.getAttribute("#map", "data-route-above-places")).toBe("true");
      expect(await page.getAttribute("#map", "data-places-dimmed")).toBe("true");
      // No "左转进入… 0 米": every step along a street is at least a few metres long.
      const turns = walk.instructions.filter((i) => ["turn-left", "turn-right", "continue"].includes(i.type));
      expect(turns.every((i) => (i.distanceM ?? 0) >= 5)).toBe(true);
      expect(await panel.locator(".route-step-distance").allTextContents()).not.toContain("0 米");
      expect(await hiddenMapControls(page)).toEqual([]);
      expect(await panel.locator(".route-summary").textContent()).toMatch(/^[\d.]+ (公里|米) · 约 \d+ 分钟$/);
      expect(await panel.locator('.route-step[data-type="start"]').count()).toBe(1);
      expect(await panel.locator('.route-step[data-type="arrive"]').count()).toBe(1);
      expect(await panel.locator(".route-step").count()).toBe(walk.instructions.length);
      expect(await panel.locator(".route-warning").count()).toBe(walk.warnings.length);

      // Stroller: recomputed for the stroller profile.
      await page.click('label[for="profile-stroller"]');
      const stroller = target.stroller.features[0]!.properties;
      expect(await waitForRoute(page, "stroller")).toBe(stroller.distanceM);
      expect(await page.isChecked("#profile-stroller")).toBe(true);
      expect(await page.getAttribute("#app", "data-route-profile")).toBe("stroller");

      // The alternative, when there is one, can be chosen instead.
      const shorter = target.stroller.features.find((f) => f.properties.label === "shorter");
      if (shorter) {
        await panel.locator('.route-choice[data-label="shorter"]').click();
        await expect.poll(() => page.getAttribute("#app", "data-route-distance")).toBe(String(shorter.properties.distanceM));
        expect(await panel.locator('.route-choice[data-label="shorter"]').getAttribute("aria-pressed")).toBe("true");
        await panel.locator('.route-choice[data-label="safest"]').click();
      }
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "route-phone.png") });
      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

      // English: the route is asked for again with English directions.
      await page.click("#language-toggle");
      await waitForRoute(page, "stroller");
      await expect.poll(() => panel.locator('.route-step[data-type="arrive"]').textContent()).toMatch(/arrived/i);
      expect(await panel.locator(".route-summary").textContent()).toMatch(/ (km|m) · about \d+ min$/);

      // Escape goes back to the place card and clears the route from the map.
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "hidden" });
      await page.locator("#place-card").waitFor({ state: "visible" });
      await expect.poll(() => page.evaluate(() => window.__tongxing!.renderedRouteLines())).toBe(0);
      expect(await page.getAttribute("#map", "data-places-dimmed")).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("works on a desktop without a position: asks for a start, then a picked or searched one; same place; Hengyang; axe", async () => {
    const target = await pickPlayground(baseUrl);
    const context = await openBrowser(temp.fresh("tongxing-e2e-route-desktop-"), 1280, 800);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page, ROUTE_ERRORS);
      const routeRequests: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/api/route") routeRequests.push(request.url());
      });
      await context.clearPermissions();
      await page.goto(`${baseUrl}/?region=monaco&lang=en`);
      const all = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=monaco`);
      await waitForPlaces(page, "monaco", all.features.length);
      await openCardFromList(page, target.id);

      // The position is refused: the panel asks for a start and plans nothing (never from the map centre).
      await page.click("#place-card .card-route-button");
      const panel = page.locator("#route-panel");
      await panel.waitFor({ state: "visible" });
      await page.waitForSelector('#app[data-route-status="need-start"]', { timeout: STEP_TIMEOUT_MS });
      expect(await panel.locator(".route-start-text").textContent()).toBe("Where from? Choose a start");
      expect(await panel.locator(".route-need-start").textContent()).toContain("Location is off");
      expect(routeRequests).toEqual([]);
      expect(await hiddenMapControls(page)).toEqual([]);

      // Pick on the map: the next click in the map left free between the list and the panel is the start.
      await panel.locator('[data-start="pick"]').click();
      await page.waitForSelector("#map[data-picking]");
      const list = await page.locator("#results").boundingBox();
      const side = await panel.boundingBox();
      await page.mouse.click((list!.x + list!.width + side!.x) / 2, 300);
      await expect.poll(() => panel.locator(".route-start-text").textContent()).toBe("From the point you picked on the map");
      await page.waitForFunction(() => ["ready", "error"].includes(document.getElementById("app")?.dataset.routeStatus ?? ""), null, { timeout: STEP_TIMEOUT_MS });
      expect(routeRequests.length).toBeGreaterThan(0);

      // Search a place by name: the start becomes that place.
      await panel.locator('[data-start="search"]').click();
      await panel.locator("#route-start-query").fill("Condamine");
      await panel.locator("#route-start-query").press("Enter");
      const result = panel.locator(".route-start-result").first();
      await result.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      const startName = (await result.locator("strong").textContent()) ?? "";
      await result.click();
      await expect.poll(() => panel.locator(".route-start-text").textContent()).toBe(`From “${startName}”`);
      await waitForRoute(page, "child-walk");
      expect(await panel.locator('.route-step[data-type="arrive"]').count()).toBe(1);
      await page.evaluate(() => window.__tongxing!.idle());
      await page.screenshot({ path: path.join(RESULTS, "route-desktop.png") });
      const violations = await seriousAxeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

      // A start at the destination itself (a right-click on its marker) is said in words, not "0 m".
      // The list row brings the place into view as a single marker (the trip stays open).
      await page.locator(`#results-list [data-place-id="${target.id}"]`).click();
      let marker: { id: string; x: number; y: number } | undefined;
      await expect
        .poll(async () => {
          await page.evaluate(() => window.__tongxing!.idle());
          marker = (await page.evaluate(() => window.__tongxing!.markerPositions())).find((m) => m.id === target.id);
          return marker !== undefined;
        }, { timeout: STEP_TIMEOUT_MS })
        .toBe(true);
      const asked = routeRequests.length;
      await page.mouse.click(marker!.x, marker!.y, { button: "right" });
      await page.waitForSelector('#app[data-route-status="same-place"]', { timeout: STEP_TIMEOUT_MS });
      expect(await panel.locator(".route-same-place").textContent()).toContain("already there");
      expect(routeRequests.length).toBe(asked);

      // Hengyang has no street data yet: what is known instead, and no route request at all.
      await page.selectOption("#region-select", "hengyang");
      await panel.waitFor({ state: "hidden" });
      const hengyang = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=hengyang`);
      await waitForPlaces(page, "hengyang", hengyang.features.length);
      const before = routeRequests.length;
      await openCardFromList(page, hengyang.features[0]!.properties.id);
      await page.click("#place-card .card-route-button");
      await page.waitForSelector('#app[data-route-status="no-routes"]', { timeout: STEP_TIMEOUT_MS });
      expect(await panel.locator(".route-no-routes-title").textContent()).toBe("Route data not yet imported");
      expect(await panel.locator(".route-district").textContent()).toMatch(/^District: .+/);
      expect(await panel.locator("#profile-child-walk").isVisible()).toBe(false);
      expect(routeRequests.length).toBe(before);
      expect(await hiddenMapControls(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
