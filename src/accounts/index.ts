/** Staff accounts: passwords, sessions, roles, the audit trail. */
export { AccountStore, type StaffUser, publicUser } from "./account-store.ts";
export { recordAudit, readAudit, type AuditEntry } from "./audit-log.ts";
export { registerAccountRoutes } from "./account-routes.ts";
export { StaffGuard, CHANGE_HEADER, SESSION_COOKIE } from "./session-auth.ts";
export { createStaffUser } from "./staff-users.ts";
