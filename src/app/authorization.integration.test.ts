/**
 * The authorisation matrix, generated from the access table: every route that is not open
 * to everyone, asked by every kind of caller (nobody, an adult who is a guardian, that
 * guardian's child, another family's guardian, and staff of each role), must answer what
 * the table promises: 401 without the session it needs, 403 for a role or member kind it
 * refuses, 404 for what is not the caller's, and otherwise let the request through (any
 * answer but those: a 400 for a deliberately empty body proves the guard was passed
 * without changing anything). The table is checked against the role tables in docs/.
 */
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import { STAFF_ROLES, type StaffRole } from "../core/staff-roles.ts";
import { type PlanPermission, planRoles } from "../plan/index.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { testDialects } from "../platform/testing/test-databases.ts";
import { ACCESS_TABLE, type Access, type AccessRule } from "./access-table.ts";
import { EVENT_BODIES } from "./openapi-events.ts";
import { VENUE_TEST_PLACE, signedInAdult, signedInChild, signedInStaff } from "./test-actors.ts";
import { type TestServer, startTestServer } from "./test-server.ts";

type Actor = "anonymous" | "adult" | "child" | "otherGuardian" | StaffRole;
const ACTORS: readonly Actor[] = ["anonymous", "adult", "child", "otherGuardian", ...STAFF_ROLES];
const MEMBERS: readonly Actor[] = ["adult", "child", "otherGuardian"];
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

/** What the table promises `actor`: "through" (the guard lets it pass), or the status of the refusal. */
function promised(access: Access, actor: Actor): "through" | 401 | 403 | 404 {
  if (access.kind === "public") {
    if (!access.shownTo) return "through";
    const viewer = actor === "child" ? "author" : actor === "adult" ? "guardian" : actor;
    return (access.shownTo as readonly string[]).includes(viewer) ? "through" : 404;
  }
  if (access.kind === "staff") return MEMBERS.includes(actor) || actor === "anonymous" ? 401 : access.roles.includes(actor as StaffRole) ? "through" : 403;
  if (!MEMBERS.includes(actor)) return 401;
  if (access.who === "adults") return actor === "child" ? 403 : "through";
  if (access.who === "children") return actor === "child" ? "through" : 403;
  // The subject child is the adult's; the subject posts are the child's.
  if (access.who === "guardian") return actor === "adult" ? "through" : 404;
  if (access.who === "author") return actor === "child" ? "through" : 404;
  return "through";
}

/** Routes whose passing request removes the caller's family: each gets a family of its own. */
const DESTRUCTIVE = new Set(["DELETE /api/members/me", "DELETE /api/family/children/{id}"]);

describe.each(testDialects())("authorisation matrix on %s", (dialect) => {
  let t: TestServer;
  const staff = {} as Record<StaffRole, TestClient>;
  const ids: Record<string, string> = {};
  let serial = 0;

  /** A guardian with a child, and another family's guardian. */
  async function family(): Promise<{ adult: TestClient; child: TestClient; otherGuardian: TestClient; childId: string }> {
    serial++;
    const mobile = (n: number) => `1390${String(serial).padStart(2, "0")}0800${n}`;
    const adult = await signedInAdult(t, mobile(1), "妈妈");
    const otherGuardian = await signedInAdult(t, mobile(2), "爸爸");
    const { client: child, id: childId } = await signedInChild(t, adult, `kid${serial}a`);
    await signedInChild(t, otherGuardian, `kid${serial}b`);
    return { adult, child, otherGuardian, childId };
  }
  let people: Awaited<ReturnType<typeof family>>;
  const anonymous = () => new TestClient(t.base, "10.66.0.1");

  beforeAll(async () => {
    t = await startTestServer(dialect);
    for (const role of STAFF_ROLES) staff[role] = await signedInStaff(t, `matrix.${role}`, role, role === "reporter" ? "city-education-bureau" : undefined);
    people = await family();
    // The venue account runs this place, so its routes find their subject here.
    const place = VENUE_TEST_PLACE;
    expect(t.server.catalog.index.get(place), "the sample's venue place").toBeDefined();
    ids["place"] = place;
    const onPlace = `/api/places/${encodeURIComponent(place)}`;
    // A submitted report of the reporter's unit, with evidence.
    const report = await staff.reporter.post("/api/reports", { taskNumber: 5, period: "2026-Q3" });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    ids["report"] = (report.body["report"] as { id: string }).id;
    const attached = await staff.reporter.post(`/api/reports/${ids["report"]}/attachments`, PDF, { headers: { "x-file-name": "evidence.pdf" } });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    ids["attachment"] = (attached.body["report"] as { attachments: Array<{ id: string }> }).attachments[0]!.id;
    expect((await staff.reporter.call("PUT", `/api/reports/${ids["report"]}`, { taskStatus: "on_track", narrative: "进展顺利。", values: [] })).status).toBe(200);
    expect((await staff.reporter.post(`/api/reports/${ids["report"]}/submit`, {})).status).toBe(200);
    // The child's posts (one with a photo, one to withdraw each way, one hidden to appeal) and the other guardian's published one.
    const post = async (client: TestClient, body: string) => {
      const answer = await client.post(`${onPlace}/reviews`, { rating: 4, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return (answer.body["review"] as { id: string }).id;
    };
    ids["childReview"] = await post(people.child, "滑梯很好玩");
    ids["childReviewToWithdraw"] = await post(people.child, "秋千很好玩");
    ids["childReviewForGuardian"] = await post(people.child, "沙坑很干净");
    ids["hiddenReview"] = await post(people.child, "树荫很多");
    ids["otherReview"] = await post(people.otherGuardian, "母婴室很干净，适合带宝宝来。");
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#09c" } }).jpeg().toBuffer();
    const photo = await people.child.post(`/api/reviews/${ids["childReview"]}/photos`, jpeg, { contentType: "image/jpeg" });
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    ids["photo"] = (photo.body["review"] as { photos: string[] }).photos[0]!.split("/").pop()!;
    expect((await staff.moderator.post(`/api/moderation/items/review/${ids["hiddenReview"]}/decisions`, { action: "hide", reason: "matrix fixture" })).status).toBe(200);
    const appeal = await people.child.post("/api/appeals", { targetType: "review", targetId: ids["hiddenReview"], text: "我写的是真的" });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    ids["appeal"] = (appeal.body["appeal"] as { id: string }).id;
    const notice = await anonymous().post("/api/takedown-notices", { targetType: "review", targetId: ids["otherReview"], kind: "bullying", contact: "parent@example.cn", detail: "matrix fixture" });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    ids["notice"] = (notice.body["notice"] as { id: string }).id;
    // The takedown hid it; published again so members can vote on it and report it.
    expect((await staff.moderator.post(`/api/moderation/takedowns/${ids["notice"]}`, { decision: "rejected", reason: "matrix fixture" })).status).toBe(200);
    const second = await anonymous().post("/api/takedown-notices", { targetType: "review", targetId: ids["childReview"], kind: "doxxing", contact: "parent@example.cn", detail: "matrix fixture" });
    ids["notice"] = (second.body["notice"] as { id: string }).id;
    const correction = await anonymous().post(`${onPlace}/corrections`, { kind: "hours_wrong", detail: "周一闭馆" });
    ids["correction"] = (correction.body["correction"] as { id: string }).id;
    // Ideas: the child's (one with a photo, one to withdraw each way) and another family's, published and sent to the reporter's unit.
    const idea = async (c: TestClient, title: string) => {
      const a = await c.post("/api/ideas", { kind: "shade", title, text: "夏天这里太晒了，希望多种几棵大树。", placeId: place });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      return a.body["idea"] as { id: string; status: string };
    };
    ids["childIdea"] = (await idea(people.child, "想要树荫")).id;
    ids["childIdeaToWithdraw"] = (await idea(people.child, "想要秋千")).id;
    ids["childIdeaForGuardian"] = (await idea(people.child, "想要滑梯")).id;
    const open = await idea(people.otherGuardian, "想要饮水机");
    ids["publicIdea"] = open.id;
    if (open.status === "pending") expect((await staff.moderator.post(`/api/moderation/items/idea/${open.id}/decisions`, { action: "approve", reason: "matrix fixture" })).status).toBe(200);
    // Task 6 is led by city-education-bureau, the matrix reporter's unit.
    expect((await staff.reviewer.post(`/api/ideas/${ids["publicIdea"]}/triage`, { action: "assign", taskNumber: 6 })).status).toBe(200);
    const ideaPhoto = await people.child.post(`/api/ideas/${ids["childIdea"]}/photos`, jpeg, { contentType: "image/jpeg" });
    ids["ideaPhoto"] = (ideaPhoto.body["idea"] as { photos: string[] }).photos[0]!.split("/").pop()!;
    // A council with the child in it, a planned session, two posts, a decision; a poll with a picture.
    const council = await staff.reporter.post("/api/councils", { name: "矩阵议事会", scope: "district", regionId: "hengyang", divisionCode: "430405" });
    ids["council"] = (council.body["council"] as { id: string }).id;
    expect((await people.adult.post(`/api/councils/${ids["council"]}/members`, { childId: people.childId, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } })).status).toBe(201);
    const session = await staff.reporter.post(`/api/councils/${ids["council"]}/sessions`, { startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: "活动室", agenda: [{ kind: "free", title: "遮阴" }] });
    ids["session"] = (session.body["session"] as { id: string }).id;
    ids["item"] = (session.body["session"] as { agenda: Array<{ id: string }> }).agenda[0]!.id;
    const councilPost = async (body: string) => ((await people.child.post(`/api/councils/${ids["council"]}/items/${ids["item"]}/posts`, { body })).body["post"] as { id: string }).id;
    ids["councilPost"] = await councilPost("种几棵树");
    ids["guardianCouncilPost"] = await councilPost("装个饮水机");
    const decision = await staff.reporter.post(`/api/councils/${ids["council"]}/decisions`, { sessionId: ids["session"], title: "种树遮阴", text: "建议种遮阴树。", kind: "shade" });
    ids["decision"] = (decision.body["decision"] as { id: string }).id;
    const poll = await staff.reporter.post("/api/polls", { question: "装什么好呢", options: [{ label: "滑梯", icon: "slide" }, { label: "秋千", icon: "swing" }], minAge: 6, maxAge: 12, regionId: "hengyang", closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    ids["poll"] = (poll.body["poll"] as { id: string }).id;
    ids["option"] = (poll.body["poll"] as { options: Array<{ id: string }> }).options[0]!.id;
    expect((await staff.reporter.post(`/api/polls/${ids["poll"]}/options/${ids["option"]}/image`, jpeg, { contentType: "image/jpeg" })).status).toBe(201);
    const schoolProject = await staff.reporter.post("/api/plan/school-projects", { region: "hengyang", schoolId: "way/1", schoolName: "矩阵小学", unitId: "city-education-bureau", title: "矩阵学径" });
    ids["schoolProject"] = (schoolProject.body["project"] as { id: string }).id;
    const projectPhoto = await staff.reporter.post(`/api/plan/school-projects/${ids["schoolProject"]}/photos?stage=before`, jpeg, { contentType: "image/jpeg" });
    ids["schoolProjectPhoto"] = (projectPhoto.body["project"] as { photos: Array<{ id: string }> }).photos[0]!.id;
    // Guides: the child's (waiting for a moderator; one to withdraw) and one by the reporter's unit (education writes guides).
    const near = t.server.catalog.index.nearby(t.server.catalog.index.get(place)!.lon, t.server.catalog.index.get(place)!.lat, 5, 2000).map((h) => h.place.id).find((id) => id !== place)!;
    const guide = (extra: Record<string, unknown> = {}) => ({ kind: "tour", title: "矩阵半日游", summary: "先去游乐场，再去公园。", theme: "nature", ageMin: 4, ageMax: 10, minutes: 120, cost: "free", stroller: false, wheelchair: false, stops: [{ placeId: place }, { placeId: near }], ...extra });
    const childGuide = async () => {
      const a = await people.child.post("/api/guides", guide({ team: "小小推荐官" }));
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      return (a.body["guide"] as { id: string }).id;
    };
    ids["childGuide"] = await childGuide();
    ids["childGuideToWithdraw"] = await childGuide();
    ids["childGuideForGuardian"] = await childGuide();
    const staffGuide = await staff.reporter.post("/api/staff/guides", guide());
    expect(staffGuide.status, JSON.stringify(staffGuide.body)).toBe(201);
    ids["staffGuide"] = (staffGuide.body["guide"] as { id: string }).id;
    const guidePhoto = await people.child.post(`/api/guides/${ids["childGuide"]}/stops/0/photos`, jpeg, { contentType: "image/jpeg" });
    expect(guidePhoto.status, JSON.stringify(guidePhoto.body)).toBe(201);
    ids["guidePhoto"] = (guidePhoto.body["guide"] as { stops: Array<{ photos: string[] }> }).stops[0]!.photos[0]!.split("/").pop()!;
    // An event the venue publishes at its place.
    const event = await staff.venue.post("/api/events", { ...EVENT_BODIES.event.example, placeId: place });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    ids["event"] = (event.body["event"] as { id: string }).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The subject a row's path parameter names: the fixtures above. */
  function subject(rule: AccessRule, name: string, childId: string): string {
    if (name === "ideaId") return ids["childIdeaForGuardian"]!;
    if (name === "attachment") return ids["attachment"]!;
    if (name === "reviewId") return ids["childReviewForGuardian"]!;
    if (name === "guideId") return ids["childGuideForGuardian"]!;
    if (name === "type") return "review";
    if (name === "position") return "0";
    const [, , section, kind] = rule.path.split("/");
    if (section === "councils") {
      const council: Record<string, string | undefined> = { id: ids["council"], sessionId: ids["session"], itemId: ids["item"], childId, decisionId: ids["decision"], postId: rule.path.includes("/members/") ? ids["guardianCouncilPost"] : ids["councilPost"] };
      if (council[name]) return council[name]!;
    }
    if (section === "polls") return name === "optionId" ? ids["option"]! : ids["poll"]!;
    if (section === "idea-photos") return ids["ideaPhoto"]!;
    if (section === "guide-photos") return ids["guidePhoto"]!;
    if (section === "ideas") return rule.method === "DELETE" ? ids["childIdeaToWithdraw"]! : /\/(photos|drawing)$/.test(rule.path) ? ids["childIdea"]! : ids["publicIdea"]!;
    if (section === "reports") return ids["report"]!;
    if (section === "events") return ids["event"]!;
    if (section === "members" && rule.path.includes("/favourites/")) return name === "kind" ? "place" : ids["place"]!;
    if (section === "guides") return rule.method === "DELETE" ? ids["childGuideToWithdraw"]! : ids["childGuide"]!;
    if (section === "staff" && kind === "guides") return ids["staffGuide"]!;
    if (section === "plan" && kind === "school-projects") return name === "photoId" ? ids["schoolProjectPhoto"]! : ids["schoolProject"]!;
    if (section === "family") return childId;
    if (section === "places") return ids["place"]!;
    if (section === "review-photos") return ids["photo"]!;
    if (section === "reviews") return rule.method === "DELETE" ? ids["childReviewToWithdraw"]! : rule.path.endsWith("/helpful") ? ids["otherReview"]! : ids["childReview"]!;
    const moderation: Record<string, string | undefined> = { items: ids["childReview"], appeals: ids["appeal"], takedowns: ids["notice"], corrections: ids["correction"] };
    if (section === "moderation" && kind && moderation[kind]) return moderation[kind]!;
    throw new Error(`no subject for {${name}} of ${rule.method} ${rule.path}: add one to the matrix`);
  }

  /** The request that asks a row: its concrete path and body. */
  function probe(rule: AccessRule, actor: Actor, childId: string): { path: string; body?: unknown; contentType?: string; headers?: Record<string, string> } {
    const path = rule.path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(subject(rule, name, childId)));
    if (rule.method === "GET" || rule.method === "DELETE") return { path };
    const key = `${rule.method} ${rule.path}`;
    if (key === "POST /api/family/children") return { path, body: { login: `made.${actor.toLowerCase()}${serial}`, password: "lantern-river-42-osprey", nickname: "小云", birthYear: new Date().getUTCFullYear() - 8, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } } };
    if (key === "POST /api/places/{id}/reviews") return { path, body: { rating: 5, body: "很适合小朋友" } };
    if (key === "POST /api/reviews/{id}/helpful") return { path, body: { helpful: true } };
    if (key === "POST /api/content-reports") return { path, body: { targetType: "review", targetId: ids["otherReview"], reason: "spam", detail: "" } };
    if (key === "POST /api/appeals") return { path, body: { targetType: "review", targetId: ids["hiddenReview"], text: "请再看看" } };
    if (key === "POST /api/reports/{id}/attachments") return { path, body: PDF, contentType: "application/octet-stream", headers: { "x-file-name": "more.pdf" } };
    if (key === "POST /api/plan/import/values") return { path, body: Buffer.from("not a workbook"), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
    if (key === "POST /api/reviews/{id}/photos") return { path, body: Buffer.from("not an image"), contentType: "image/jpeg" };
    if (key === "POST /api/plan/school-projects/{id}/photos") return { path: `${path}?stage=after`, body: Buffer.from("not an image"), contentType: "image/jpeg" };
    if (["POST /api/ideas/{id}/photos", "POST /api/ideas/{id}/drawing", "POST /api/ideas/{id}/result-photo", "POST /api/polls/{id}/options/{optionId}/image", "POST /api/guides/{id}/stops/{position}/photos", "POST /api/staff/guides/{id}/stops/{position}/photos"].includes(key)) return { path, body: Buffer.from("not an image"), contentType: "image/jpeg" };
    return { path, body: {} };
  }

  const asked = ACCESS_TABLE.filter((r) => r.access.kind !== "public" || r.access.shownTo);

  it("answers every protected route as the access table says, for every kind of caller", async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const rule of [...asked.filter((r) => !DESTRUCTIVE.has(`${r.method} ${r.path}`)), ...asked.filter((r) => DESTRUCTIVE.has(`${r.method} ${r.path}`))]) {
      const subjects = DESTRUCTIVE.has(`${rule.method} ${rule.path}`) ? await family() : people;
      // The one caller the request is for goes last, so the others are refused before it changes anything.
      const order = [...ACTORS].sort((a, b) => Number(promised(rule.access, a) === "through") - Number(promised(rule.access, b) === "through"));
      for (const actor of order) {
        const client = actor === "anonymous" ? anonymous() : actor in staff ? staff[actor as StaffRole] : subjects[actor as "adult" | "child" | "otherGuardian"];
        const request = probe(rule, actor, subjects.childId);
        const answer = await client.call(rule.method, request.path, request.body, { contentType: request.contentType, headers: request.headers });
        const expected = promised(rule.access, actor);
        const refusals = rule.access.kind === "member" && (rule.access.who === "guardian" || rule.access.who === "author") || (rule.access.kind === "public" && rule.access.shownTo) ? [401, 403, 404] : [401, 403];
        const ok = expected === "through" ? !refusals.includes(answer.status) && answer.status < 500 : answer.status === expected;
        if (!ok) wrong.push(`${rule.method} ${request.path} as ${actor}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
        cases++;
      }
    }
    console.log(`authorisation matrix on ${dialect}: ${asked.length} routes × ${ACTORS.length} callers = ${cases} cases, ${wrong.length} unexpected`);
    expect(cases).toBe(asked.length * ACTORS.length);
    expect(wrong).toEqual([]);
  });

  it("is the table the docs give: each role's row, each plan permission's roles, moderators' and venues' scope", () => {
    const supervision = fs.readFileSync(new URL("../../docs/PLAN-SUPERVISION.md", import.meta.url), "utf8");
    const families = fs.readFileSync(new URL("../../docs/FAMILIES.md", import.meta.url), "utf8");
    for (const role of STAFF_ROLES) expect(supervision, role).toMatch(new RegExp(`^\\| \`${role}\``, "m"));
    expect(families).toMatch(/role `moderator` \(or `admin`\)/);
    // The permission table: "| `reports.read` | routes | ✓ | ✓ | … |", its columns the roles of its header.
    const header = supervision.split("\n").find((line) => line.startsWith("| permission | routes |"))!;
    const columns = header.split("|").slice(3, -1).map((c) => c.trim());
    expect([...columns].sort()).toEqual([...STAFF_ROLES].sort());
    const documented = new Map(supervision.split("\n").flatMap((line) => {
      const match = /^\| `([a-z]+\.[a-z]+)` \|/.exec(line);
      if (!match) return [];
      const marks = line.split("|").slice(-1 - columns.length, -1).map((c) => c.trim() === "✓");
      return [[match[1]!, columns.filter((_role, i) => marks[i]).sort()]];
    }));
    expect(documented.size).toBeGreaterThan(8);
    for (const [permission, roles] of documented) expect([...planRoles(permission as PlanPermission)].sort(), permission).toEqual(roles);
    // The routes of the table that are plan supervision answer a moderator 403.
    const plan = ACCESS_TABLE.filter((r) => /^\/api\/(reports|plan\/(dashboard|overdue|evaluation|export|import)|audit|sites\/assessments)/.test(r.path));
    expect(plan.length).toBeGreaterThan(15);
    for (const rule of plan) for (const outsider of ["moderator", "venue"] as const) expect(promised(rule.access, outsider), `${outsider} ${rule.method} ${rule.path}`).toBe(403);
  });
});
