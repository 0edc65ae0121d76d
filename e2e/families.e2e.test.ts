/**
 * End-to-end test of families and moderation in Debian's Chromium, on the real server: a
 * parent signs up on a phone, reads the child privacy rules and creates a child account
 * with consent; the child signs in, finds 南湖公园 by pinyin initials, writes a review
 * with a phone number (held at once, with the kind explanation; no rating is chosen for
 * them, so posting first asks for one) and then a clean one with a photo (waiting for
 * review); a moderator sees which place it is about, opens the photo large and approves it
 * on the staff page; the card then shows it under the child's nickname, and its photo opens
 * large and closes with Escape, focus back on the photo. A review carrying an HTML payload
 * renders as inert text.
 * axe-core finds no serious problem on the account panel, the card and the moderation
 * view. Screenshots go to test-results/families-*.png.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn, signupCode, waitForView } from "./staff.ts";
import { axeRuleViolations } from "./axe-rules.ts";

const NANHU = { id: "hengyang-nanhu-park", zh: "南湖公园" };
const CLEAN = "南湖公园的滑梯很好玩，我和妹妹玩了一下午";
const XSS = '<img src=x onerror="window.__xss=1">好地方';
const PASSWORD = "lantern-river-42";

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `families-${name}.png`) });
}

/** Opens the first review photo on `page` large, checks the dialog, closes it with Escape. */
async function openPhotoLarge(page: Page, scope: string, shot: string): Promise<void> {
  const thumb = page.locator(`${scope} .photo-thumb`).first();
  await thumb.waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await thumb.getAttribute("aria-label")).toBe("放大查看照片 1");
  await thumb.click();
  const dialog = page.locator("dialog.photo-dialog[open]");
  await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
  expect((await dialog.locator("img.photo-large").boundingBox())!.width).toBeGreaterThan(200);
  expect(await page.evaluate(() => document.activeElement?.classList.contains("photo-close"))).toBe(true);
  await shoot(page, shot);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  expect(await page.evaluate(() => document.activeElement?.classList.contains("photo-thumb"))).toBe(true);
}

async function expectNoSeriousAxe(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  // Heading order is "moderate" to axe, but a screen reader's outline of the form rests on it.
  const named = await axeRuleViolations(page, ["color-contrast", "heading-order", "landmark-unique"]);
  expect(named, JSON.stringify(named, null, 2)).toEqual([]);
}

/** Opens 南湖公园's card through the search box, as a child would. */
async function openNanhu(page: Page): Promise<void> {
  const input = page.locator("#search-input");
  await input.fill("");
  await input.pressSequentially("nhgy", { delay: 40 });
  const option = page.locator('#search-listbox [role="option"]', { hasText: NANHU.zh });
  await option.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await option.click();
  await page.locator("#place-card").waitFor({ state: "visible" });
  await page.locator("#place-card .card-reviews[data-loaded]").waitFor({ timeout: STEP_TIMEOUT_MS });
}

describe("families, reviews and moderation", () => {
  let dataDir = "";
  const server = useE2eServer("families", (dir) => ((dataDir = dir), addStaffUser(dir, "mod1", "moderator", "内容审核员")));

  it("a guardian creates a child account; the child's phone number is held; a moderator approves a clean review; it shows on the card", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("phone", 390, 844);
    const errors = watchErrors(page, [/\/api\/places\/[^/]+\/reviews$/]);
    await page.goto(`${baseUrl}/?region=hengyang&lang=zh`);
    const all = await getJson<{ features: unknown[] }>(`${baseUrl}/api/places?region=hengyang`);
    await waitForPlaces(page, "hengyang", all.features.length);

    // The parent signs up.
    await page.click("#account-button");
    await page.locator("#account-panel").waitFor({ state: "visible" });
    await page.click("#register-tab");
    const register = page.locator("#register-form");
    await register.locator('input[name="login"]').fill("13912345678");
    await register.locator('input[name="nickname"]').fill("星星妈妈");
    await register.locator('input[name="birthYear"]').fill("1988");
    await register.locator('input[name="password"]').fill(PASSWORD);
    await page.check("#register-agree");
    await register.locator('button[type="submit"]').click();
    // The code sent to the phone.
    await page.locator("#register-code").waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#register-code-form").textContent()).toContain("请查收短信或邮件");
    await page.fill("#register-code", await signupCode(dataDir, "13912345678"));
    await page.click("#register-confirm");
    await page.locator("#member-hello").waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#member-hello").textContent()).toContain("星星妈妈");

    // The parent posts a review carrying markup, straight from the page (an adult's clean text is published).
    const posted = await page.evaluate(async ([place, body]) => {
      const response = await fetch(`/api/places/${place}/reviews`, { method: "POST", headers: { "content-type": "application/json", "x-tongxing-request": "1" }, body: JSON.stringify({ rating: 4, body }) });
      return response.status;
    }, [NANHU.id, XSS] as const);
    expect(posted).toBe(201);

    // The parent reads the privacy rules and creates the child's account.
    await page.click("#add-child");
    await page.fill("#child-login", "xiaoxing");
    await page.fill("#child-nickname", "小星星");
    await page.fill("#child-birth-year", String(new Date().getFullYear() - 9));
    await page.fill("#child-password", PASSWORD);
    expect(await page.locator(".privacy-notice").textContent()).toContain("监护人");
    await shoot(page, "phone-consent");
    await expectNoSeriousAxe(page);
    await page.click("#consent-agree");
    await page.locator('[data-child="xiaoxing"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    // The sign-in name carries the family's code, shown to the guardian.
    const childLogin = (await page.getAttribute('[data-child="xiaoxing"]', "data-login")) ?? "";
    expect(childLogin).toMatch(/^xiaoxing@[a-z2-9]{4}$/);
    expect(await page.locator('[data-child="xiaoxing"] .child-login').textContent()).toContain(childLogin);

    // The child signs in on the same phone.
    await page.click("#member-sign-out");
    await page.locator("#member-login").waitFor();
    await page.fill("#member-login", childLogin);
    await page.fill("#member-password", PASSWORD);
    await page.click("#member-sign-in");
    await page.locator("#member-hello").waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#member-hello").textContent()).toContain("儿童账号");
    await page.keyboard.press("Escape");

    // A review with a phone number is held at once and explained; the text stays to be fixed.
    await openNanhu(page);
    await page.click("#write-review");
    // No stars are chosen for the child: posting first asks for a rating.
    expect(await page.locator("#place-card .star-picker input:checked").count()).toBe(0);
    await page.fill("#place-card .review-text", "想一起玩的打我电话13812345678");
    await page.click("#review-submit");
    expect(await page.locator("#review-form .form-error").textContent()).toBe("请先选几颗星，再发表。");
    await page.locator('#place-card .star-option label[for$="-4"]').click();
    await page.locator("#place-card .safety-hint li").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.click("#review-submit");
    const held = page.locator('#place-card [data-held="true"]');
    await held.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await held.textContent()).toContain("请不要写电话号码");
    expect(await page.inputValue("#place-card .review-text")).toContain("13812345678");
    await shoot(page, "phone-held");

    // A clean review with a photo waits for a moderator.
    const photoFile = path.join(os.tmpdir(), `tongxing-e2e-photo-${process.pid}.png`);
    writeFileSync(photoFile, await sharp({ create: { width: 640, height: 480, channels: 3, background: "#4dabf7" } }).png().toBuffer());
    // Our own words for the photo picker, not the browser's "Choose File".
    expect(await page.locator("#place-card .photo-name").textContent()).toBe("还没选照片");
    await page.setInputFiles("#place-card .photo-input", photoFile);
    expect(await page.locator("#place-card .photo-name").textContent()).toBe(path.basename(photoFile));
    await page.fill("#place-card .review-text", CLEAN);
    await page.click("#review-submit");
    await page.locator('#place-card .success-note[data-status="pending"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await expectNoSeriousAxe(page);
    expect(await page.locator("#place-card .review-body", { hasText: CLEAN }).count()).toBe(0);

    // The moderator approves it on the staff page (desktop).
    const { page: staff } = await server.open("moderator", 1280, 800);
    const staffErrors = watchErrors(staff, SIGNED_OUT);
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "mod1");
    await waitForView(staff, "moderation");
    const item = staff.locator(".moderation-item", { hasText: CLEAN });
    expect(await item.locator(".minor-tag").textContent()).toBe("未成年人");
    expect(Number(await staff.locator('[data-queue="pending"] .queue-size').textContent())).toBeGreaterThanOrEqual(1);
    // Which place the review is about, by name, linked to the map.
    const placeLink = item.locator(".item-place-link");
    await staff.waitForFunction(() => document.querySelector(".item-place-link")?.textContent === "南湖公园", null, { timeout: STEP_TIMEOUT_MS });
    expect(await item.locator(".item-place").textContent()).toBe("评价的地点：南湖公园");
    expect(await placeLink.getAttribute("href")).toBe(`/?region=hengyang&place=${NANHU.id}`);
    await openPhotoLarge(staff, ".moderation-item[data-item]", "desktop-moderation-photo");
    await expectNoSeriousAxe(staff);
    await shoot(staff, "desktop-moderation");
    await item.locator(".reason-input").fill("友善、真实，没有个人信息");
    await item.locator('[data-action="approve"]').click();
    await staff.locator(".moderation-item", { hasText: CLEAN }).waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
    expect(staffErrors).toEqual([]);

    // Back on the phone: the card shows the review under the nickname; the markup is inert text.
    await page.reload();
    await waitForPlaces(page, "hengyang", all.features.length);
    await openNanhu(page);
    const review = page.locator("#place-card .review", { hasText: CLEAN });
    await review.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await review.locator(".review-nickname").textContent()).toBe("小星星");
    const payload = page.locator("#place-card .review-body", { hasText: "onerror" });
    expect(await payload.textContent()).toBe(XSS);
    expect(await payload.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.locator("#place-card .card-reviews").scrollIntoViewIfNeeded();
    await shoot(page, "phone-card-reviews");
    await openPhotoLarge(page, "#place-card .review", "phone-photo");
    await expectNoSeriousAxe(page);

    // The privacy rules the parent agreed to are a page of their own, in both languages.
    await page.goto(`${baseUrl}/privacy.html?lang=zh`);
    await page.locator("#privacy h1").waitFor();
    expect(await page.locator("#privacy").textContent()).toContain("监护人可以随时查看孩子发表的内容");
    await expectNoSeriousAxe(page);
    await shoot(page, "phone-privacy");
    await page.click("#language-toggle");
    expect(await page.locator("#privacy h1").textContent()).toBe("Child privacy rules and user agreement");
    expect(errors).toEqual([]);
  });
});
