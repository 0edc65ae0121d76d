/**
 * The Content-Security-Policy of the five pages, in Debian's Chromium on the real server:
 * each page is loaded and used a little (the map draws its places and tiles and finds a
 * place by search, the privacy rules and the public progress show, an administrator signs in
 * and walks the staff views, the planner analyses coverage on its map), and the browser
 * reports no violation of the policy at all, neither as a `securitypolicyviolation` event
 * nor on the console. The answer headers themselves are checked on each page too.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { STEP_TIMEOUT_MS, getJson, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn, goToView, waitForView } from "./staff.ts";

/** Signed out, pages ask who is signed in (401); Hengyang has no streets to analyse (404). */
const EXPECTED = [...SIGNED_OUT, /\/api\/members\/me$/, /\/api\/coverage\?region=hengyang/];

/**
 * Records every policy violation the page's documents see, from before their first script;
 * the function returned hands over (and forgets) what was seen since it was last called.
 */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener("securitypolicyviolation", (event) => {
      found.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) seen.push(`console: ${message.text()}`);
  });
  return async () => [...seen.splice(0), ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations?.splice(0) ?? []))];
}

/** Opens a page and checks its security headers. */
async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("no-referrer");
}

describe("security headers in the browser", () => {
  const server = useE2eServer("csp", (dataDir) => addStaffUser(dataDir, "csp-admin", "admin", "安全检查"));

  it("loads and uses all five pages without a single Content-Security-Policy violation", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("desktop", 1280, 800);
    const errors = watchErrors(page, EXPECTED);
    const violations = await watchPolicy(page);
    const found: string[] = [];

    // The map: places drawn, basemap tiles fetched and drawn by MapLibre's worker, a search.
    const tiles: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/tiles/") && response.status() === 200) tiles.push(response.url());
    });
    await visit(page, `${baseUrl}/?region=monaco&lang=en`);
    const all = await getJson<{ features: unknown[] }>(`${baseUrl}/api/places?region=monaco`);
    await waitForPlaces(page, "monaco", all.features.length);
    await page.locator("#search-input").pressSequentially("playground", { delay: 30 });
    await page.locator('#search-listbox [role="option"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("#place-card:not([hidden])").waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(tiles.length, "basemap tiles were loaded").toBeGreaterThan(0);
    found.push(...(await violations()));

    await visit(page, `${baseUrl}/privacy.html?lang=en`);
    await page.locator("#privacy h1").waitFor({ timeout: STEP_TIMEOUT_MS });
    found.push(...(await violations()));

    await visit(page, `${baseUrl}/progress.html?lang=zh`);
    await page.waitForSelector('#progress[data-status="ready"]', { timeout: STEP_TIMEOUT_MS });
    found.push(...(await violations()));

    // Staff: sign in, then the dashboard, the districts, the sites and moderation.
    await visit(page, `${baseUrl}/staff.html?lang=zh`);
    await fillSignIn(page, `${baseUrl}/staff.html?lang=zh`, "csp-admin");
    await waitForView(page, "queue");
    for (const view of ["dashboard", "districts", "sites", "moderation"]) await goToView(page, `#${view}`, view);
    found.push(...(await violations()));

    // The planner, signed in by now: coverage drawn on its own map.
    await visit(page, `${baseUrl}/planner.html?lang=zh`);
    await page.waitForSelector('#planner[data-status="ready"]', { timeout: STEP_TIMEOUT_MS });
    await page.evaluate(() => window.__planner?.idle());
    found.push(...(await violations()));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
