/**
 * End-to-end test, in Debian's Chromium on the real server, of what a family sees when the
 * data does not know: Monaco's playgrounds have no opening hours or facilities recorded, so
 * 游戏 + 营业中 lists none of them. The list says how many were left out and why, one tap
 * includes them, and their cards say 营业时间未知 and 设施未知 (never closed, never none).
 * A Hengyang card gives its data's licence in words, not a path in the repository. axe-core
 * finds no colour-contrast, heading-order or landmark problem on the map page. Screenshots
 * at 390x844 and 1280x800 go to test-results/unknown-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, useE2eServer, watchErrors } from "./harness.ts";
import { axeRuleViolations } from "./axe-rules.ts";

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `unknown-${name}.png`) });
}

/** Waits until the list has loaded the places for the filters now on. */
async function waitLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("app")?.dataset.status === "ready" && document.getElementById("app")?.dataset.placesDrawn !== undefined, null, { timeout: STEP_TIMEOUT_MS });
}

describe("unknown opening hours and facilities", () => {
  const server = useE2eServer("unknown");

  it.each([
    ["phone", 390, 844],
    ["desktop", 1280, 800],
  ] as const)("says why 游戏 + 营业中 leaves playgrounds out, includes them on request and shows unknown as unknown (%s)", async (label, width, height) => {
    const { page } = await server.open(label, width, height);
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/?region=monaco&lang=zh`);
    await waitLoaded(page);
    await page.click('[data-category="play"]');
    await waitLoaded(page);
    await page.click('[data-filter="open-now"]');
    await waitLoaded(page);

    // The list says how many places the unknown hours kept out, and offers to include them.
    if (label === "phone") await page.click(".results-toggle");
    const note = page.locator("#results-unknown");
    await note.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    const noteText = (await note.textContent()) ?? "";
    expect(noteText).toMatch(/另有 \d+ 个地点营业时间未知/);
    const leftOut = Number(/另有 (\d+) 个/.exec(noteText)?.[1]);
    expect(leftOut).toBeGreaterThanOrEqual(10);
    const before = Number(await page.evaluate(() => document.getElementById("app")?.dataset.placeCount));
    await shoot(page, `${label}-left-out`);

    await note.locator('[data-unknown="include"]').click();
    await page.waitForFunction((n) => Number(document.getElementById("app")?.dataset.placeCount) === n, before + leftOut, { timeout: STEP_TIMEOUT_MS });
    await waitLoaded(page);
    expect(await note.textContent()).toContain("已包括营业时间或设施未知的地点");
    // The filter panel's box says the same.
    await page.click('[data-filter="more"]');
    expect(await page.isChecked("#filter-unknown")).toBe(true);
    await page.keyboard.press("Escape");

    // A row and a card of a playground say unknown, not closed, not "none".
    const unknownRow = page.locator('.result:has(.open-status[data-state="unknown"])').first();
    expect(await unknownRow.locator(".open-status").textContent()).toBe("营业时间未知");
    await unknownRow.click();
    const card = page.locator("#place-card");
    await card.waitFor({ state: "visible" });
    expect(await card.locator('.open-status[data-state="unknown"]').textContent()).toBe("营业时间未知");
    expect(await card.locator('[data-unknown="facilities"]').textContent()).toBe("设施未知");
    expect(await card.textContent()).not.toMatch(/已关门|暂无设施/);
    expect(await card.locator(".card-licence").textContent()).toContain("开放数据库许可");
    await shoot(page, `${label}-unknown-card`);

    const violations = await axeRuleViolations(page, ["color-contrast", "heading-order", "landmark-unique", "landmark-complementary-is-top-level"]);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("gives a Hengyang place's licence in words", async () => {
    const { page } = await server.open("hengyang", 390, 844);
    await page.goto(`${server.baseUrl}/?region=hengyang&lang=zh`);
    await waitLoaded(page);
    await page.click(".results-toggle");
    await page.locator(".result", { hasText: "南湖公园" }).click();
    const licence = page.locator("#place-card .card-licence");
    await licence.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    expect(await licence.textContent()).not.toMatch(/README|data\/regions|see /);
    expect(await page.locator("#place-card .card-source").textContent()).not.toMatch(/data\/regions/);
    await page.locator("#place-card .card-provenance").scrollIntoViewIfNeeded();
    await shoot(page, "phone-hengyang-licence");
  });
});
