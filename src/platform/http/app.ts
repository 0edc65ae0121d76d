/**
 * The HTTP application every domain registers its routes on: JSON errors in one shape
 * (`{code, message, field}`) for every answer, malformed HTTP included, no stack traces, a
 * JSON 404 for unknown API paths, request logging without query strings of personal data,
 * small JSON bodies only (a route taking a file has its own scope, see binary-route.ts),
 * security headers, compressed answers (see compression.ts), and the built web app as static
 * files: pre-compressed copies (.br, .gz, written at build) when the client takes them,
 * hashed assets cached for a year, pages and unhashed files revalidated on every use.
 */
import fs from "node:fs";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { ApiError, type ErrorBody, type Lang, say } from "../errors.ts";
import { requestLanguage } from "./language.ts";
import { refuseNulText } from "./nul-guard.ts";
import { answerClientError } from "./client-errors.ts";
import { addSecurityHeaders } from "./security-headers.ts";
import { addCompression } from "./compression.ts";
import { cacheControlFor } from "./static-cache.ts";

/**
 * The largest JSON body any route takes, in bytes. The largest real one, a report with a
 * 5,000-character narrative and 200 values, is under 90 KB even with every character
 * escaped; anything bigger is refused from its Content-Length before it is read.
 */
export const JSON_BODY_LIMIT = 128 * 1024;

export interface AppOptions {
  logLevel: string;
  /** Folder of the built web app (dist/web); not served when absent. */
  webRoot: string | null;
  /** Proxies whose X-Forwarded-For gives the client address (see TONGXING_TRUST_PROXY). */
  trustProxy?: string[];
}

function toErrorBody(error: FastifyError | ApiError, lang: Lang): { status: number; body: ErrorBody } {
  const zh = lang === "zh";
  if (error instanceof ApiError) {
    const body: ErrorBody = { code: error.code, message: error.messageIn(lang), field: error.field };
    if (error.details !== undefined) body.details = error.details;
    return { status: error.status, body };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, body: { code: "payload_too_large", message: zh ? "提交的内容太大" : "request body too large", field: null } };
  // Only JSON routes get here: a route taking a file refuses other types itself.
  if (status === 415) return { status, body: { code: "unsupported_media_type", message: zh ? "这个地址只接受 JSON（application/json）" : "this path takes JSON (application/json) only", field: "content-type" } };
  if (status === 429) return { status, body: { code: "rate_limited", message: zh ? "请求太频繁，请稍后再试" : "too many requests, slow down", field: null } };
  if (status >= 400 && status < 500) return { status, body: { code: "invalid_body", message: zh ? `提交的内容格式不对（${error.message}）` : error.message, field: null } };
  return { status: 500, body: { code: "internal_error", message: zh ? "我们这边出了问题，请稍后再试" : "something went wrong on our side", field: null } };
}

export async function createHttpApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Request logging stays off at the default "warn" level: a log line per tile or place
    // query costs more than the query itself and records where families are looking.
    logger: options.logLevel === "silent" ? false : { level: options.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    // A body that trickles in (a slow-body attack) is cut off: 10 MB of evidence on a slow
    // phone link fits well inside two minutes. Node then answers 408 through the handler below.
    requestTimeout: 120_000,
    // A request without Host reaches our handler, which answers it in our shape (below).
    http: { requireHostHeader: false },
    // What Node's parser refuses is answered in our shape too.
    clientErrorHandler: answerClientError,
    // While closing, a request that still arrives on an open connection is served (and the
    // connection closed after it) rather than getting the framework's 503 body.
    return503OnClosing: false,
    ...(options.trustProxy && options.trustProxy.length > 0 ? { trustProxy: options.trustProxy } : {}),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A path that is not valid percent-encoding gets our error shape, not the framework's.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      const body: ErrorBody = status >= 500 ? { code: "internal_error", message: "something went wrong on our side", field: null } : { code: "invalid_parameter", message: error.message, field: "path" };
      // The framework types this reply by route generics it cannot know here.
      void (reply as unknown as FastifyReply).code(status >= 500 ? 500 : status).type("application/json").send(body);
    },
  });

  addSecurityHeaders(app);
  addCompression(app);
  refuseNulText(app);
  // JSON routes take JSON only: text/plain would let a cross-site form post to them.
  app.removeContentTypeParser("text/plain");
  // As Node would (but in our shape): without Host, the answer is 400 and the connection ends.
  app.addHook("onRequest", (request, reply, done) => {
    if (request.raw.httpVersion !== "1.1" || request.headers.host) return done();
    reply.header("connection", "close");
    done(ApiError.invalid("host", say("HTTP/1.1 请求需要 Host 请求头", "an HTTP/1.1 request needs a Host header")));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toErrorBody(error, requestLanguage(request));
    if (status >= 500) request.log.error({ err: error, url: request.routeOptions.url }, "request failed");
    // A database that is restarting says when to try again (503 unavailable).
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    return reply.code(status).type("application/json").send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const where = `${request.method} ${request.url.split("?")[0]}`;
    const body: ErrorBody = { code: "not_found", message: requestLanguage(request) === "zh" ? `没有这个地址：${where}` : `no such path: ${where}`, field: null };
    const pathOnly = request.url.split("?")[0] ?? "";
    // A missing file (an old asset name after a rebuild) is a 404, never the app's page:
    // served as HTML it would break the app silently.
    if (pathOnly.startsWith("/api/") || pathOnly.startsWith("/tiles/") || /\.[a-z0-9]+$/i.test(pathOnly)) return reply.code(404).send(body);
    // Any other path is a page of the single-page app.
    if (options.webRoot && fs.existsSync(`${options.webRoot}/index.html`)) return reply.sendFile("index.html");
    return reply.code(404).send(body);
  });

  if (options.webRoot && fs.existsSync(options.webRoot)) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: "/",
      wildcard: false,
      // file.js.br / file.js.gz are sent in place of file.js to a client that takes them;
      // they get no route of their own.
      preCompressed: true,
      globIgnore: ["**/*.br", "**/*.gz"],
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header("cache-control", cacheControlFor(filePath)),
    });
  }
  return app;
}
