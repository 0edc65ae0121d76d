/**
 * One vote per child per poll under load: 1,000 children vote at the same moment, then all
 * change their vote at the same moment; no vote is lost and none counted twice, on SQLite
 * and PostgreSQL. The children are made with the member store (hashing 1,000 passwords
 * would test scrypt, not votes) and signed in with real sessions; the votes go over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_COOKIE, MemberStore } from "../../accounts/index.ts";
import { signedInStaff } from "../../app/test-actors.ts";
import type { TestClient } from "../../platform/testing/http-client.ts";
import { testDialects } from "../../platform/testing/test-databases.ts";
import { type VoiceWorld, startVoiceWorld } from "../councils/voice-test-world.ts";

const CHILDREN = 1000;
const thisYear = new Date().getUTCFullYear();

describe.each(testDialects())("1,000 children voting at once on %s", (dialect) => {
  let t: VoiceWorld;
  let planner: TestClient;
  let pollId: string;
  let options: string[];
  const tokens: string[] = [];

  beforeAll(async () => {
    t = await startVoiceWorld(dialect);
    planner = await signedInStaff(t, "votes.planner", "reporter", "city-education-bureau");
    const started = await planner.post("/api/polls", {
      question: "新游乐场装什么？", options: [{ label: "滑梯", icon: "slide" }, { label: "秋千", icon: "swing" }, { label: "攀爬架", icon: "climbing" }],
      minAge: 6, maxAge: 14, regionId: "hengyang", closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const poll = started.body["poll"] as { id: string; options: Array<{ id: string }> };
    pollId = poll.id;
    options = poll.options.map((o) => o.id);
    const store = new MemberStore(t.server.db);
    const guardian = await store.create({ kind: "adult", login: "13900099000", nickname: "家长", guardianId: null, birthYear: 1985 }, "not-a-password-hash");
    for (let i = 0; i < CHILDREN; i++) {
      // Ages 6 to 14, so every band of the range gets votes.
      const child = await store.create({ kind: "child", login: `voter${i}.fam`, nickname: `小${i}`, guardianId: guardian.id, birthYear: thisYear - 6 - (i % 9) }, "not-a-password-hash");
      tokens.push((await store.openSession(child.id, null)).token);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Every child votes at once, child i for `choose(i)`; answers their statuses. */
  const allVote = (choose: (i: number) => string) =>
    Promise.all(tokens.map(async (token, i) => {
      const response = await fetch(`${t.base}/api/polls/${pollId}/vote`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-tongxing-request": "1", cookie: `${MEMBER_COOKIE}=${token}`, "x-forwarded-for": `10.200.${i >> 8}.${i & 255}` },
        body: JSON.stringify({ optionId: choose(i) }),
      });
      await response.arrayBuffer();
      return response.status;
    }));

  const votesIn = async () => {
    const rows = await t.server.db.all<{ option_id: string; n: number | string }>("SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option_id", [pollId]);
    return Object.fromEntries(rows.map((r) => [r.option_id, Number(r.n)]));
  };
  const expected = (shift: number) => Object.fromEntries(options.map((id, k) => [id, Array.from({ length: CHILDREN }, (_, i) => i).filter((i) => (i + shift) % options.length === k).length]));

  it("counts each of 1,000 simultaneous votes once", async () => {
    const statuses = await allVote((i) => options[i % options.length]!);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await votesIn()).toEqual(expected(0));
  });

  it("changes each of 1,000 simultaneous changes in place, adding none", async () => {
    const statuses = await allVote((i) => options[(i + 1) % options.length]!);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await votesIn()).toEqual(expected(1));
  });

  it("publishes the same counts, by age band, once closed", async () => {
    expect((await planner.post(`/api/polls/${pollId}/close`, {})).status).toBe(200);
    const poll = (await t.get(`/api/polls/${pollId}`)).body as { poll: { state: string; results: { total: number; byBand: Record<string, number>; options: Array<{ optionId: string; total: number }> } } };
    expect(poll.poll.state).toBe("closed");
    expect(poll.poll.results.total).toBe(CHILDREN);
    expect(Object.fromEntries(poll.poll.results.options.map((o) => [o.optionId, o.total]))).toEqual(expected(1));
    expect(Object.values(poll.poll.results.byBand).reduce((a, b) => a + b, 0)).toBe(CHILDREN);
    // Ages 6..14 reached this year: 6–8, 9–11 and 12–14, a third each.
    expect(poll.poll.results.byBand).toMatchObject({ under6: 0, "6-8": 334, "9-11": 333, "12-14": 333, "15-17": 0 });
  });
});
