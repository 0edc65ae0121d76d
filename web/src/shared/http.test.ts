import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, field, getField, orNullOn, send, sendField } from "./http.ts";
import { setLanguage } from "./i18n.ts";

/** Answers every request with `status` and `body`, and records what was sent. */
function answer(status: number, body: unknown): Array<{ url: string; init: RequestInit | undefined }> {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("the shared HTTP client", () => {
  it("returns the checked field of an answer", async () => {
    answer(200, { units: [{ id: "u1" }] });
    expect(await getField("/api/units", "units", Array.isArray)).toEqual([{ id: "u1" }]);
  });

  it("turns a missing or malformed field into a bad_response ApiError", () => {
    expect(() => field({ units: "no" }, "units", Array.isArray)).toThrow(ApiError);
    expect(() => field(null, "units")).toThrow(/answer has no units/);
  });

  it("sends changes as JSON with the change header, an empty object when there is no body", async () => {
    const calls = answer(200, { user: { id: "1" } });
    await sendField("POST", "/api/auth/login", { username: "a", password: "b" }, "user");
    await send("POST", "/api/auth/logout");
    expect(calls[0]!.init?.body).toBe(JSON.stringify({ username: "a", password: "b" }));
    expect(calls[1]!.init?.body).toBe("{}");
    expect(calls[1]!.init?.headers).toMatchObject({ "x-tongxing-request": "1" });
  });

  it("keeps the server's code, status and field in the error", async () => {
    answer(422, { code: "invalid", message: "bad score", field: "scores" });
    const error = await sendField("POST", "/api/sites/assessments", {}, "assessment").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "invalid", field: "scores" });
  });

  it("gives null for the one status that means nothing is there", async () => {
    answer(401, { code: "unauthorized", message: "sign in" });
    expect(await orNullOn(401, getField("/api/auth/me", "user"))).toBeNull();
    answer(403, { code: "forbidden", message: "no" });
    await expect(orNullOn(401, getField("/api/auth/me", "user"))).rejects.toMatchObject({ status: 403 });
  });

  it("says the page's language, so the server answers a change in it", async () => {
    vi.stubGlobal("document", { documentElement: {}, title: "" });
    const calls = answer(400, { code: "invalid_parameter", message: "密码至少要 8 位", field: "password" });
    await send("POST", "/api/members/register", { password: "x" }).catch(() => undefined);
    expect(calls[0]!.init?.headers).toMatchObject({ "accept-language": "zh-CN" });
    setLanguage("en");
    await send("POST", "/api/reviews/1/photos", new Blob(["x"]), { "content-type": "image/png" }).catch(() => undefined);
    expect(calls[1]!.init?.headers).toMatchObject({ "accept-language": "en", "content-type": "image/png" });
    setLanguage("zh");
  });
});
