/**
 * The world the families integration tests share: a real server on one dialect with the real
 * sample places, a signed-in moderator, and factories for signed-up adults, their children and
 * reviews as the HTTP API makes them (no shortcuts into the stores but the sign-up code, which
 * no gateway delivers in tests). Registers its own beforeAll and afterAll.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { SignupCodes } from "../accounts/index.ts";
import { TestClient } from "../platform/testing/http-client.ts";

export const STAFF_PASSWORD = "correct horse battery";
export const PASSWORD = "lantern-river-42";
export const thisYear = new Date().getUTCFullYear();

export interface FamilyWorld {
  t: TestServer;
  placeId: string;
  otherPlaceId: string;
  moderator: TestClient;
  /** How many adults were made: each gets the phone number 1390000(1000 + serial). */
  serial: number;
  confirm(c: TestClient, login: string): ReturnType<TestClient["post"]>;
  adult(nickname?: string): Promise<TestClient>;
  child(guardian: TestClient, login: string, nickname?: string): Promise<{ client: TestClient; id: string }>;
  review(c: TestClient, body: string, rating?: number, place?: string): ReturnType<TestClient["post"]>;
  publicReviews(place?: string): Promise<{ summary: { count: number; average: number | null }; reviews: Array<Record<string, unknown>> }>;
  /** A moderator's decision on the item as the moderator's screen shows it now. */
  decide(id: string, action: string, extra?: Record<string, unknown>): ReturnType<TestClient["post"]>;
}

export function useFamilyWorld(dialect: "sqlite" | "postgres"): FamilyWorld {
  const w = { serial: 0 } as FamilyWorld;
  w.confirm = async (c, login) => {
    const code = /\b(\d{6})\b/.exec((await new SignupCodes(w.t.server.db).messagesTo(login))[0] ?? "")?.[1] ?? "";
    return c.post("/api/members/register/confirm", { login, code });
  };
  // Each adult from its own address, as families are.
  w.adult = async (nickname = "妈妈") => {
    w.serial++;
    const c = new TestClient(w.t.base, `10.1.${w.serial}.1`);
    const login = `1390000${String(1000 + w.serial)}`;
    const response = await c.post("/api/members/register", { login, password: PASSWORD, nickname, birthYear: 1988, acceptAgreement: true });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect((await w.confirm(c, login)).status).toBe(201);
    return c;
  };
  w.child = async (guardian, login, nickname = "小星星") => {
    const created = await guardian.post("/api/family/children", { login, password: PASSWORD, nickname, birthYear: thisYear - 9, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = new TestClient(w.t.base, `10.2.${w.serial}.${login.length}`);
    // The sign-in name is the chosen name plus the family's code.
    const signInName = (created.body.child as { login: string }).login;
    expect(signInName.startsWith(`${login}@`)).toBe(true);
    expect((await c.post("/api/members/login", { login: signInName, password: PASSWORD })).status).toBe(200);
    return { client: c, id: (created.body.child as { id: string }).id };
  };
  w.review = (c, body, rating = 5, place = w.placeId) => c.post(`/api/places/${encodeURIComponent(place)}/reviews`, { rating, body });
  w.publicReviews = async (place = w.placeId) => (await new TestClient(w.t.base).get(`/api/places/${encodeURIComponent(place)}/reviews?limit=50`)).body as Awaited<ReturnType<FamilyWorld["publicReviews"]>>;
  w.decide = async (id, action, extra = {}) => {
    const seen = (await w.moderator.get(`/api/moderation/items/review/${id}`)).body.item as { statusAt: string };
    return w.moderator.post(`/api/moderation/items/review/${id}/decisions`, { action, reason: "checked by a moderator", seenStatusAt: seen.statusAt, ...extra });
  };

  beforeAll(async () => {
    w.t = await startTestServer(dialect);
    const places = w.t.server.catalog.index.places;
    w.placeId = places[0]!.id;
    w.otherPlaceId = places[1]!.id;
    process.env["TONGXING_PASSWORD"] = STAFF_PASSWORD;
    expect((await addUser(w.t.server.db, { username: "moderator", role: "moderator" })).ok).toBe(true);
    expect((await addUser(w.t.server.db, { username: "planner", role: "leader" })).ok).toBe(true);
    w.moderator = new TestClient(w.t.base);
    expect((await w.moderator.post("/api/auth/login", { username: "moderator", password: STAFF_PASSWORD })).status).toBe(200);
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await w.t?.stop();
  });
  return w;
}
