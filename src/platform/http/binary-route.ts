/**
 * Routes that take a raw file (evidence, a photo, a workbook) instead of JSON. Each one lives
 * in its own encapsulated Fastify scope that holds that route alone, so its content-type
 * parsers and its large body limit belong to it: every other route keeps taking small JSON
 * only and answers a file with 415 before reading a byte of it. The caller is checked and
 * the media type matched before the body is read, so nobody without the right session can
 * make the server buffer megabytes.
 */
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from "fastify";
import { ApiError, say } from "../errors.ts";

export interface BinaryRouteOptions {
  method: "POST" | "PUT";
  url: string;
  /** Media types the route takes; the body reaches the handler as a Buffer. */
  mediaTypes: readonly string[];
  /** The largest body in bytes; a larger Content-Length is refused before reading. */
  bodyLimit: number;
  /** Checks the caller (session, role, change header); runs before the body is read. */
  authorize: (request: FastifyRequest) => Promise<unknown>;
}

/** The media type of a request without its parameters, lower case; "" when absent. */
export function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Registers one file-taking route in a scope of its own (see the file's comment). */
export function registerBinaryRoute(app: FastifyInstance, options: BinaryRouteOptions, handler: RouteHandlerMethod): void {
  const accepted = options.mediaTypes.map((type) => type.toLowerCase());
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...accepted], { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.addHook("onRequest", async (request) => {
      await options.authorize(request);
      if (!accepted.includes(mediaTypeOf(request))) throw new ApiError(415, "unsupported_media_type", say(`请直接发送文件本身，格式为 ${accepted.join("、")}`, `send the file itself as ${accepted.join(", ")}`), "content-type");
    });
    scope.route({ method: options.method, url: options.url, bodyLimit: options.bodyLimit, handler });
  });
}
