/** Accounts: staff (passwords, sessions, roles, the audit trail) and family members with guardian consent. */
export { AccountStore, type StaffUser, publicUser } from "./account-store.ts";
export { recordAudit, readAudit, type AuditEntry } from "./audit-log.ts";
export { accountsDomain, type AccountsDomainDeps } from "./accounts-domain.ts";
export { AUDIT_READERS } from "./audit-routes.ts";
export { StaffGuard, CHANGE_HEADER, SESSION_COOKIE } from "./session-auth.ts";
export { createStaffUser } from "./staff-users.ts";
export { MemberStore, type Member } from "./member-store.ts";
export { MemberGuard, MEMBER_COOKIE } from "./member-auth.ts";
export { memberView } from "./member-routes.ts";
export { SignupCodes } from "./signup-codes.ts";
export { normalizeLogin } from "./member-signup.ts";
export { pruneSignInThrottle } from "./sign-in-throttle.ts";
export { accountMigrations } from "./migrations.ts";
export { accountRetentionRules } from "./retention.ts";
