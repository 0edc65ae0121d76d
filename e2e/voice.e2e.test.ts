/**
 * Children's voice end to end in Debian's Chromium, on the real server (issue 17): on a phone
 * a child whose guardian consented finds 南湖公园, opens "我的想法", picks the play-space
 * picture, writes an idea, adds a drawing (a GIF refused first, in words) and taps the map by
 * the park; the pin shown back is the coarsened public one (the park's 100 m cell), never the
 * tapped point, which only staff see; the drawing shows on the card once public. A
 * moderator approves it, the working group sends it to task 26's lead unit, the unit answers
 * "accepted" with what and by when; the child finds the news in "我的" and the dated step on
 * the idea's card. The parent supports it (我也想要) and takes it back. Then a poll is
 * started on the staff page, the child votes and changes the vote, staff close it, and the
 * child sees the results in pictures. An organiser runs a council: a session with an agenda,
 * the child (enrolled by the guardian) speaks on it, attendance is recorded by age band, a
 * decision is sent on; the public record names no child. axe-core finds no serious problem
 * on the new pages at 390×844 and 1280×800; screenshots go to test-results/voice-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { coarsen } from "../src/voice/pin-privacy.ts";
import { axeRuleViolations } from "./axe-rules.ts";
import { RESULTS, STEP_TIMEOUT_MS, getJson, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";
import { SIGNED_OUT, addStaffUser, fillSignIn, goToView, waitForView } from "./staff.ts";
import { createChild, pageGet, signMember, signUpParent } from "./voice-world.ts";

const NANHU = { id: "hengyang-nanhu-park", lon: 112.610176, lat: 26.844209 };
const IDEA_TITLE = "南湖公园要有大树遮阳的滑梯";
const IDEA_TEXT = "现在滑梯晒得很烫，夏天不能玩。希望旁边种大树，再加一个喝水的地方。";

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `voice-${name}.png`) });
}

async function expectAxeClean(page: Page): Promise<void> {
  const serious = await seriousAxeViolations(page);
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  const named = await axeRuleViolations(page, ["color-contrast", "heading-order", "landmark-unique"]);
  expect(named, JSON.stringify(named, null, 2)).toEqual([]);
}

/** Nothing on the page is wider than the window (text cut off or a sideways scroll). */
async function expectNoOverflow(page: Page, selector: string): Promise<void> {
  const wide = await page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`${sel} missing`];
    return [...root.querySelectorAll<HTMLElement>("*")].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 0)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5);
  }, selector);
  expect(wide).toEqual([]);
}

/** Finds 南湖公园 through the search box (the map flies there) and closes its card. */
async function goToNanhu(page: Page): Promise<void> {
  const input = page.locator("#search-input");
  await input.fill("");
  await input.pressSequentially("nhgy", { delay: 40 });
  const option = page.locator('#search-listbox [role="option"]', { hasText: "南湖公园" });
  await option.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await option.click();
  await page.locator("#place-card .card-close").click({ timeout: STEP_TIMEOUT_MS });
  await page.locator("#place-card").waitFor({ state: "hidden" });
  await page.evaluate(() => window.__tongxing?.idle());
}

describe("children's voice: ideas, answers, notifications and polls", () => {
  let dataDir = "";
  const server = useE2eServer("voice", async (dir) => {
    dataDir = dir;
    await addStaffUser(dir, "mod1", "moderator", "内容审核员");
    await addStaffUser(dir, "group1", "reviewer", "工作专班");
    await addStaffUser(dir, "parks26", "reporter", "城管局填报员", "city-urban-management-bureau");
  });
  let childLogin = "";
  let ideaId = "";

  it("a child's idea near a playground shows coarsened, is approved, sent to a unit, accepted, and the child is told", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("child", 390, 844);
    const errors = watchErrors(page, [/\/api\/places\/[^/]+\/reviews$/, /\/api\/members\/me$/]);
    await page.goto(`${baseUrl}/?region=hengyang&lang=zh`);
    const all = await getJson<{ features: unknown[] }>(`${baseUrl}/api/places?region=hengyang`);
    await waitForPlaces(page, "hengyang", all.features.length);

    // The guardian signs up and creates the child's account with consent; the child signs in.
    await signUpParent(page, dataDir, "13912345670", "小明妈妈");
    childLogin = await createChild(page, "xiaoming", "小明", 8);
    await signMember(page, null);
    await signMember(page, childLogin);
    await page.reload();
    await waitForPlaces(page, "hengyang", all.features.length);
    await page.locator('#account-button[data-signed-in="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });

    // The map near 南湖公园; the light-bulb button opens the ideas panel and its layer.
    await goToNanhu(page);
    await page.click("#ideas-button");
    await page.locator('#ideas-panel .idea-list-slot[data-loaded="newest"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#ideas-title").textContent()).toBe("孩子们的想法");
    await shoot(page, "phone-ideas-empty");
    await expectAxeClean(page);

    // The form: a picture for the kind, a name, the text, then a tap on the map beside the park.
    await page.click("#idea-new");
    await page.locator("#idea-form").waitFor();
    await page.click("#idea-send");
    expect(await page.locator("#idea-form .form-error").textContent()).toBe("请先点一个图片，选想法的种类。");
    await page.locator('label[for="idea-kind-play_space"]').click();
    await page.fill("#idea-title", IDEA_TITLE);
    await page.fill("#idea-text", IDEA_TEXT);
    await page.setInputFiles("#idea-drawing", { name: "hua.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    expect([await page.locator("#idea-drawing-state").textContent(), await page.locator("#idea-drawing-preview").isVisible()]).toEqual(["画要是 JPG、PNG 或 WebP 图片。", false]);
    await page.setInputFiles("#idea-drawing", { name: "hua.png", mimeType: "image/png", buffer: await sharp({ create: { width: 120, height: 90, channels: 3, background: "#f4a261" } }).png().toBuffer() });
    await page.locator("#idea-drawing-preview").waitFor({ state: "visible" });
    await shoot(page, "phone-idea-form");
    await expectAxeClean(page);
    await page.click("#idea-place");
    await page.locator('#ideas-panel[data-picking="true"] .ideas-picking').waitFor();
    const marker = (await page.evaluate(() => window.__tongxing?.markerPositions() ?? [])).find((m) => m.id === NANHU.id);
    expect(marker, "南湖公园's marker is on screen").toBeDefined();
    const spot = { x: marker!.x + 40, y: marker!.y + 30 };
    // The spot is on the map itself, not under a panel or a notice.
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, spot)).toBe("CANVAS");
    await page.mouse.click(spot.x, spot.y);
    await page.locator("#idea-place-state", { hasText: "位置选好了" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.click("#idea-send");
    await page.locator('#idea-outcome .success-note[data-status="pending"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator("#idea-outcome .idea-coarse-note").textContent()).toContain("约100米");

    // The pin drawn is the public point: 南湖公园's 100 m cell, not where the child tapped.
    const mine = await pageGet<{ ideas: Array<{ id: string; lat: number; lon: number; status: string; drawing: string | null }> }>(page, "/api/ideas/mine");
    expect(mine.ideas.map((i) => i.drawing)).toEqual([expect.stringMatching(/^\/api\/idea-photos\//)]);
    ideaId = mine.ideas[0]!.id;
    const cell = coarsen(NANHU.lon, NANHU.lat, 100);
    expect({ lon: mine.ideas[0]!.lon, lat: mine.ideas[0]!.lat }).toEqual(cell);
    await page.waitForFunction((id) => (window.__tongxing?.ideaPositions() ?? []).some((p) => p.id === id), ideaId, { timeout: STEP_TIMEOUT_MS });
    const pin = (await page.evaluate(() => window.__tongxing?.ideaPositions() ?? [])).find((p) => p.id === ideaId)!;
    expect({ lon: pin.lon, lat: pin.lat }).toEqual(cell);
    // The new idea's card says what happens next; waiting for a moderator, it has no supports or comments yet, nor shows its drawing.
    await page.locator(`#ideas-panel .idea-card[data-idea="${ideaId}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect([await page.locator("#ideas-panel #idea-support").count(), await page.locator("#ideas-panel .idea-drawing-shown").count()]).toEqual([0, 0]);
    await shoot(page, "phone-idea-posted");
    await expectAxeClean(page);
    // The public layer does not show it before a moderator has read it.
    const before = await getJson<{ features: Array<{ properties: { id: string } }> }>(`${baseUrl}/api/ideas/map?bbox=112.5,26.8,112.7,26.9`);
    expect(before.features.map((f) => f.properties.id)).not.toContain(ideaId);

    // The moderator approves it (desktop).
    const { page: staff } = await server.open("staff", 1280, 800);
    const staffErrors = watchErrors(staff, SIGNED_OUT);
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "mod1");
    await waitForView(staff, "moderation");
    const item = staff.locator(".moderation-item", { hasText: IDEA_TEXT });
    await item.waitFor({ timeout: STEP_TIMEOUT_MS });
    await item.locator(".reason-input").fill("友善，没有个人信息");
    await item.locator('[data-action="approve"]').click();
    await item.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
    await staff.click("#sign-out");

    // The working group sends it to task 26 and its lead unit; staff alone see the exact point.
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "group1");
    await staff.locator("#user-who").waitFor({ timeout: STEP_TIMEOUT_MS });
    await goToView(staff, "#ideas", "ideas");
    const card = staff.locator(`.staff-idea[data-idea="${ideaId}"]`);
    expect(await card.locator(".minor-tag").textContent()).toBe("未成年人");
    const exact = await pageGet<{ ideas: Array<{ id: string; exactLat: number; exactLon: number; lat: number; lon: number }> }>(staff, "/api/ideas/triage");
    const routed = exact.ideas.find((i) => i.id === ideaId)!;
    expect(routed.exactLat).not.toBe(routed.lat);
    expect(await card.locator(".staff-idea-point").textContent()).toContain(routed.exactLat.toFixed(5));
    await card.locator(".triage-task").selectOption("26");
    expect(await card.locator(".triage-unit option:checked").textContent()).toBe("市城市管理局");
    await expectAxeClean(staff);
    await shoot(staff, "desktop-triage");
    await card.locator('[data-action="assign"]').click();
    await card.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
    await staff.click("#sign-out");

    // The unit answers "accepted", with what will be done and by when.
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "parks26");
    await staff.locator("#user-who").waitFor({ timeout: STEP_TIMEOUT_MS });
    await goToView(staff, "#answers", "answers");
    const assigned = staff.locator(`.staff-idea[data-idea="${ideaId}"]`);
    await assigned.locator(".answer-stage").selectOption("accepted");
    await assigned.locator(".answer-text").fill("明年春天在滑梯旁种三棵香樟树，再装一个直饮水机。");
    await assigned.locator(".answer-by").fill(`${new Date().getFullYear() + 1}-04-30`);
    await expectAxeClean(staff);
    await shoot(staff, "desktop-answer");
    await assigned.locator('[data-action="answer"]').click();
    await staff.locator(`.staff-idea[data-idea="${ideaId}"] .stage-badge[data-stage="accepted"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(staffErrors).toEqual([]);

    // The child sees the news in "我的" and the dated step on the card.
    await page.reload();
    await waitForPlaces(page, "hengyang", all.features.length);
    await page.click("#account-button");
    await page.locator('#idea-news[data-loaded="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    const news = page.locator('#idea-news .idea-news-item[data-stage="accepted"]');
    await news.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await news.getAttribute("data-read")).toBe("false");
    expect(await news.locator(".idea-news-message").textContent()).toMatch(/\S{4,}/);
    await shoot(page, "phone-news");
    await expectAxeClean(page);
    await news.locator("[data-open-idea]").click();
    const step = page.locator('#ideas-panel .idea-step[data-stage="accepted"]');
    await step.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await step.locator(".idea-step-by").textContent()).toContain(`${new Date().getFullYear() + 1}年4月30日`);
    expect(await step.locator("time").getAttribute("datetime")).toBe(new Date().toISOString().slice(0, 10));
    await page.locator("#ideas-panel .idea-drawing-shown img").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator("#ideas-panel .idea-history").scrollIntoViewIfNeeded();
    await shoot(page, "phone-idea-card");
    await expectAxeClean(page);
    await expectNoOverflow(page, "#ideas-panel");
    // English too: the card's words follow the language toggle.
    await page.click("#language-toggle");
    await page.locator("#ideas-panel #idea-history-title", { hasText: "What happened to this idea" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator('#ideas-panel .idea-step[data-stage="accepted"] .idea-step-name').textContent()).toBe("Yes, they will do it!");
    await shoot(page, "phone-idea-card-en");
    expect(errors).toEqual([]);
  });

  it("a guardian supports the idea (我也想要) and takes it back; the public page counts it", async () => {
    const baseUrl = server.baseUrl;
    const { page } = await server.open("parent", 1280, 800);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    await page.goto(`${baseUrl}/?region=hengyang&lang=zh&idea=${ideaId}`);
    await signMember(page, "13912345670");
    await page.reload();
    const support = page.locator("#idea-support");
    await support.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await support.getAttribute("aria-pressed")).toBe("false");
    await support.click();
    await page.locator('#idea-support[aria-pressed="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await support.textContent()).toContain("1");
    await shoot(page, "desktop-idea-supported");
    await expectAxeClean(page);
    await support.click();
    await page.locator('#idea-support[aria-pressed="false"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await support.textContent()).toContain("0");

    for (const [label, width, height] of [["phone", 390, 844], ["desktop", 1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${baseUrl}/ideas.html?lang=zh`);
      await page.locator('#ideas-outcomes[data-status="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await page.locator('[data-figure="adopted"] .outcome-count').textContent()).toBe("1");
      await expectAxeClean(page);
      await expectNoOverflow(page, "#ideas-outcomes");
      await shoot(page, `${label}-outcomes`);
    }
    await page.click("#language-toggle");
    expect(await page.locator(".hero-title").textContent()).toBe("What happened to our ideas");
    expect(errors).toEqual([]);
  });

  it("a poll is started, voted, changed and closed; the child sees the results in pictures", async (context) => {
    const baseUrl = server.baseUrl;
    const probe = await fetch(`${baseUrl}/api/polls`);
    if (probe.status === 404) context.skip();
    const { page: staff } = await server.open("poller", 1280, 800);
    const staffErrors = watchErrors(staff, SIGNED_OUT);
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "parks26");
    await staff.locator("#user-who").waitFor({ timeout: STEP_TIMEOUT_MS });
    await goToView(staff, "#polls", "polls");
    await staff.click("#poll-new");
    await staff.fill("#poll-question", "南湖公园新游乐场，你最想要什么？");
    const rows = staff.locator(".poll-option-row");
    await rows.nth(0).locator(".poll-option-input").fill("滑梯");
    await rows.nth(0).locator(".poll-icon-select").selectOption("slide");
    await rows.nth(1).locator(".poll-option-input").fill("秋千");
    await rows.nth(1).locator(".poll-icon-select").selectOption("swing");
    await staff.click("#poll-add-option");
    await rows.nth(2).locator(".poll-option-input").fill("沙池");
    await rows.nth(2).locator(".poll-icon-select").selectOption("sandpit");
    await expectAxeClean(staff);
    await staff.click("#poll-start");
    // Either the poll is listed or the form says why not (the failure then names the reason).
    await staff.waitForFunction(() => document.querySelector(".staff-poll") !== null || (document.querySelector("#poll-form .form-message")?.textContent ?? "") !== "", null, { timeout: STEP_TIMEOUT_MS });
    expect((await staff.locator("#poll-form .form-message").allTextContents()).filter((text) => text !== "")).toEqual([]);
    const listed = staff.locator(".staff-poll").first();
    await listed.waitFor({ timeout: STEP_TIMEOUT_MS });
    const pollId = (await listed.getAttribute("data-poll")) ?? "";

    // The child votes on a phone, then changes the vote.
    const { page } = await server.open("voter", 390, 844);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    await page.goto(`${baseUrl}/?lang=zh`);
    await signMember(page, childLogin);
    await page.goto(`${baseUrl}/polls.html?lang=zh&poll=${pollId}`);
    const ballot = page.locator(`#poll-${pollId}`);
    await ballot.locator(".poll-option").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await ballot.locator(".poll-option", { hasText: "秋千" }).click();
    await page.locator(`#poll-${pollId} .poll-option[aria-pressed="true"]`, { hasText: "秋千" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await ballot.locator(".poll-option", { hasText: "滑梯" }).click();
    await page.locator(`#poll-${pollId} .poll-option[aria-pressed="true"]`, { hasText: "滑梯" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.locator(`#poll-${pollId} .poll-option[aria-pressed="true"]`).count()).toBe(1);
    await shoot(page, "phone-poll-vote");
    await expectAxeClean(page);

    // Staff close it; the child sees the results as pictures with bars, the favourite marked.
    await staff.locator(`.staff-poll[data-poll="${pollId}"] [data-action="close-poll"]`).click();
    await staff.locator(`.staff-poll[data-poll="${pollId}"] .poll-card[data-state="closed"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    await shoot(staff, "desktop-polls");
    await page.reload();
    const results = page.locator(`#poll-${pollId}[data-state="closed"] .poll-results`);
    await results.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await results.getAttribute("data-total")).toBe("1");
    const favourite = results.locator('.poll-result[data-favourite="true"]');
    expect(await favourite.count()).toBe(1);
    expect(await favourite.textContent()).toContain("滑梯");
    expect(await results.locator(".poll-result svg").count()).toBe(3);
    await results.scrollIntoViewIfNeeded();
    await shoot(page, "phone-poll-results");
    await expectAxeClean(page);
    await expectNoOverflow(page, "#polls");
    expect(errors).toEqual([]);
    expect(staffErrors).toEqual([]);
  });

  it("an organiser runs a council: a session with an agenda, a child enrolled by her guardian speaks, attendance counted by age, a decision sent on", async (context) => {
    const baseUrl = server.baseUrl;
    if ((await fetch(`${baseUrl}/api/councils`)).status === 404) context.skip();
    const { page: staff } = await server.open("organiser", 1280, 800);
    const staffErrors = watchErrors(staff, SIGNED_OUT);
    await fillSignIn(staff, `${baseUrl}/staff.html?lang=zh`, "parks26");
    await staff.locator("#user-who").waitFor({ timeout: STEP_TIMEOUT_MS });
    await goToView(staff, "#councils", "councils");
    await staff.click("#council-new");
    await staff.fill("#council-name", "雁峰区儿童议事会");
    await staff.selectOption("#council-scope", "district");
    await staff.fill("#council-division", "430406");
    await staff.locator('#council-form button[type="submit"]').click();
    const line = staff.locator(".council-line", { hasText: "雁峰区儿童议事会" });
    await line.waitFor({ timeout: STEP_TIMEOUT_MS });
    const councilId = (await line.getAttribute("data-council")) ?? "";
    await goToView(staff, `#councils/${councilId}`, "councils");
    await staff.locator("summary", { hasText: "安排一次会议" }).click();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await staff.fill("#session-time", `${tomorrow}T15:00`);
    await staff.fill("#session-place", "雁峰区青少年活动中心");
    await staff.fill("#session-item", "南湖公园新游乐场放什么");
    await staff.locator('#session-form button[type="submit"]').click();
    await staff.locator('.council-session[data-state="planned"]').waitFor({ timeout: STEP_TIMEOUT_MS });

    // The guardian enrols the child on the public page; the child speaks on the agenda item.
    const { page } = await server.open("member", 390, 844);
    const errors = watchErrors(page, [/\/api\/members\/me$/]);
    await page.goto(`${baseUrl}/?lang=zh`);
    await signMember(page, "13912345670");
    await page.goto(`${baseUrl}/councils.html?lang=zh#${councilId}`);
    await page.locator("summary", { hasText: "让孩子加入" }).click();
    await page.click("#join-council");
    await page.locator("#joined-note", { hasText: "孩子已加入" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await signMember(page, null);
    await signMember(page, childLogin);
    await page.reload();
    const thread = page.locator(".council-thread").first();
    await thread.locator("summary").click();
    await thread.locator("textarea").fill("我想要一个大沙池和秋千");
    await thread.locator('button[type="submit"]').click();
    await thread.locator(".success-note").waitFor({ timeout: STEP_TIMEOUT_MS });
    await shoot(page, "phone-council-member");
    await expectAxeClean(page);

    // The organiser records the session (attendance by age band), a decision, and sends it on.
    await goToView(staff, `#councils/${councilId}`, "councils");
    const record = staff.locator('form[id^="record-"]');
    await record.locator('input[data-band="6-8"]').fill("5");
    await record.locator('input[data-band="9-11"]').fill("3");
    await record.locator("textarea").fill("孩子们讨论了新游乐场，多数想要沙池和秋千。");
    await record.locator('button[type="submit"]').click();
    await staff.locator('.council-session[data-state="held"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    const decision = staff.locator('form[id^="decision-"]');
    await decision.locator("input").first().fill("南湖公园新游乐场加沙池");
    await decision.locator("textarea").fill("议事会决定：请负责单位在南湖公园新游乐场加一个沙池。");
    await decision.locator('button[type="submit"]').click();
    await staff.locator("[data-send-decision]").click({ timeout: STEP_TIMEOUT_MS });
    await staff.locator('.council-decisions li[data-state="sent"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await expectAxeClean(staff);
    await staff.locator('.council-session[data-state="held"] .council-attendance').scrollIntoViewIfNeeded();
    await shoot(staff, "desktop-council");
    expect(staffErrors).toEqual([]);

    // The public record: the minutes, 8 children by age band, the decision sent on; no child named.
    await signMember(page, null);
    for (const [label, width, height] of [["phone", 390, 844], ["desktop", 1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      // A fresh load (not a same-page hash change): signed out now, as the public sees it.
      await page.goto(`${baseUrl}/councils.html?lang=zh&as=${label}#${councilId}`);
      const held = page.locator('.council-session[data-state="held"]');
      await held.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await held.locator('.attendance-bands [data-band="6-8"] .attendance-count').textContent()).toBe("5");
      expect(await held.locator(".council-attendance").textContent()).toContain("共 8 人");
      expect(await held.locator('.council-decisions li[data-state="sent"]').count()).toBe(1);
      expect(await page.locator("#councils").textContent()).not.toContain("小明");
      await expectAxeClean(page);
      await expectNoOverflow(page, "#councils");
      await held.locator(".council-attendance").scrollIntoViewIfNeeded();
      await shoot(page, `${label}-council-public`);
    }
    expect(errors).toEqual([]);
  });
});
