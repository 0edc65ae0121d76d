/**
 * End-to-end test of plan supervision in Debian's Chromium, on the real server with a fresh
 * data directory whose staff accounts are made with the `tongxing user add` command. A
 * The installation began reporting in the system at the start of the quarter before the last
 * closed one, so two quarters are owed. A reviewer sees task 26 behind (滞后) on the dashboard
 * with the reason (which unit, which period, how many days late) and finds the evaluations
 * one click away; the city urban management bureau's reporter sees its owed reports oldest
 * first, starts task 26's for the last closed quarter, has a fractional count refused in
 * Chinese, fills status, narrative and a value, attaches a PDF and submits; the reviewer sees
 * the target and the previous value beside the number and the reviewer (a second browser) sends it back
 * with a comment; the reporter reads the comment, edits and submits again; the reviewer
 * approves; the dashboard and the public progress page no longer show task 26 behind.
 * axe-core finds no serious problem on the dashboard or the public page. Screenshots at
 * 1280x800 and 390x844 go to test-results/supervision-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn, goToView, landmarkViolations, lastClosedQuarters, startReportingOn, waitForView } from "./staff.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const COMMENT = "请补充现场照片和验收报告";
const CITY_TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
/** The quarter before the last closed one, and the last closed one: both owed. */
const [EARLIER, LAST] = lastClosedQuarters(CITY_TODAY) as [{ id: string; start: string }, { id: string; start: string }];

async function signIn(page: Page, baseUrl: string, username: string, view: string): Promise<void> {
  await fillSignIn(page, `${baseUrl}/staff.html?lang=zh`, username);
  await waitForView(page, view);
}

/** The words of task 26's light on the page shown now. */
function task26Light(page: Page): Promise<string | null> {
  return page.locator('.tree-task[data-task="26"] > .light').textContent();
}

async function openQueued(reviewer: Page): Promise<void> {
  await goToView(reviewer, "#queue", "queue");
  await reviewer.click('.queue-table tr[data-task="26"] .queue-link');
  await waitForView(reviewer, "report");
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  // From the top, so the sticky bar is where a reader sees it first.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(RESULTS, `supervision-${name}.png`), fullPage });
}

describe("plan supervision", () => {
  const server = useE2eServer("plan", async (dataDir) => {
    await addStaffUser(dataDir, "parks26", "reporter", "城管局填报员", "city-urban-management-bureau");
    await addStaffUser(dataDir, "review1", "reviewer", "专班审核员");
    await startReportingOn(dataDir, EARLIER.start);
  });

  it("takes task 26's report from draft through return to approval, and the light follows", async () => {
    const baseUrl = server.baseUrl;
    const { page: reporter } = await server.open("reporter", 1280, 800);
    const { context: reviewerContext, page: reviewer } = await server.open("reviewer", 1280, 800);
    const reporterErrors = watchErrors(reporter, SIGNED_OUT);
    const reviewerErrors = watchErrors(reviewer, SIGNED_OUT);

    // The reviewer's dashboard: task 26 is behind, its report overdue.
    await signIn(reviewer, baseUrl, "review1", "queue");
    expect(await reviewer.locator(".empty-note").textContent()).toBe("没有等待审核的报告。");
    await goToView(reviewer, "#dashboard", "dashboard");
    expect(await task26Light(reviewer)).toBe("滞后");
    expect(await reviewer.locator('.overdue-unit[data-unit="city-urban-management-bureau"]').count()).toBe(1);
    // The light says why, and the period banner how late the period is.
    expect(await reviewer.locator('.tree-task[data-task="26"] .tree-task-late').textContent()).toMatch(new RegExp(`市城市管理局 · ${LAST.id} 报告逾期 \\d+ 天`));
    expect(await reviewer.locator(".period-note").textContent()).toMatch(/已逾期 \d+ 天/);
    // The evaluations are one click from the dashboard.
    for (const format of ["xlsx", "html", "pdf"]) expect(await reviewer.locator(`.evaluation-row[data-stage="mid-term"] .evaluation-link[data-format="${format}"]`).count()).toBe(1);
    const workbook = await reviewer.request.get(`${baseUrl}${await reviewer.locator('.evaluation-row[data-stage="mid-term"] .evaluation-link[data-format="xlsx"]').getAttribute("href")}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()["content-type"]).toContain("spreadsheetml");

    // The unit's reporter sees what it owes, oldest first, and starts the last closed quarter's report.
    await signIn(reporter, baseUrl, "parks26", "tasks");
    const periodNote = await reporter.locator(".period-note").textContent();
    const owedPeriods = await reporter.locator(".owed-task").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.period ?? ""));
    expect(owedPeriods[0]).toBe(EARLIER.id);
    expect(owedPeriods).toEqual([...owedPeriods].sort());
    expect(await reporter.locator('.owed-task[data-task="26"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.period))).toEqual([EARLIER.id, LAST.id]);
    expect(await reporter.locator(`.owed-task[data-task="26"][data-period="${EARLIER.id}"] .owed-late`).textContent()).toMatch(/^已逾期 \d+ 天$/);
    // Tasks with nothing due are folded away, not offered to start.
    expect(await reporter.locator(".other-tasks").getAttribute("open")).toBeNull();
    await shoot(reporter, "tasks-desktop", true);
    await reporter.click(`.owed-task[data-task="26"][data-period="${LAST.id}"] .task-action`);
    await waitForView(reporter, "report");
    expect(await reporter.locator(".report-page").getAttribute("data-state")).toBe("draft");
    expect(periodNote).toContain(await reporter.locator(".report-meta").evaluate((p) => /\d{4}-Q\d/.exec(p.textContent ?? "")?.[0] ?? "none"));
    await reporter.selectOption("#task-status", "on_track");
    await reporter.fill("#narrative", "南湖公园儿童游乐区改造完成，新增儿童友好公园 2 个。");
    // A count of parks is a whole number: the server says so in Chinese, naming the indicator.
    await reporter.fill("#value-child-friendly-parks", "12.5");
    await reporter.click("#save-report");
    await expect.poll(() => reporter.locator("#report-form > .form-message").textContent()).toContain("儿童友好公园（个）是个数，必须是整数");
    // That refusal is the one expected error so far.
    expect(reporterErrors.splice(0).map((e) => e.replace(/\/api\/reports\/[\w-]+$/, "/api/reports/{id}"))).toEqual([`HTTP 400 ${baseUrl}/api/reports/{id}`]);
    await reporter.fill("#value-child-friendly-parks", "12");
    await reporter.setInputFiles("#evidence-file", { name: "验收报告.pdf", mimeType: "application/pdf", buffer: PDF });
    await reporter.locator(".attachment-link", { hasText: "验收报告.pdf" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // Choosing the file saved what was typed before it.
    expect(await reporter.inputValue("#value-child-friendly-parks")).toBe("12");
    await shoot(reporter, "report-desktop", true);
    await reporter.click("#submit-report");
    await reporter.waitForSelector('.report-page[data-state="submitted"]', { timeout: STEP_TIMEOUT_MS });

    // The reviewer opens it from the queue, downloads the evidence and sends it back.
    await openQueued(reviewer);
    expect(await reviewer.locator('.values-table tr[data-indicator="child-friendly-parks"] .value-cell').textContent()).toBe("12");
    expect(await reviewer.locator('.values-table tr[data-indicator="child-friendly-parks"] .target-cell').textContent()).toBe("30（2028）");
    expect(await reviewer.locator('.values-table tr[data-indicator="child-friendly-parks"] .previous-cell').textContent()).toBe("—");
    await shoot(reviewer, "review-desktop", true);
    const href = await reviewer.locator(".attachment-link").getAttribute("href");
    const download = await reviewer.request.get(`${baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await reviewer.click("#return-report");
    expect(await reviewer.locator("#decision-form .form-message").textContent()).toBe("退回前请写明需要修改的地方。");
    await reviewer.fill("#review-comment", COMMENT);
    await reviewer.click("#return-report");
    await reviewer.waitForSelector('.report-page[data-state="returned"]', { timeout: STEP_TIMEOUT_MS });

    // The reporter sees the comment, edits and submits again.
    await reporter.reload();
    await waitForView(reporter, "report");
    expect(await reporter.locator(".review-comment-text").textContent()).toBe(COMMENT);
    expect(await reporter.inputValue("#narrative")).toContain("南湖公园");
    await reporter.fill("#narrative", "南湖公园儿童游乐区改造完成，已补充现场照片和验收报告。");
    await reporter.setViewportSize({ width: 390, height: 844 });
    await shoot(reporter, "returned-phone");
    await reporter.click("#submit-report");
    await reporter.waitForSelector('.report-page[data-state="submitted"]', { timeout: STEP_TIMEOUT_MS });
    expect(await reporter.locator('.history-item[data-action="return"] .history-comment').textContent()).toBe(COMMENT);

    // The reviewer approves; the task is no longer behind.
    await openQueued(reviewer);
    expect(await reviewer.locator(".report-meta").textContent()).toContain("第 2 版");
    await reviewer.fill("#review-comment", "同意");
    await reviewer.click("#approve-report");
    await reviewer.waitForSelector('.report-page[data-state="approved"]', { timeout: STEP_TIMEOUT_MS });
    expect(await reviewer.locator(".history-item").count()).toBe(4);
    await goToView(reviewer, "#dashboard", "dashboard");
    const light = await task26Light(reviewer);
    expect(light).not.toBe("滞后");
    expect(["正常", "预警"]).toContain(light);
    await reviewer.selectOption("#dash-indicator-select", "child-friendly-parks");
    expect(await reviewer.locator('.picker-card .indicator-latest').textContent()).toBe("12 个");
    expect(await reviewer.locator(".picker-card svg.chart circle").count()).toBe(1);
    await shoot(reviewer, "dashboard-desktop");
    await shoot(reviewer, "dashboard-desktop-full", true);
    let violations = await seriousAxeViolations(reviewer);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    // Every landmark region of the dashboard has a name of its own.
    expect(await landmarkViolations(reviewer)).toEqual([]);
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await shoot(reviewer, "dashboard-phone");

    // The public page: the same light, the approved value, in English too.
    const visitor = await reviewerContext.newPage();
    const visitorErrors = watchErrors(visitor);
    await visitor.goto(`${baseUrl}/progress.html?lang=zh`);
    await visitor.waitForSelector('#progress[data-status="ready"]', { timeout: STEP_TIMEOUT_MS });
    expect(await task26Light(visitor)).toBe(light);
    expect(await visitor.locator('.indicator-card[data-indicator="child-friendly-parks"] .indicator-latest').textContent()).toBe("12 个");
    const progress = await getJson<{ counts: Record<string, number> }>(`${baseUrl}/api/plan/progress`);
    expect(await visitor.locator('.light-tile[data-light="red"] .light-tile-count').textContent()).toBe(String(progress.counts.red));
    await shoot(visitor, "progress-desktop");
    await shoot(visitor, "progress-desktop-full", true);
    violations = await seriousAxeViolations(visitor);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await visitor.setViewportSize({ width: 390, height: 844 });
    await shoot(visitor, "progress-phone");
    await visitor.click("#language-toggle");
    await expect.poll(() => task26Light(visitor)).toMatch(/^(On track|Warning)$/);
    expect(await visitor.locator("h1").textContent()).not.toBe("");

    // Signing out ends the session.
    await reporter.click("#sign-out");
    await reporter.locator("#sign-in-form").waitFor();
    expect((await reporter.request.get(`${baseUrl}/api/auth/me`)).status()).toBe(401);
    expect([...reporterErrors, ...reviewerErrors, ...visitorErrors]).toEqual([]);
  }, 300_000);
});
