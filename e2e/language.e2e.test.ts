/**
 * No English in the Chinese interface's error lines: on a phone, in Chinese, a parent walks
 * the family forms' refusals — a phone number that is not one, a common password, a short
 * one (the browser's own check taken away, as an old browser would not have it), a nickname
 * with a phone number, a wrong code for a phone that already has an account, a wrong
 * password, a child's password and sign-in name — and every error line shown must be free
 * of words in the Latin script (three letters or more). The browser itself asks for English
 * (Accept-Language en-US), so only the page's own language can make the server answer in
 * Chinese. Then the same refusal in the English interface is English.
 * Screenshots go to test-results/language-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS, STEP_TIMEOUT_MS, useE2eServer } from "./harness.ts";
import { signupCode } from "./staff.ts";

const PASSWORD = "lantern-river-42";
const PHONE = "13912348888";
/** A word of the Latin script; proper nouns or units would be allowed here, none is needed yet. */
const LATIN_WORD = /[A-Za-z]{3,}/;

/** Submits with `submit` and returns the error line the form shows, once it changes from `before`. */
async function refusal(page: Page, form: string, submit: () => Promise<void>): Promise<string> {
  const line = page.locator(`${form} .form-error`);
  const before = (await line.count()) > 0 ? await line.textContent() : null;
  await submit();
  await page.waitForFunction(
    ([selector, old]) => {
      const node = document.querySelector<HTMLElement>(`${selector} .form-error`);
      return node !== null && !node.hidden && node.textContent !== "" && node.textContent !== old;
    },
    [form, before] as const,
    { timeout: STEP_TIMEOUT_MS },
  );
  return (await line.textContent()) ?? "";
}

describe("the Chinese interface shows no English error", () => {
  let dataDir = "";
  const server = useE2eServer("language", async (dir) => {
    dataDir = dir;
  });

  it("walks sign-up, sign-in, nickname and password refusals in Chinese, and one in English", async () => {
    const { context, page } = await server.open("phone", 390, 844);
    // The browser's own language is English (what a request says unless the page says otherwise).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setUserAgentOverride", { userAgent: await page.evaluate(() => navigator.userAgent), acceptLanguage: "en-US,en" });
    const pageRequest = page.waitForRequest((request) => request.isNavigationRequest());
    await page.goto(`${server.baseUrl}/?region=hengyang&lang=zh`);
    expect((await pageRequest).headers()["accept-language"]).toMatch(/^en-US/);
    await page.click("#account-button");
    await page.locator("#account-panel").waitFor({ state: "visible" });
    await page.click("#register-tab");
    const register = "#register-form";
    const input = (name: string) => page.locator(`${register} input[name="${name}"]`);
    await input("nickname").fill("星星妈妈");
    await input("birthYear").fill("1988");
    await page.check("#register-agree");
    const submitRegister = () => page.locator(`${register} button[type="submit"]`).click();
    const seen: Record<string, string> = {};

    await input("login").fill("12345");
    await input("password").fill(PASSWORD);
    seen["bad phone"] = await refusal(page, register, submitRegister);
    await input("login").fill(PHONE);
    await input("password").fill("password123");
    seen["common password"] = await refusal(page, register, submitRegister);
    await page.$eval(`${register} input[name="password"]`, (node) => node.removeAttribute("minlength"));
    await input("password").fill("abc1");
    seen["short password"] = await refusal(page, register, submitRegister);
    await input("password").fill(PASSWORD);
    await input("nickname").fill("妈妈13912345678");
    seen["nickname with a phone number"] = await refusal(page, register, submitRegister);
    await page.screenshot({ path: path.join(RESULTS, "language-register.png") });

    // Signed up for real, then signed out: the same phone signs up again, and no code fits.
    await input("nickname").fill("星星妈妈");
    await submitRegister();
    await page.locator("#register-code").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.fill("#register-code", await signupCode(dataDir, PHONE));
    await page.click("#register-confirm");
    await page.locator("#member-hello").waitFor({ timeout: STEP_TIMEOUT_MS });

    // A child's account: a common password, then the same sign-in name twice.
    await page.click("#add-child");
    await page.fill("#child-login", "xiaoxing");
    await page.fill("#child-nickname", "小星星");
    await page.fill("#child-birth-year", String(new Date().getFullYear() - 9));
    await page.fill("#child-password", "woaini1314");
    seen["child's common password"] = await refusal(page, "#add-child-form", () => page.click("#consent-agree"));
    await page.fill("#child-password", PASSWORD);
    await page.click("#consent-agree");
    await page.locator('[data-child="xiaoxing"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    if (!(await page.locator("#add-child-form").isVisible())) await page.click("#add-child");
    await page.fill("#child-login", "xiaoxing");
    await page.fill("#child-nickname", "小星星");
    await page.fill("#child-birth-year", String(new Date().getFullYear() - 9));
    await page.fill("#child-password", PASSWORD);
    seen["child's sign-in name twice"] = await refusal(page, "#add-child-form", () => page.click("#consent-agree"));

    await page.click("#member-sign-out");
    await page.locator("#member-login").waitFor();
    await page.fill("#member-login", PHONE);
    await page.fill("#member-password", "not-my-password");
    seen["wrong password"] = await refusal(page, "#sign-in-form", () => page.click("#member-sign-in"));

    await page.click("#register-tab");
    await input("login").fill(PHONE);
    await input("nickname").fill("冒充者");
    await input("birthYear").fill("1990");
    await input("password").fill("another-river-77");
    await page.check("#register-agree");
    await submitRegister();
    await page.locator("#register-code").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.fill("#register-code", "000000");
    seen["wrong code for a phone with an account"] = await refusal(page, "#register-code-form", () => page.click("#register-confirm"));
    await page.screenshot({ path: path.join(RESULTS, "language-code.png") });

    const english = Object.entries(seen).filter(([, text]) => LATIN_WORD.test(text) || !/\p{Script=Han}/u.test(text));
    expect(english, JSON.stringify(seen, null, 2)).toEqual([]);
    // The server's own words, not the page's general fallback for a message it could not read.
    expect(seen["bad phone"]).toMatch(/手机号/);
    expect(seen["common password"]).toMatch(/太常见/);
    expect(seen["short password"]).toMatch(/至少/);
    expect(seen["nickname with a phone number"]).toMatch(/昵称/);
    expect(seen["child's common password"]).toMatch(/太常见/);
    expect(seen["child's sign-in name twice"]).toMatch(/登录名/);
    expect(seen["wrong password"]).toMatch(/登录名或密码不对/);
    expect(seen["wrong code for a phone with an account"]).toMatch(/验证码不对或已过期/);

    // The same refusal with the interface in English comes back in English.
    await page.goto(`${server.baseUrl}/?region=hengyang&lang=en`);
    await page.click("#account-button");
    await page.locator("#member-login").waitFor();
    await page.fill("#member-login", PHONE);
    await page.fill("#member-password", "not-my-password");
    expect(await refusal(page, "#sign-in-form", () => page.click("#member-sign-in"))).toMatch(/wrong sign-in name or password/);
  });
});
