/**
 * Moderation of families' posts over real HTTP on SQLite and PostgreSQL: reports that hide,
 * appeals, notice-and-takedown, warnings and suspensions, minors' data access logged, and the
 * races a moderator meets (a photo added after the look, a post withdrawn before the appeal).
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { PASSWORD, STAFF_PASSWORD, thisYear, useFamilyWorld } from "./families-world.ts";

describe.each(testDialects())("moderation of families' posts on %s", (dialect) => {
  const w = useFamilyWorld(dialect);
  const { adult, child, review, publicReviews, decide } = w;

  it("hides an item after three reports, and restores it on an upheld appeal", async () => {
    const author = await adult("小明妈妈");
    const id = ((await review(author, "这里的老师态度一般", 3)).body.review as { id: string }).id;
    const reporters = [await adult(), await adult(), await adult()];
    expect((await reporters[0]!.post("/api/content-reports", { targetType: "review", targetId: id, reason: "false_info" })).body).toMatchObject({ hidden: false });
    expect((await reporters[0]!.post("/api/content-reports", { targetType: "review", targetId: id, reason: "false_info" })).status).toBe(409);
    await reporters[1]!.post("/api/content-reports", { targetType: "review", targetId: id, reason: "false_info" });
    expect((await reporters[2]!.post("/api/content-reports", { targetType: "review", targetId: id, reason: "bullying", detail: "说老师坏话" })).body).toMatchObject({ hidden: true });
    expect((await publicReviews()).reviews.map((r) => r.id)).not.toContain(id);
    const queue = (await w.moderator.get("/api/moderation/queue")).body as { queues: Array<{ name: string; size: number; oldestAt: string | null }> };
    expect(queue.queues.find((q) => q.name === "hidden")!.size).toBeGreaterThan(0);

    const appeal = await author.post("/api/appeals", { targetType: "review", targetId: id, text: "我说的是真实体验" });
    expect(appeal.status).toBe(201);
    expect((await author.post("/api/appeals", { targetType: "review", targetId: id, text: "再申诉一次" })).status).toBe(409);
    const appealId = (appeal.body.appeal as { id: string }).id;
    expect((await w.moderator.post(`/api/moderation/appeals/${appealId}`, { decision: "overturned", reason: "an honest opinion, not bullying" })).status).toBe(200);
    expect((await publicReviews()).reviews.map((r) => r.id)).toContain(id);
    const history = (await w.moderator.get(`/api/moderation/items/review/${id}`)).body as { reports: unknown[]; decisions: Array<{ action: string }> };
    expect(history.reports).toHaveLength(3);
    expect(history.decisions.map((d) => d.action)).toEqual(["appeal_overturned"]);
  });

  it("takes an item down on notice at once and records the decision", async () => {
    const author = await adult();
    const id = ((await review(author, "三年级那个胖子天天在这里哭")).body.review as { id: string }).id;
    const notice = await new TestClient(w.t.base).post("/api/takedown-notices", { targetType: "review", targetId: id, kind: "bullying", contact: "parent@example.cn", detail: "这是在嘲笑我的孩子" });
    expect(notice.status).toBe(201);
    expect((await publicReviews()).reviews.map((r) => r.id)).not.toContain(id);
    const notices = (await w.moderator.get("/api/moderation/takedowns")).body.notices as Array<{ id: string; status: string }>;
    const noticeId = (notice.body.notice as { id: string }).id;
    expect(notices.find((n) => n.id === noticeId)).toMatchObject({ status: "open" });
    await w.moderator.post(`/api/moderation/takedowns/${noticeId}`, { decision: "taken_down", reason: "mocks a child" });
    expect((await w.moderator.get(`/api/moderation/items/review/${id}`)).body.item).toMatchObject({ status: "removed" });
    expect(((await w.moderator.get("/api/moderation/takedowns")).body.notices as Array<{ id: string; status: string }>).find((n) => n.id === noticeId)).toMatchObject({ status: "taken_down" });
  });

  it("warns and suspends an author, who may then not post", async () => {
    const author = await adult();
    const id = ((await review(author, "这个地方不怎么样")).body.review as { id: string }).id;
    await decide(id, "warn");
    expect((await author.get("/api/members/me")).body.member).toMatchObject({ warnings: 1, status: "active" });
    const second = ((await review(author, "真的不怎么样")).body.review as { id: string }).id;
    await decide(second, "suspend", { suspendDays: 3 });
    expect((await author.get("/api/members/me")).status).toBe(401);
    const again = new TestClient(w.t.base, "10.9.9.9");
    expect((await again.post("/api/members/login", { login: `1390000${String(1000 + w.serial)}`, password: PASSWORD })).body.member).toMatchObject({ status: "suspended" });
    expect((await review(again, "我又来了")).body).toMatchObject({ code: "forbidden", message: expect.stringContaining("暂停使用") });
    expect((await again.post("/api/family/children", { login: "late.kid", password: PASSWORD, nickname: "x", birthYear: thisYear - 8, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } })).status).toBe(403);
  });

  it("logs every moderator view of a minor's content", async () => {
    const guardian = await adult();
    const { client: kid } = await child(guardian, "audit.kid");
    await review(kid, "图书馆的绘本很多");
    await w.moderator.get("/api/moderation/queue");
    const rows = await w.t.server.db.all<{ action: string; detail: string; target: string }>("SELECT action, detail, target FROM audit_log WHERE action = 'minor_data.read'");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.detail.includes("review:"))).toBe(true);
  });

  it("never publishes a child's unapproved review through a rejected takedown notice", async () => {
    const guardian = await adult();
    const { client: kid } = await child(guardian, "notice.kid");
    const id = ((await review(kid, "秋千有点旧了")).body.review as { id: string }).id;
    await decide(id, "hide");
    const notice = await new TestClient(w.t.base, "10.77.0.1").post("/api/takedown-notices", { targetType: "review", targetId: id, kind: "bullying", contact: "abc@example.cn", detail: "无理由投诉" });
    await w.moderator.post(`/api/moderation/takedowns/${(notice.body.notice as { id: string }).id}`, { decision: "rejected", reason: "no bullying here" });
    expect((await w.moderator.get(`/api/moderation/items/review/${id}`)).body.item).toMatchObject({ status: "hidden" });
    expect((await publicReviews()).reviews.map((r) => r.id)).not.toContain(id);

    // A notice that hid a published review and is rejected puts it back.
    const author = await adult();
    const shown = ((await review(author, "树很多，很凉快")).body.review as { id: string }).id;
    const second = await new TestClient(w.t.base, "10.77.0.2").post("/api/takedown-notices", { targetType: "review", targetId: shown, kind: "other", contact: "abc@example.cn", detail: "不喜欢" });
    await w.moderator.post(`/api/moderation/takedowns/${(second.body.notice as { id: string }).id}`, { decision: "rejected", reason: "an opinion" });
    expect((await publicReviews()).reviews.map((r) => r.id)).toContain(shown);
  });

  it("closes an appeal of a withdrawn post without bringing it back", async () => {
    const guardian = await adult();
    const { client: kid, id: kidId } = await child(guardian, "appeal.kid");
    const id = ((await review(kid, "图书馆很安静")).body.review as { id: string }).id;
    await decide(id, "approve");
    await decide(id, "remove");
    const appeal = await kid.post("/api/appeals", { targetType: "review", targetId: id, text: "我没有说坏话" });
    expect(appeal.status).toBe(201);
    await guardian.delete(`/api/family/children/${kidId}/reviews/${id}`);
    const decided = await w.moderator.post(`/api/moderation/appeals/${(appeal.body.appeal as { id: string }).id}`, { decision: "overturned", reason: "fine after all" });
    expect(decided.body).toMatchObject({ restored: false });
    expect((await publicReviews()).reviews.map((r) => r.id)).not.toContain(id);
  });

  it("refuses an approval when a photo arrived after the moderator looked, and shows pending photos only to moderators", async () => {
    const guardian = await adult();
    const { client: kid } = await child(guardian, "late.kid");
    const id = ((await review(kid, "看我拍的喷泉")).body.review as { id: string }).id;
    const seen = (await w.moderator.get(`/api/moderation/items/review/${id}`)).body.item as { statusAt: string };
    await new Promise((resolve) => setTimeout(resolve, 5));
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#09c" } }).jpeg().toBuffer();
    const url = ((await kid.post(`/api/reviews/${id}/photos`, photo, { contentType: "image/jpeg" })).body.review as { photos: string[] }).photos[0]!;
    const stale = await w.moderator.post(`/api/moderation/items/review/${id}/decisions`, { action: "approve", reason: "looked fine", seenStatusAt: seen.statusAt });
    expect(stale).toMatchObject({ status: 409, body: { field: "seenStatusAt" } });
    expect((await w.moderator.post(`/api/moderation/items/review/${id}/decisions`, { action: "approve", reason: "no statusAt" })).status).toBe(409);
    const leader = new TestClient(w.t.base, "10.78.0.1");
    await leader.post("/api/auth/login", { username: "planner", password: STAFF_PASSWORD });
    expect((await leader.get(url)).status).toBe(404);
    expect((await w.moderator.get(url)).status).toBe(200);
  });

  it("counts a guardian and their children as one reporter, and starts counting afresh after an approval", async () => {
    const target = await adult();
    const id = ((await review(target, "这里的沙子有点脏")).body.review as { id: string }).id;
    const guardian = await adult();
    const { client: kid } = await child(guardian, "report.kid");
    const report = (c: TestClient) => c.post("/api/content-reports", { targetType: "review", targetId: id, reason: "false_info" });
    expect((await report(guardian)).status).toBe(201);
    expect((await report(kid)).status).toBe(409);
    await report(await adult());
    expect((await report(await adult())).body).toMatchObject({ hidden: true });
    await decide(id, "approve");
    expect((await report(await adult())).body).toMatchObject({ hidden: false });
  });
});
