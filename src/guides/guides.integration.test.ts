/**
 * Guides over real HTTP on SQLite and PostgreSQL: who may write (staff of the guide units,
 * members through the child-safe path), a child's guide waiting for a moderator and public
 * only after approval, credited by nickname and team, the guard's refusal of a child's phone
 * number, the list's filters, a place card's guides, a removed or moved place marked on the
 * guide (and its legs computed again), the print page and the QR code, withdrawal, photos on
 * stops (cleaned, limited, a child's sending the guide back to a moderator).
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetention } from "../app/retention-job.ts";
import { signedInAdult, signedInChild, signedInStaff } from "../app/test-actors.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { guideAnswer, guideListAnswer } from "../core/api/guides.ts";
import { distanceMeters } from "../core/geo.ts";
import type { Place } from "../core/place.ts";
import { deletePlace } from "../places/index.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { guideRetentionRules } from "./index.ts";

const CULTURE = "city-culture-tourism-radio-television-sports-bureau";
const issues = (schema: { safeParse(v: unknown): { error?: { issues: unknown[] } } }, value: unknown) => schema.safeParse(value).error?.issues ?? [];
type Guide = { id: string; status?: string; author: { name: string; team: string | null; byChild: boolean }; changedStops: number; stops: Array<{ placeId: string; state: string; photos: string[] }>; legs: { features: Array<{ properties: { mode: string; from: number } }> } };

describe.each(testDialects())("guides on %s", (dialect) => {
  let t: TestServer;
  let places: Place[];
  let moderator: TestClient, admin: TestClient, culture: TestClient, health: TestClient;
  let serial = 0;
  const anonymous = () => new TestClient(t.base);
  const body = (extra: Record<string, unknown> = {}, stops = places.slice(0, 3)) => ({
    kind: "tour", title: `公园半日游 ${++serial}`, summary: "沿着海边走，先去游乐场再去公园。", theme: "nature", ageMin: 4, ageMax: 10, minutes: 150,
    cost: "free", stroller: false, wheelchair: true, stops: stops.map((p, i) => ({ placeId: p.id, ...(i === 0 ? { note: "滑梯很长，记得排队" } : {}) })), ...extra,
  });
  const decide = async (id: string, action: string) => {
    const seen = (await moderator.get(`/api/moderation/items/guide/${id}`)).body["item"] as { statusAt: string };
    return moderator.post(`/api/moderation/items/guide/${id}/decisions`, { action, reason: "checked by a moderator", seenStatusAt: seen.statusAt });
  };
  const publicIds = async (query = "") => ((await anonymous().get(`/api/guides${query}`)).body["guides"] as Array<{ id: string }>).map((g) => g.id);

  beforeAll(async () => {
    t = await startTestServer(dialect);
    // Places of the OSM sample (Monaco) a few hundred metres apart, so the legs are walks on real streets.
    const monaco = t.server.catalog.index.places.filter((p) => p.regionId === "monaco" && (p.name.zh ?? p.name.en));
    const centre = monaco[0]!;
    places = [];
    for (const hit of t.server.catalog.index.nearby(centre.lon, centre.lat, 200, 1500)) {
      if (hit.place.regionId === "monaco" && places.every((p) => distanceMeters([p.lon, p.lat], [hit.place.lon, hit.place.lat]) > 150)) places.push(hit.place);
      if (places.length === 6) break;
    }
    expect(places.length).toBe(6);
    moderator = await signedInStaff(t, "guidemod", "moderator");
    admin = await signedInStaff(t, "guideadmin", "admin");
    culture = await signedInStaff(t, "guideculture", "reporter", CULTURE);
    health = await signedInStaff(t, "guidehealth", "reporter", "city-health-commission");
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("keeps a child's guide from the public until a moderator approves it, then credits nickname and team", async () => {
    const guardian = await signedInAdult(t, "13800001001", "妈妈");
    const { client: child } = await signedInChild(t, guardian, "guidekid1", "小雨");
    const posted = await child.post("/api/guides", body({ team: "衡阳文旅小小推荐官" }));
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const guide = posted.body["guide"] as Guide;
    expect(guide.status).toBe("pending");
    expect(await publicIds()).not.toContain(guide.id);
    expect((await anonymous().get(`/api/guides/${guide.id}`)).status).toBe(404);
    expect((await anonymous().get(`/api/guides/${guide.id}.html`)).status).toBe(404);
    expect(((await anonymous().get(`/api/places/${encodeURIComponent(places[0]!.id)}/guides`)).body["guides"] as unknown[]).length).toBe(0);
    // The child and the guardian see it waiting; the moderator finds it in the queue.
    expect((await child.get(`/api/guides/${guide.id}`)).status).toBe(200);
    expect((await guardian.get("/api/guides/mine")).body["guides"]).toEqual([expect.objectContaining({ id: guide.id, status: "pending" })]);
    const queue = (await moderator.get("/api/moderation/queue")).body["items"] as Array<{ type: string; id: string; authorIsMinor: boolean; text: string }>;
    expect(queue.find((i) => i.type === "guide" && i.id === guide.id)).toMatchObject({ authorIsMinor: true });
    expect(queue.find((i) => i.id === guide.id)!.text).toContain("滑梯很长");

    expect((await decide(guide.id, "approve")).status).toBe(200);
    expect(await publicIds()).toContain(guide.id);
    const read = await anonymous().get(`/api/guides/${guide.id}?lang=en`);
    expect(read.status).toBe(200);
    expect(issues(guideAnswer, read.body)).toEqual([]);
    const shown = read.body["guide"] as Guide;
    expect(shown.author).toEqual({ name: "小雨", team: "衡阳文旅小小推荐官", byChild: true });
    expect(shown).not.toHaveProperty("status");
    expect(shown.legs.features.map((f) => f.properties.from)).toEqual([0, 1]);
    expect(shown.legs.features.every((f) => f.properties.mode === "walk")).toBe(true);
    const card = await anonymous().get(`/api/places/${encodeURIComponent(places[1]!.id)}/guides`);
    expect(issues(guideListAnswer, card.body)).toEqual([]);
    expect((card.body["guides"] as Array<{ id: string }>).map((g) => g.id)).toEqual([guide.id]);
  });

  it("refuses a phone number in a child's guide and stores nothing", async () => {
    const guardian = await signedInAdult(t, "13800001002", "爸爸");
    const { client: child } = await signedInChild(t, guardian, "guidekid2", "乐乐");
    const refused = await child.post("/api/guides", body({ stops: [{ placeId: places[0]!.id, note: "有事打我电话 13912345678" }, { placeId: places[1]!.id }] }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "held_for_safety", field: "stops.0.note" });
    expect((await child.get("/api/guides/mine")).body["guides"]).toEqual([]);
  });

  it("lets administrators and reporters of the guide units write as staff, credited by unit, and no one else", async () => {
    expect((await anonymous().post("/api/guides", body())).status).toBe(401);
    expect((await anonymous().post("/api/staff/guides", body())).status).toBe(401);
    expect((await health.post("/api/staff/guides", body())).status).toBe(403);
    expect((await moderator.post("/api/staff/guides", body())).status).toBe(403);
    const byUnit = await culture.post("/api/staff/guides", body({ kind: "study", theme: "red-culture", ageMin: 9, ageMax: 14, minutes: 240 }));
    expect(byUnit.status, JSON.stringify(byUnit.body)).toBe(201);
    expect(byUnit.body["guide"]).toMatchObject({ status: "published", kind: "study", author: { name: "市文旅广体局", team: null, byChild: false } });
    const byAdmin = await admin.post("/api/staff/guides", body({ theme: "science", ageMin: 3, ageMax: 6, minutes: 60, cost: "paid" }, places.slice(1, 3)));
    expect(byAdmin.status).toBe(201);
    // An adult member's guide follows the adult rule: published when the guard passes it.
    const parent = await signedInAdult(t, "13800001003", "阿姨");
    const byParent = await parent.post("/api/guides", body({ theme: "reading", ageMin: 6, ageMax: 12, minutes: 90 }));
    expect(byParent.body["guide"]).toMatchObject({ status: "published", author: { name: "阿姨", byChild: false } });

    const unitId = (byUnit.body["guide"] as Guide).id, adminId = (byAdmin.body["guide"] as Guide).id;
    expect(await publicIds("?kind=study")).toEqual([unitId]);
    expect(await publicIds("?age=4&theme=science")).toEqual([adminId]);
    expect(await publicIds("?max_minutes=60")).toEqual([adminId]);
    expect(await publicIds("?theme=red-culture,science")).toEqual(expect.arrayContaining([unitId, adminId]));
    const near = (await anonymous().get(`/api/guides?near=${places[1]!.lat},${places[1]!.lon}`)).body["guides"] as Array<{ id: string; distanceM: number }>;
    expect(near[0]!.id).toBe(adminId);
    expect(near[0]!.distanceM).toBe(0);
    expect((await anonymous().get("/api/guides?age=x")).status).toBe(400);
    // Staff withdraw their own guides (an administrator any); other staff are told there is none.
    expect((await health.call("DELETE", `/api/staff/guides/${unitId}`)).status).toBe(404);
    expect((await moderator.call("DELETE", `/api/staff/guides/${unitId}`)).status).toBe(403);
    expect((await culture.call("DELETE", `/api/staff/guides/${unitId}`)).status).toBe(200);
    expect(await publicIds("?kind=study")).toEqual([]);
  });

  it("prints a published guide on A4 with its QR code", async () => {
    const made = await admin.post("/api/staff/guides", body({ title: "打印用<攻略>" }));
    const id = (made.body["guide"] as Guide).id;
    const page = await anonymous().get(`/api/guides/${id}.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = String(page.body["text"]);
    expect(html).toContain("打印用&lt;攻略&gt;");
    expect(html).toContain("size: A4");
    expect(html).toContain(`/guides.html?id=${id}`);
    expect(html).toMatch(/<svg[^>]*viewBox/);
    const qr = await anonymous().get(`/api/guides/${id}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(String(qr.body["text"])).toMatch(/^<svg[^>]*viewBox/);
  });

  it("says so on the guide when a place is removed or moves, and walks the legs again", async () => {
    const [a, b, c] = [places[3]!, places[4]!, places[5]!];
    const made = await admin.post("/api/staff/guides", body({}, [a, b, c]));
    const id = (made.body["guide"] as Guide).id;
    await deletePlace(t.server.db, b.id);
    await t.server.db.run("UPDATE places SET lat = lat + 0.003 WHERE id = ?", [c.id]);
    await t.server.catalog.reload(t.server.db);
    const read = (await anonymous().get(`/api/guides/${id}`)).body["guide"] as Guide & { stops: Array<{ lat: number }> };
    expect(read.stops.map((s) => s.state)).toEqual(["open", "closed", "moved"]);
    expect(read.changedStops).toBe(2);
    expect(read.stops[2]!.lat).toBeCloseTo(c.lat + 0.003, 6);
    const [legs] = await t.server.db.all<{ legs_key: string }>("SELECT legs_key FROM guides WHERE id = ?", [id]);
    expect(legs!.legs_key).toContain((c.lat + 0.003).toFixed(6));
    const listed = ((await anonymous().get("/api/guides")).body["guides"] as Array<{ id: string; changedStops: number }>).find((g) => g.id === id);
    expect(listed?.changedStops).toBe(2);
    // The removed place can no longer start a new guide.
    expect((await admin.post("/api/staff/guides", body({}, [a, b]))).body).toMatchObject({ field: "stops.1.placeId" });
  });

  it("lets a guardian withdraw a child's guide and no stranger", async () => {
    const guardian = await signedInAdult(t, "13800001004", "外婆");
    const { client: child, id: childId } = await signedInChild(t, guardian, "guidekid3", "豆豆");
    const id = ((await child.post("/api/guides", body())).body["guide"] as Guide).id;
    const stranger = await signedInAdult(t, "13800001005", "路人");
    expect((await stranger.call("DELETE", `/api/guides/${id}`)).status).toBe(404);
    expect((await culture.call("DELETE", `/api/staff/guides/${id}`)).status).toBe(404);
    // The guardian withdraws it under the child (as reviews and ideas), not as its author.
    expect((await guardian.call("DELETE", `/api/guides/${id}`)).status).toBe(404);
    const { id: strangersChild } = await signedInChild(t, stranger, "guidekid4", "路路");
    expect((await stranger.call("DELETE", `/api/family/children/${strangersChild}/guides/${id}`)).status).toBe(404);
    expect((await guardian.call("DELETE", `/api/family/children/${childId}/guides/${id}`)).status).toBe(200);
    expect((await child.get(`/api/guides/${id}`)).status).toBe(404);
    // The next retention run deletes it with its stops.
    const deleted = await runRetention(t.server.db, new Date(), guideRetentionRules);
    expect(deleted["withdrawn guides"]).toBeGreaterThanOrEqual(1);
    expect(await t.server.db.all("SELECT position FROM guide_stops WHERE guide_id = ?", [id])).toEqual([]);
  });
  it("takes photos on stops from their authors, cleaned; a child's guide waits for a moderator again; strangers see only a public guide's", async () => {
    const guardian = await signedInAdult(t, "13800001006", "爷爷");
    const { client: child } = await signedInChild(t, guardian, "guidekid5", "乐乐");
    const guide = (await child.post("/api/guides", body())).body["guide"] as Guide;
    expect((await decide(guide.id, "approve")).status).toBe(200);
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#3a7" } }).jpeg().withExif({ IFD0: { Make: "KidPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 0/1" } }).toBuffer();
    const url = `/api/guides/${guide.id}/stops/1/photos`;
    // Not an image, a stop that is not there, a stranger: refused, nothing kept.
    expect((await child.post(url, Buffer.from("<svg onload=alert(1)>"), { contentType: "image/jpeg" })).status).toBe(415);
    expect((await child.post(url, Buffer.from("{}"), { contentType: "application/json" })).body).toMatchObject({ code: "unsupported_media_type", field: "content-type" });
    expect((await child.post(`/api/guides/${guide.id}/stops/9/photos`, photo, { contentType: "image/jpeg" })).status).toBe(404);
    const stranger = await signedInAdult(t, "13800001007", "路人甲");
    expect((await stranger.post(url, photo, { contentType: "image/jpeg" })).status).toBe(404);
    expect((await culture.post(`/api/staff/guides/${guide.id}/stops/1/photos`, photo, { contentType: "image/jpeg" })).status).toBe(404);
    expect(await t.server.db.all("SELECT id FROM guide_photos WHERE guide_id = ?", [guide.id])).toEqual([]);

    const added = await child.post(url, photo, { contentType: "image/jpeg" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(issues(guideAnswer, added.body)).toEqual([]);
    const after = added.body["guide"] as Guide;
    expect(after.status).toBe("pending");
    expect(after.stops.map((s) => s.photos.length)).toEqual([0, 1, 0]);
    const photoUrl = after.stops[1]!.photos[0]!;
    // Off the public lists until a moderator, who sees the photo with the guide, approves it again.
    expect(await publicIds()).not.toContain(guide.id);
    expect((await anonymous().get(photoUrl)).status).toBe(404);
    const item = (await moderator.get(`/api/moderation/items/guide/${guide.id}`)).body["item"] as { photoIds: string[] };
    expect(item.photoIds).toEqual([photoUrl.split("/").pop()]);
    const seen = await fetch(t.base + photoUrl, { headers: { cookie: guardian.cookieHeader } });
    expect(seen.status).toBe(200);
    const meta = await sharp(Buffer.from(await seen.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 1280, 853, undefined]);
    expect((await decide(guide.id, "approve")).status).toBe(200);
    const open = await fetch(t.base + photoUrl);
    expect([open.status, open.headers.get("content-type"), open.headers.get("cache-control")]).toEqual([200, "image/jpeg", "public, max-age=300"]);
    expect((((await anonymous().get(`/api/guides/${guide.id}`)).body["guide"] as { stops: Array<{ photos: string[] }> }).stops[1]!.photos)).toEqual([photoUrl]);
    // The printed page shows it under its stop, and its policy lets this site's images in (nothing else).
    const printed = await anonymous().get(`/api/guides/${guide.id}.html`);
    expect(String(printed.body["text"])).toContain(`<img src="${photoUrl}"`);
    expect(printed.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");

    // Three a stop.
    for (let i = 0; i < 2; i++) expect((await child.post(url, photo, { contentType: "image/jpeg" })).status).toBe(201);
    expect((await child.post(url, photo, { contentType: "image/jpeg" })).status).toBe(409);

    // Staff add to their own guide, which stays published; the photos go with a withdrawn guide.
    const staffGuide = (await culture.post("/api/staff/guides", body())).body["guide"] as Guide;
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#fa0" } }).png().toBuffer();
    const staffAdded = await culture.post(`/api/staff/guides/${staffGuide.id}/stops/0/photos`, png, { contentType: "image/png" });
    expect(staffAdded.status, JSON.stringify(staffAdded.body)).toBe(201);
    expect((staffAdded.body["guide"] as Guide).status).toBe("published");
    expect((await health.post(`/api/staff/guides/${staffGuide.id}/stops/0/photos`, png, { contentType: "image/png" })).status).toBe(404);
    expect((await culture.call("DELETE", `/api/staff/guides/${staffGuide.id}`)).status).toBe(200);
    await runRetention(t.server.db, new Date(), guideRetentionRules);
    expect(await t.server.db.all("SELECT id FROM guide_photos WHERE guide_id = ?", [staffGuide.id])).toEqual([]);
  });
});
