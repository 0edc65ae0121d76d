/**
 * GET /api/audit?target=&limit= : the audit trail, newest first, for administrators. The
 * accounts domain owns the trail; every domain writes to it through `recordAudit`.
 */
import type { FastifyInstance } from "fastify";
import { auditQuery } from "../core/api/accounts.ts";
import type { StaffRole } from "../core/staff-roles.ts";
import type { Database } from "../platform/database/database.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { readAudit } from "./audit-log.ts";
import type { StaffGuard } from "./session-auth.ts";

/** Who may read the audit trail (the plan's permission table lists the same as "audit.read"). */
export const AUDIT_READERS: readonly StaffRole[] = ["admin"];

/** The audit trail as a Fastify plugin (registered by the accounts domain). */
export async function auditRoutes(app: FastifyInstance, context: { db: Database; guard: StaffGuard }): Promise<void> {
  app.get("/api/audit", async (request) => {
    await context.guard.require(request, AUDIT_READERS);
    const q = parseRequest(auditQuery, request.query);
    return { entries: await readAudit(context.db, { target: q.target, limit: q.limit }) };
  });
}
