/**
 * The world the ideas integration tests share: a real server on one dialect with the real
 * sample places and the bundled plan, staff of each role signed in over HTTP, and factories
 * for adults, their children and ideas as the HTTP API makes them. Registers its own
 * beforeAll and afterAll.
 */
import { afterAll, beforeAll, expect } from "vitest";
import type { Place } from "../core/place.ts";
import { signedInAdult, signedInChild, signedInStaff } from "../app/test-actors.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import type { TestClient } from "../platform/testing/http-client.ts";

/** The unit that leads plan task 17 (children's participation) in the bundled plan. */
export const TASK = 17;
export const LEAD_UNIT = "city-culture-tourism-radio-television-sports-bureau";
export const OTHER_UNIT = "city-health-commission";

export interface IdeasWorld {
  t: TestServer;
  place: Place;
  moderator: TestClient;
  reviewer: TestClient;
  unit: TestClient;
  otherUnit: TestClient;
  admin: TestClient;
  adult(nickname?: string): Promise<TestClient>;
  child(guardian: TestClient, nickname?: string): Promise<{ client: TestClient; id: string }>;
  /** Posts an idea (a point near the sample place unless `body` says otherwise). */
  post(c: TestClient, body?: Record<string, unknown>): ReturnType<TestClient["post"]>;
  /** Posts an idea and has a moderator approve it when it waits (every child's; an adult's the guard holds). */
  publicIdea(c: TestClient, body?: Record<string, unknown>): Promise<{ id: string; stage: string; unitId: string | null; supportCount: number }>;
  /** A moderator's decision on an idea as the moderator's screen shows it now. */
  decide(id: string, action: string, type?: string): ReturnType<TestClient["post"]>;
}

export function useIdeasWorld(dialect: "sqlite" | "postgres"): IdeasWorld {
  const w = {} as IdeasWorld;
  let serial = 0;
  w.adult = (nickname = "妈妈") => signedInAdult(w.t, `1370000${String(1000 + ++serial)}`, nickname);
  w.child = (guardian, nickname = "乐乐") => signedInChild(w.t, guardian, `kid${++serial}x`, nickname);
  w.post = (c, body = {}) => c.post("/api/ideas", { kind: "shade", title: `想要树荫 ${++serial}`, text: `夏天这里太晒了，希望多种几棵大树。第${serial}个想法`, at: `${w.place.lat + 0.0004},${w.place.lon + 0.0003}`, region: w.place.regionId, ...body });
  w.decide = async (id, action, type = "idea") => {
    const seen = (await w.moderator.get(`/api/moderation/items/${type}/${id}`)).body["item"] as { statusAt: string };
    return w.moderator.post(`/api/moderation/items/${type}/${id}/decisions`, { action, reason: "checked by a moderator", seenStatusAt: seen.statusAt });
  };

  w.publicIdea = async (c, body) => {
    const posted = await w.post(c, body);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const idea = posted.body["idea"] as { id: string; status: string; stage: string; unitId: string | null; supportCount: number };
    if (idea.status === "pending") expect((await w.decide(idea.id, "approve")).status).toBe(200);
    return idea;
  };

  beforeAll(async () => {
    w.t = await startTestServer(dialect);
    const places = w.t.server.catalog.index.places;
    w.place = places.find((p) => p.districtCode !== null) ?? places[0]!;
    expect(w.t.server.catalog.index.size).toBeGreaterThan(0);
    w.moderator = await signedInStaff(w.t, "ideamod", "moderator");
    w.reviewer = await signedInStaff(w.t, "ideareviewer", "reviewer");
    w.unit = await signedInStaff(w.t, "ideaunit", "reporter", LEAD_UNIT);
    w.otherUnit = await signedInStaff(w.t, "ideaother", "reporter", OTHER_UNIT);
    w.admin = await signedInStaff(w.t, "ideaadmin", "admin");
  });
  afterAll(async () => {
    await w.t?.stop();
  });
  return w;
}
