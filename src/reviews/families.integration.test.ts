/**
 * Families on the platform over real HTTP on SQLite and PostgreSQL: sign-up rules, a
 * guardian's consent, pre-moderation of children's reviews, the personal-information hold,
 * photos stripped of metadata, corrections that fix a place, the guardian's withdrawal and
 * deletion, retention, and the security boundaries (IDOR, CSRF, rate limits). Moderation
 * (reports, appeals, takedowns, sanctions, minors' data access) is in moderation.integration.test.ts.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { runRetention } from "../app/retention-job.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { PASSWORD, STAFF_PASSWORD, thisYear, useFamilyWorld } from "./families-world.ts";

describe.each(testDialects())("families and reviews on %s", (dialect) => {
  const w = useFamilyWorld(dialect);
  const { adult, child, review, publicReviews, decide, confirm } = w;

  it("signs adults up with checked input and sends young children to a guardian", async () => {
    const c = new TestClient(w.t.base);
    const base = { login: "+86 138-0013-8000", password: PASSWORD, nickname: "爸爸", birthYear: 1985, acceptAgreement: true };
    expect((await c.post("/api/members/register", { ...base, password: "password123" })).body).toMatchObject({ code: "invalid_parameter", field: "password" });
    expect((await c.post("/api/members/register", { ...base, password: "woaini1314" })).body).toMatchObject({ field: "password" });
    expect((await c.post("/api/members/register", { ...base, login: "not a phone" })).body).toMatchObject({ field: "login" });
    expect((await c.post("/api/members/register", { ...base, acceptAgreement: false })).body).toMatchObject({ field: "acceptAgreement" });
    const young = await c.post("/api/members/register", { ...base, birthYear: thisYear - 10 });
    expect(young).toMatchObject({ status: 403, body: { code: "guardian_required", field: "birthYear" } });
    expect((await c.post("/api/members/register", base)).status).toBe(202);
    const created = await confirm(c, "13800138000");
    expect(created.status).toBe(201);
    expect(created.body.member).toMatchObject({ kind: "adult", login: "13800138000", nickname: "爸爸", birthYear: null });
    expect(created.headers.get("set-cookie")).toMatch(/tx_member=[\w-]+; Path=\/; HttpOnly; SameSite=Strict/);
    // Signing up again with a taken phone answers as a new sign-up would (issue 13).
    expect((await new TestClient(w.t.base).post("/api/members/register", base)).status).toBe(202);
    const teen = new TestClient(w.t.base);
    expect((await teen.post("/api/members/register", { ...base, login: "teen@example.cn", birthYear: thisYear - 16 })).status).toBe(202);
    expect((await confirm(teen, "teen@example.cn")).body.member).toMatchObject({ kind: "child", birthYear: thisYear - 16 });
  });

  it("rotates the session token at sign-in and ends it at sign-out", async () => {
    const c = await adult();
    const before = c.cookies.get("tx_member")!;
    const login = (c.cookies.clear(), c.cookies.set("tx_member", before), await c.post("/api/members/login", { login: `1390000${String(1000 + w.serial)}`, password: PASSWORD }));
    expect(login.status).toBe(200);
    const after = c.cookies.get("tx_member")!;
    expect(after).not.toBe(before);
    const stale = new TestClient(w.t.base);
    stale.cookies.set("tx_member", before);
    expect((await stale.get("/api/members/me")).status).toBe(401);
    expect((await stale.get("/api/members/session")).body).toEqual({ member: null });
    expect((await c.get("/api/members/me")).status).toBe(200);
    await c.post("/api/members/logout");
    const replay = new TestClient(w.t.base);
    replay.cookies.set("tx_member", after);
    expect((await replay.get("/api/members/me")).status).toBe(401);
  });

  it("records the guardian's consent or refusal with the privacy rules' version", async () => {
    const guardian = await adult();
    const refused = await guardian.post("/api/family/children", { login: "refused.kid", password: PASSWORD, nickname: "小雨", birthYear: thisYear - 8, consent: { decision: "refused", policyVersion: CHILD_PRIVACY_VERSION } });
    expect(refused.body).toMatchObject({ child: null, consent: { decision: "refused", policyVersion: CHILD_PRIVACY_VERSION } });
    const stale = await guardian.post("/api/family/children", { login: "stale.kid", password: PASSWORD, nickname: "小雨", birthYear: thisYear - 8, consent: { decision: "agreed", policyVersion: "2020-01-01" } });
    expect(stale.body).toMatchObject({ code: "invalid_parameter", field: "consent.policyVersion" });
    const { client: kid } = await child(guardian, "consent.kid");
    const consents = (await guardian.get("/api/family/consents")).body.consents as Array<{ decision: string; childId: string | null; policyVersion: string }>;
    expect(consents.map((c) => c.decision)).toEqual(["refused", "agreed"]);
    expect((await guardian.get("/api/family/children")).body.children).toEqual([expect.objectContaining({ login: expect.stringMatching(/^consent\.kid@/), kind: "child", guardian: true })]);
    // A child cannot create accounts, and the privacy notice of that version is served.
    expect((await kid.post("/api/family/children", { login: "sub.kid", password: PASSWORD, nickname: "x", birthYear: thisYear - 8, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } })).status).toBe(403);
    expect((await kid.get("/api/privacy/child")).body).toMatchObject({ version: CHILD_PRIVACY_VERSION });
  });

  it("holds a child's phone number without storing it, pre-moderates a clean review, and shows it once approved", async () => {
    const guardian = await adult();
    const { client: kid, id: kidId } = await child(guardian, "review.kid", "小星星");
    const held = await review(kid, "滑梯很好玩，想一起玩打我电话13812345678");
    expect(held).toMatchObject({ status: 422, body: { code: "held_for_safety", field: "body" } });
    expect((held.body.details as { reasons: Array<{ kind: string; message: { zh: string } }> }).reasons[0]).toMatchObject({ kind: "phone", message: { zh: expect.stringContaining("电话") } });
    expect((await guardian.get(`/api/family/children/${kidId}/reviews`)).body.reviews).toEqual([]);

    const posted = await review(kid, "滑梯很好玩，我和妹妹玩了一下午", 5);
    expect(posted.status).toBe(201);
    const id = (posted.body.review as { id: string; status: string }).id;
    expect(posted.body.review).toMatchObject({ status: "pending" });
    expect((await publicReviews()).reviews.map((r) => r.id)).not.toContain(id);

    expect((await decide(id, "approve")).status).toBe(200);
    const shown = (await publicReviews()).reviews.find((r) => r.id === id)!;
    expect(shown).toMatchObject({ nickname: "小星星", rating: 5, body: "滑梯很好玩，我和妹妹玩了一下午" });
    // Public output never names the account.
    expect(JSON.stringify(shown)).not.toMatch(/review\.kid|memberId|login/);
    expect((await guardian.get(`/api/family/children/${kidId}/reviews`)).body.reviews).toEqual([expect.objectContaining({ id, status: "published" })]);
  });

  it("publishes an adult's clean review at once, refuses a blocked word, and averages ratings", async () => {
    const a = await adult("豆豆妈");
    const b = await adult("乐乐爸");
    expect((await review(a, "母婴室很干净，有热水", 4, w.otherPlaceId)).body.review).toMatchObject({ status: "published" });
    expect((await review(b, "人有点多，但是设施不错", 2, w.otherPlaceId)).body.review).toMatchObject({ status: "published" });
    expect((await review(b, "管理员是个傻逼", 1, w.otherPlaceId))).toMatchObject({ status: 422, body: { code: "blocked_by_safety" } });
    expect((await publicReviews(w.otherPlaceId)).summary).toEqual({ count: 2, average: 3 });
  });

  it("refuses changes without the change header, other members' data (IDOR) and staff pages", async () => {
    const a = await adult();
    const b = await adult();
    const { id: kidId } = await child(a, "idor.kid");
    expect((await a.post(`/api/places/${encodeURIComponent(w.placeId)}/reviews`, { rating: 3, body: "没有请求头" }, { withoutChangeHeader: true })).status).toBe(403);
    const own = (await review(a, "树荫很多，夏天也凉快")).body.review as { id: string };
    expect((await b.delete(`/api/reviews/${own.id}`)).status).toBe(404);
    expect((await b.get(`/api/family/children/${kidId}/reviews`)).status).toBe(404);
    expect((await b.delete(`/api/family/children/${kidId}`)).status).toBe(404);
    expect((await b.post(`/api/reviews/${own.id}/helpful`, { helpful: true })).body).toMatchObject({ helpfulCount: 1 });
    expect((await a.post(`/api/reviews/${own.id}/helpful`, { helpful: true })).status).toBe(409);
    expect((await a.get("/api/moderation/queue")).status).toBe(401);
    const leader = new TestClient(w.t.base);
    await leader.post("/api/auth/login", { username: "planner", password: STAFF_PASSWORD });
    expect((await leader.get("/api/moderation/queue")).status).toBe(403);
    // A child cannot publish by sending a status.
    const { client: kid } = await child(a, "bypass.kid");
    expect((await kid.post(`/api/places/${encodeURIComponent(w.placeId)}/reviews`, { rating: 5, body: "很好玩", status: "published" })).body).toMatchObject({ code: "invalid_parameter" });
    expect((await review(kid, "很好玩的地方")).body.review).toMatchObject({ status: "pending" });
  });

  it("strips photo metadata and shows a child's photo only to the guardian until approved", async () => {
    const guardian = await adult();
    const { client: kid } = await child(guardian, "photo.kid");
    const id = ((await review(kid, "这是我拍的滑梯")).body.review as { id: string }).id;
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#f80" } }).jpeg().withExif({ IFD0: { Make: "KidPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 0/1" } }).toBuffer();
    expect((await kid.post(`/api/reviews/${id}/photos`, Buffer.from("<svg onload=alert(1)>"), { contentType: "image/jpeg" })).status).toBe(415);
    const uploaded = await kid.post(`/api/reviews/${id}/photos`, photo, { contentType: "image/jpeg" });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const url = (uploaded.body.review as { photos: string[] }).photos[0]!;
    expect((await new TestClient(w.t.base).get(url)).status).toBe(404);
    const response = await fetch(w.t.base + url, { headers: { cookie: guardian.cookieHeader } });
    expect(response.status).toBe(200);
    const stored = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1280, 853, undefined]);
    await decide(id, "approve");
    expect((await fetch(w.t.base + url)).status).toBe(200);
  });

  it("takes a correction from anyone and lets staff fix the place it names", async () => {
    const place = w.t.server.catalog.index.places[2]!;
    const anonymous = new TestClient(w.t.base);
    const sent = await anonymous.post(`/api/places/${encodeURIComponent(place.id)}/corrections`, { kind: "moved", detail: "入口在北门", lon: place.lon + 0.001, lat: place.lat + 0.001 });
    expect(sent.status).toBe(201);
    expect((await anonymous.post("/api/places/no-such-place/corrections", { kind: "closed" })).status).toBe(404);
    expect((await anonymous.post(`/api/places/${encodeURIComponent(place.id)}/corrections`, { kind: "teleported" })).body).toMatchObject({ field: "kind" });
    const open = (await w.moderator.get("/api/moderation/corrections")).body.corrections as Array<{ id: string; place: { id: string } }>;
    const correction = open.find((c) => c.place.id === place.id)!;
    const bad = await w.moderator.post(`/api/moderation/corrections/${correction.id}`, { decision: "fixed", note: "moved", fix: { openingHours: "every day maybe" } });
    expect(bad.status).toBe(400);
    const fixed = await w.moderator.post(`/api/moderation/corrections/${correction.id}`, { decision: "fixed", note: "moved to the north gate", fix: { lon: place.lon + 0.001, lat: place.lat + 0.001, facilities: ["toilets"] } });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const after = (await anonymous.get(`/api/places/${encodeURIComponent(place.id)}`)).body as { geometry: { coordinates: number[] }; properties: { facilities: string[] } };
    expect(after.geometry.coordinates[0]).toBeCloseTo(place.lon + 0.001, 5);
    expect(after.properties.facilities).toEqual(["toilets"]);
  });

  it("lets a guardian withdraw a child's post and delete the child's account and data; retention purges", async () => {
    const guardian = await adult();
    const { client: kid, id: kidId } = await child(guardian, "delete.kid");
    const first = ((await review(kid, "公园里的小火车很好玩")).body.review as { id: string }).id;
    await review(kid, "沙坑的沙子很干净");
    expect((await guardian.delete(`/api/family/children/${kidId}/reviews/${first}`)).status).toBe(200);
    expect(((await guardian.get(`/api/family/children/${kidId}/reviews`)).body.reviews as unknown[]).length).toBe(1);
    const purged = await runRetention(w.t.server.db);
    expect(purged["withdrawn reviews"]).toBeGreaterThanOrEqual(1);
    expect(await w.t.server.db.all("SELECT id FROM reviews WHERE id = ?", [first])).toEqual([]);
    expect((await guardian.delete(`/api/family/children/${kidId}`)).status).toBe(200);
    expect(await w.t.server.db.all("SELECT id FROM reviews WHERE member_id = ?", [kidId])).toEqual([]);
    expect((await kid.get("/api/members/me")).status).toBe(401);
    expect(((await guardian.get("/api/family/consents")).body.consents as Array<{ decision: string }>).map((c) => c.decision)).toEqual(["agreed", "withdrawn"]);
  });

  it("deletes an adult's own account with their children and reviews; purges removed content after its period", async () => {
    const parent = await adult();
    const { id: kidId } = await child(parent, "gone.kid");
    const own = ((await review(parent, "停车方便，推婴儿车也好走")).body.review as { id: string }).id;
    expect((await parent.delete("/api/members/me")).status).toBe(200);
    expect(await w.t.server.db.all("SELECT id FROM members WHERE id = ?", [kidId])).toEqual([]);
    expect(await w.t.server.db.all("SELECT id FROM reviews WHERE id = ?", [own])).toEqual([]);
    expect((await parent.get("/api/members/me")).status).toBe(401);

    const author = await adult();
    const removed = ((await review(author, "这里太吵了不推荐")).body.review as { id: string }).id;
    await decide(removed, "remove");
    expect((await runRetention(w.t.server.db))["removed reviews"]).toBe(0);
    const later = new Date(Date.now() + 181 * 86_400_000);
    expect((await runRetention(w.t.server.db, later))["removed reviews"]).toBeGreaterThanOrEqual(1);
    expect(await w.t.server.db.all("SELECT id FROM reviews WHERE id = ?", [removed])).toEqual([]);
    // Half a year on, every session has expired too: the moderator signs in again.
    expect((await w.moderator.get("/api/moderation/queue")).status).toBe(401);
    await w.moderator.post("/api/auth/login", { username: "moderator", password: STAFF_PASSWORD });
  });

  it("holds nicknames, corrections and appeals to the safety rules", async () => {
    const c = new TestClient(w.t.base, "10.79.0.1");
    const base = { login: "nick@example.cn", password: PASSWORD, birthYear: 1985, acceptAgreement: true };
    expect((await c.post("/api/members/register", { ...base, nickname: "乐乐13812345678" })).body).toMatchObject({ field: "nickname" });
    expect((await c.post("/api/members/register", { ...base, nickname: "傻逼" })).body).toMatchObject({ field: "nickname" });
    const guardian = await adult();
    const { client: kid } = await child(guardian, "rules.kid");
    expect((await review(kid, "我的电话是138\u200b1234\u200b5678")).body).toMatchObject({ code: "held_for_safety" });
    const correction = await kid.post(`/api/places/${encodeURIComponent(w.placeId)}/corrections`, { kind: "other", detail: "我家住3栋2单元501，电话13812345678" });
    expect(correction).toMatchObject({ status: 422, body: { code: "held_for_safety" } });
    expect((await kid.delete("/api/members/me")).status).toBe(403);
  });

  it("answers races, unknown sign-in names and broken URLs in the error contract", async () => {
    const same = { login: "race@example.cn", password: PASSWORD, nickname: "赛跑", birthYear: 1985, acceptAgreement: true };
    const statuses = await Promise.all([1, 2, 3, 4].map((i) => new TestClient(w.t.base, `10.80.0.${i}`).post("/api/members/register", same).then((r) => r.status)));
    expect(statuses).toEqual([202, 202, 202, 202]);
    const guesser = new TestClient(w.t.base, "10.81.0.1");
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await guesser.post("/api/members/login", { login: "nobody.here", password: "wrong-password" })).status);
    expect(answers).toEqual([401, 401, 401, 401, 423, 423]);
    const broken = await new TestClient(w.t.base).get("/api/places/%E0%A4%A/reviews");
    expect(broken).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "path" } });
  });

  it("limits sign-ups per address and reviews per member per hour", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await new TestClient(w.t.base, "10.200.0.1").post("/api/members/register", { login: `bulk${i}@example.cn`, password: PASSWORD, nickname: "x", birthYear: 1980, acceptAgreement: true })).status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
    const a = await adult();
    const posted: number[] = [];
    for (let i = 0; i < 11; i++) posted.push((await review(a, `第${i}次来，还是很喜欢这里`)).status);
    expect(posted.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(posted[10]).toBe(429);
  });
});
