/**
 * Guides end to end in Debian's Chromium (issue 21): on a phone (390×844) a child of a
 * 小小推荐官 team, signed in with a guardian's consent, writes a guide by searching and
 * picking two places of the Monaco sample; it is told the guide waits for a moderator, and
 * the public list does not show it. A moderator approves it; the list then shows it with the
 * child's nickname and team, and its page draws the legs on the map with the stops, the share
 * link, the QR code and the print link. axe-core finds no serious problem on the list, the
 * form and the guide at 390×844 and 1280×800; screenshots go to test-results/guides-*.png.
 * The server runs in-process on the app's own web build.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAdult, signedInChild, signedInStaff } from "../src/app/test-actors.ts";
import { type TestServer, startTestServer } from "../src/app/test-server.ts";
import { distanceMeters } from "../src/core/geo.ts";
import type { Place } from "../src/core/place.ts";
import type { TestClient } from "../src/platform/testing/http-client.ts";
import { axeRuleViolations } from "./axe-rules.ts";
import { RESULTS, STEP_TIMEOUT_MS, ensureWebBuild, openBrowser, seriousAxeViolations, watchErrors } from "./harness.ts";

const TITLE = "摩纳哥海边半日游";
const TEAM = "衡阳文旅小小推荐官";

async function expectAxeClean(page: Page): Promise<void> {
  const serious = await seriousAxeViolations(page);
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  const named = await axeRuleViolations(page, ["color-contrast", "heading-order", "landmark-unique"]);
  expect(named, JSON.stringify(named, null, 2)).toEqual([]);
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `guides-${name}.png`), fullPage: true });
const ready = (page: Page, state: string) => page.waitForSelector(`#guides[data-ready="${state}"]`, { timeout: STEP_TIMEOUT_MS });

/** The member cookie of a signed-in test client, given to a browser. */
async function shareSession(context: BrowserContext, client: TestClient, base: string): Promise<void> {
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: base })));
}

describe("guides in the browser", () => {
  let t: TestServer;
  let profiles: string;
  const contexts: BrowserContext[] = [];
  let places: Place[];
  let moderator: TestClient;
  let guideId = "";

  const open = async (label: string, width: number, height: number) => {
    const context = await openBrowser(path.join(profiles, label), width, height);
    contexts.push(context);
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  };

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    profiles = mkdtempSync(path.join(os.tmpdir(), "tongxing-guides-profiles-"));
    await ensureWebBuild();
    t = await startTestServer("sqlite", { web: true });
    // Two places a family would visit (a playground, a park, a museum…), found by their English names.
    const visits = new Set(["playground", "park", "museum", "library", "zoo", "garden", "aquarium"]);
    const all = t.server.catalog.index.places.filter((p) => p.regionId === "monaco");
    const shown = (p: Place) => p.name.zh ?? p.name.en;
    const unique = (p: Place) => all.filter((q) => shown(q) === shown(p)).length === 1;
    const monaco = all.filter((p) => visits.has(p.kind) && p.name.en && /^[A-Za-z ]{6,}$/.test(p.name.en) && unique(p));
    places = [];
    for (const p of monaco) if (places.length < 2 && places.every((q) => distanceMeters([q.lon, q.lat], [p.lon, p.lat]) > 200 && distanceMeters([q.lon, q.lat], [p.lon, p.lat]) < 1500)) places.push(p);
    expect(places).toHaveLength(2);
    moderator = await signedInStaff(t, "guidese2emod", "moderator");
  }, 400_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await t?.stop();
    rmSync(profiles, { recursive: true, force: true });
  }, 60_000);

  it("a child's guide waits for a moderator, written on a phone", async () => {
    const guardian = await signedInAdult(t, "13900002001", "妈妈");
    const { client: child } = await signedInChild(t, guardian, "guidee2ekid", "小雨");
    const { context, page } = await open("child", 390, 844);
    const errors = watchErrors(page);
    await shareSession(context, child, t.base);
    await page.goto(`${t.base}/guides.html?write=1`);
    await ready(page, "form");
    await expect(page.locator(".gd-head p").first().textContent()).resolves.toContain("小雨");
    await page.fill("#gd-title", TITLE);
    await page.fill("#gd-summary", "先去公园玩滑梯，再沿着海边走到下一站。");
    await page.fill("#gd-team", TEAM);
    for (const place of places) {
      await page.fill("#gd-place-query", place.name.en!);
      await page.click(".gd-pick > .button");
      await page.locator(`.gd-hit button[aria-label="加入: ${place.name.zh ?? place.name.en}"]`).first().click({ timeout: STEP_TIMEOUT_MS });
    }
    await expect(page.locator(".gd-picked-stop").count()).resolves.toBe(2);
    await page.fill("#gd-note-0", "滑梯很长，记得排队");
    // A photo of the first stop, as a phone takes it (with its position in the metadata, which the server drops).
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#4cae4f" } }).jpeg().withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "43/1 44/1 0/1" } }).toBuffer();
    await page.setInputFiles("#gd-photos-0", { name: "slide.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect(page.locator(".gd-photos-chosen").first().textContent()).resolves.toBe("选了 1 张照片");
    await expectAxeClean(page);
    await shoot(page, "form-390");
    await page.click(".gd-form button[type=submit]");
    await ready(page, "written");
    await expect(page.locator(".gd-status").textContent()).resolves.toContain("审核");
    await shoot(page, "written-390");
    expect(errors).toEqual([]);
    const mine = await child.get("/api/guides/mine");
    const guides = mine.body["guides"] as Array<{ id: string; status: string; title: string }>;
    expect(guides).toEqual([expect.objectContaining({ title: TITLE, status: "pending", start: expect.objectContaining({ placeId: places[0]!.id }) })]);
    guideId = guides[0]!.id;
    const stops = ((await child.get(`/api/guides/${guideId}`)).body["guide"] as { stops: Array<{ photos: string[] }> }).stops;
    expect(stops.map((s) => s.photos.length)).toEqual([1, 0]);

    const { page: visitor } = await open("visitor-before", 390, 844);
    await visitor.goto(`${t.base}/guides.html`);
    await ready(visitor, "list");
    await expect(visitor.locator(".gd-card").count()).resolves.toBe(0);
  });

  it("after approval the guide is listed and drawn on the map, at 390×844 and on a desktop", async () => {
    const seen = (await moderator.get(`/api/moderation/items/guide/${guideId}`)).body["item"] as { statusAt: string };
    expect((await moderator.post(`/api/moderation/items/guide/${guideId}/decisions`, { action: "approve", reason: "看过了，内容合适", seenStatusAt: seen.statusAt })).status).toBe(200);
    for (const [label, width, height] of [["390", 390, 844], ["desktop", 1280, 800]] as const) {
      const { page } = await open(`visitor-${label}`, width, height);
      const errors = watchErrors(page, [/\/tiles\//]);
      await page.goto(`${t.base}/guides.html?age=6`);
      await ready(page, "list");
      const card = page.locator(`.gd-card[data-guide="${guideId}"]`);
      await expect(card.textContent()).resolves.toContain(`小雨（${TEAM}）`);
      await expectAxeClean(page);
      await shoot(page, `list-${label}`);
      await card.locator("a").click();
      await ready(page, "guide");
      await expect(page.locator(".gd-stop").count()).resolves.toBe(2);
      // The first stop's photo, shown once the moderator approved the guide.
      const thumb = page.locator(".gd-stop").first().locator(".gd-stop-photos img");
      await expect(thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
      await expect(page.locator(".gd-leg").first().textContent()).resolves.toMatch(/^↓ (步行 \d+ 米|公交（.+）)，?约 \d+ 分钟$/);
      await expect(page.locator("#gd-share-link").inputValue()).resolves.toBe(`${t.base}/guides.html?id=${guideId}`);
      await expect(page.locator(".gd-qr").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
      await expect(page.locator(".gd-print").getAttribute("href")).resolves.toBe(`/api/guides/${guideId}.html`);
      await expect(page.locator(".maplibregl-ctrl-attrib").textContent()).resolves.toContain("OpenStreetMap");
      await expectAxeClean(page);
      await shoot(page, `guide-${label}`);
      expect(errors).toEqual([]);
    }
    // English second: the same guide in English words.
    const { page: english } = await open("english", 1280, 800);
    await english.goto(`${t.base}/guides.html?id=${guideId}&lang=en`);
    await ready(english, "guide");
    await expect(english.locator(".gd-facts").textContent()).resolves.toBe("Day-out guide · Nature · ages 4–10 · about 120 min · Free");
    await expect(english.locator(".gd-credit").textContent()).resolves.toBe(`By 小雨 (${TEAM})`);
    await shoot(english, "guide-en");
    // The A4 page a school prints: the title, the stops, the QR code of the share link.
    const { page: print } = await open("print", 794, 1123);
    await print.goto(`${t.base}/api/guides/${guideId}.html`);
    await expect(print.locator("h1").textContent()).resolves.toBe(TITLE);
    await expect(print.locator("ol.stops li").count()).resolves.toBe(2);
    await expectAxeClean(print);
    await shoot(print, "print-a4");
  });
});
