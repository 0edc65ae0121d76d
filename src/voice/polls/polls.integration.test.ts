/**
 * A poll for children from question to results, on SQLite and PostgreSQL: a unit user asks
 * it from a coverage suggestion with picture options (an uploaded picture loses its EXIF and
 * GPS), a child of the age asked votes and changes the vote, adults and children outside the
 * age range are refused, a council's poll takes only its members, nobody sees counts while
 * it is open, the results by age band are public once closed, and a day later the votes that
 * name children are deleted while the counts stay.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../platform/testing/test-databases.ts";
import { type CouncilPeople, type CouncilThings, councilPeople, councilThings } from "../councils/council-fixtures.ts";
import { type VoiceWorld, startVoiceWorld } from "../councils/voice-test-world.ts";
import { pollRetentionRules } from "./retention.ts";

interface Poll {
  id: string;
  state: string;
  myVote: string | null;
  options: Array<{ id: string; image: string | null; icon: string | null }>;
  fromSuggestion: unknown;
  areaName: string | null;
  results: null | { total: number; byBand: Record<string, number>; options: Array<{ optionId: string; total: number; byBand: Record<string, number> }> };
}

describe.each(testDialects())("polls for children on %s", (dialect) => {
  let t: VoiceWorld;
  let p: CouncilPeople;
  let c: CouncilThings;
  let poll: Poll;
  const ask = (body: Record<string, unknown> = {}) => p.organiser.post("/api/polls", {
    question: "酃湖公园新游乐场装什么？", options: [{ label: "滑梯", icon: "slide" }, { label: "秋千", icon: null }, { label: "攀爬架", icon: "climbing" }],
    minAge: 6, maxAge: 12, regionId: "hengyang", divisionCode: "430405", closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    fromSuggestion: { lat: 26.8968, lon: 112.5719, kind: "playground", minutes: 10 }, ...body,
  });
  const read = async (id: string, client = p.anonymous) => (await client.get(`/api/polls/${id}`)).body["poll"] as Poll;

  beforeAll(async () => {
    t = await startVoiceWorld(dialect);
    p = await councilPeople(t, "poll", 21);
    c = await councilThings(p);
    const started = await ask();
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    poll = started.body["poll"] as Poll;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("keeps the coverage suggestion it was started from and names its area", () => {
    expect(poll).toMatchObject({ state: "open", areaName: "珠晖区", fromSuggestion: { lat: 26.8968, lon: 112.5719, kind: "playground", minutes: 10 }, results: null });
  });

  it("refuses a poll that closes in the past, an unknown division, or fewer than two options", async () => {
    expect((await ask({ closesAt: "2020-01-01T00:00:00Z" })).body).toMatchObject({ code: "invalid_parameter", field: "closesAt" });
    expect((await ask({ divisionCode: "999999" })).body).toMatchObject({ field: "divisionCode" });
    expect((await ask({ options: [{ label: "滑梯", icon: "slide" }] })).status).toBe(400);
    expect((await p.moderator.post("/api/polls", {})).status).toBe(403);
  });

  it("stores an uploaded option picture without its EXIF and GPS, for its maker only", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#f80" } }).jpeg().withExif({ IFD0: { Make: "KidCam", Artist: "小明" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 0/1" } }).toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const url = `/api/polls/${poll.id}/options/${poll.options[1]!.id}/image`;
    expect((await p.unitUser.post(url, jpeg, { contentType: "image/jpeg" })).status).toBe(403);
    const uploaded = await p.organiser.post(url, jpeg, { contentType: "image/jpeg" });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect((uploaded.body["poll"] as Poll).options[1]!.image).toBe(url);
    const response = await fetch(t.base + url);
    const stored = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect([response.headers.get("content-type"), meta.format, meta.exif, Math.max(meta.width ?? 0, meta.height ?? 0)]).toEqual(["image/jpeg", "jpeg", undefined, 640]);
    expect((await p.organiser.post(url, Buffer.from("not an image"), { contentType: "image/jpeg" })).status).toBe(415);
  });

  it("takes one vote per child, changeable, and shows no counts while open", async () => {
    expect((await p.adult.post(`/api/polls/${poll.id}/vote`, { optionId: poll.options[0]!.id })).status).toBe(403);
    expect((await p.child.post(`/api/polls/${poll.id}/vote`, { optionId: poll.options[0]!.id })).status).toBe(200);
    expect((await p.child.post(`/api/polls/${poll.id}/vote`, { optionId: poll.options[2]!.id })).status).toBe(200);
    expect((await p.otherChild.post(`/api/polls/${poll.id}/vote`, { optionId: poll.options[2]!.id })).status).toBe(200);
    expect((await p.child.post(`/api/polls/${poll.id}/vote`, { optionId: c.pollId })).body).toMatchObject({ field: "optionId" });
    expect((await read(poll.id, p.child)).myVote).toBe(poll.options[2]!.id);
    expect(await read(poll.id)).toMatchObject({ myVote: null, results: null });
    const rows = await t.server.db.all("SELECT option_id FROM poll_votes WHERE poll_id = ?", [poll.id]);
    expect(rows).toHaveLength(2);
  });

  it("refuses a child outside the age range and a child outside the council of a council's poll", async () => {
    const older = (await ask({ minAge: 13, maxAge: 17 })).body["poll"] as Poll;
    expect((await p.child.post(`/api/polls/${older.id}/vote`, { optionId: older.options[0]!.id })).status).toBe(403);
    const councilPoll = await read(c.pollId);
    expect((await p.otherChild.post(`/api/polls/${c.pollId}/vote`, { optionId: councilPoll.options[0]!.id })).status).toBe(403);
    expect((await p.child.post(`/api/polls/${c.pollId}/vote`, { optionId: councilPoll.options[0]!.id })).status).toBe(200);
    expect((await p.child.delete(`/api/polls/${c.pollId}/vote`)).status).toBe(200);
    expect((await read(c.pollId, p.child)).myVote).toBeNull();
  });

  it("publishes the results by age band once its maker closes it, and takes no vote after", async () => {
    expect((await p.unitUser.post(`/api/polls/${poll.id}/close`, {})).status).toBe(403);
    expect((await p.organiser.post(`/api/polls/${poll.id}/close`, {})).status).toBe(200);
    const closed = await read(poll.id);
    expect(closed.state).toBe("closed");
    expect(closed.results).toMatchObject({ total: 2, byBand: { "9-11": 2 } });
    expect(closed.results!.options.map((o) => o.total)).toEqual([0, 0, 2]);
    expect((await p.child.post(`/api/polls/${poll.id}/vote`, { optionId: poll.options[0]!.id })).status).toBe(409);
    expect((await p.organiser.post(`/api/polls/${poll.id}/close`, {})).status).toBe(409);
    const listed = (await p.anonymous.get("/api/polls?region=hengyang&state=closed")).body["polls"] as Poll[];
    expect(listed.map((x) => x.id)).toContain(poll.id);
    expect(((await p.anonymous.get("/api/polls?state=open")).body["polls"] as Poll[]).map((x) => x.id)).not.toContain(poll.id);
  });

  it("deletes the votes a day after closing and keeps the same counts", async () => {
    const before = (await read(poll.id)).results;
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const deleted = await t.server.db.transaction((tx) => pollRetentionRules[0]!.apply(tx, tomorrow));
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await t.server.db.all("SELECT 1 FROM poll_votes WHERE poll_id = ?", [poll.id])).toHaveLength(0);
    expect((await read(poll.id)).results).toEqual(before);
  });
});
