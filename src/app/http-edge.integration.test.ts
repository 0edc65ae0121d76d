/**
 * The HTTP edge of the whole server, as an attacker on loopback meets it (issue 13): a file
 * sent to a JSON route is refused before it is read while the server keeps answering, an
 * upload route checks the caller before reading, malformed HTTP (an unknown method, a bad
 * Content-Length, huge headers, no Host) gets the house shape, and every answer carries the
 * security headers, HTML pages a Content-Security-Policy. The edge does not depend on the
 * database dialect, so SQLite alone is enough here.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../platform/http/app.ts";
import { PAGE_CONTENT_SECURITY_POLICY } from "../platform/http/security-headers.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { signedInAdult, signedInStaff } from "./test-actors.ts";
import { type TestServer, startTestServer } from "./test-server.ts";

const TEN_MB = new Uint8Array(10 * 1024 * 1024).fill(0x41);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SOME_REPORT = "/api/reports/00000000-0000-4000-8000-000000000000";

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Sends bytes as they are on a fresh connection and reads the answer until the server
 * closes; with `end`, the client then stops sending (half-close), as one that gave up would.
 */
function rawRequest(port: number, request: string, end = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer in 5 s to ${request.slice(0, 40)}`)), 5_000);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      let body: unknown = rest.join("\r\n\r\n");
      try {
        body = JSON.parse(body as string);
      } catch {
        // not JSON: the test below says so
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
    if (end) socket.end(request);
    else socket.write(request);
  });
}

/** Milliseconds a call takes. */
async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

/** Whether a body is `{code, message, field}` and nothing else. */
function isHouseShape(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { code, message, field, ...rest } = body as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string" && (typeof field === "string" || field === null) && Object.keys(rest).length === 0;
}

describe("the HTTP edge of the server", () => {
  let t: TestServer;
  let port = 0;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    port = Number(new URL(t.base).port);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("refuses a 10 MB file sent to a JSON route before reading it, and keeps answering meanwhile", async () => {
    const rssBefore = process.memoryUsage().rss;
    let settled = false;
    const attack = timed(() => new TestClient(t.base).call("POST", "/api/auth/login", Buffer.from(TEN_MB.buffer))).finally(() => (settled = true));
    // Health is asked again and again while the attack lasts (before the fix: 35 s, blocked for seconds).
    const healthMs: number[] = [];
    do {
      const health = await timed(() => t.get("/api/health"));
      expect(health.value.status).toBe(200);
      healthMs.push(health.ms);
    } while (!settled && healthMs.length < 100);
    const refused = await attack;
    expect(refused.value.status).toBe(415);
    expect(refused.value.body).toEqual({ code: "unsupported_media_type", message: expect.any(String), field: "content-type" });
    expect(refused.ms).toBeLessThan(5_000);
    expect(Math.max(...healthMs)).toBeLessThan(2_000);
    // Before the fix the parsed body was validated byte by byte: 35 s of blocking, +1.4 GB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("takes JSON only on JSON routes, even beside upload routes of the same domain", async () => {
    const client = new TestClient(t.base);
    for (const type of [XLSX_TYPE, "image/jpeg", "text/plain", "application/x-www-form-urlencoded"]) {
      const answer = await client.call("POST", "/api/auth/login", Buffer.from("username=a&password=b"), { contentType: type });
      expect(answer.status, type).toBe(415);
      expect(answer.body, type).toMatchObject({ code: "unsupported_media_type", field: "content-type" });
    }
    expect((await client.call("PUT", SOME_REPORT, Buffer.from("%PDF-1.4"))).status).toBe(415);
  });

  it("refuses the NUL character in a path, a query parameter or a body field, naming where", async () => {
    const client = new TestClient(t.base);
    const query = await client.call("GET", "/api/search?q=%E5%85%AC%00%E5%9B%AD");
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ code: "invalid_parameter", field: "q" });
    const inPath = await client.call("GET", "/api/places/abc%00def");
    expect(inPath.body).toMatchObject({ code: "invalid_parameter", field: "path" });
    // PostgreSQL's text cannot hold NUL: before, a body field with it reached the INSERT (500).
    const body = await client.call("POST", "/api/auth/login", { username: "admin", password: "x\u0000y" });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ code: "invalid_parameter", field: "password" });
  });

  it("refuses a JSON body over the limit from its Content-Length, and admits the largest real one", async () => {
    const big = await timed(() => fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: TEN_MB }));
    expect(big.value.status).toBe(413);
    expect(await big.value.json()).toEqual({ code: "payload_too_large", message: expect.any(String), field: null });
    expect(big.ms).toBeLessThan(5_000);
    // The largest report a unit may write: every character of the narrative escaped, 200 values.
    const slug = "a".repeat(80);
    const largest = {
      taskStatus: "not_started",
      narrative: "\u0001".repeat(5000),
      values: Array.from({ length: 200 }, () => ({ indicatorId: slug, districtUnitId: slug, value: -123456789.12345679, measuredOn: "2025-12-31" })),
    };
    const written = await new TestClient(t.base).call("PUT", SOME_REPORT, largest);
    expect(written.status, "read in full, then refused for want of a session").toBe(401);
  });

  it("checks the caller of an upload route before reading the file", async () => {
    for (const [route, type] of [[`${SOME_REPORT}/attachments`, "application/octet-stream"], ["/api/plan/import/values", XLSX_TYPE], ["/api/reviews/00000000-0000-4000-8000-000000000000/photos", "image/jpeg"]] as const) {
      const { value, ms } = await timed(() => new TestClient(t.base).call("POST", route, Buffer.from(TEN_MB.buffer), { contentType: type }));
      expect(value.status, route).toBe(401);
      expect(value.body, route).toMatchObject({ code: "unauthenticated" });
      expect(ms, route).toBeLessThan(5_000);
    }
  });

  it("still takes a photo on the photo route, in its own types and size only", async () => {
    const adult = await signedInAdult(t, "13900000013");
    const placeId = t.server.catalog.index.places[0]!.id;
    const posted = await adult.post(`/api/places/${encodeURIComponent(placeId)}/reviews`, { rating: 5, body: "滑梯很好玩，树荫也多" });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const route = `/api/reviews/${(posted.body.review as { id: string }).id}/photos`;
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#09c" } }).jpeg().toBuffer();
    expect((await adult.post(route, photo, { contentType: "image/jpeg" })).status).toBe(201);
    expect((await adult.post(route, { photo: "base64" })).body).toMatchObject({ code: "unsupported_media_type", field: "content-type" });
    expect((await adult.post(route, Buffer.from(TEN_MB.buffer), { contentType: "image/png" })).body).toMatchObject({ code: "payload_too_large" });
  });

  it("answers malformed HTTP in the house shape with a 4xx status", async () => {
    const requests: Record<string, string> = {
      "an unknown method": "FOO /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n",
      "a method we have no route for": "PROPFIND /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      "a Content-Length that is no number": "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n",
      "two Content-Lengths": "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
      "a body shorter than its Content-Length": "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{}",
      "headers over 16 KB": `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"a".repeat(20_000)}\r\n\r\n`,
      "no Host": "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n",
      "no HTTP at all": "hello there\r\n\r\n",
    };
    for (const [what, request] of Object.entries(requests)) {
      const answer = await rawRequest(port, request, what.includes("shorter"));
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.headers["content-type"], what).toMatch(/^application\/json/);
      expect(isHouseShape(answer.body), `${what}: ${JSON.stringify(answer.body)}`).toBe(true);
    }
    expect((await rawRequest(port, "GET /api/health HTTP/1.1\r\nX: y\r\n\r\n")).body).toMatchObject({ field: "host" });
    expect((await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${"b".repeat(17_000)}\r\n\r\n`)).status).toBe(431);
    // An answer to HEAD has no body, or the client would read it as a next answer.
    expect(await rawRequest(port, `HEAD /api/health?x=${"c".repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatchObject({ status: 431, body: "" });
    expect((await rawRequest(port, "GET /api/health HTTP/1.0\r\n\r\n")).status, "HTTP/1.0 needs no Host").toBe(200);
  });

  it("sends the security headers on every answer and keeps the evaluation page's own policy", async () => {
    for (const route of ["/api/health", "/api/nowhere", "/tiles/14/0/0.mvt"]) {
      const { headers } = await t.get(route);
      expect(headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(headers.get("referrer-policy"), route).toBe("no-referrer");
    }
    const admin = await signedInStaff(t, "edge-admin", "admin");
    const page = await admin.get("/api/plan/evaluation.html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("the app's pages", () => {
  const pages = ["index.html", "staff.html", "planner.html", "progress.html", "privacy.html"];
  let webRoot = "";
  let app: Awaited<ReturnType<typeof createHttpApp>>;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-edge-web-"));
    for (const page of pages) fs.writeFileSync(path.join(webRoot, page), `<!doctype html><title>${page}</title>`);
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "assets", "app.js"), "export {};");
    app = await createHttpApp({ logLevel: "silent", webRoot });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it("serves each page with a Content-Security-Policy, no framing, no sniffing and no Referer", async () => {
    for (const url of ["/", ...pages.map((p) => `/${p}`), "/some/app/path"]) {
      const answer = await app.inject({ method: "GET", url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["content-type"], url).toMatch(/^text\/html/);
      expect(answer.headers["content-security-policy"], url).toBe(PAGE_CONTENT_SECURITY_POLICY);
      expect(PAGE_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-frame-options"], url).toBe("DENY");
      expect(answer.headers["x-content-type-options"], url).toBe("nosniff");
      expect(answer.headers["referrer-policy"], url).toBe("no-referrer");
    }
    // A script (MapLibre's worker among them) carries no page policy of its own.
    const script = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(script.headers["x-content-type-options"]).toBe("nosniff");
    expect(script.headers["content-security-policy"]).toBeUndefined();
  });
});
