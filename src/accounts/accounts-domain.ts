/**
 * The accounts domain over HTTP, as one Fastify plugin: staff sign-in and administration,
 * family accounts, and the audit trail. The composition root builds the stores and guards
 * (other domains use them too) and registers this plugin with one line.
 */
import type { FastifyInstance } from "fastify";
import type { Database } from "../platform/database/database.ts";
import { accountRoutes } from "./account-routes.ts";
import { AccountService } from "./account-service.ts";
import type { AccountStore } from "./account-store.ts";
import { auditRoutes } from "./audit-routes.ts";
import type { MemberGuard } from "./member-auth.ts";
import { memberRoutes } from "./member-routes.ts";
import { MemberService } from "./member-service.ts";
import type { NicknameScreen } from "./member-signup.ts";
import type { MemberStore } from "./member-store.ts";
import type { StaffGuard } from "./session-auth.ts";

export interface AccountsDomainDeps {
  db: Database;
  accounts: AccountStore;
  staff: StaffGuard;
  members: MemberStore;
  memberGuard: MemberGuard;
  /** Whether a unit id names a unit of the plan (staff reporters belong to one). */
  isUnit: (id: string) => boolean;
  /** Whether a place exists (venue staff are bound to places). */
  isPlace: (id: string) => boolean;
  /** The safety guard's verdict on a public nickname (the guard lives in the safety domain). */
  screenNickname: NicknameScreen;
}

/** Registers staff, member and audit routes, each group in its own encapsulated scope. */
export async function accountsDomain(app: FastifyInstance, deps: AccountsDomainDeps): Promise<void> {
  const { db, staff } = deps;
  await app.register(accountRoutes, { service: new AccountService(db, deps.accounts, deps.isUnit, deps.isPlace), guard: staff });
  await app.register(memberRoutes, { service: new MemberService(db, deps.members, deps.screenNickname), guard: deps.memberGuard, db });
  await app.register(auditRoutes, { db, guard: staff });
}
