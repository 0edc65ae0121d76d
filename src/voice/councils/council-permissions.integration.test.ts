/**
 * Who may call each route of councils and polls, asked as every kind of caller the issue
 * names: nobody, a guardian whose child is a member, that child, another family's guardian,
 * the council's organiser (a unit user), a unit user of another unit, a moderator and an
 * admin. Each must get what the table below says: 401 without the session a route needs,
 * 403 for a role or member kind it refuses (and for staff who do not run that council or
 * poll), 404 for what is not the caller's to see, and otherwise get through the guard (any
 * answer but those and 5xx; an empty body's 400 proves the guard was passed). These rows
 * are the ones the voice report gives for src/app/access-table.ts.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNCIL_PATHS } from "../../app/openapi-councils.ts";
import { registeredRoutes } from "../../app/openapi-testing.ts";
import type { TestClient } from "../../platform/testing/http-client.ts";
import { testDialects } from "../../platform/testing/test-databases.ts";
import { type CouncilPeople, type CouncilThings, councilPeople, councilThings } from "./council-fixtures.ts";
import { type VoiceWorld, startVoiceWorld } from "./voice-test-world.ts";

const ACTORS = ["anonymous", "adult", "child", "otherGuardian", "organiser", "unitUser", "moderator", "admin"] as const;
type Actor = (typeof ACTORS)[number];
type Answer = "through" | 401 | 403 | 404;
type Expected = Record<Actor, Answer>;

const STAFF: readonly Actor[] = ["organiser", "unitUser", "moderator", "admin"];
const everyone: Expected = Object.fromEntries(ACTORS.map((a) => [a, "through"])) as Expected;
/** A staff route: members and nobody 401; the staff named pass, other staff 403. */
const staff = (...passing: Actor[]): Expected => Object.fromEntries(ACTORS.map((a) => [a, !STAFF.includes(a) ? 401 : passing.includes(a) ? "through" : 403])) as Expected;
/** A member route: nobody and staff 401; each member as given. */
const member = (adult: Answer, child: Answer, otherGuardian: Answer): Expected => ({ anonymous: 401, adult, child, otherGuardian, organiser: 401, unitUser: 401, moderator: 401, admin: 401 });
/** Public, but shown only to insiders: the council's members and their guardians, its organisers, moderators. */
const insiders: Expected = { anonymous: 404, adult: "through", child: "through", otherGuardian: 404, organiser: "through", unitUser: 404, moderator: "through", admin: "through" };
const ORGANISING = staff("organiser", "admin");

describe.each(testDialects())("councils' and polls' permissions on %s", (dialect) => {
  let t: VoiceWorld;
  let p: CouncilPeople;
  let c: CouncilThings;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startVoiceWorld(dialect);
    p = await councilPeople(t, "perm", 31);
    c = await councilThings(p);
    const post = async (body: string) => {
      const answer = await p.child.post(`/api/councils/${c.councilId}/items/${c.freeItemId}/posts`, { body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return (answer.body["post"] as { id: string }).id;
    };
    ids["post"] = await post("可以种几棵大树");
    ids["guardianPost"] = await post("想要一个饮水机");
    const decided = await p.organiser.post(`/api/councils/${c.councilId}/decisions`, { sessionId: c.sessionId, title: "小广场种树", text: "建议种遮阴树。", kind: "shade" });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    ids["decision"] = (decided.body["decision"] as { id: string }).id;
    const poll = (await p.organiser.get(`/api/polls/${c.pollId}`)).body["poll"] as { options: Array<{ id: string }> };
    ids["option"] = poll.options[0]!.id;
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#09c" } }).png().toBuffer();
    expect((await p.organiser.post(`/api/polls/${c.pollId}/options/${ids["option"]}/image`, png, { contentType: "image/png" })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Every route: method, path, body, and what each caller gets. Destructive ones last. */
  const rows = (): Array<[string, string, unknown, Expected]> => {
    const council = `/api/councils/${c.councilId}`;
    const poll = `/api/polls/${c.pollId}`;
    const image = `${poll}/options/${ids["option"]}/image`;
    return [
      ["GET", "/api/councils", undefined, everyone],
      ["POST", "/api/councils", {}, staff("organiser", "unitUser", "admin")],
      ["GET", "/api/councils/mine", undefined, member("through", "through", "through")],
      ["GET", council, undefined, everyone],
      ["GET", `${council}/members`, undefined, ORGANISING],
      ["POST", `${council}/members`, {}, member("through", 403, "through")],
      ["POST", `${council}/sessions`, {}, ORGANISING],
      ["GET", `${council}/sessions/${c.sessionId}`, undefined, insiders],
      ["PUT", `${council}/sessions/${c.sessionId}`, {}, ORGANISING],
      ["POST", `${council}/sessions/${c.sessionId}/record`, {}, ORGANISING],
      ["GET", `${council}/items/${c.freeItemId}/posts`, undefined, insiders],
      ["POST", `${council}/items/${c.freeItemId}/posts`, {}, member(404, "through", 404)],
      ["DELETE", `${council}/posts/${ids["post"]}`, undefined, member(404, "through", 404)],
      ["DELETE", `${council}/members/${p.childId}/posts/${ids["guardianPost"]}`, undefined, member("through", 404, 404)],
      ["POST", `${council}/decisions`, {}, ORGANISING],
      ["POST", `${council}/decisions/${ids["decision"]}/send`, {}, ORGANISING],
      ["GET", "/api/polls", undefined, everyone],
      ["POST", "/api/polls", {}, staff("organiser", "unitUser", "admin")],
      ["GET", poll, undefined, everyone],
      ["POST", `${poll}/vote`, {}, member(403, "through", 403)],
      ["DELETE", `${poll}/vote`, undefined, member(403, "through", 403)],
      ["POST", image, Buffer.from("not an image"), ORGANISING],
      ["GET", image, undefined, everyone],
      ["POST", `${poll}/close`, {}, ORGANISING],
      ["DELETE", `${council}/members/${p.childId}`, undefined, member("through", 404, 404)],
    ];
  };

  it("asks every route served under /api/councils and /api/polls, each documented", () => {
    const served = registeredRoutes(t.server.app).filter((r) => /^\/api\/(councils|polls)/.test(r.path)).map((r) => `${r.method} ${r.path}`).sort();
    const documented = Object.entries(COUNCIL_PATHS).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    expect(served).toEqual(documented);
    expect(rows()).toHaveLength(served.length);
  });

  it("answers every route as the table says, for every kind of caller", async () => {
    const wrong: string[] = [];
    const clients = p as unknown as Record<Actor, TestClient>;
    for (const [method, path, body, expected] of rows()) {
      // The callers the route lets through go last, so the others are refused before anything changes.
      const order = [...ACTORS].sort((a, b) => Number(expected[a] === "through") - Number(expected[b] === "through"));
      for (const actor of order) {
        const answer = await clients[actor].call(method, path, body, Buffer.isBuffer(body) ? { contentType: "image/jpeg" } : {});
        const ok = expected[actor] === "through" ? ![401, 403, 404].includes(answer.status) && answer.status < 500 : answer.status === expected[actor];
        if (!ok) wrong.push(`${method} ${path} as ${actor}: expected ${expected[actor]}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
