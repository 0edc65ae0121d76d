/**
 * Compression and caching at the HTTP edge (issue 15): a large JSON answer goes out brotli
 * or gzip as the client accepts it and plain when it accepts neither, small ones and files
 * already encoded (a tile) pass as they are, the security headers stay; the web build's
 * pre-compressed copies are sent in place of the file, hashed assets are kept a year
 * (immutable) and pages and unhashed files are revalidated (no-cache).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "./app.ts";
import { COMPRESS_MIN_BYTES, chooseEncoding } from "./compression.ts";

const BIG = { features: Array.from({ length: 400 }, (_, i) => ({ id: `place-${i}`, name: { zh: "儿童公园", en: "Children's park" } })) };
const SCRIPT = `export const places = ${JSON.stringify(BIG)};\n`;
const HASHED = "/assets/index-BiVT3BDd.js";

describe("compressed answers and cached files", () => {
  let webRoot = "";
  let app: Awaited<ReturnType<typeof createHttpApp>>;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-compress-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "index.html"), `<!doctype html><title>童行</title>${"<p>地图</p>".repeat(200)}`);
    fs.writeFileSync(path.join(webRoot, "index.html.br"), zlib.brotliCompressSync(fs.readFileSync(path.join(webRoot, "index.html"))));
    fs.writeFileSync(path.join(webRoot, HASHED), SCRIPT);
    fs.writeFileSync(path.join(webRoot, `${HASHED}.br`), zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(path.join(webRoot, `${HASHED}.gz`), zlib.gzipSync(SCRIPT));
    fs.writeFileSync(path.join(webRoot, "robots.txt"), "User-agent: *\n");
    app = await createHttpApp({ logLevel: "silent", webRoot });
    app.get("/api/big", async () => BIG);
    app.get("/api/small", async () => ({ ok: true }));
    app.get("/tiles/1/0/0.mvt", async (_request, reply) => reply.type("application/vnd.mapbox-vector-tile").header("content-encoding", "gzip").send(zlib.gzipSync(JSON.stringify(BIG))));
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it("sends a large JSON answer brotli, or gzip, as accepted, and plain when neither is", async () => {
    const plainBytes = Buffer.byteLength(JSON.stringify(BIG));
    expect(plainBytes).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const br = await app.inject({ method: "GET", url: "/api/big", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plainBytes / 5);
    expect(Number(br.headers["content-length"])).toBe(br.rawPayload.length);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(BIG);
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers["content-type"]).toMatch(/^application\/json/);

    const gzip = await app.inject({ method: "GET", url: "/api/big", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString())).toEqual(BIG);

    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0"]) {
      const plain = await app.inject({ method: "GET", url: "/api/big", headers: accept === undefined ? {} : { "accept-encoding": accept } });
      expect(plain.headers["content-encoding"], accept).toBeUndefined();
      expect(plain.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(plain.json(), accept).toEqual(BIG);
    }
  });

  it("leaves small answers, error answers under the size and already encoded tiles as they are", async () => {
    const small = await app.inject({ method: "GET", url: "/api/small", headers: { "accept-encoding": "br" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
    const missing = await app.inject({ method: "GET", url: "/api/nothing-here", headers: { "accept-encoding": "br" } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "not_found" });
    const tile = await app.inject({ method: "GET", url: "/tiles/1/0/0.mvt", headers: { "accept-encoding": "br" } });
    expect(tile.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(tile.rawPayload).toString())).toEqual(BIG);
  });

  it("sends the pre-compressed copy of a built file to a client that takes it, the file itself otherwise", async () => {
    const br = await app.inject({ method: "GET", url: HASHED, headers: { "accept-encoding": "gzip, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.rawPayload.equals(fs.readFileSync(path.join(webRoot, `${HASHED}.br`)))).toBe(true);
    const gzip = await app.inject({ method: "GET", url: HASHED, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ method: "GET", url: HASHED });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.payload).toBe(SCRIPT);
    // The copies are not files of their own.
    expect((await app.inject({ method: "GET", url: `${HASHED}.br` })).statusCode).toBe(404);
    const page = await app.inject({ method: "GET", url: "/", headers: { "accept-encoding": "br" } });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toContain("<title>童行</title>");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("keeps hashed assets a year and has pages and unhashed files revalidated", async () => {
    for (const accept of ["br", "gzip", ""]) {
      const script = await app.inject({ method: "GET", url: HASHED, headers: { "accept-encoding": accept } });
      expect(script.headers["cache-control"], accept).toBe("public, max-age=31536000, immutable");
    }
    for (const url of ["/", "/index.html", "/some/app/path", "/robots.txt"]) {
      const answer = await app.inject({ method: "GET", url, headers: { "accept-encoding": "br" } });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("reads Accept-Encoding as HTTP does: q-values, a wildcard, brotli before gzip", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
