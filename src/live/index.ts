/**
 * Live status (场馆实时状态): venue staff say whether their place is open today, closed or
 * closed until a time, how crowded it is, and post a short notice; every open map hears the
 * change at once (a stream with event ids, replayed after a reconnect); planners read the
 * history. Other domains and the composition root reach it only through this file.
 */
export { liveDomain, type LiveDomainDeps, type LiveStaffGuard, SUMMARY_READERS } from "./live-routes.ts";
export { LiveStatusService, type LivePlace, type LiveStatusOptions } from "./live-status-service.ts";
export { liveMigrations } from "./migrations.ts";
export { liveRetentionRules, STATUS_HISTORY_DAYS } from "./retention.ts";
export { closedByStaff } from "../core/api/live-vocabulary.ts";
