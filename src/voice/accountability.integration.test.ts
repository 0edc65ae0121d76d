/**
 * From idea to decision over real HTTP on SQLite and PostgreSQL: triage to the plan task's
 * lead unit, the unit's dated answers and their rules, notifications to the author, guardian
 * and supporters, merging, the public figures, the plan's overdue list and the evaluation's
 * figures, and a council decision entering through the intake.
 */
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { runRetention } from "../app/retention-job.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { LEAD_UNIT, TASK, useIdeasWorld } from "./ideas-world.ts";
import { accountabilityAnswer, staffIdeaAnswer } from "../core/api/voice.ts";
import { accountabilityFigures } from "./accountability-figures.ts";
import { figuresFromDatabase } from "./accountability-sql.ts";
import { IdeaStore } from "./idea-store.ts";

type Idea = { id: string; stage: string; unitId: string | null; supportCount: number };

describe.each(testDialects())("the accountability path on %s", (dialect) => {
  const w = useIdeasWorld(dialect);
  const anonymous = () => new TestClient(w.t.base);
  const answer = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/ideas/${id}/answers`, body);

  it("sends an idea to the task's lead unit, which answers step by step on the record", async () => {
    const guardian = await w.adult();
    const { client: child } = await w.child(guardian);
    const idea = await w.publicIdea(child);
    const fan = await w.adult();
    await fan.post(`/api/ideas/${idea.id}/support`, { support: true });

    expect((await answer(w.unit, idea.id, { stage: "received" })).status).toBe(403);
    const queue = (await w.reviewer.get("/api/ideas/triage")).body["ideas"] as Array<{ id: string; exactLat: number | null }>;
    expect(queue.find((i) => i.id === idea.id)?.exactLat).toEqual(expect.any(Number));
    expect(queue.flatMap((i) => staffIdeaAnswer.safeParse(i).error?.issues ?? [])).toEqual([]);
    expect((await w.unit.post(`/api/ideas/${idea.id}/triage`, { action: "assign", taskNumber: TASK })).status).toBe(403);
    expect((await w.reviewer.post(`/api/ideas/${idea.id}/triage`, { action: "assign", taskNumber: 9999 })).body).toMatchObject({ field: "taskNumber" });
    const sent = await w.reviewer.post(`/api/ideas/${idea.id}/triage`, { action: "assign", taskNumber: TASK });
    expect(sent.body["idea"]).toMatchObject({ stage: "sent", unitId: LEAD_UNIT, taskNumber: TASK });
    expect((await w.reviewer.post(`/api/ideas/${idea.id}/triage`, { action: "assign", taskNumber: TASK })).status).toBe(409);

    expect((await answer(w.otherUnit, idea.id, { stage: "received" })).status).toBe(403);
    expect(((await w.unit.get("/api/ideas/assigned")).body["ideas"] as Idea[]).map((i) => i.id)).toContain(idea.id);
    expect(((await w.otherUnit.get("/api/ideas/assigned")).body["ideas"] as Idea[]).map((i) => i.id)).not.toContain(idea.id);
    expect((await answer(w.unit, idea.id, { stage: "received" })).body["idea"]).toMatchObject({ stage: "received" });
    expect((await answer(w.unit, idea.id, { stage: "accepted", text: "明年春天在这里种十棵香樟树" })).body).toMatchObject({ code: "invalid_body", field: "by" });
    expect((await answer(w.unit, idea.id, { stage: "accepted", text: "明年春天在这里种十棵香樟树", by: "2027-04-30" })).body["idea"]).toMatchObject({ stage: "accepted" });
    expect((await answer(w.unit, idea.id, { stage: "received" })).status).toBe(409);
    expect(await answer(w.unit, idea.id, { stage: "done" })).toMatchObject({ status: 409, body: { code: "conflict" } });
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#2a5" } }).jpeg().toBuffer();
    expect((await w.unit.call("POST", `/api/ideas/${idea.id}/result-photo`, photo, { contentType: "image/jpeg" })).status).toBe(201);
    expect((await answer(w.unit, idea.id, { stage: "done", text: "树种好了" })).body["idea"]).toMatchObject({ stage: "done" });

    const card = (await anonymous().get(`/api/ideas/${idea.id}`)).body;
    expect((card["history"] as Array<{ stage: string }>).map((s) => s.stage)).toEqual(["new", "sent", "received", "accepted", "done"]);
    expect(card["history"]).toEqual(expect.arrayContaining([expect.objectContaining({ stage: "accepted", by: "2027-04-30", text: "明年春天在这里种十棵香樟树", unitName: expect.any(String) })]));
    expect(JSON.stringify(card)).not.toContain("ideaunit");
    const events = (await child.get("/api/ideas/notifications")).body["notifications"] as Array<{ event: string; stage: string | null; message: { zh: string; en: string } }>;
    expect(events.map((e) => e.stage ?? e.event)).toEqual(expect.arrayContaining(["published", "triaged", "received", "accepted", "done"]));
    expect(events.find((e) => e.stage === "accepted")!.message.zh).toContain("采纳");
    const fanEvents = (await fan.get("/api/ideas/notifications?lang=en")).body["notifications"] as Array<{ stage: string | null; message: { en: string } }>;
    expect(fanEvents.find((e) => e.stage === "done")!.message.en).toContain("The idea you support");
    expect((await guardian.get("/api/ideas/notifications")).body["notifications"]).toEqual(expect.arrayContaining([expect.objectContaining({ stage: "done", forChild: "乐乐" })]));

    const figures = (await anonymous().get(`/api/ideas/accountability?region=${w.place.regionId}`)).body;
    expect(figures).toMatchObject({ deadlineDays: 30, byStage: { done: expect.any(Number) } });
    expect(accountabilityAnswer.safeParse(figures).error?.issues ?? []).toEqual([]);
    expect(figures["adopted"]).toBeGreaterThanOrEqual(1);
    expect(figures["medianDaysToFirstAnswer"]).toEqual(expect.any(Number));
    expect(figures["done"]).toEqual(expect.arrayContaining([expect.objectContaining({ id: idea.id, before: null, after: expect.stringMatching(/^\/api\/idea-photos\//) })]));
    expect(figures["byUnit"]).toEqual(expect.arrayContaining([expect.objectContaining({ id: LEAD_UNIT, done: expect.any(Number) })]));

    // 90 days after the final answer the child's exact pin goes; the public point stays.
    const exact = async () => (await w.t.server.db.all<{ exact_lat: number | null; lat: number }>("SELECT exact_lat, lat FROM ideas WHERE id = ?", [idea.id]))[0]!;
    expect((await exact()).exact_lat).not.toBeNull();
    await w.t.server.db.run("UPDATE ideas SET stage_at = ? WHERE id = ?", [new Date(Date.now() - 91 * 86_400_000).toISOString(), idea.id]);
    expect((await runRetention(w.t.server.db))["exact pins of finished ideas"]).toBe(1);
    expect(await exact()).toMatchObject({ exact_lat: null, lat: expect.any(Number) });
  });

  it("refuses a not-adopted answer without a reason and keeps it final", async () => {
    const parent = await w.adult();
    const idea = await w.publicIdea(parent);
    await w.admin.post(`/api/ideas/${idea.id}/triage`, { action: "assign", taskNumber: TASK, unitId: LEAD_UNIT });
    expect((await answer(w.unit, idea.id, { stage: "not_adopted" })).body).toMatchObject({ field: "text" });
    expect((await answer(w.unit, idea.id, { stage: "not_adopted", text: "这里是消防通道，不能种树，我们会在旁边的广场加遮阳棚" })).status).toBe(200);
    expect((await answer(w.unit, idea.id, { stage: "accepted", text: "再想想", by: "2027-01-01" })).status).toBe(409);
    expect((await answer(w.admin, idea.id, { stage: "under_study" })).status).toBe(409);
  });

  it("merges an idea into another, carrying its supports and telling its author", async () => {
    const [a, b, fan] = [await w.adult(), await w.adult(), await w.adult()];
    const target = await w.publicIdea(a);
    const twin = await w.publicIdea(b);
    await fan.post(`/api/ideas/${twin.id}/support`, { support: true });
    await fan.post(`/api/ideas/${target.id}/support`, { support: true });
    const merged = await w.reviewer.post(`/api/ideas/${twin.id}/triage`, { action: "merge", into: target.id });
    expect(merged.body["idea"]).toMatchObject({ stage: "merged", mergedInto: target.id });
    // The fan supported both: counted once; the twin's author now supports the target.
    expect((await anonymous().get(`/api/ideas/${target.id}`)).body["idea"]).toMatchObject({ supportCount: 2 });
    expect(((await anonymous().get("/api/ideas?limit=50")).body["ideas"] as Idea[]).map((i) => i.id)).not.toContain(twin.id);
    expect((await b.get("/api/ideas/notifications")).body["notifications"]).toEqual(expect.arrayContaining([expect.objectContaining({ event: "merged" })]));
  });

  it("lists unanswered ideas past the deadline beside overdue reports and in the evaluation's figures", async () => {
    const parent = await w.adult();
    const idea = await w.publicIdea(parent);
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await w.t.server.db.run("UPDATE ideas SET published_at = ?, changed_at = ? WHERE id = ?", [longAgo, new Date().toISOString(), idea.id]);
    expect((await anonymous().get(`/api/ideas/${idea.id}`)).body["idea"]).toMatchObject({ overdue: true });
    const overdue = (await w.admin.get("/api/plan/overdue")).body;
    expect(overdue["ideas"]).toEqual(expect.arrayContaining([expect.objectContaining({ ideaId: idea.id, unitId: null, daysWaiting: 40 })]));
    // The dashboard counts over the in-memory layer, which reads a change made beside it (here by
    // SQL, as another instance would) within a second: asked until it has, for at most 5 s.
    let dashboard = (await w.admin.get("/api/plan/dashboard")).body;
    for (let i = 0; i < 20 && ((dashboard["participation"] as { overdue?: number } | undefined)?.overdue ?? 0) < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      dashboard = (await w.admin.get("/api/plan/dashboard")).body;
    }
    expect(dashboard["participation"]).toMatchObject({ deadlineDays: 30, overdue: expect.any(Number), adopted: expect.any(Number) });
    expect((dashboard["participation"] as { overdue: number }).overdue).toBeGreaterThanOrEqual(1);
    const page = await fetch(`${w.t.base}/api/plan/evaluation.html?stage=mid-term`, { headers: { cookie: w.admin.cookieHeader } });
    expect(await page.text()).toContain("儿童参与（金点子）");
  });

  it("counts the same public figures in SQL (the page) as over the in-memory layer", async () => {
    const parent = await w.adult();
    const answered = await w.publicIdea(parent);
    await w.admin.post(`/api/ideas/${answered.id}/triage`, { action: "assign", taskNumber: TASK, unitId: LEAD_UNIT });
    await answer(w.unit, answered.id, { stage: "received" });
    await w.publicIdea(parent);
    const db = w.t.server.db;
    const names = { unitName: (id: string | null) => id, districtName: (code: string | null) => code };
    const shown = (await new IdeaStore(db).layerRows(null)).changed.filter((row) => row.shown).map((row) => row.idea);
    const withoutNames = (f: unknown) => JSON.parse(JSON.stringify(f, (key, value: unknown) => (key === "name" || key === "unitName" ? undefined : value))) as Record<string, unknown>;
    for (const region of [undefined, w.place.regionId, "nowhere"]) {
      const served = (await anonymous().get(`/api/ideas/accountability${region ? `?region=${region}` : ""}`)).body;
      expect(withoutNames(served)).toEqual(withoutNames(await accountabilityFigures(db, shown, names, { region, deadlineDays: 30 })));
      expect(withoutNames(served)).toEqual(withoutNames(await figuresFromDatabase(db, names, { region, deadlineDays: 30 })));
    }
    const all = await figuresFromDatabase(db, names, { deadlineDays: 30 });
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.medianDaysToFirstAnswer).toEqual(expect.any(Number));
  });
});
