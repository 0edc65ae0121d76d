/**
 * End-to-end test of the school-route page (儿童友好学径) in Debian's Chromium, on the real
 * server with a fresh data directory and a `leader` account. A planner signs in, sees
 * Monaco's schools least safe first, opens a school and sees its walks drawn on the map and
 * its crossings ranked, marks the first crossing on a main road signalised and sees a safe-
 * walk share change, and prints the parents' map. On a phone the page flows in one column
 * and a city without street data explains itself. axe-core finds no serious problem.
 * Screenshots go to test-results/schoolroutes-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, seriousAxeViolations, useE2eServer, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn } from "./staff.ts";

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("#schoolroutes[data-ready]", { timeout: STEP_TIMEOUT_MS });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `schoolroutes-${name}.png`) });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** The street pieces of walks the map was given to draw. */
async function drawnWalks(page: Page): Promise<number> {
  await page.evaluate(() => window.__schoolRoutes?.idle());
  return page.evaluate(() => window.__schoolRoutes?.walks() ?? 0);
}

describe("safe school routes", () => {
  const server = useE2eServer("schoolroutes", async (dataDir) => {
    await addStaffUser(dataDir, "schoolplanner", "leader", "规划师");
    await addStaffUser(dataDir, "schooladmin", "admin", "管理员");
  });

  it("ranks a school's crossings, marks one signalised and sees the share change, prints the parents' map", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("desktop", 1280, 800);
    const errors = watchErrors(page, SIGNED_OUT);
    await fillSignIn(page, `${baseUrl}/schoolroutes.html?lang=zh`, "schoolplanner");
    await ready(page);
    expect(await page.locator("h1.view-title").textContent()).toBe("儿童友好学径");
    const schools = page.locator(".sr-school");
    expect(await schools.count()).toBeGreaterThanOrEqual(5);
    // The first school in the list is the one shown, and the least safe one with walkers.
    expect(await schools.first().getAttribute("aria-pressed")).toBe("true");
    expect(await drawnWalks(page)).toBeGreaterThan(20);
    expect(await page.locator(".sr-crossing").count()).toBeGreaterThan(0);
    await page.locator(".sr-map canvas").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(1500);
    await shoot(page, "desktop");
    await expectAccessible(page);

    // Pick École de la Condamine and mark its first crossing that is not yet signalised.
    await page.locator(".sr-school", { hasText: "École de la Condamine" }).click();
    await ready(page);
    const heading = await page.locator(".sr-school-head h2").textContent();
    expect(heading).toBe("École de la Condamine");
    const candidates = page.locator('.sr-crossing:not([data-control="signals"]) .sr-mark');
    let changed = false;
    for (let i = 0; i < Math.min(5, await candidates.count()) && !changed; i++) {
      await candidates.nth(0).click();
      await ready(page);
      const rows = await page.locator(".sr-school .sr-share").allTextContents();
      changed = rows.some((text) => /\(\+\d/.test(text));
    }
    expect(changed).toBe(true);
    expect(await page.locator(".sr-whatif").textContent()).toMatch(/推演：\d 个路口设为信号灯/);
    // The change is said, school by school, before → after.
    expect(await page.locator("#toast").textContent()).toMatch(/安全路线占比 [\d.]+% → [\d.]+%/);
    await shoot(page, "desktop-whatif");
    await page.locator("#sr-undo").click();
    await ready(page);
    expect(await page.locator(".sr-whatif").count()).toBe(0);

    // The parents' map: printing media shows the note and the map, not the controls.
    await page.evaluate(() => (window.print = () => undefined));
    await page.locator("#sr-print").click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#sr-print-note").textContent()).toContain("École de la Condamine");
    expect(await page.locator("#sr-print-note").isVisible()).toBe(true);
    expect(await page.locator(".sr-schools").isVisible()).toBe(false);
    await shoot(page, "print");
    await page.pdf({ path: path.join(RESULTS, "schoolroutes-parents-map.pdf"), format: "A4" });
    await page.emulateMedia({ media: "screen" });
    expect(errors).toEqual([]);
  });

  it("flows in one column on a phone, and a city without streets says so", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page, SIGNED_OUT);
    await fillSignIn(page, `${baseUrl}/schoolroutes.html?lang=zh`, "schoolplanner");
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(1500);
    await shoot(page, "phone");
    await expectAccessible(page);
    await page.selectOption("#sr-region", "hengyang");
    await page.waitForSelector('#schoolroutes[data-ready="no-data"]', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator(".sr-note").textContent()).toMatch(/还没有街道网络/);
    await shoot(page, "phone-no-data");
    expect(errors).toEqual([]);
  });

  it("an administrator starts a project at the first crossing, completes it, and the analysis takes it as built", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("admin", 1280, 800);
    const errors = watchErrors(page, SIGNED_OUT);
    await fillSignIn(page, `${baseUrl}/schoolroutes.html?lang=zh`, "schooladmin");
    await ready(page);
    await page.locator(".sr-school", { hasText: "École de la Condamine" }).click();
    await ready(page);
    expect(await page.locator(".sr-projects").textContent()).toContain("还没有改造项目");
    const first = page.locator(".sr-crossing").first();
    const crossingId = (await first.locator(".sr-mark").getAttribute("data-crossing")) ?? "";
    expect(await first.getAttribute("data-control")).not.toBe("signals");
    await page.selectOption("#sr-project-crossing", crossingId);
    await page.selectOption("#sr-project-measure", "signal");
    await page.selectOption("#sr-project-unit", "city-urban-management-bureau");
    await page.fill("#sr-project-budget", "380000");
    await page.locator('#sr-project-form button[type="submit"]').click();
    await page.locator('.sr-project[data-status="planned"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator(".sr-project-step").click();
    await page.locator('.sr-project[data-status="in_progress"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator(".sr-project-step").click();
    await page.locator('.sr-project[data-status="completed"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await shoot(page, "project");
    await expectAccessible(page);
    // Every instance takes completed projects as built once the change reaches it: the crossing is signalised.
    await expect.poll(async () => {
      await page.locator(".sr-school", { hasText: "École de la Condamine" }).click();
      await ready(page);
      return page.locator(`.sr-crossing:has(.sr-mark[data-crossing="${crossingId}"])`).getAttribute("data-control", { timeout: 1000 }).catch(() => "gone");
    }, { timeout: 30_000, interval: 1000 }).toMatch(/signals|gone/);
    expect(errors).toEqual([]);
  });
});
