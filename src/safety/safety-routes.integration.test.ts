/**
 * POST /api/safety/check over HTTP: verdicts with spans, the child/adult difference, the
 * error contract and the rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";

interface Result {
  verdict: string;
  reasons: Array<{ kind: string; start: number; end: number; message: { zh: string } }>;
}

describe("safety check API", () => {
  let t: TestServer;
  const check = async (body: unknown, ip = "") => {
    const response = await fetch(`${t.base}/api/safety/check`, { method: "POST", headers: { "content-type": "application/json", ...(ip ? { "x-forwarded-for": ip } : {}) }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Result & { code?: string; field?: string } };
  };
  beforeAll(async () => {
    t = await startTestServer("sqlite");
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("passes an ordinary review", async () => {
    const { body } = await check({ text: "南湖公园的滑梯很好玩，周末人有点多", audience: "child" });
    expect(body).toMatchObject({ verdict: "pass", reasons: [] });
    // The classifier's score and the risk come with every answer, low for an ordinary review.
    expect((body as unknown as { score: number }).score).toBeLessThan(0.8);
    expect((body as unknown as { risk: number }).risk).toBeLessThan(0.8);
  });

  it("holds a child's phone number and points at it with a kind message", async () => {
    const text = "想一起玩的打我电话 138 1234 5678 哦";
    const { body } = await check({ text, audience: "child" });
    expect(body.verdict).toBe("hold");
    const reason = body.reasons.find((r) => r.kind === "phone")!;
    expect(text.slice(reason.start, reason.end).replace(/\s/g, "")).toBe("13812345678");
    expect(reason.message.zh).toContain("电话");
    // From an adult a number is not a child's secret to guard (an invitation to call may still
    // wait for a moderator on its score, but never for the number itself).
    expect((await check({ text, audience: "adult" })).body.reasons.map((r) => r.kind)).not.toContain("phone");
    expect((await check({ text: "游泳馆的预约电话是 138 1234 5678，可以提前订票", audience: "adult" })).body.verdict).toBe("pass");
  });

  it("blocks a listed insult written with evasions, from anyone", async () => {
    for (const text of ["你就是个傻逼", "你就是个傻 * 逼", "你就是个shabi"]) {
      expect((await check({ text, audience: "adult" })).body.verdict, text).not.toBe("pass");
    }
  });

  it("answers bad input with a 400 and the field", async () => {
    expect((await check({ text: "", audience: "child" })).body).toMatchObject({ code: "invalid_parameter", field: "text" });
    expect((await check({ text: "x".repeat(2001), audience: "child" })).body).toMatchObject({ field: "text" });
    expect((await check({ text: "hi", audience: "robot" })).body).toMatchObject({ field: "audience" });
    expect((await check({ text: "hi", audience: "child", extra: 1 })).status).toBe(400);
  });
});
