/**
 * End-to-end test of demonstration-site assessment (示范点评估) in Debian's Chromium, on the
 * real server with a fresh data directory and a reviewer made with `tongxing user add`.
 * The reviewer finds 南湖公园 (Hengyang) by name, scores it as a park: a safety item at 0
 * shows 未达标 whatever the total; full scores show 达标; submitting certifies it. The
 * public place API (fetched from the page) then gives it demonstration {type: "park"},
 * the place's history lists the assessment, and the district view shows 雁峰区's count of
 * demonstration parks. axe-core finds no serious problem on the assessment view. On this
 * fresh install the public progress page, on a phone, shows no task late: the periods before
 * the city began reporting in the system are 暂无数据.
 * Screenshots at 1280x800 and 390x844 go to test-results/site-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn, goToView, waitForView } from "./staff.ts";

const PLACE = "hengyang-nanhu-park";

interface RubricAnswer {
  passScore: number;
  rubrics: Array<{ siteType: string; criteria: Array<{ id: string; maxScore: number; required: boolean }> }>;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `site-${name}.png`) });
}

describe("demonstration-site assessment", () => {
  const server = useE2eServer("site", (dataDir) => addStaffUser(dataDir, "assessor1", "reviewer", "示范点评估员"));

  it("certifies 南湖公园 as a park with full scores, and the map's place answer shows the badge", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("browser", 1280, 800);
    const errors = watchErrors(page, SIGNED_OUT);
    const book = await getJson<RubricAnswer>(`${baseUrl}/api/sites/rubrics`);
    const park = book.rubrics.find((r) => r.siteType === "park")!;
    const safety = park.criteria.find((c) => c.required)!;

    await fillSignIn(page, `${baseUrl}/staff.html?lang=zh`, "assessor1");
    await waitForView(page, "queue");
    await page.click('.tabs a[href="#sites"]');
    await waitForView(page, "sites");
    await page.waitForSelector('#site-place-list[data-state="ready"]', { timeout: STEP_TIMEOUT_MS });
    let violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Find the park by name; its kind suggests the park rubric.
    await page.fill("#site-search", "南湖");
    expect(await page.locator(".site-place").count()).toBe(1);
    await page.check(`.site-place-radio[value="${PLACE}"]`);
    expect(await page.evaluate(() => location.hash)).toBe(`#sites/${PLACE}`);
    expect(await page.inputValue("#site-type")).toBe("park");
    expect(await page.locator(".site-criterion").count()).toBe(park.criteria.length);
    expect(await page.locator(`.site-criterion[data-criterion="${safety.id}"] .site-required`).textContent()).toBe("★ 安全项");
    await page.waitForSelector('.site-history-slot[data-state="ready"]', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#site-history-list").textContent()).toBe("这个地点还没有评估记录。");
    await page.click("#site-submit");
    expect(await page.locator("#site-message").textContent()).toContain("的得分应是 0 到");

    // Full marks except the safety item: the total passes, the site does not.
    for (const criterion of park.criteria) await page.fill(`#score-${criterion.id}`, criterion.id === safety.id ? "0" : String(criterion.maxScore));
    expect(await page.locator("#site-total").textContent()).toBe(String(100 - safety.maxScore));
    expect(await page.locator(".site-total-bar").getAttribute("data-verdict")).toBe("fail");
    expect(await page.locator("#site-verdict").textContent()).toBe("未达标");
    await page.locator(".site-total-bar").scrollIntoViewIfNeeded();
    await shoot(page, "safety-fail-desktop");

    // Full marks everywhere: 达标.
    await page.fill(`#score-${safety.id}`, String(safety.maxScore));
    expect(await page.locator("#site-total").textContent()).toBe("100");
    expect(await page.locator(".site-total-bar").getAttribute("data-verdict")).toBe("pass");
    expect(await page.locator("#site-badge-note").textContent()).toContain("公众地图上显示");
    await page.fill("#site-comment", "游乐区软质铺装完好，儿童参与了改造设计。");
    const assessedOn = await page.inputValue("#site-date");
    await page.click("#site-submit");
    await page.waitForSelector('#site-result[data-passed="true"]', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#site-result").textContent()).toContain("南湖公园 评估达标（100 分）");
    await page.waitForSelector('#site-history-list .site-history-item[data-passed="true"]', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator(".site-history-item").count()).toBe(1);
    await expect.poll(() => page.locator(`.site-place[data-place="${PLACE}"]`).getAttribute("data-demonstration")).toBe("park");

    // The public map's answer for the place, fetched as the map does.
    const place = await page.evaluate(async (id) => (await fetch(`/api/places/${id}`)).json() as Promise<{ properties: { demonstration: unknown } }>, PLACE);
    expect(place.properties.demonstration).toEqual({ type: "park", year: Number(assessedOn.slice(0, 4)) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "result-desktop");
    violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#site-result").evaluate((panel) => panel.scrollIntoView({ block: "start" }));
    await shoot(page, "result-phone");
    await page.locator(".site-criterion").nth(2).evaluate((row) => row.scrollIntoView({ block: "center" }));
    await shoot(page, "form-phone");

    // The district view counts the park for 雁峰区 (the park's county).
    await page.setViewportSize({ width: 1280, height: 800 });
    await goToView(page, "#districts/yanfeng-district", "districts");
    expect(await page.inputValue("#district-select")).toBe("yanfeng-district");
    const parks = page.locator('.district-indicators tr[data-indicator="demonstration-parks-per-county"]');
    expect(await parks.locator(".district-latest").textContent()).toContain("1 个");
    expect(await parks.locator(".light").getAttribute("data-light")).not.toBe("grey");
    expect(await page.locator("#district-no-reports").count()).toBe(1);
    await shoot(page, "district-desktop");
    violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "district-phone");
    expect(errors).toEqual([]);
  }, 300_000);

  it("shows a fresh install's progress on a phone with no task late: earlier periods have no data", async () => {
    const { page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/progress.html?lang=zh`);
    await page.waitForSelector('#progress[data-status="ready"]', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator('.light-tile[data-light="red"] .light-tile-count').textContent()).toBe("0");
    expect(await page.locator('.tree-task[data-light="red"]').count()).toBe(0);
    expect(await page.locator('.period-note[data-owed="false"]').textContent()).toMatch(/暂无数据，不算逾期/);
    await shoot(page, "progress-fresh-phone");
    expect(errors).toEqual([]);
  }, 120_000);
});
