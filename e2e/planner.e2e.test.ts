/**
 * End-to-end test of the planner (规划决策) in Debian's Chromium, on the real server with a
 * fresh data directory and a `leader` account made with the `tongxing user add` command.
 * The planner signs in, picks "playground, 10 minutes" as a custom standard, sees the gap
 * layer on the map (the coverage source holds the residential areas, the legend and the
 * table show shares), asks for suggested sites, clicks the map where the first suggestion
 * is and sees the covered share rise. On a phone the page flows in one column, Hengyang
 * (no street data) explains itself, and the print brief fits its page. axe-core finds no
 * serious problem. Screenshots at 1280x800 and 390x844 go to test-results/planner-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, seriousAxeViolations, useE2eServer, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn } from "./staff.ts";
import { axeRuleViolations } from "./axe-rules.ts";

/**
 * Expected refusals: signed out, the page asks who is signed in (401); Hengyang has no
 * street network, so its coverage is 404, both when the page checks which cities it can
 * analyse and when the planner picks it.
 */
const EXPECTED = [...SIGNED_OUT, /\/api\/coverage\?region=hengyang/];

interface Suggestion {
  lon: number;
  lat: number;
  gainM2: number;
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await fillSignIn(page, `${baseUrl}/planner.html?lang=zh`, "planner1");
  await waitReady(page);
}

/** Waits until the page shows a finished analysis and the map has drawn it. */
async function waitReady(page: Page, status = "ready"): Promise<void> {
  await page.waitForSelector(`#planner[data-status="${status}"]`, { timeout: STEP_TIMEOUT_MS });
  await page.evaluate(() => window.__planner?.idle());
}

/** The shares the panel shows now, read from the tiles (0..1). */
async function shownShares(page: Page): Promise<{ buildings: number; land: number; text: string }> {
  const buildings = Number(await page.locator("#share-buildings").getAttribute("data-share"));
  const land = Number(await page.locator("#share-land").getAttribute("data-share"));
  return { buildings, land, text: (await page.locator("#share-buildings").textContent()) ?? "" };
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `planner-${name}.png`), fullPage });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  // Moderate to axe, but a screen reader's list of landmarks and headings depends on them.
  const named = await axeRuleViolations(page, ["heading-order", "landmark-unique", "region", "aria-prohibited-attr", "landmark-one-main", "page-has-heading-one"]);
  expect(named, JSON.stringify(named, null, 2)).toEqual([]);
}

describe("planner", () => {
  const server = useE2eServer("planner", (dataDir) => addStaffUser(dataDir, "planner1", "leader", "规划师"));

  it("shows the playground gap at 10 minutes and a suggested site raising coverage", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("desktop", 1280, 800);
    const errors = watchErrors(page, EXPECTED);
    await signIn(page, baseUrl);
    expect(await page.locator(".planner-title").textContent()).toBe("规划决策");
    // The standard's basis in the page's language.
    const basis = (await page.locator(".panel-note", { hasText: "依据" }).textContent()) ?? "";
    expect(basis).toMatch(/^依据：GB 50180-2018《城市居住区规划设计标准》/);
    expect(basis).not.toMatch(/life circle|within/);

    // Custom standard: playground only, 10 minutes.
    await page.selectOption("#planner-standard", "custom");
    await page.locator(".custom-fields").waitFor();
    if (await page.isChecked("#kind-play_equipment")) await page.click('label[for="kind-play_equipment"]');
    if (!(await page.isChecked("#kind-playground"))) await page.click('label[for="kind-playground"]');
    await page.fill("#planner-minutes", "10");
    await page.press("#planner-minutes", "Enter");
    await page.waitForFunction(() => document.querySelector('.legend-bands [data-band="miss"]')?.textContent?.includes("10–20"), null, { timeout: STEP_TIMEOUT_MS });
    await waitReady(page);

    // The gap layer: residential areas on the map, shares in the tiles, the legend and the table.
    expect(await page.evaluate(() => window.__planner!.areaCount())).toBeGreaterThan(500);
    const before = await shownShares(page);
    expect(before.text).toMatch(/^\d+\.\d%$/);
    expect(before.buildings).toBeGreaterThan(0);
    expect(before.buildings).toBeLessThan(1);
    expect(await page.locator(".legend-bands li").count()).toBe(4);
    expect(await page.locator(".legend-proxy").textContent()).toContain("不是人口数");
    expect(await page.locator(".district-table .total-row td").last().textContent()).toBe(before.text);

    // Suggestions, then a click on the map where the first one is.
    await page.click("#suggest-sites");
    await page.locator(".suggestion-item").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator(".suggestion-item").count()).toBe(3);
    await page.evaluate(() => window.__planner!.idle());
    const answer = await page.request.get(`${baseUrl}/api/coverage/suggest?region=monaco&kind=playground&minutes=10&k=3`);
    const [first] = ((await answer.json()) as { suggestions: Suggestion[] }).suggestions;
    expect(first).toBeDefined();
    await shoot(page, "suggestions-desktop");
    const at = await page.evaluate(([lon, lat]) => window.__planner!.pagePoint(lon, lat), [first!.lon, first!.lat] as const);
    await page.mouse.click(at.x, at.y);
    await page.locator(".share-change").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await waitReady(page);

    const after = await shownShares(page);
    expect(after.buildings).toBeGreaterThan(before.buildings);
    expect(after.land).toBeGreaterThan(before.land);
    expect(Number.parseFloat(after.text)).toBeGreaterThan(Number.parseFloat(before.text));
    expect(await page.locator(".proposed-item").count()).toBe(1);
    expect(await page.locator(".planner-proposed").count()).toBe(1);
    // The new site is named by the nearest place (or how far it is), not by coordinates.
    await page.waitForFunction(() => /拟建点 1：/.test(document.querySelector(".proposed-item .plan-text")?.textContent ?? ""), null, { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator(".proposed-item .plan-text").textContent()).toMatch(/^拟建点 1：\S.*(附近|米)$/);
    await shoot(page, "desktop");
    await expectAccessible(page);

    // The exports carry the what-if site.
    const csvHref = (await page.locator('.export-link[data-format="csv"]').getAttribute("href")) ?? "";
    expect(csvHref).toContain("site=");
    const csv = await page.request.get(`${baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("覆盖率");

    // The print brief: one A4 page with the map, the shares and the change.
    // As a browser does: "beforeprint" first, with the screen layout, then the print layout.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-brief .brief-map").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    await shoot(page, "print", true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: "screen" });

    // Reset brings back the numbers of now.
    await page.click("#reset-what-if");
    await page.locator(".no-changes").waitFor({ timeout: STEP_TIMEOUT_MS });
    expect((await shownShares(page)).buildings).toBe(before.buildings);
    expect(errors).toEqual([]);
  });

  it("works on a phone and explains a city without street data", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page, EXPECTED);
    await signIn(page, baseUrl);
    expect(await page.locator("#share-buildings").textContent()).toMatch(/^\d+\.\d%$/);
    // One column: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, "phone");
    await shoot(page, "phone-full", true);
    await expectAccessible(page);

    await page.selectOption("#planner-region", "hengyang");
    await waitReady(page, "no-data");
    expect(await page.locator("#no-data-note").textContent()).toContain("衡阳市还没有街道网络和居住区数据");
    expect(await page.evaluate(() => window.__planner!.areaCount())).toBe(0);
    await shoot(page, "phone-no-data");
    expect(errors).toEqual([]);
  });
});
