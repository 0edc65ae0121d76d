/**
 * Children's ideas over real HTTP on SQLite and PostgreSQL: a child's pin moved and coarsened
 * before anyone sees it, pre-moderation, the personal-information refusal, duplicates, the
 * map layer and the list, comments, pictures without metadata, withdrawal and retention.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { runRetention } from "../app/retention-job.ts";
import { distanceMeters } from "../core/geo.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { useIdeasWorld } from "./ideas-world.ts";
import { COARSE_M } from "./pin-privacy.ts";
import { ideaCardAnswer, ideaLayerAnswer, ideaListAnswer, ideaNotificationsAnswer, ownIdeaAnswer } from "../core/api/voice.ts";

/** The contract's issues with an answer (none when the server says what the contract does). */
const issues = (schema: { safeParse(v: unknown): { error?: { issues: unknown[] } } }, value: unknown) => schema.safeParse(value).error?.issues ?? [];

type Idea = { id: string; lat: number; lon: number; status: string; stage: string; supportCount: number; exactLat?: number };

describe.each(testDialects())("children's ideas on %s", (dialect) => {
  const w = useIdeasWorld(dialect);
  const anonymous = () => new TestClient(w.t.base);
  const bbox = () => `${w.place.lon - 0.01},${w.place.lat - 0.01},${w.place.lon + 0.01},${w.place.lat + 0.01}`;

  it("keeps a child's idea from the public until a moderator approves it, at a coarsened point", async () => {
    const guardian = await w.adult("爸爸");
    const { client: child, id: childId } = await w.child(guardian);
    const exact = { lat: w.place.lat + 0.0004, lon: w.place.lon + 0.0003 };
    const posted = await w.post(child, { at: `${exact.lat},${exact.lon}` });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const idea = posted.body["idea"] as Idea;
    expect(idea.status).toBe("pending");
    expect(issues(ownIdeaAnswer, idea)).toEqual([]);
    expect(idea).not.toHaveProperty("exactLat");
    // Moved off the tapped point to the centre of a 100 m cell around the nearest public place.
    expect(distanceMeters([idea.lon, idea.lat], [exact.lon, exact.lat])).toBeGreaterThan(1);
    expect(distanceMeters([idea.lon, idea.lat], [w.place.lon, w.place.lat])).toBeLessThan(COARSE_M);
    expect((await anonymous().get(`/api/ideas/${idea.id}`)).status).toBe(404);
    expect((await child.get(`/api/ideas/${idea.id}`)).status).toBe(200);
    expect((await guardian.get("/api/ideas/mine")).body["ideas"]).toEqual(expect.arrayContaining([expect.objectContaining({ id: idea.id, status: "pending" })]));
    const map = async () => ((await anonymous().get(`/api/ideas/map?bbox=${bbox()}`)).body["features"] as Array<{ properties: { id: string } }>).map((f) => f.properties.id);
    expect(await map()).not.toContain(idea.id);

    expect((await w.decide(idea.id, "approve")).status).toBe(200);
    const card = await anonymous().get(`/api/ideas/${idea.id}?lang=en`);
    expect(card.status).toBe(200);
    expect(issues(ideaCardAnswer, card.body)).toEqual([]);
    expect(card.body["idea"]).toMatchObject({ id: idea.id, stage: "new", nickname: "乐乐", byChild: true, lat: idea.lat, lon: idea.lon });
    expect(JSON.stringify(card.body)).not.toContain(String(exact.lat));
    expect(card.body["idea"]).not.toHaveProperty("status");
    expect(await map()).toContain(idea.id);
    const told = (await child.get("/api/ideas/notifications")).body;
    expect(told).toMatchObject({ unread: 1, notifications: [{ ideaId: idea.id, event: "published" }] });
    expect(issues(ideaNotificationsAnswer, told)).toEqual([]);
    const parentTold = (await guardian.get("/api/ideas/notifications")).body["notifications"] as Array<{ forChild: string; message: { zh: string } }>;
    expect(parentTold[0]).toMatchObject({ forChild: "乐乐" });
    expect(parentTold[0]!.message.zh).toContain("孩子的想法");
    // Deleting the child's account deletes the idea everywhere; every instance's layer drops it.
    expect((await guardian.call("DELETE", `/api/family/children/${childId}`)).status).toBe(200);
    expect(await w.t.server.db.all("SELECT id FROM ideas WHERE id = ?", [idea.id])).toEqual([]);
    await expect.poll(map, { timeout: 5000, interval: 200 }).not.toContain(idea.id);
  });

  it("refuses a child's personal information kindly and stores nothing, and refuses a duplicate", async () => {
    const guardian = await w.adult();
    const { client: child, id: childId } = await w.child(guardian);
    const refused = await w.post(child, { text: "我家电话是13912345678，快来看" });
    expect(refused).toMatchObject({ status: 422, body: { code: "held_for_safety", field: "text" } });
    expect(refused.body.message).toContain("电话");
    expect((await child.get("/api/ideas/mine")).body["ideas"]).toEqual([]);
    const first = await w.post(child, { title: "想要滑梯", text: "公园里没有滑梯，想要一个大滑梯！" });
    expect(first.status).toBe(201);
    const again = await w.post(child, { title: "想要滑梯", text: "公园里没有滑梯， 想要一个大滑梯" });
    expect(again).toMatchObject({ status: 409, body: { code: "conflict" } });
    expect((await w.post(child, { kind: "rocket" })).body).toMatchObject({ code: "invalid_parameter", field: "kind" });
    expect((await w.post(child, { at: undefined, placeId: undefined })).body).toMatchObject({ field: "at" });
    // Only the author withdraws at /api/ideas/{id}; the guardian at the child's path, another family never.
    const slide = (first.body["idea"] as Idea).id;
    expect((await guardian.call("DELETE", `/api/ideas/${slide}`)).status).toBe(404);
    expect((await (await w.adult()).call("DELETE", `/api/family/children/${childId}/ideas/${slide}`)).status).toBe(404);
    expect((await guardian.call("DELETE", `/api/family/children/${childId}/ideas/${slide}`)).body).toEqual({ withdrawn: true });
    expect((await w.post(child, { title: "想要滑梯", text: "公园里没有滑梯，想要一个大滑梯！" })).status).toBe(201);
  });

  it("publishes an adult's idea on a place at once, lists it newest, most supported and near", async () => {
    const parent = await w.adult();
    const posted = await w.post(parent, { placeId: w.place.id, at: undefined, region: undefined });
    expect(posted.status).toBe(201);
    const idea = posted.body["idea"] as Idea & { placeId: string; holdReasons: unknown[] };
    // Published at once unless the guard held the text (then a moderator sees it first).
    expect(idea).toMatchObject({ status: idea.holdReasons.length === 0 ? "published" : "pending", placeId: w.place.id, lat: w.place.lat, lon: w.place.lon });
    if (idea.status === "pending") await w.decide(idea.id, "approve");
    const fans = [await w.adult(), await w.adult()];
    for (const fan of fans) expect((await fan.post(`/api/ideas/${idea.id}/support`, { support: true })).body).toMatchObject({ supportedByMe: true });
    expect((await fans[0]!.post(`/api/ideas/${idea.id}/support`, { support: true })).body).toMatchObject({ supportCount: 2 });
    expect((await fans[1]!.post(`/api/ideas/${idea.id}/support`, { support: false })).body).toMatchObject({ supportCount: 1, supportedByMe: false });
    expect((await parent.post(`/api/ideas/${idea.id}/support`, { support: true })).status).toBe(409);
    expect((await anonymous().post(`/api/ideas/${idea.id}/support`, { support: true })).status).toBe(401);
    const newest = (await anonymous().get("/api/ideas?sort=newest&limit=5")).body;
    expect(issues(ideaListAnswer, newest)).toEqual([]);
    expect((newest["ideas"] as Idea[])[0]!.id).toBe(idea.id);
    const supported = (await fans[0]!.get("/api/ideas?sort=supported&limit=1")).body["ideas"] as Array<Idea & { supportedByMe: boolean }>;
    expect(supported[0]).toMatchObject({ id: idea.id, supportCount: 1, supportedByMe: true });
    const near = (await anonymous().get(`/api/ideas?sort=near&near=${w.place.lat},${w.place.lon}&limit=1`)).body["ideas"] as Idea[];
    expect(distanceMeters([near[0]!.lon, near[0]!.lat], [w.place.lon, w.place.lat])).toBeLessThan(COARSE_M);
    expect((await anonymous().get("/api/ideas?sort=near")).body).toMatchObject({ code: "invalid_parameter", field: "near" });
    const layer = (await anonymous().get(`/api/ideas/map?bbox=${bbox()}&kind=shade`)).body;
    expect(layer).toMatchObject({ type: "FeatureCollection", truncated: false });
    expect(issues(ideaLayerAnswer, layer)).toEqual([]);
    expect(layer["features"]).toEqual(expect.arrayContaining([expect.objectContaining({ geometry: { type: "Point", coordinates: [w.place.lon, w.place.lat] } })]));
  });

  it("moderates a child's comment and shows an adult's at once", async () => {
    const parent = await w.adult();
    const idea = await w.publicIdea(parent);
    const { client: child } = await w.child(parent);
    const childComment = await child.post(`/api/ideas/${idea.id}/comments`, { body: "我也觉得好晒！" });
    expect(childComment.body["comment"]).toMatchObject({ status: "pending" });
    const adultComment = await (await w.adult()).post(`/api/ideas/${idea.id}/comments`, { body: "支持，夏天很需要" });
    expect(adultComment.body["comment"]).toMatchObject({ status: "published" });
    expect(((await anonymous().get(`/api/ideas/${idea.id}/comments`)).body["comments"] as unknown[]).length).toBe(1);
    const id = (childComment.body["comment"] as { id: string }).id;
    expect((await w.decide(id, "approve", "idea_comment")).status).toBe(200);
    expect(((await anonymous().get(`/api/ideas/${idea.id}/comments`)).body["comments"] as unknown[]).length).toBe(2);
    expect((await anonymous().get(`/api/ideas/${idea.id}`)).body["idea"]).toMatchObject({ commentCount: 2 });
  });

  it("strips a photo's metadata, keeps a drawing, and deletes everything of a withdrawn idea", async () => {
    const guardian = await w.adult();
    const { client: child } = await w.child(guardian);
    const idea = (await w.post(child)).body["idea"] as Idea;
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } }).jpeg().withExif({ IFD0: { Make: "KidCam", Artist: "小明" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 0/1" } }).toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const photo = await child.call("POST", `/api/ideas/${idea.id}/photos`, jpeg, { contentType: "image/jpeg" });
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const url = ((photo.body["idea"] as { photos: string[] }).photos)[0]!;
    const drawing = await child.call("POST", `/api/ideas/${idea.id}/drawing`, await sharp({ create: { width: 40, height: 40, channels: 3, background: "#fff" } }).png().toBuffer(), { contentType: "image/png" });
    expect((drawing.body["idea"] as { drawing: string }).drawing).toMatch(/^\/api\/idea-photos\//);
    const stored = await fetch(w.t.base + url, { headers: { cookie: child.cookieHeader } });
    expect(stored.status).toBe(200);
    const meta = await sharp(Buffer.from(await stored.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect((await anonymous().get(url)).status).toBe(404);
    expect((await child.call("DELETE", `/api/ideas/${idea.id}`)).body).toEqual({ withdrawn: true });
    await runRetention(w.t.server.db);
    expect(await w.t.server.db.all("SELECT id FROM ideas WHERE id = ?", [idea.id])).toEqual([]);
    expect(await w.t.server.db.all("SELECT id FROM idea_photos WHERE idea_id = ?", [idea.id])).toEqual([]);
  });
});
