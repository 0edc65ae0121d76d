/**
 * Compresses answers the server builds in memory (API JSON, the OpenAPI text, error bodies)
 * when the client accepts it: brotli first, then gzip, for bodies of at least
 * COMPRESS_MIN_BYTES in a text media type. Files (the web app's, already pre-compressed at
 * build, see web/vite.config.ts), streams, images, workbooks and tiles (stored gzip) pass as
 * they are, as does any answer that already names its encoding.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Smaller bodies fit a packet or two anyway: compressing them costs more than it saves. */
export const COMPRESS_MIN_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|geo\+json|problem\+json|xml|javascript)|text\/|image\/svg\+xml)/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to answer with for an Accept-Encoding header: "br", "gzip" or null. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string): number => accepted.get(name) ?? (accepted.has("*") ? (accepted.get("*") ?? 0) : 0);
  if (weight("br") > 0) return "br";
  if (weight("gzip") > 0) return "gzip";
  return null;
}

function shouldCompress(request: FastifyRequest, reply: FastifyReply, payload: unknown): payload is string | Buffer {
  if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return false;
  if (request.method === "HEAD" || reply.statusCode === 204 || reply.statusCode === 304) return false;
  if (reply.hasHeader("content-encoding")) return false;
  if (!COMPRESSIBLE.test(String(reply.getHeader("content-type") ?? ""))) return false;
  return Buffer.byteLength(payload) >= COMPRESS_MIN_BYTES;
}

/** Adds the compression to every answer of `app`; register it after hooks that change bodies. */
export function addCompression(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!shouldCompress(request, reply, payload)) return payload;
    // The answer differs by this header whether or not this client gets it compressed.
    const vary = String(reply.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) reply.header("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const encoding = chooseEncoding(request.headers["accept-encoding"]);
    if (!encoding) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    // Quality 4: Monaco's 107 KB of places become 6.1 KB (5.7 KB at 5, for half again the
    // time); on zlib's thread pool, off the event loop (docs/PERFORMANCE.md).
    const compressed =
      encoding === "br"
        ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : await gzip(body, { level: 6 });
    reply.header("content-encoding", encoding);
    reply.header("content-length", compressed.length);
    return compressed;
  });
}
