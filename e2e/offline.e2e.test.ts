/**
 * The map as an installed app with no signal (issue 21, "An app that installs and works
 * offline"), in Debian's Chromium on the real server at 390×844: the page is installable
 * (manifest with icons, a service worker in control, Chromium's own installability check),
 * and after one visit it opens with the network cut (Chromium's offline emulation) showing the
 * map, the places seen, a place viewed and a place saved, with the banner that says the data
 * is offline data and from when, in Chinese and English; axe finds nothing serious. A saved
 * guide opens offline too, when the server has the guides feature and a published guide.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";
import { pagePost, signUpParent } from "./voice-world.ts";

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

/** Asks the service worker to keep `urls` as saved things, as the ☆ 收藏 toggle does. */
async function keepAsSaved(page: Page, urls: string[]): Promise<unknown> {
  return page.evaluate(async (list) => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return "no worker";
    const channel = new MessageChannel();
    const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    worker.postMessage({ type: "keep", urls: list }, [channel.port2]);
    return answer;
  }, urls);
}

/** Taps a place's marker (the first one drawn whose tap opens the card); answers the id shown. */
async function tapMarker(page: Page): Promise<string> {
  await page.keyboard.press("Escape");
  let markers: Array<{ id: string; x: number; y: number }> = [];
  await expect.poll(async () => (markers = await page.evaluate(() => window.__tongxing?.markerPositions() ?? [])).length, { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(0);
  const inView = markers.filter((m) => m.x > 20 && m.x < 370 && m.y > 200 && m.y < 600);
  const marker = inView[0] ?? markers[0]!;
  await page.mouse.click(marker.x, marker.y);
  const card = page.locator("#place-card:not([hidden])");
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await card.getAttribute("data-place-id")) ?? "";
}

const bannerText = (page: Page) => page.locator("#offline-banner:not([hidden])").textContent({ timeout: STEP_TIMEOUT_MS });

describe("the app offline", () => {
  let dataDir = "";
  const server = useE2eServer("offline", async (dir) => {
    dataDir = dir;
  });

  it("installs, then opens with no network: the map, the places seen, a viewed and a saved place, and the offline banner", async () => {
    const baseUrl = server.baseUrl;
    const { context, page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    const places = await getJson<{ features: Array<{ properties: { id: string; name: { zh: string | null; en: string | null } } }> }>(`${baseUrl}/api/places?region=monaco`);
    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.documentElement.dataset["offlineWarm"] === "true", null, { timeout: 120_000 });

    // Installable: the manifest, its icons, the worker in control, and Chromium agrees.
    const manifest = await getJson<Manifest>(`${baseUrl}/manifest.webmanifest`);
    expect(manifest).toMatchObject({ short_name: "童行", lang: "zh-CN", start_url: "/", display: "standalone", theme_color: "#ffffff" });
    expect(manifest.name).toContain("童行");
    for (const [size, purpose] of [["192x192", "any"], ["512x512", "any"], ["512x512", "maskable"]] as const) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
      expect(icon, `${size} ${purpose} icon`).toBeDefined();
      const response = await fetch(new URL(icon!.src, baseUrl));
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toBe(size);
    }
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${baseUrl}/sw.js`);
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
    expect(await page.locator("#offline-banner").isHidden()).toBe(true);

    // A place viewed online (its marker tapped), and one saved without being opened.
    const viewedId = await tapMarker(page);
    const viewed = places.features.find((f) => f.properties.id === viewedId);
    expect(viewed, viewedId).toBeDefined();
    const saved = places.features.find((f) => f.properties.id !== viewedId)!;
    expect(await keepAsSaved(page, [`/api/places/${encodeURIComponent(saved.properties.id)}`])).toEqual({ failed: [] });
    expect(errors).toEqual([]);

    // No network: the app, the map and the places seen still open, and say so.
    await context.setOffline(true);
    const offlineErrors: string[] = [];
    page.on("pageerror", (error) => offlineErrors.push(error.message));
    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.getElementById("app")?.dataset["mapReady"] === "true", null, { timeout: STEP_TIMEOUT_MS });
    expect(await bannerText(page)).toMatch(/^离线数据，更新于 今天 \d\d:\d\d$/);
    await page.screenshot({ path: path.join(RESULTS, "offline-phone-map.png") });
    const again = await tapMarker(page);
    expect(await page.locator("#place-card h2").textContent()).toBeTruthy();
    expect(places.features.some((f) => f.properties.id === again)).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, "offline-phone-card.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The saved place's own answer (what 我的收藏 opens it with) comes from the phone.
    const kept = await page.evaluate(async (id) => {
      const response = await fetch(`/api/places/${encodeURIComponent(id)}`);
      return { status: response.status, offline: response.headers.get("x-tongxing-offline"), id: ((await response.json()) as { properties?: { id?: string } }).properties?.id };
    }, saved.properties.id);
    expect(kept).toEqual({ status: 200, offline: "1", id: saved.properties.id });

    await page.goto(`${baseUrl}/?region=monaco&lang=en`);
    await waitForPlaces(page, "monaco", places.features.length);
    expect(await bannerText(page)).toMatch(/^Offline data from today \d\d:\d\d$/);
    await page.screenshot({ path: path.join(RESULTS, "offline-phone-en.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(offlineErrors).toEqual([]);

    // The network back: the next answers are live, the banner goes.
    await context.setOffline(false);
    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.documentElement.dataset["offlineReady"] === "true", null, { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#offline-banner").isHidden()).toBe(true);
  });

  it("opens a saved guide offline", async (ctx) => {
    const baseUrl = server.baseUrl;
    const { context, page } = await server.open("guide", 390, 844);
    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await page.waitForFunction(() => document.documentElement.dataset["offlineWarm"] === "true", null, { timeout: 120_000 });
    // A parent writes a guide over three places near each other (an adult's clean guide is published).
    const places = await getJson<{ features: Array<{ geometry: { coordinates: [number, number] }; properties: { id: string } }> }>(`${baseUrl}/api/places?region=monaco`);
    const [lon, lat] = places.features[0]!.geometry.coordinates;
    const near = [...places.features].sort((a, b) => Math.hypot(a.geometry.coordinates[0] - lon, a.geometry.coordinates[1] - lat) - Math.hypot(b.geometry.coordinates[0] - lon, b.geometry.coordinates[1] - lat)).slice(0, 3);
    const guidesPage = (await fetch(`${baseUrl}/guides.html`)).status;
    await signUpParent(page, dataDir, "13912340031", "攻略妈妈");
    const written = await pagePost(page, "/api/guides", {
      kind: "tour", title: "海边半日游", summary: "沿着海边走，先去游乐场再去公园。", theme: "nature", ageMin: 4, ageMax: 10, minutes: 120,
      cost: "free", stroller: true, wheelchair: false, stops: near.map((p) => ({ placeId: p.properties.id })),
    });
    const guide = (written.body as { guide?: { id: string; status: string } } | null)?.guide;
    if (guidesPage !== 200 || written.status !== 201 || guide?.status !== "published") {
      writeFileSync(path.join(RESULTS, "offline-guide-skipped.txt"), `guides.html ${guidesPage}, POST /api/guides ${written.status} ${JSON.stringify(written.body).slice(0, 200)}\n`);
      ctx.skip();
      return;
    }
    // Saved: the guide's answer and page kept, as the ☆ of a guide does; seen once online.
    expect(await keepAsSaved(page, [`/api/guides/${guide.id}`, `/guides.html?id=${guide.id}`])).toEqual({ failed: [] });
    await page.goto(`${baseUrl}/guides.html?id=${guide.id}&lang=zh`);
    await page.locator("h1", { hasText: "海边半日游" }).waitFor({ timeout: STEP_TIMEOUT_MS });

    await context.setOffline(true);
    await page.goto(`${baseUrl}/guides.html?id=${guide.id}&lang=zh`);
    await page.locator("h1", { hasText: "海边半日游" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // Its map with the legs, drawn from the tiles kept with it.
    await page.waitForFunction(() => document.getElementById("guides")?.dataset["ready"] === "guide", null, { timeout: STEP_TIMEOUT_MS });
    await page.screenshot({ path: path.join(RESULTS, "offline-phone-guide.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
