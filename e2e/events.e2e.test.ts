/**
 * End-to-end test of the events page (亲子活动) in Debian's Chromium, on a server with the
 * events domain and Hengyang's bundled places. The library's venue staff have published an
 * all-day weekend picture-book corner (free, ages 4–8), a paid class and a free one for
 * teenagers. On a phone a family picks "this weekend", "free only" and age 6, finds the
 * picture-book corner alone, turns on "near me", and adds it to a calendar: the downloaded
 * .ics parses (ical.js) with the event's title and weekly rule. On a desktop the month view
 * shows the same event on its days, and the venue's staff sign in below and publish an
 * event with the form. axe-core finds no serious problem. Screenshots go to
 * test-results/events-*.png.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../src/app/plan-commands.ts";
import type { RunningServer } from "../src/app/server.ts";
import { startServerIn } from "../src/app/test-server.ts";
import { addDays, todayIn } from "../src/events/zoned-time.ts";
import { TestClient } from "../src/platform/testing/http-client.ts";
import { RESULTS, START_TIMEOUT_MS, STEP_TIMEOUT_MS, ensureWebBuild, openBrowser, seriousAxeViolations, watchErrors } from "./harness.ts";

const PASSWORD = "lantern-Quarry-9-orbit-Pebble!";
const LIBRARY = "hengyang-childrens-library";
const today = todayIn("Asia/Shanghai");
/** A day of this month, three days on when the month has them, for the class the form publishes. */
const classDay = addDays(today, 3).slice(0, 7) === today.slice(0, 7) ? addDays(today, 3) : today;

const event = (over: Record<string, unknown>) => ({
  placeId: LIBRARY, description: "", kind: "reading", startDate: today, startTime: "00:00", endTime: "23:59",
  repeat: { freq: "weekly", weekdays: ["SA", "SU"], until: addDays(today, 60) }, ageMin: 4, ageMax: 8, price: "free", booking: "on_site", capacityNote: "", stroller: true, wheelchair: true, ...over,
});

async function ready(page: Page, view: "list" | "month"): Promise<void> {
  await page.waitForSelector(`#events[data-ready="${view}"]`, { timeout: STEP_TIMEOUT_MS });
}

async function shoot(page: Page, name: string): Promise<void> {
  // The page bar sticks to the top: from the top, a full-page picture shows it there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(RESULTS, `events-${name}.png`), fullPage: true });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe("family events", () => {
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  const fresh = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  let server: RunningServer;

  beforeAll(async () => {
    await ensureWebBuild();
    fs.mkdirSync(RESULTS, { recursive: true });
    server = await startServerIn(fresh("tongxing-events-e2e-"), { web: true, samples: "none" });
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    expect((await addUser(server.db, { username: "libraryvenue", role: "venue", name: "少儿图书馆", places: LIBRARY })).ok).toBe(true);
    const staff = new TestClient(server.url, "10.8.0.1");
    expect((await staff.post("/api/auth/login", { username: "libraryvenue", password: PASSWORD })).status).toBe(200);
    for (const body of [
      event({ title: "周末绘本角", description: "全天开放的绘本角，家长陪同共读。" }),
      event({ title: "少年编程营", kind: "public_class", price: "paid", priceYuan: 80, ageMin: 10, ageMax: 14 }),
      event({ title: "青少年辩论赛", kind: "sports", ageMin: 12, ageMax: 16 }),
    ]) expect((await staff.post("/api/events", body)).status).toBe(201);
  }, START_TIMEOUT_MS + 120_000);
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    for (const context of contexts) await context.close();
    await server?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  async function open(label: string, width: number, height: number): Promise<Page> {
    const context = await openBrowser(fresh(`tongxing-events-${label}-`), width, height);
    contexts.push(context);
    return context.pages()[0] ?? context.newPage();
  }

  it("a family finds a free event this weekend for a 6-year-old and adds it to a calendar", async () => {
    const page = await open("phone", 390, 844);
    await page.context().grantPermissions(["geolocation"], { origin: server.url });
    await page.context().setGeolocation({ latitude: 26.8445, longitude: 112.6105 });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/events.html?lang=zh`);
    await ready(page, "list");
    expect(await page.locator("h1.view-title").textContent()).toBe("亲子活动");
    await page.click("#ev-when-weekend");
    await ready(page, "list");
    await page.click("#ev-free");
    await ready(page, "list");
    await page.selectOption("#ev-age", "6");
    await ready(page, "list");
    expect(page.url()).toMatch(/when=weekend.*free=1.*age=6/);
    const titles = await page.locator(".ev-card-title").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(["周末绘本角"]));
    const days = await page.locator(".ev-card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.date ?? ""));
    for (const day of days) expect([6, 0]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    await page.click("#ev-near");
    await ready(page, "list");
    expect(await page.locator(".ev-distance").first().textContent()).toMatch(/\d+(米|公里)/);
    await shoot(page, "phone-weekend");
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".ev-ics").first().click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(vevent.summary).toBe("周末绘本角");
    expect(vevent.isRecurring()).toBe(true);
    expect(String(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("rrule"))).toMatch(/FREQ=WEEKLY.*BYDAY=SA,SU/);

    // The same address in English keeps the filters.
    await page.goto(`${server.url}/events.html?lang=en&when=weekend&free=1&age=6`);
    await ready(page, "list");
    expect(await page.locator("h1.view-title").textContent()).toBe("Family events");
    expect(await page.locator("#ev-age").inputValue()).toBe("6");
    expect(new Set(await page.locator(".ev-card-title").allTextContents())).toEqual(new Set(["周末绘本角"]));
    expect(await page.locator(".ev-ics").first().textContent()).toBe("Add to calendar");
    await shoot(page, "phone-english");

    // The venue's own events, with its whole calendar to subscribe to.
    await page.goto(`${server.url}/events.html?lang=zh&place=${LIBRARY}`);
    await ready(page, "list");
    expect(await page.locator(".ev-venue strong").textContent()).toBe("衡阳市少年儿童图书馆");
    const venue = await (await fetch(server.url + (await page.locator(".ev-venue a").getAttribute("href"))!)).text();
    expect(venue.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(errors).toEqual([]);
  }, 180_000);

  it("shows the month on a desktop, and venue staff publish with the form", async () => {
    const page = await open("desktop", 1280, 900);
    const errors = watchErrors(page, [/\/api\/auth\/me$/]);
    await page.goto(`${server.url}/events.html?lang=zh&view=month`);
    await ready(page, "month");
    const busy = page.locator(".ev-cal-day:not([disabled])");
    expect(await busy.count()).toBeGreaterThan(0);
    await busy.first().click();
    await page.locator("#ev-day-list .ev-card").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await shoot(page, "desktop-month");
    await expectAccessible(page);

    await page.locator(".ev-staff-summary").click();
    await page.locator("#sign-in-form").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.fill("#username", "libraryvenue");
    await page.fill("#password", PASSWORD);
    await page.click(".sign-in-button");
    await page.locator("#ev-form").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator("#ev-mine li").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.fill("#evf-title", "亲子科学小实验");
    await page.selectOption("#evf-kind", "public_class");
    await page.fill("#evf-startDate", classDay);
    await page.selectOption("#evf-price", "low");
    await page.fill("#evf-priceYuan", "10");
    expect(await page.locator("#ev-kind").inputValue()).toBe("");
    await page.click("#evf-submit");
    await page.locator("#ev-mine li", { hasText: "亲子科学小实验" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // The family's view follows at once: the new low-cost class is on the calendar.
    await ready(page, "month");
    await page.locator(`.ev-cal-day[data-date="${classDay}"]`).click();
    await page.locator("#ev-day-list .ev-card-title", { hasText: "亲子科学小实验" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#ev-day-list .ev-card", { hasText: "亲子科学小实验" }).textContent()).toMatch(/低收费 ¥10/);
    await shoot(page, "desktop-staff");
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 180_000);
});
