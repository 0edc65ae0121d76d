/**
 * POST /api/safety/check {text, audience: "child"|"adult"}: the verdict the posting path
 * would give, so the app can warn a child while typing and integrators can test the guard.
 * Rate limited per address; the text is never logged or stored.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ApiError } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { FixedWindowLimiter } from "../platform/http/rate-limit.ts";
import { AUDIENCES, type Guard } from "./guard.ts";

export const MAX_CHECK_LENGTH = 2000;
const CHECKS_PER_MINUTE = 120;

const checkSchema = z.object({ text: z.string().min(1).max(MAX_CHECK_LENGTH), audience: z.enum(AUDIENCES) }).strict();

export function registerSafetyRoutes(app: FastifyInstance, guard: Guard): void {
  const limiter = new FixedWindowLimiter(CHECKS_PER_MINUTE, 60_000);
  app.post("/api/safety/check", async (request) => {
    if (!limiter.allow(request.ip)) throw new ApiError(429, "rate_limited", "too many checks from here; wait a minute");
    const { text, audience } = parseRequest(checkSchema, request.body);
    return guard.check(text, audience);
  });
}
