/**
 * Account security over real HTTP on SQLite and PostgreSQL, the defects of issue 13: the
 * attacker locks themselves and not the account (per-source counters, known devices, the
 * address ceiling), real and made-up names answer alike, signing up and creating a child
 * tell nothing about other accounts, staff passwords follow rules, signing in again ends
 * the session presented, and every refusal keeps the error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { type JsonResponse, TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { SignupCodes } from "./signup-codes.ts";
import { ADDRESS_RULE } from "./sign-in-throttle.ts";

const STAFF_PASSWORD = "correct horse battery";
const PASSWORD = "lantern-river-42";
const thisYear = new Date().getUTCFullYear();

/** An answer with the times in its message blanked, to compare two answers made moments apart. */
const shape = (r: JsonResponse) => ({ status: r.status, body: { ...r.body, message: r.body.message?.replace(/after \S+|在 \S+ \S+ 之后/, "after …") } });

describe.each(testDialects())("account security on %s", (dialect) => {
  let t: TestServer;
  let serial = 0;
  const address = () => `10.${60 + (serial >> 16)}.${(serial >> 8) & 255}.${serial++ & 255}`;

  const staffLogin = (c: TestClient, username: string, password = STAFF_PASSWORD) => c.post("/api/auth/login", { username, password });
  const memberLogin = (c: TestClient, login: string, password = PASSWORD) => c.post("/api/members/login", { login, password });

  /** Signs an adult up through the code sent to the phone, on a client of its own. */
  async function adult(login: string, nickname = "妈妈"): Promise<TestClient> {
    const c = new TestClient(t.base, address());
    expect((await c.post("/api/members/register", { login, password: PASSWORD, nickname, birthYear: 1988, acceptAgreement: true })).status).toBe(202);
    const code = /\b(\d{6})\b/.exec((await new SignupCodes(t.server.db).messagesTo(login))[0]!)![1];
    const confirmed = await c.post("/api/members/register/confirm", { login, code });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    return c;
  }

  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = STAFF_PASSWORD;
    for (const [username, role] of [["admin", "admin"], ["victim", "moderator"], ["owner", "reviewer"]] as const) {
      expect((await addUser(t.server.db, { username, role })).ok).toBe(true);
    }
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("ends the staff session presented when signing in again", async () => {
    const c = new TestClient(t.base, address());
    expect((await staffLogin(c, "admin")).status).toBe(200);
    const before = c.cookies.get("tx_session")!;
    expect((await staffLogin(c, "admin")).status).toBe(200);
    expect(c.cookies.get("tx_session")).not.toBe(before);
    const stale = new TestClient(t.base);
    stale.cookies.set("tx_session", before);
    expect((await stale.get("/api/auth/me")).status).toBe(401);
    expect((await c.get("/api/auth/me")).status).toBe(200);
  });

  it("locks the attacker's address, not the staff account: the owner signs in elsewhere, and from a known device anywhere", async () => {
    const owner = new TestClient(t.base, address());
    expect((await staffLogin(owner, "victim")).status).toBe(200);
    const attackerAddress = address();
    const attacker = new TestClient(t.base, attackerAddress);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await staffLogin(attacker, "victim", "wrong password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await staffLogin(attacker, "victim")).body).toMatchObject({ code: "account_locked", field: null });
    expect((await staffLogin(new TestClient(t.base, address()), "victim")).status).toBe(200);
    // The owner's browser behind the attacker's address (one office, one NAT) is a known device.
    const sameAddress = new TestClient(t.base, attackerAddress);
    sameAddress.cookies.set("tx_device", owner.cookies.get("tx_device")!);
    expect((await staffLogin(sameAddress, "victim")).status).toBe(200);
  });

  it("refuses an address that fails on many names, but not its colleagues' known devices", async () => {
    const colleague = new TestClient(t.base, address());
    expect((await staffLogin(colleague, "owner")).status).toBe(200);
    const office = address();
    const attacker = new TestClient(t.base, office);
    for (let i = 0; i < ADDRESS_RULE.free; i++) expect((await staffLogin(attacker, `made-up-${i}`, "password1")).status).toBe(401);
    expect((await staffLogin(attacker, "admin", "password1")).body).toMatchObject({ code: "rate_limited", field: null });
    expect((await staffLogin(new TestClient(t.base, office), "owner")).status).toBe(429);
    const known = new TestClient(t.base, office);
    known.cookies.set("tx_device", colleague.cookies.get("tx_device")!);
    expect((await staffLogin(known, "owner")).status).toBe(200);
  });

  it("answers a real and a made-up name alike, locked included, for staff and members", async () => {
    await adult("13800000001");
    for (const [path, field, real, fake] of [["/api/auth/login", "username", "admin", "nobody-here"], ["/api/members/login", "login", "13800000001", "13800000009"]] as const) {
      const run = async (name: string) => {
        const c = new TestClient(t.base, address());
        const answers = [];
        for (let i = 0; i < 6; i++) answers.push(shape(await c.post(path, { [field]: name, password: "wrong password" })));
        return answers;
      };
      const expected = await run(real);
      expect(expected.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
      expect(await run(fake)).toEqual(expected);
    }
  });

  it("locks a member's attacker and not the member, who signs in from elsewhere or a known device", async () => {
    await adult("13800000002");
    const mamasPhone = new TestClient(t.base, address());
    expect((await memberLogin(mamasPhone, "13800000002")).status).toBe(200);
    const attackerAddress = address();
    const attacker = new TestClient(t.base, attackerAddress);
    for (let i = 0; i < 5; i++) await memberLogin(attacker, "13800000002", "wrong password");
    expect((await memberLogin(attacker, "13800000002")).status).toBe(423);
    expect((await memberLogin(new TestClient(t.base, address()), "13800000002")).status).toBe(200);
    // Mama's phone on the attacker's network (the same café Wi-Fi) is a known device.
    const sameWifi = new TestClient(t.base, attackerAddress);
    sameWifi.cookies.set("tx_device", mamasPhone.cookies.get("tx_device")!);
    expect((await memberLogin(sameWifi, "13800000002")).status).toBe(200);
  });

  it("answers a sign-up the same whether the phone has an account or not, and leaves the owner's account alone", async () => {
    const owner = await adult("13800000003", "原来的妈妈");
    const signup = (login: string) => new TestClient(t.base, address()).post("/api/members/register", { login, password: "another-river-77", nickname: "冒充者", birthYear: 1990, acceptAgreement: true });
    const taken = await signup("13800000003");
    const fresh = await signup("13800000004");
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    expect(taken.body).toMatchObject({ status: "check_messages", message: { zh: expect.stringContaining("请查收短信或邮件") } });
    expect([taken.headers.get("set-cookie"), fresh.headers.get("set-cookie")]).toEqual([null, null]);
    // The owner hears someone tried; nothing of the account changed and no code can take it over.
    const codes = new SignupCodes(t.server.db);
    expect((await codes.messagesTo("13800000003"))[0]).toContain("您已经有账号");
    const hijack = await new TestClient(t.base, address()).post("/api/members/register/confirm", { login: "13800000003", code: "000000" });
    const wrong = await new TestClient(t.base, address()).post("/api/members/register/confirm", { login: "13800000004", code: "000000" });
    expect(hijack).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "code" } });
    expect(hijack.body).toEqual(wrong.body);
    expect((await owner.get("/api/members/me")).body.member).toMatchObject({ nickname: "原来的妈妈" });
    expect((await memberLogin(new TestClient(t.base, address()), "13800000003")).status).toBe(200);
    expect((await memberLogin(new TestClient(t.base, address()), "13800000003", "another-river-77")).status).toBe(401);
    // Racing sign-ups for one new address all hear the same.
    const same = { login: "race@example.cn", password: PASSWORD, nickname: "赛跑", birthYear: 1985, acceptAgreement: true };
    const statuses = await Promise.all([1, 2, 3].map(() => new TestClient(t.base, address()).post("/api/members/register", same).then((r) => r.status)));
    expect(statuses).toEqual([202, 202, 202]);
  });

  it("makes children's sign-in names unique per family, so creating one tells nothing of other families", async () => {
    const createChild = (guardian: TestClient, login: string) =>
      guardian.post("/api/family/children", { login, password: PASSWORD, nickname: "小星星", birthYear: thisYear - 9, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } });
    const a = await adult("13800000005");
    const b = await adult("13800000006");
    const first = await createChild(a, "xiaoxing");
    const second = await createChild(b, "xiaoxing");
    expect([first.status, second.status]).toEqual([201, 201]);
    const loginA = (first.body.child as { login: string }).login;
    const loginB = (second.body.child as { login: string }).login;
    expect(loginA).toMatch(/^xiaoxing@[a-z2-9]{4}$/);
    expect(loginB).toMatch(/^xiaoxing@[a-z2-9]{4}$/);
    expect(loginA).not.toBe(loginB);
    expect(await createChild(a, "xiaoxing")).toMatchObject({ status: 409, body: { code: "conflict", field: "login" } });
    expect((await memberLogin(new TestClient(t.base, address()), loginA)).body.member).toMatchObject({ kind: "child", login: loginA });
    expect((await memberLogin(new TestClient(t.base, address()), loginB.toUpperCase())).status).toBe(200);
  });

  it("holds staff passwords to the rules, administrators' stronger, in Chinese and English, by API and CLI", async () => {
    const admin = new TestClient(t.base, address());
    await staffLogin(admin, "admin");
    const create = (username: string, role: string, password: string) => admin.post("/api/staff/users", { username, displayName: "新同事", role, password });
    for (const [password, role] of [[" ".repeat(10), "reviewer"], ["1234567890", "reviewer"], ["password12", "leader"], ["zhangwei-is-here", "leader"], ["Summer2024!Summer", "admin"], ["Kx7#rain-ob", "admin"]]) {
      const refused = await create("zhangwei", role!, password!);
      expect(refused, password).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "password", details: { message: { zh: expect.any(String), en: expect.any(String) } } } });
    }
    expect((await create("zhangwei", "leader", "Summer2024!Summer")).status).toBe(201);
    process.env["TONGXING_PASSWORD"] = "password12";
    const cli = await addUser(t.server.db, { username: "weak", role: "reviewer" });
    process.env["TONGXING_PASSWORD"] = STAFF_PASSWORD;
    expect(cli).toMatchObject({ ok: false, message: expect.stringMatching(/common passwords.*常见/) });
  });

  it("keeps the error shape for a sign-in name PostgreSQL could not store", async () => {
    const c = new TestClient(t.base, address());
    expect(await staffLogin(c, "ad\u0000min")).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "username", message: expect.any(String) } });
    expect(await memberLogin(c, "1380000\u00000001")).toMatchObject({ status: 400, body: { code: "invalid_parameter", field: "login" } });
    expect(await c.post("/api/members/register/confirm", { login: "13800000001", code: "12345" })).toMatchObject({ status: 400, body: { field: "code" } });
  });
});
