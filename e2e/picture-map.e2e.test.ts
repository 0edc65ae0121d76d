/**
 * A touch phone's first view (issues 15 and 21, "a map that loads fast on a phone"), in Debian's
 * Chromium on the real server at 390×844 with a touch screen, as Lighthouse's mobile preset and
 * real phones are: the map opens as a picture (the server's tile pictures and the places as
 * dots) without fetching MapLibre, within 400 KB before its first frame; the credits and zoom
 * buttons can be seen; a tapped dot opens its place; 怎么去 starts MapLibre, which draws the
 * route; a drag starts it too, and it takes over where the picture was moved to.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, TOUCH_PHONE, getJson, hiddenReason, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";

const HERE = { latitude: 43.7384, longitude: 7.4246 };
/** Issue 15's target for what a phone downloads before the map's first frame. */
const FIRST_FRAME_BYTES = 400 * 1024;
/** MapLibre's files (its main chunk is named after flat-map.ts, the map view after map-view.ts). */
const MAPLIBRE = /\/assets\/(flat-map|map-view|maplibre-gl-worker)[-\w]*\.m?js$/;

interface Places {
  features: Array<{ geometry: { coordinates: [number, number] }; properties: { id: string } }>;
}

const mapKind = (page: Page) => page.getAttribute("#map", "data-map-kind");

/** Metres between two lon/lat points (equirectangular; fine within a city). */
function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111_320;
}

describe("a touch phone's first view", () => {
  const server = useE2eServer("picture-map");

  it("opens as a picture without MapLibre, under 400 KB; a tapped dot opens its place; 怎么去 starts MapLibre and draws the route", async () => {
    const baseUrl = server.baseUrl;
    const { context, page } = await server.open("tap", 390, 844, TOUCH_PHONE);
    await context.grantPermissions(["geolocation"], { origin: baseUrl });
    await context.setGeolocation(HERE);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    const fetched: Array<{ url: string; start: number; bytes: number }> = [];
    page.on("requestfinished", (request) => {
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        const bytes = Math.max(sizes.responseBodySize, Number(response?.headers()["content-length"] ?? 0)) + sizes.responseHeadersSize;
        fetched.push({ url: request.url(), start: request.timing().startTime, bytes });
      });
    });
    const places = await getJson<Places>(`${baseUrl}/api/places?region=monaco`);

    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.getElementById("app")?.dataset["mapReady"] === "true", null, { timeout: STEP_TIMEOUT_MS });
    expect(await mapKind(page)).toBe("picture");
    const frame = await page.evaluate(async () => {
      await window.__tongxing?.idle();
      const mark = performance.getEntriesByName("tongxing:map-ready")[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    });
    expect(frame, "the app marks the map's first frame").not.toBeNull();
    await page.waitForTimeout(500);
    const before = fetched.filter((f) => f.start < frame!);
    expect(before.filter((f) => MAPLIBRE.test(f.url)).map((f) => f.url), "MapLibre fetched before the first frame").toEqual([]);
    expect(before.some((f) => /\/tiles\/\d+\/\d+\/\d+\.webp/.test(f.url)), "tile pictures drawn").toBe(true);
    const bytes = before.reduce((sum, f) => sum + f.bytes, 0);
    expect(bytes, `bytes before the first frame: ${bytes}`).toBeLessThanOrEqual(FIRST_FRAME_BYTES);

    // Every place of the first view is a dot; the credits and the zoom buttons are in sight.
    const dots = await page.evaluate(() => window.__tongxing!.markerPositions());
    expect(dots.length).toBeGreaterThan(places.features.length / 2);
    expect(await hiddenReason(page, ".map-preview-credits")).toBeNull();
    expect(await page.locator(".map-preview-credits").textContent()).toContain("OpenStreetMap");
    for (const label of ["放大", "缩小"]) expect(await hiddenReason(page, `.map-preview-zoom button[aria-label="${label}"]`)).toBeNull();
    await page.screenshot({ path: path.join(RESULTS, "picture-map-phone.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A finger on a dot 300 m to 2 km from here (not under the list's sheet) opens that place.
    const where = new Map(places.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    const here: [number, number] = [HERE.longitude, HERE.latitude];
    const dot = dots.find((d) => d.y > 250 && d.y < 600 && d.x > 30 && d.x < 360 && metres(where.get(d.id)!, here) > 300 && metres(where.get(d.id)!, here) < 2000) ?? dots[0]!;
    await page.touchscreen.tap(dot.x, dot.y);
    const card = page.locator("#place-card:not([hidden])");
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    const opened = await card.getAttribute("data-place-id");
    // Dots may overlap: the one nearest the finger opens, within a finger's width of the tap.
    expect(dots.some((d) => d.id === opened && Math.hypot(d.x - dot.x, d.y - dot.y) <= 23)).toBe(true);
    expect(await mapKind(page)).toBe("picture");
    expect(fetched.filter((f) => MAPLIBRE.test(f.url))).toEqual([]);

    // 怎么去 from my position: MapLibre starts and draws the route.
    await page.locator("#place-card .card-route-button").tap();
    const panel = page.locator("#route-panel");
    await panel.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    await page.waitForFunction(() => (window.__tongxing?.renderedRouteLines() ?? 0) > 0, null, { timeout: STEP_TIMEOUT_MS });
    expect(await mapKind(page)).toBe("vector");
    expect(await page.locator(".map-preview").count()).toBe(0);
    expect(fetched.some((f) => MAPLIBRE.test(f.url))).toBe(true);
    expect(await panel.locator(".route-start-text").textContent()).toBe("从你的位置出发");
    await page.screenshot({ path: path.join(RESULTS, "picture-map-phone-route.png") });
    expect(errors).toEqual([]);
  });

  it("a drag moves the picture and starts MapLibre, which takes over where the picture was moved to", async () => {
    const baseUrl = server.baseUrl;
    const { context, page } = await server.open("drag", 390, 844, TOUCH_PHONE);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    const places = await getJson<Places>(`${baseUrl}/api/places?region=monaco`);
    await page.goto(`${baseUrl}/?region=monaco&lang=en`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.getElementById("app")?.dataset["mapReady"] === "true", null, { timeout: STEP_TIMEOUT_MS });
    expect(await mapKind(page)).toBe("picture");
    expect(await page.getAttribute(".map-preview", "aria-label")).toBe("Map of child-friendly places");
    const start = await page.evaluate(() => window.__tongxing!.center());

    // A real touch drag (Chromium's input events), 80 px to the left and 60 px up.
    const cdp = await context.newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    await touch("touchStart", 200, 450);
    for (let i = 1; i <= 8; i++) await touch("touchMove", 200 - i * 10, 450 - i * 7.5);
    await touch("touchEnd", 120, 390);
    const moved = await page.evaluate(() => window.__tongxing!.center());
    expect(moved[0]).toBeGreaterThan(start[0]);
    expect(moved[1]).toBeLessThan(start[1]);

    await page.waitForFunction(() => document.getElementById("map")?.dataset["mapKind"] === "vector", null, { timeout: STEP_TIMEOUT_MS });
    await page.evaluate(() => window.__tongxing!.idle());
    const taken = await page.evaluate(() => window.__tongxing!.center());
    expect(metres(taken, moved)).toBeLessThan(5);
    expect(await page.locator(".map-preview").count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS, "picture-map-phone-dragged.png") });
    expect(errors).toEqual([]);
  });
});
