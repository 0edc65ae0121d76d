/**
 * Favourites (收藏) on a phone, in Debian's Chromium on the real server at 390×844: a signed-in
 * parent saves a place from its card (☆ 收藏), saves another with no network (kept on the phone,
 * listed at once with the change waiting), and the network back sends it; 我的收藏 lists both
 * and still opens with no network. Runs once the page mounts the favourites (main.ts) and the
 * server has the favourites domain (domain-list.ts); until then it is skipped, saying why.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";
import { pageGet, signUpParent } from "./voice-world.ts";

/** Taps the first place marker drawn in the middle of the screen; answers the id its card shows. */
async function openFirstMarker(page: Page): Promise<string> {
  let markers: Array<{ id: string; x: number; y: number }> = [];
  await expect.poll(async () => (markers = (await page.evaluate(() => window.__tongxing?.markerPositions() ?? [])).filter((m) => m.x > 30 && m.x < 360 && m.y > 200 && m.y < 700)).length, { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(0);
  await page.mouse.click(markers[0]!.x, markers[0]!.y);
  return openedCard(page);
}

/** Opens the list and picks a place other than `not`; answers its id. */
async function openFromList(page: Page, not: string): Promise<string> {
  await page.keyboard.press("Escape");
  await page.click(".results-toggle");
  const item = page.locator(`#results-list [data-place-id]:not([data-place-id="${not}"])`).first();
  await item.click();
  return openedCard(page);
}

async function openedCard(page: Page): Promise<string> {
  const card = page.locator("#place-card:not([hidden])");
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  await card.locator(".favourite-toggle").waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await card.getAttribute("data-place-id")) ?? "";
}

const serverFavourites = async (page: Page) => ((await pageGet<{ favourites?: Array<{ id: string }> }>(page, "/api/members/me/favourites")).favourites ?? []).map((f) => f.id).sort();

describe("favourites on a phone", () => {
  let dataDir = "";
  const server = useE2eServer("favourites", async (dir) => {
    dataDir = dir;
  });

  it("saves a place online and one offline, syncs when back online, and lists them offline", async (ctx) => {
    const baseUrl = server.baseUrl;
    const { context, page } = await server.open("phone", 390, 844);
    const places = await getJson<{ features: unknown[] }>(`${baseUrl}/api/places?region=monaco`);
    await page.goto(`${baseUrl}/?region=monaco&lang=zh`);
    await waitForPlaces(page, "monaco", places.features.length);
    await page.waitForFunction(() => document.documentElement.dataset["offlineWarm"] === "true", null, { timeout: 120_000 });
    const wired = (await fetch(`${baseUrl}/api/members/me/favourites`)).status !== 404 && (await page.locator("#favourites-button").count()) > 0;
    if (!wired) {
      writeFileSync(path.join(RESULTS, "favourites-skipped.txt"), "favourites not mounted in main.ts or not registered in domain-list.ts\n");
      ctx.skip();
      return;
    }
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    await signUpParent(page, dataDir, "13912340021", "收藏妈妈");
    await page.reload();
    await waitForPlaces(page, "monaco", places.features.length);
    await page.locator("#account-button").waitFor({ timeout: STEP_TIMEOUT_MS });

    const first = await openFirstMarker(page);
    const toggle = page.locator("#place-card .favourite-toggle");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await toggle.textContent()).toBe("★ 已收藏");
    await expect.poll(() => serverFavourites(page), { timeout: STEP_TIMEOUT_MS }).toEqual([first]);

    expect(errors).toEqual([]);

    // No network: the save shows at once and waits.
    await context.setOffline(true);
    const second = await openFromList(page, first);
    expect(second).not.toBe(first);
    await page.locator("#place-card .favourite-toggle").click();
    await expect.poll(() => page.locator("#place-card .favourite-toggle").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Escape");
    await page.click("#favourites-button");
    const panel = page.locator("#favourites-panel:not([hidden])");
    await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await panel.locator(".favourite-open").count()).toBe(2);
    expect(await panel.locator(".favourites-waiting").textContent()).toBe("1 个改动等有网络时同步");
    await page.screenshot({ path: path.join(RESULTS, "favourites-phone-offline.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The network back: the waiting save reaches the server.
    await context.setOffline(false);
    await expect.poll(() => serverFavourites(page), { timeout: STEP_TIMEOUT_MS }).toEqual([first, second].sort());
    await expect.poll(() => panel.locator(".favourites-waiting").count()).toBe(0);

    // Offline again, after a reload: the list is on the phone and opens a saved place.
    await context.setOffline(true);
    await page.reload();
    await waitForPlaces(page, "monaco", places.features.length);
    await page.locator("#favourites-button").click();
    await panel.locator(`[data-place-id="${second}"]`).click();
    await page.locator(`#place-card:not([hidden])[data-place-id="${second}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.screenshot({ path: path.join(RESULTS, "favourites-phone-offline-card.png") });
  });
});
