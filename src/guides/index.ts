/**
 * Guides (畅游攻略) and study routes (研学线路, plan tasks 23 and 26): ordered places with a
 * theme, ages, duration, cost and the legs between them, written by the guide units' staff
 * and by children's teams through the child-safe posting path. Other domains and the
 * composition root reach it only through this file.
 */
export { guidesDomain, type GuidesDomainDeps } from "./guides-domain.ts";
export { guideMigrations } from "./migrations.ts";
export { guideRetentionRules } from "./retention.ts";
export { GUIDE_UNITS, mayWriteGuides } from "./guide-authors.ts";
