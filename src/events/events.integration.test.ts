/**
 * Events over real HTTP on each database: the library's venue staff publish a weekly free
 * reading hour and a low-cost class; a family lists this range's occurrences by age, price,
 * kind and distance; calendar files parse (ical.js) and repeat as the list does; the
 * indicator counts held free and low-cost activities by district; a text the guard holds
 * waits for a moderator who approves it, a blocked one is refused; and the permissions:
 * nobody (401), venue staff of another place and a moderator (403), the venue's staff and
 * an administrator (allowed). Errors come in Chinese by default and English with lang=en.
 */
import type { RunningServer } from "../app/server.ts";
import { startServerIn } from "../app/test-server.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import type { EventAnswer, EventListAnswer } from "../core/api/events.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { createTestDatabase, testDialects, type TestDatabase } from "../platform/testing/test-databases.ts";
import { addDays, todayIn } from "./zoned-time.ts";

const PASSWORD = "lantern-Quarry-9-orbit-Pebble!";
const LIBRARY = "hengyang-childrens-library";
const YOUTH = "hengyang-youth-activity-centre";
const today = todayIn("Asia/Shanghai");

const reading = (over: Record<string, unknown> = {}) => ({
  placeId: LIBRARY, title: "周末亲子绘本共读", description: "绘本共读和手工，家长陪同。", kind: "reading",
  startDate: addDays(today, -21), startTime: "00:00", endTime: "23:59",
  repeat: { freq: "weekly", weekdays: ["SA", "SU"], until: addDays(today, 60) },
  ageMin: 4, ageMax: 8, price: "free", booking: "none", capacityNote: "每场20组家庭", stroller: true, wheelchair: true, ...over,
});

describe.each(testDialects())("events on %s", (dialect) => {
  let t: RunningServer;
  let database: TestDatabase;
  let dataDir = "";
  const people = new Map<string, TestClient>();
  const as = (who: string) => people.get(who)!;
  let weeklyId = "";

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-events-"));
    database = await createTestDatabase(dialect);
    t = await startServerIn(dataDir, { databaseUrl: database.url, samples: "none" });
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    const accounts: Array<[string, string, string | undefined]> = [["admin", "admin", undefined], ["moderator", "moderator", undefined], ["library", "venue", LIBRARY], ["youth", "venue", YOUTH]];
    for (const [name, role, places] of accounts) {
      const created = await addUser(t.db, { username: `ev${name}`, role, name, ...(places ? { places } : {}) });
      expect(created.ok, created.message).toBe(true);
      const client = new TestClient(t.url, `10.9.0.${people.size + 1}`);
      expect((await client.post("/api/auth/login", { username: `ev${name}`, password: PASSWORD })).status).toBe(200);
      people.set(name, client);
    }
    people.set("nobody", new TestClient(t.url, "10.9.0.99"));
  }, 180_000);
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets the venue's staff publish, and refuses everyone else", async () => {
    expect((await as("nobody").post("/api/events", reading())).status).toBe(401);
    expect((await as("youth").post("/api/events", reading())).status).toBe(403);
    expect((await as("moderator").post("/api/events", reading())).status).toBe(403);
    const created = await as("library").post("/api/events", reading());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const event = created.body["event"] as EventAnswer;
    expect(event).toMatchObject({ status: "published", placeId: LIBRARY, timeZone: "Asia/Shanghai", repeat: { freq: "weekly", weekdays: ["SA", "SU"] } });
    expect(event.place.district).not.toBeNull();
    weeklyId = event.id;
    const byAdmin = await as("admin").post("/api/events", reading({ placeId: YOUTH, title: "少儿科技体验课", kind: "public_class", price: "low", priceYuan: 10, startDate: addDays(today, 1), repeat: { freq: "none" }, ageMin: 7, ageMax: 12, booking: "phone", bookingPhone: "0734-8888888" }));
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(201);
    expect((await as("youth").call("PUT", `/api/events/${weeklyId}`, reading({ title: "改掉" }))).status).toBe(403);
    expect((await as("youth").post(`/api/events/${weeklyId}/cancel`)).status).toBe(403);
    expect((await as("nobody").call("PUT", `/api/events/${weeklyId}`, reading())).status).toBe(401);
    expect((await as("library").call("PUT", `/api/events/${weeklyId}`, reading({ placeId: YOUTH }))).status).toBe(403);
    expect((await as("library").get(`/api/staff/events?place=${YOUTH}`)).status).toBe(403);
    expect((await as("library").post("/api/events", reading(), { withoutChangeHeader: true })).status).toBe(403);
  });

  it("checks the body at the edge, in Chinese and in English", async () => {
    const low = await as("library").post("/api/events", reading({ price: "low" }));
    expect(low.status).toBe(400);
    expect(low.body).toMatchObject({ code: "invalid_parameter", field: "priceYuan" });
    expect(low.body.message).toMatch(/低收费/);
    const english = await as("library").post("/api/events?lang=en", reading({ startTime: "10:00", endTime: "09:00" }));
    expect(english.body).toMatchObject({ field: "endTime" });
    expect(english.body.message).toMatch(/end time/);
    expect((await as("library").post("/api/events", reading({ repeat: { freq: "weekly" } }))).body).toMatchObject({ field: "repeat.until" });
    expect((await as("nobody").get(`/api/events?region=hengyang&from=${today}&to=${addDays(today, 120)}`)).body).toMatchObject({ code: "invalid_parameter", field: "to" });
    expect((await as("nobody").get("/api/events?region=hengyang&colour=red")).body).toMatchObject({ field: "colour" });
  });

  it("lists occurrences with the family's filters", async () => {
    const list = (query: string) => as("nobody").get(`/api/events?region=hengyang&from=${today}&to=${addDays(today, 13)}${query}`).then((r) => r.body as unknown as EventListAnswer);
    const all = await list("");
    const weekly = all.occurrences.filter((o) => o.eventId === weeklyId);
    expect(weekly.length).toBe(4);
    for (const o of weekly) expect([6, 0]).toContain(new Date(`${o.date}T00:00:00Z`).getUTCDay());
    expect(weekly[0]!.start).toMatch(/T00:00:00\+08:00$/);
    expect(all.events[weeklyId]!.ics).toBe(`/api/events/${weeklyId}.ics`);
    expect((await list("&free=true")).occurrences.every((o) => o.eventId === weeklyId)).toBe(true);
    expect((await list("&age=6")).occurrences.map((o) => o.eventId)).not.toContain(all.occurrences.find((o) => o.eventId !== weeklyId)?.eventId);
    expect((await list("&kind=public_class")).occurrences.every((o) => o.eventId !== weeklyId)).toBe(true);
    const near = await list("&near=26.8450,112.6110&radius=0.5");
    expect(near.occurrences.map((o) => o.eventId)).toContain(weeklyId);
    expect(near.occurrences[0]!.distanceM).toBeLessThan(500);
    expect((await list("&near=26.8930,112.5720&radius=0.5")).occurrences).toHaveLength(0);
    const weekend = await as("nobody").get("/api/events?region=hengyang&when=weekend&age=6&free=true");
    expect((weekend.body as unknown as EventListAnswer).occurrences.length).toBeGreaterThan(0);
    const byPlace = await as("nobody").get(`/api/events?place=${LIBRARY}`);
    expect(Object.keys((byPlace.body as unknown as EventListAnswer).events)).toEqual([weeklyId]);
  });

  it("serves calendar files that repeat as the list does", async () => {
    const file = await fetch(`${t.url}/api/events/${weeklyId}.ics`);
    expect(file.headers.get("content-type")).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await file.text()));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("周末亲子绘本共读");
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    const list = (await as("nobody").get(`/api/events?region=hengyang&place=${LIBRARY}&from=${addDays(today, -21)}&to=${addDays(today, 60)}&limit=500`)).body as unknown as EventListAnswer;
    expect(starts).toEqual(list.occurrences.map((o) => new Date(o.start).toISOString()));
    const venue = await fetch(`${t.url}/api/places/${LIBRARY}/events.ics`);
    expect(await venue.text()).toContain(`UID:${weeklyId}@tongxing`);
    expect((await fetch(`${t.url}/api/places/no-such-place/events.ics`)).status).toBe(404);
  });

  it("counts free and low-cost activities held, by district", async () => {
    const answer = (await as("nobody").get(`/api/events/indicator?region=hengyang&from=${addDays(today, -30)}&to=${today}`)).body as Record<string, unknown> & { districts: Array<{ code: string; district: string; free: number; low: number }>; total: { free: number; events: number } };
    const district = answer.districts.find((d) => d.code === "430406");
    expect(district?.district).toBeTruthy();
    // The weekend days of the three weeks before today (at least six) have ended.
    expect(district!.free).toBeGreaterThanOrEqual(6);
    expect(district!.low).toBe(0);
    expect(answer.total.events).toBe(1);
    // The plan's evaluation cites the same count for task 12, by district, over the plan's years.
    const page = await as("admin").get("/api/plan/evaluation.html?stage=final");
    expect(page.status).toBe(200);
    const html = String(page.body["text"]);
    expect(html).toContain("六、儿童文体活动（任务12）");
    const row = html.match(new RegExp(`<tr><td>${district!.district}</td><td class="n">(\\d+)</td><td class="n">0</td>`));
    expect(Number(row?.[1])).toBeGreaterThanOrEqual(district!.free);
  });

  it("holds a flagged event for a moderator, refuses a blocked one, and cancels", async () => {
    const held = await as("library").post("/api/events", reading({ title: "赌博游戏体验，赢了有奖", startDate: addDays(today, 2), repeat: { freq: "none" } }));
    expect(held.status).toBe(201);
    const event = held.body["event"] as EventAnswer;
    expect(event.status).toBe("pending");
    expect((await as("nobody").get(`/api/events/${event.id}`)).status).toBe(404);
    const queue = await as("moderator").get("/api/moderation/queue");
    const item = (queue.body["items"] as Array<{ type: string; id: string; statusAt: string }>).find((i) => i.type === "event" && i.id === event.id);
    expect(item).toBeDefined();
    // A venue's event has no family account behind it: no warning or suspension, and nothing changes.
    for (const action of ["warn", "suspend"]) {
      const refused = await as("moderator").post(`/api/moderation/items/event/${event.id}/decisions`, { action, reason: "试一下警告工作人员" });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: "invalid_parameter", field: "action" });
    }
    expect(((await as("moderator").get(`/api/moderation/items/event/${event.id}`)).body["item"] as { status: string; authorIsStaff: boolean })).toMatchObject({ status: "pending", authorIsStaff: true });
    expect((await as("library").get(`/api/staff/events?place=${LIBRARY}`)).body["events"]).toEqual(expect.arrayContaining([expect.objectContaining({ id: event.id, status: "pending" })]));
    const approved = await as("moderator").post(`/api/moderation/items/event/${event.id}/decisions`, { action: "approve", reason: "讲的是游戏规则，不是真赌博", seenStatusAt: item!.statusAt });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await as("nobody").get(`/api/events/${event.id}`)).body["event"]).toMatchObject({ status: "published" });
    const blocked = await as("library").post("/api/events", reading({ description: "傻逼才不来" }));
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: "blocked_by_safety", field: "description" });
    const cancelled = await as("library").post(`/api/events/${event.id}/cancel`);
    expect(cancelled.body["event"]).toMatchObject({ status: "cancelled" });
    expect(await (await fetch(`${t.url}/api/events/${event.id}.ics`)).text()).toContain("STATUS:CANCELLED");
    const list = (await as("nobody").get(`/api/events?region=hengyang&from=${today}&to=${addDays(today, 5)}`)).body as unknown as EventListAnswer;
    expect(list.occurrences.map((o) => o.eventId)).not.toContain(event.id);
  });
});
