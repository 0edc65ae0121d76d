/**
 * The HTTP application every domain registers its routes on: JSON errors in one shape
 * (`{code, message, field}`), no stack traces, a JSON 404 for unknown API paths, request
 * logging without query strings of personal data, and the built web app as static files.
 */
import fs from "node:fs";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { ApiError, type ErrorBody } from "../errors.ts";

export interface AppOptions {
  logLevel: string;
  /** Folder of the built web app (dist/web); not served when absent. */
  webRoot: string | null;
  /** Proxies whose X-Forwarded-For gives the client address (see TONGXING_TRUST_PROXY). */
  trustProxy?: string[];
}

function toErrorBody(error: FastifyError | ApiError): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) {
    const body: ErrorBody = { code: error.code, message: error.message, field: error.field };
    if (error.details !== undefined) body.details = error.details;
    return { status: error.status, body };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, body: { code: "payload_too_large", message: "request body too large", field: null } };
  if (status === 415) return { status, body: { code: "unsupported_media_type", message: error.message, field: null } };
  if (status === 429) return { status, body: { code: "rate_limited", message: "too many requests, slow down", field: null } };
  if (status >= 400 && status < 500) return { status, body: { code: "invalid_body", message: error.message, field: null } };
  return { status: 500, body: { code: "internal_error", message: "something went wrong on our side", field: null } };
}

export async function createHttpApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Request logging stays off at the default "warn" level: a log line per tile or place
    // query costs more than the query itself and records where families are looking.
    logger: options.logLevel === "silent" ? false : { level: options.logLevel },
    bodyLimit: 1_048_576,
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

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error, url: request.routeOptions.url }, "request failed");
    return reply.code(status).type("application/json").send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { code: "not_found", message: `no such path: ${request.method} ${request.url.split("?")[0]}`, field: null };
    const pathOnly = request.url.split("?")[0] ?? "";
    // A missing file (an old asset name after a rebuild) is a 404, never the app's page:
    // served as HTML it would break the app silently.
    if (pathOnly.startsWith("/api/") || pathOnly.startsWith("/tiles/") || /\.[a-z0-9]+$/i.test(pathOnly)) return reply.code(404).send(body);
    // Any other path is a page of the single-page app.
    if (options.webRoot && fs.existsSync(`${options.webRoot}/index.html`)) return reply.sendFile("index.html");
    return reply.code(404).send(body);
  });

  if (options.webRoot && fs.existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, prefix: "/", wildcard: false, maxAge: "1h" });
  }
  return app;
}
