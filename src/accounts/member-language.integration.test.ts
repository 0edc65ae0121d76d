/**
 * The family forms' refusals come back in the request's language: Chinese when it says
 * nothing, or says Chinese (Accept-Language or lang=), English when it asks for English.
 * The paths a parent meets: a common or short password, a phone number that is not one, a
 * phone that already has an account (the code never fits), a nickname with a phone number
 * in it, a form left half-filled, a child's sign-in name used twice, a wrong password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { type JsonResponse, TestClient } from "../platform/testing/http-client.ts";
import { SignupCodes } from "./signup-codes.ts";

const PASSWORD = "lantern-river-42";
/** A word of the Latin script: what must not be in a Chinese answer. */
const LATIN_WORD = /[A-Za-z]{3,}/;

describe("family refusals in the reader's language", () => {
  let t: TestServer;
  let serial = 0;
  const client = () => new TestClient(t.base, `10.77.${serial >> 8}.${serial++ & 255}`);
  /** The same request as a Chinese reader (no language, Accept-Language zh, lang=zh) and an English one (Accept-Language en, lang=en). */
  async function inEveryLanguage(path: string, body: unknown, as: () => TestClient = client): Promise<{ zh: JsonResponse[]; en: JsonResponse[] }> {
    const post = (suffix: string, headers: Record<string, string> = {}) => as().call("POST", path + suffix, body, { headers });
    return {
      zh: [await post(""), await post("", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" }), await post("?lang=zh", { "accept-language": "en" })],
      en: [await post("", { "accept-language": "en-US,en;q=0.9" }), await post("?lang=en", { "accept-language": "zh-CN" })],
    };
  }
  /** Each answer refuses `field`; the Chinese ones match `zh` and (unless they quote what was sent) have no English word. */
  function expectRefusal(answers: { zh: JsonResponse[]; en: JsonResponse[] }, field: string, zh: RegExp, en: RegExp, quotes = false): void {
    for (const answer of answers.zh) {
      expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ code: "invalid_parameter", field });
      expect(answer.body.message).toMatch(zh);
      if (!quotes) expect(answer.body.message).not.toMatch(LATIN_WORD);
    }
    for (const answer of answers.en) {
      expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ code: "invalid_parameter", field });
      expect(answer.body.message).toMatch(en);
    }
  }
  const signup = (changes: Record<string, unknown>) => ({ login: "13912340000", password: PASSWORD, nickname: "小星妈妈", birthYear: 1988, acceptAgreement: true, ...changes });

  beforeAll(async () => {
    t = await startTestServer("sqlite");
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("says a common password is common", async () => {
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ password: "password123" })), "password", /太常见/, /list of common passwords/);
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ password: "woaini1314" })), "password", /太常见/, /common passwords/);
  });

  it("says a short password is short, naming the field", async () => {
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ password: "abc" })), "password", /密码至少要 \d+ 位/, /at least \d+ characters/);
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ password: "" })), "password", /^密码：不能为空$/, /Too small/i);
  });

  it("says a phone number that is not one is not one", async () => {
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ login: "12345" })), "login", /手机号或邮箱/, /mobile number or an e-mail/);
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ login: "1" })), "login", /^手机号或邮箱：至少要 3 个字符$/, /characters/);
  });

  it("says a nickname with a phone number in it must change", async () => {
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ nickname: "妈妈13912345678" })), "nickname", /昵称/, /nickname/);
  });

  it("asks for the agreement and refuses an unknown member, in the reader's language", async () => {
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ acceptAgreement: false })), "acceptAgreement", /同意用户协议/, /must be accepted/);
    expectRefusal(await inEveryLanguage("/api/members/register", signup({ colour: "red" })), "colour", /^不认识的参数“colour”$/, /unknown parameter "colour"/, true);
  });

  it("says the code does not fit when the phone already has an account", async () => {
    const owner = client();
    expect((await owner.post("/api/members/register", signup({ login: "13912340001" }))).status).toBe(202);
    const code = /\b(\d{6})\b/.exec((await new SignupCodes(t.server.db).messagesTo("13912340001"))[0]!)![1];
    expect((await owner.post("/api/members/register/confirm", { login: "13912340001", code })).status).toBe(201);
    // Someone signs up again with the same phone: the same answer, and no code they could know fits.
    expect((await client().post("/api/members/register", signup({ login: "13912340001" }))).status).toBe(202);
    expectRefusal(await inEveryLanguage("/api/members/register/confirm", { login: "13912340001", code: "000000" }), "code", /验证码不对或已过期/, /wrong or expired code/);
  });

  it("refuses a wrong password and a child's sign-in name used twice in the reader's language", async () => {
    const zh = await client().post("/api/members/login", { login: "13912340001", password: "not-the-password" });
    expect(zh.body).toMatchObject({ code: "unauthenticated", message: "登录名或密码不对" });
    const en = await client().call("POST", "/api/members/login?lang=en", { login: "13912340001", password: "not-the-password" });
    expect(en.body.message).toBe("wrong sign-in name or password");
    const parent = client();
    expect((await parent.post("/api/members/login", { login: "13912340001", password: PASSWORD })).status).toBe(200);
    const child = { login: "xiaoxing", password: PASSWORD, nickname: "小星", birthYear: new Date().getUTCFullYear() - 8, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } };
    expect((await parent.post("/api/family/children", child)).status).toBe(201);
    const twice = await parent.post("/api/family/children", child);
    expect(twice.body).toMatchObject({ code: "conflict", field: "login", message: expect.stringMatching(/已经在用这个登录名/) });
    const twiceEn = await parent.call("POST", "/api/family/children", child, { headers: { "accept-language": "en" } });
    expect(twiceEn.body.message).toMatch(/already has this sign-in name/);
  });

  it("takes lang= on a query that refuses every other unknown parameter", async () => {
    expect((await client().get("/api/search?q=%E5%85%AC%E5%9B%AD&lang=en")).status).toBe(200);
    const refused = await client().get("/api/search?q=%E5%85%AC%E5%9B%AD&lat=26.9");
    expect(refused.body).toMatchObject({ code: "invalid_parameter", field: "lat", message: "纬度：纬度和经度要一起填" });
    expect((await client().get("/api/search?q=%E5%85%AC%E5%9B%AD&lat=26.9&lang=en")).body.message).toBe("give lat and lon together");
  });
});
