/**
 * POST /api/safety/check {text, audience: "child"|"adult"}: the verdict the posting path
 * would give, so the app can warn a child while typing and integrators can test the guard.
 * Rate limited per address; the text is never logged or stored.
 */
import type { FastifyInstance } from "fastify";
import { safetyCheckSchema } from "../core/api/safety.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import type { Guard } from "./guard.ts";

export { MAX_CHECK_LENGTH } from "../core/api/safety.ts";
const CHECKS_PER_MINUTE = 120;

/** The verdict API as a Fastify plugin (registered by the safety domain). */
export async function safetyRoutes(app: FastifyInstance, { guard }: { guard: Guard }): Promise<void> {
  const limiter = new FixedWindowLimiter(CHECKS_PER_MINUTE, 60_000);
  app.post("/api/safety/check", async (request) => {
    if (!limiter.allow(request.ip)) throw new ApiError(429, "rate_limited", say("这里检查的次数太多，请等一分钟", "too many checks from here; wait a minute"));
    const { text, audience } = parseRequest(safetyCheckSchema, request.body);
    return guard.check(text, audience);
  });
}
