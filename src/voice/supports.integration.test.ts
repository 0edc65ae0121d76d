/**
 * 我也想要 under load, on SQLite and PostgreSQL: 1,000 members press it at the same moment
 * over HTTP and the count is exactly 1,000, with one row each; then 500 of them take it back
 * while the other 500 press it again, and the count is exactly 500. Members are made through
 * the member store with a session each (signing up 1,000 over HTTP would test scrypt).
 */
import { describe, expect, it } from "vitest";
import { MemberStore } from "../accounts/index.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { useIdeasWorld } from "./ideas-world.ts";

const MEMBERS = 1000;

describe.each(testDialects())("supports at once on %s", (dialect) => {
  const w = useIdeasWorld(dialect);

  it("loses none and counts none twice", async () => {
    const idea = await w.publicIdea(await w.adult());
    const store = new MemberStore(w.t.server.db);
    const tokens: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const member = await store.create({ kind: "adult", login: `1880000${String(i).padStart(4, "0")}`, nickname: "家长", guardianId: null, birthYear: 1990 }, "unused-hash");
      tokens.push((await store.openSession(member.id, null)).token);
    }
    const press = (token: string, support: boolean) => fetch(`${w.t.base}/api/ideas/${idea.id}/support`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tongxing-request": "1", cookie: `tx_member=${token}` },
      body: JSON.stringify({ support }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { supportCount: number } }));

    const first = await Promise.all(tokens.map((t) => press(t, true)));
    expect(first.filter((r) => r.status !== 200)).toEqual([]);
    // Every answer saw its own support counted: the largest count any saw is all of them.
    expect(Math.max(...first.map((r) => r.body.supportCount))).toBe(MEMBERS);
    const count = async () => (await w.t.get(`/api/ideas/${idea.id}`)).body as { idea: { supportCount: number } };
    expect((await count()).idea.supportCount).toBe(MEMBERS);

    const second = await Promise.all(tokens.map((t, i) => press(t, i % 2 === 1)));
    expect(second.filter((r) => r.status !== 200)).toEqual([]);
    expect((await count()).idea.supportCount).toBe(MEMBERS / 2);
    const rows = await w.t.server.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM idea_supports WHERE idea_id = ?", [idea.id]);
    expect(Number(rows[0]!.n)).toBe(MEMBERS / 2);
  }, 180_000);
});
