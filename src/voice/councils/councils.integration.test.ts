/**
 * A children's council from start to decision, on SQLite and PostgreSQL: an organiser (a
 * unit user) creates it, a guardian enrols their child with consent, a session is planned
 * (its time and place only for insiders), the child posts on an agenda item (refused with a
 * kind reason when it holds a phone number, else waiting for a moderator), the session is
 * recorded with counts by age band and no names, and a decision goes to a unit through the
 * ideas' intake, once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../platform/testing/test-databases.ts";
import { type CouncilPeople, type CouncilThings, approvePost, councilPeople, councilThings } from "./council-fixtures.ts";
import { councilRetentionRules } from "./retention.ts";
import { type VoiceWorld, startVoiceWorld } from "./voice-test-world.ts";

describe.each(testDialects())("children's councils on %s", (dialect) => {
  let t: VoiceWorld;
  let p: CouncilPeople;
  let c: CouncilThings;
  let postId: string;

  beforeAll(async () => {
    t = await startVoiceWorld(dialect);
    p = await councilPeople(t, "flow", 11);
    c = await councilThings(p);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("lists the council publicly with its area and member count, and as mine for the family", async () => {
    const list = (await p.anonymous.get("/api/councils?region=hengyang&scope=community")).body["councils"] as Array<Record<string, unknown>>;
    expect(list.find((x) => x["id"] === c.councilId)).toMatchObject({ name: "王江社区儿童议事会", areaName: "王江社区居委会", memberCount: 1, mine: false, organising: false });
    const mine = (await p.adult.get("/api/councils/mine")).body["councils"] as Array<Record<string, unknown>>;
    expect(mine.map((x) => x["id"])).toEqual([c.councilId]);
    expect(((await p.otherGuardian.get("/api/councils/mine")).body["councils"] as unknown[]).length).toBe(0);
    const organising = (await p.organiser.get(`/api/councils/${c.councilId}`)).body["council"] as Record<string, unknown>;
    expect(organising["organising"]).toBe(true);
  });

  it("refuses a second enrolment, another family's child, and consent to an old version of the rules", async () => {
    const again = await p.adult.post(`/api/councils/${c.councilId}/members`, { childId: p.childId, consent: { decision: "agreed", policyVersion: "2026-11-29" } });
    expect(again.status).toBe(409);
    const stranger = await p.otherGuardian.post(`/api/councils/${c.councilId}/members`, { childId: p.childId, consent: { decision: "agreed", policyVersion: "2026-11-29" } });
    expect(stranger.status).toBe(404);
    const old = await p.otherGuardian.post(`/api/councils/${c.councilId}/members`, { childId: p.otherChildId, consent: { decision: "agreed", policyVersion: "2020-01-01" } });
    expect(old.status).toBe(409);
    expect(old.body["field"]).toBe("consent.policyVersion");
    const refused = await p.child.post(`/api/councils/${c.councilId}/members`, { childId: p.childId, consent: { decision: "agreed", policyVersion: "2026-11-29" } });
    expect(refused.status).toBe(403);
  });

  it("shows a planned session's time and place only to insiders; others see its day", async () => {
    const outside = (await p.anonymous.get(`/api/councils/${c.councilId}`)).body["sessions"] as Array<Record<string, unknown>>;
    expect(outside[0]).toMatchObject({ state: "planned", startsAt: null, place: null });
    expect(outside[0]!["date"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const inside = (await p.child.get(`/api/councils/${c.councilId}`)).body["sessions"] as Array<Record<string, unknown>>;
    expect(inside[0]).toMatchObject({ place: "社区儿童之家活动室" });
    expect((await p.anonymous.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).status).toBe(404);
    expect((await p.otherGuardian.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).status).toBe(404);
    expect((await p.adult.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).status).toBe(200);
  });

  it("refuses a child's phone number in a post with the kind reason, and holds a clean post for a moderator", async () => {
    const phone = await p.child.post(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`, { body: "我的电话是13912345678，找我玩" });
    expect(phone.status).toBe(422);
    expect(phone.body).toMatchObject({ code: "held_for_safety", field: "body" });
    const posted = await p.child.post(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`, { body: "可以在小广场种几棵大树" });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const post = posted.body["post"] as { id: string; status: string; nickname: string };
    expect(post).toMatchObject({ status: "pending", nickname: "小星星" });
    postId = post.id;
    // Only the child and the guardian see it while pending; outsiders see no thread at all.
    expect(((await p.adult.get(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`)).body["posts"] as unknown[]).length).toBe(1);
    expect((await p.otherGuardian.get(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`)).status).toBe(404);
    expect((await p.otherChild.post(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`, { body: "我也想说" })).status).toBe(404);
  });

  it("publishes the post once a moderator approves it, under the nickname only", async () => {
    await approvePost(t, p.moderator, postId);
    const seen = (await p.organiser.get(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`)).body["posts"] as Array<Record<string, unknown>>;
    expect(seen).toEqual([expect.objectContaining({ id: postId, nickname: "小星星", body: "可以在小广场种几棵大树", status: "published" })]);
    expect(JSON.stringify(seen)).not.toContain(p.childId);
    const council = (await p.anonymous.get(`/api/councils/${c.councilId}`)).body["sessions"] as Array<{ agenda: Array<{ id: string; postCount: number }> }>;
    expect(council[0]!.agenda.find((i) => i.id === c.freeItemId)!.postCount).toBe(1);
  });

  it("records the session with attendance counts by age band, refusing personal information in public minutes", async () => {
    const leaky = await p.organiser.post(`/api/councils/${c.councilId}/sessions/${c.sessionId}/record`, { state: "held", minutes: "联系人电话13912345678" });
    expect(leaky.status).toBe(422);
    expect(leaky.body["field"]).toBe("minutes");
    const other = await p.unitUser.post(`/api/councils/${c.councilId}/sessions/${c.sessionId}/record`, { state: "held", minutes: "" });
    expect(other.status).toBe(403);
    const recorded = await p.organiser.post(`/api/councils/${c.councilId}/sessions/${c.sessionId}/record`, { state: "held", minutes: "大家建议在小广场种树。", attendance: { "6-8": 3, "9-11": 5 } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const session = (await p.anonymous.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).body["session"] as Record<string, unknown>;
    expect(session).toMatchObject({ state: "held", place: "社区儿童之家活动室", minutes: "大家建议在小广场种树。", attendance: { under6: 0, "6-8": 3, "9-11": 5, "12-14": 0, "15-17": 0 } });
    expect(JSON.stringify(session)).not.toContain("小星星");
    expect((await p.organiser.post(`/api/councils/${c.councilId}/sessions/${c.sessionId}/record`, { state: "cancelled" })).status).toBe(409);
  });

  it("sends a decision to a unit through the ideas' intake exactly once", async () => {
    const decided = await p.organiser.post(`/api/councils/${c.councilId}/decisions`, { sessionId: c.sessionId, title: "小广场种树遮阴", text: "建议在社区小广场种植遮阴树。", kind: "shade", point: { lat: 26.8968, lon: 112.5719 } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const decisionId = (decided.body["decision"] as { id: string }).id;
    const sent = await p.organiser.post(`/api/councils/${c.councilId}/decisions/${decisionId}/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const decision = sent.body["decision"] as { state: string; ideaId: string };
    expect(decision.state).toBe("sent");
    expect(decision.ideaId).toMatch(/^[0-9a-f-]{36}$/);
    if (!t.registeredByVoice) expect(t.sent).toEqual([expect.objectContaining({ councilId: c.councilId, sessionId: c.sessionId, title: "小广场种树遮阴", kind: "shade", regionId: "hengyang", point: { lat: 26.8968, lon: 112.5719 } })]);
    expect((await p.admin.post(`/api/councils/${c.councilId}/decisions/${decisionId}/send`, {})).status).toBe(409);
    const session = (await p.anonymous.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).body["session"] as { decisions: Array<{ id: string; ideaId: string }> };
    expect(session.decisions).toEqual([expect.objectContaining({ id: decisionId, ideaId: decision.ideaId })]);
  });

  it("shows the organiser nicknames and age bands, logging the access to minors' data", async () => {
    const listed = await p.organiser.get(`/api/councils/${c.councilId}/members`);
    expect(listed.body["members"]).toEqual([{ childId: p.childId, nickname: "小星星", ageBand: "9-11", joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    const audit = await t.server.db.all("SELECT action FROM audit_log WHERE target = ?", [`council:${c.councilId}`]);
    expect(audit.map((a) => a["action"])).toContain("minor_data.read");
  });

  it("lets the guardian withdraw the child's post and take the child out, recording the withdrawal", async () => {
    expect((await p.otherGuardian.delete(`/api/councils/${c.councilId}/members/${p.childId}/posts/${postId}`)).status).toBe(404);
    expect((await p.adult.delete(`/api/councils/${c.councilId}/members/${p.childId}/posts/${postId}`)).status).toBe(200);
    expect(((await p.anonymous.get(`/api/councils/${c.councilId}`)).body["sessions"] as Array<{ agenda: Array<{ postCount: number }> }>)[0]!.agenda[0]!.postCount).toBe(0);
    expect((await p.adult.delete(`/api/councils/${c.councilId}/members/${p.childId}`)).status).toBe(200);
    expect(((await p.anonymous.get(`/api/councils/${c.councilId}`)).body["council"] as { memberCount: number }).memberCount).toBe(0);
    const consents = await t.server.db.all("SELECT decision, scope FROM council_consents WHERE child_id = ? ORDER BY recorded_at", [p.childId]);
    expect(consents.map((r) => r["decision"])).toEqual(["agreed", "withdrawn"]);
    expect(String(consents[0]!["scope"])).toContain("children's council");
  });

  it("deletes the withdrawn post at the next retention run and keeps the session's record", async () => {
    const deleted = await t.server.db.transaction(async (tx) => {
      const counts: number[] = [];
      for (const rule of councilRetentionRules) counts.push(await rule.apply(tx, new Date()));
      return counts;
    });
    expect(deleted[0]).toBe(1);
    expect(await t.server.db.all("SELECT 1 FROM council_posts WHERE id = ?", [postId])).toHaveLength(0);
    expect(((await p.anonymous.get(`/api/councils/${c.councilId}/sessions/${c.sessionId}`)).body["session"] as { minutes: string }).minutes).toBe("大家建议在小广场种树。");
  });
});
