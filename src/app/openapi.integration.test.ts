/**
 * The OpenAPI document against the server that serves it (SQLite, the real data): every
 * route Fastify registered is described and nothing else; every operation says who may
 * call it (the access table) and has its security, a 4xx answer and its path parameters;
 * every body has a schema that is or restates the handler's own and an example the server
 * takes; every documented query parameter is one the handler reads, taken with a value of
 * its documented type and refused naming it when wrong, and a parameter the document does
 * not name is refused; answers have the shapes src/core/api gives the web clients.
 * Also the checks of Redocly's recommended rules that matter (servers, license, ids, refs).
 */
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignupCodes } from "../accounts/index.ts";
import * as coreAccounts from "../core/api/accounts.ts";
import * as coreFamilies from "../core/api/families.ts";
import * as corePlaces from "../core/api/places.ts";
import * as coreReviews from "../core/api/reviews.ts";
import * as coreCoverage from "../core/api/coverage.ts";
import * as corePlan from "../core/api/plan.ts";
import * as coreSafety from "../core/api/safety.ts";
import { routeCollection } from "../core/api/routing.ts";
import { suggestion } from "../core/api/search.ts";
import { EVALUATION_STAGES, MAX_EVIDENCE_BYTES, REPORT_STATES, TASK_STATUSES, decisionSchema, newReportSchema, reportContentSchema } from "../plan/index.ts";
import { placeFixSchema } from "../places/index.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { ACCEPTED_PHOTO_TYPES } from "../reviews/index.ts";
import { AUDIENCES, MAX_CHECK_LENGTH } from "../safety/index.ts";
import { ACCESS_TABLE, accessOf } from "./access-table.ts";
import * as bodies from "./openapi-bodies.ts";
import * as more from "./openapi-more.ts";
import { ANSWER_SCHEMAS } from "./openapi-components.ts";
import { type DocumentOperation, type OpenApiDocument, exampleQuery, fillPath, invalidValue, operationsOf, registeredRoutes, valueFits } from "./openapi-testing.ts";
import { signedInAdult, signedInStaff } from "./test-actors.ts";
import { type TestServer, startTestServer } from "./test-server.ts";

const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

describe("the OpenAPI document", () => {
  let t: TestServer;
  let document: OpenApiDocument;
  let operations: DocumentOperation[];
  const clients: Record<"anonymous" | "admin" | "reporter" | "moderator" | "member", TestClient> = {} as never;

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    document = (await t.get("/api/openapi.json")).body as OpenApiDocument;
    operations = operationsOf(document);
    clients.anonymous = new TestClient(t.base, "10.9.0.1");
    clients.admin = await signedInStaff(t, "doc.admin", "admin");
    clients.reporter = await signedInStaff(t, "doc.reporter", "reporter", "city-education-bureau");
    clients.moderator = await signedInStaff(t, "doc.moderator", "moderator");
    clients.member = await signedInAdult(t, "13900007001");
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Who to ask an operation as, so the guard lets the request through to the handler. */
  const callerOf = (operation: DocumentOperation): TestClient => {
    const access = accessOf(operation.method, operation.path);
    if (access?.kind === "member") return clients.member;
    if (access?.kind !== "staff") return clients.anonymous;
    return access.roles.includes("admin") ? clients.admin : access.roles.includes("reporter") ? clients.reporter : clients.moderator;
  };

  it("describes every route the server serves, and nothing else", () => {
    const served = registeredRoutes(t.server.app).map(key).sort();
    expect(served.length).toBeGreaterThan(70);
    expect(operations.map(key).sort()).toEqual(served);
  });

  it("takes who may call each operation from the access table, as security the document defines", () => {
    expect(ACCESS_TABLE.map(key).sort()).toEqual(operations.map(key).sort());
    const schemes = Object.keys(document.components["securitySchemes"]!);
    expect(schemes.sort()).toEqual(["member", "session"]);
    for (const operation of operations) {
      const access = accessOf(operation.method, operation.path)!;
      const names = (operation.security ?? []).flatMap((s) => Object.keys(s));
      expect(Array.isArray(operation.security), key(operation)).toBe(true);
      expect(names.every((n) => schemes.includes(n)), key(operation)).toBe(true);
      if (access.kind === "staff") expect(operation.security, key(operation)).toEqual([{ session: [] }]);
      if (access.kind === "member") expect(operation.security, key(operation)).toEqual([{ member: [] }]);
      if (access.kind === "public") expect(operation.security!.length === 0 || operation.security!.some((s) => Object.keys(s).length === 0), key(operation)).toBe(true);
    }
  });

  it("declares each path parameter the path names, and answers with an error shape for 4xx", () => {
    for (const operation of operations) {
      const named = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(operation.parameters.filter((p) => p.in === "path").map((p) => p.name).sort(), key(operation)).toEqual(named);
      expect(operation.parameters.filter((p) => p.in === "path").every((p) => p.required), key(operation)).toBe(true);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("4")), key(operation)).toBe(true);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), key(operation)).toBe(true);
    }
  });

  it("passes the checks of Redocly's recommended rules that matter", () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.info.license?.url).toMatch(/^https:\/\//);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const text = JSON.stringify(document);
    for (const [, section, name] of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      expect(document.components[section!]?.[name!], `${section}/${name}`).toBeDefined();
    }
  });

  it("gives every request body a schema, and each example fits it", () => {
    const withBodies = operations.filter((o) => o.requestBody);
    expect(withBodies.length).toBeGreaterThanOrEqual(25);
    for (const operation of withBodies) {
      for (const [type, media] of Object.entries(operation.requestBody!.content)) {
        expect(media.schema, `${key(operation)} ${type}`).toBeDefined();
      }
    }
    for (const [name, body] of Object.entries(bodies.BODIES)) {
      expect(body.schema.safeParse(body.example).success, name).toBe(true);
    }
  });

  it("documents the bodies and enums the handlers parse with", () => {
    // Every body is the contract's own schema (src/core/api), which its handler parses with.
    const documented: Array<[z.ZodType, z.ZodType]> = [
      [bodies.BODIES.register.schema, coreFamilies.signupSchema],
      [bodies.BODIES.confirmSignup.schema, coreFamilies.confirmSchema],
      [bodies.BODIES.memberLogin.schema, coreFamilies.memberLoginSchema],
      [bodies.BODIES.child.schema, coreFamilies.childSchema],
      [bodies.BODIES.newStaffUser.schema, coreAccounts.newStaffUserSchema],
      [bodies.BODIES.staffLogin.schema, coreAccounts.staffLoginSchema],
      [bodies.BODIES.review.schema, coreReviews.reviewSchema],
      [bodies.BODIES.helpful.schema, coreReviews.helpfulSchema],
      [bodies.BODIES.correction.schema, corePlaces.correctionSchema],
      [bodies.BODIES.correctionDecision.schema, corePlaces.correctionDecisionSchema],
      [bodies.BODIES.contentReport.schema, coreSafety.contentReportSchema],
      [bodies.BODIES.appeal.schema, coreSafety.appealSchema],
      [bodies.BODIES.takedown.schema, coreSafety.takedownSchema],
      [bodies.BODIES.moderationDecision.schema, coreSafety.moderationDecisionSchema],
      [bodies.BODIES.appealDecision.schema, coreSafety.appealDecisionSchema],
      [bodies.BODIES.takedownDecision.schema, coreSafety.takedownDecisionSchema],
      [bodies.BODIES.safetyCheck.schema, coreSafety.safetyCheckSchema],
      [bodies.BODIES.assessment.schema, corePlan.assessmentSchema],
    ];
    for (const [ours, core] of documented) expect(ours).toBe(core);
    const contract: Array<[z.ZodType, z.ZodType, z.ZodType]> = [
      [bodies.BODIES.newReport.schema, newReportSchema, corePlan.newReportSchema],
      [bodies.BODIES.reportContent.schema, reportContentSchema, corePlan.reportContentSchema],
      [bodies.BODIES.reportDecision.schema, decisionSchema, corePlan.decisionSchema],
    ];
    for (const [documented, parsed, core] of contract) expect(documented === core && parsed === core).toBe(true);
    expect(bodies.BODIES.correctionDecision.schema.shape.fix.unwrap()).toBe(placeFixSchema);
    expect([bodies.TASK_STATUSES, bodies.AUDIENCES, bodies.MAX_CHECK_LENGTH]).toEqual([TASK_STATUSES, AUDIENCES, MAX_CHECK_LENGTH]);
    expect([corePlan.REPORT_STATES, corePlan.EVALUATION_STAGES, more.MAX_EVIDENCE_BYTES]).toEqual([REPORT_STATES, EVALUATION_STAGES, MAX_EVIDENCE_BYTES]);
    const photos = operations.find((o) => o.path === "/api/reviews/{id}/photos")!;
    expect(Object.keys(photos.requestBody!.content)).toEqual([...ACCEPTED_PHOTO_TYPES]);
  });

  /** The operation asked with its examples: JSON bodies as documented, files as a few bytes of the first media type. */
  const ask = (operation: DocumentOperation, path: string, query = new URLSearchParams(), body?: unknown) => {
    const url = `${path}${query.size ? `?${query}` : ""}`;
    const content = operation.requestBody?.content;
    if (!content) return callerOf(operation).call(operation.method, url);
    const json = content["application/json"];
    if (json) return callerOf(operation).call(operation.method, url, body ?? json.example);
    return callerOf(operation).call(operation.method, url, Buffer.from("not really a file"), { contentType: Object.keys(content)[0]!, headers: { "x-file-name": "a.pdf" } });
  };

  it("has examples the server takes: no documented body example is refused as invalid", async () => {
    const places = t.server.catalog.index.places;
    const correction = await clients.anonymous.post(`/api/places/${encodeURIComponent(places[0]!.id)}/corrections`, bodies.BODIES.correction.example);
    expect(correction.status).toBe(201);
    // A rubric's criteria come from its file, so the assessment example is completed from it.
    const rubrics = (await t.get("/api/sites/rubrics")).body as { rubrics: Array<{ siteType: string; criteria: Array<{ id: string }> }> };
    const park = rubrics.rubrics.find((r) => r.siteType === "park")!;
    const assessment = { ...bodies.BODIES.assessment.example, placeId: places[2]!.id, scores: Object.fromEntries(park.criteria.map((c) => [c.id, 0])) };
    const refused: string[] = [];
    for (const operation of operations.filter((o) => o.requestBody?.content["application/json"])) {
      const values: Record<string, string> = operation.path === "/api/moderation/corrections/{id}" ? { id: (correction.body["correction"] as { id: string }).id }
        : operation.path.startsWith("/api/places/{id}") ? { id: encodeURIComponent(places[1]!.id) } : {};
      // The sign-up example's code is whatever the outbox got for it.
      const code = operation.path === "/api/members/register/confirm" ? /\b(\d{6})\b/.exec((await new SignupCodes(t.server.db).messagesTo(bodies.BODIES.confirmSignup.example.login))[0] ?? "")?.[1] : undefined;
      const body = operation.path === "/api/sites/assessments" ? assessment : code ? { ...bodies.BODIES.confirmSignup.example, code } : undefined;
      const answer = await ask(operation, fillPath(operation, values), undefined, body);
      if (answer.status === 400 || answer.status >= 500) refused.push(`${key(operation)}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(refused).toEqual([]);
  });

  it("documents only parameters the handlers read: each example is taken, each wrong value refused naming it", async () => {
    const problems: string[] = [];
    for (const operation of operations.filter((o) => o.parameters.some((p) => p.in === "query" || p.in === "path"))) {
      const base = await ask(operation, fillPath(operation), exampleQuery(operation));
      if (base.status === 400 || base.status >= 500) problems.push(`${key(operation)} examples: ${base.status} ${JSON.stringify(base.body)}`);
      for (const parameter of operation.parameters.filter((p) => p.in === "query" || p.in === "path")) {
        const wrong = invalidValue(parameter.schema ?? {});
        if (wrong === null) continue;
        const query = exampleQuery(operation);
        if (parameter.in === "query") query.set(parameter.name, wrong);
        const path = parameter.in === "path" ? fillPath(operation, { [parameter.name]: encodeURIComponent(wrong) }) : fillPath(operation);
        const answer = await ask(operation, path, query);
        if (answer.status !== 400 || answer.body.field !== parameter.name) problems.push(`${key(operation)} ${parameter.name}=${wrong.slice(0, 20)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** Values of the documented type besides the example: a number's bounds, every value of an enum (JSON answers only: files take long to make). */
  const documentedValues = (operation: DocumentOperation, schema: Record<string, unknown>): unknown[] => {
    if (schema["type"] === "number" || schema["type"] === "integer") return [schema["minimum"], schema["maximum"]].filter((v) => typeof v === "number");
    const json = Object.values(operation.responses).some((r) => JSON.stringify(r).includes("application/json"));
    return json && Array.isArray(schema["enum"]) ? schema["enum"] : [];
  };

  it("takes every documented query parameter with a value of its documented type, and refuses one it does not document, naming it", async () => {
    const problems: string[] = [];
    for (const operation of operations.filter((o) => o.parameters.some((p) => p.in === "query"))) {
      for (const parameter of operation.parameters.filter((p) => p.in === "query" && p.example !== undefined)) {
        const misfit = valueFits(parameter.schema ?? {}, parameter.example);
        if (misfit) problems.push(`${key(operation)} ${parameter.name} example: ${misfit}`);
        for (const value of documentedValues(operation, parameter.schema ?? {})) {
          const query = exampleQuery(operation);
          query.set(parameter.name, String(value));
          const answer = await ask(operation, fillPath(operation), query);
          if (answer.status === 400 || answer.status >= 500) problems.push(`${key(operation)} ${parameter.name}=${String(value)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        }
      }
      const query = exampleQuery(operation);
      query.set("undocumented_parameter", "1");
      const answer = await ask(operation, fillPath(operation), query);
      if (answer.status !== 400 || answer.body.field !== "undocumented_parameter") problems.push(`${key(operation)} undocumented_parameter: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses a renamed parameter with a message naming the new one: coverage's add= is site=lat,lon", async () => {
    const coverage = operations.find((o) => o.path === "/api/coverage")!;
    expect(coverage.parameters.map((p) => p.name)).toContain("site");
    expect(coverage.parameters.map((p) => p.name)).not.toContain("add");
    const answer = await clients.reporter.get("/api/coverage?region=monaco&kind=playground&minutes=10&add=7.42,43.735");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "invalid_parameter", field: "add" });
    expect(answer.body.message).toContain("site=lat,lon");
  });

  it("answers in the shapes src/core/api gives the web clients", async () => {
    const route = await t.get("/api/route?from=43.7384,7.4246&to=43.7311,7.4197&profile=child-walk");
    expect(route.status).toBe(200);
    expect(routeCollection.safeParse(route.body).error?.issues ?? []).toEqual([]);
    const suggest = await t.get("/api/suggest?q=gongyuan");
    expect(suggestion.array().safeParse((suggest.body as Record<string, unknown>)["suggestions"]).error?.issues ?? []).toEqual([]);
    const progress = await t.get("/api/plan/progress");
    expect(corePlan.progressAnswer.safeParse(progress.body).error?.issues ?? []).toEqual([]);
    const coverage = await clients.reporter.get("/api/coverage?region=monaco&kind=playground&minutes=10&site=43.7350,7.4200");
    expect(coverage.status).toBe(200);
    expect(coreCoverage.coverageSummary.safeParse(coverage.body).error?.issues ?? []).toEqual([]);
    const suggested = await clients.reporter.get("/api/coverage/suggest?region=monaco&kind=playground&minutes=10&k=2");
    expect(coreCoverage.siteSuggestion.array().safeParse(suggested.body["suggestions"]).error?.issues ?? []).toEqual([]);
  });

  it("answers each read with the component schema its document names (generated from the same zod schema)", async () => {
    const places = await t.get("/api/places?region=monaco&limit=1");
    const placeId = (places.body as { features: Array<{ id: string }> }).features[0]!.id;
    // A guide of the working group, published at once, for /api/guides/{id}.
    const at = t.server.catalog.index.get(placeId)!;
    const near = t.server.catalog.index.nearby(at.lon, at.lat, 5, 2000).map((h) => h.place.id).find((id) => id !== placeId)!;
    const written = await clients.admin.post("/api/staff/guides", { kind: "tour", title: "文档示例", summary: "两个地点。", theme: "nature", ageMin: 4, ageMax: 10, minutes: 60, cost: "free", stroller: false, wheelchair: false, stops: [{ placeId }, { placeId: near }] });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    const guideId = (written.body["guide"] as { id: string }).id;
    const idFor = (path: string) => (path.startsWith("/api/places/") ? encodeURIComponent(placeId) : path.startsWith("/api/guides/") ? guideId : "monaco");
    const checked: string[] = [];
    for (const operation of operations.filter((o) => o.method === "GET")) {
      const ok = operation.responses["200"] as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
      const name = ok?.content?.["application/json"]?.schema?.$ref?.split("/").pop();
      if (!name || !(name in ANSWER_SCHEMAS)) continue;
      // The documented examples, in the sample region (a bbox or point of Monaco where one is asked).
      const query = exampleQuery(operation);
      for (const [name, value] of Object.entries({ region: "monaco", bbox: "7.40,43.72,7.44,43.76", lat: "43.7384", lon: "7.4246", district: null, category: null, facility: null, age: null, open_now: null, place: null })) {
        if (!query.has(name)) continue;
        if (value === null) query.delete(name);
        else query.set(name, value);
      }
      const url = `${fillPath(operation, { id: idFor(operation.path) })}?${query}`;
      const answer = await (operation.security?.some((s) => "session" in s) ? clients.admin : clients.anonymous).get(url);
      expect(answer.status, url).toBe(200);
      const schema = ANSWER_SCHEMAS[name as keyof typeof ANSWER_SCHEMAS];
      expect(schema.safeParse(answer.body).error?.issues ?? [], url).toEqual([]);
      // The document's schema is that zod schema's own JSON Schema: a member it requires is in the answer.
      const documented = document.components["schemas"]![name] as { required?: string[] };
      for (const member of documented.required ?? []) expect(answer.body, `${url} ${member}`).toHaveProperty(member);
      checked.push(`${operation.path} ${name}`);
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });
});
