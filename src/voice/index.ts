/**
 * Children's voice (plan tasks 17, 18, 31): ideas pinned on the map, their path from idea to a
 * unit's answer, children's councils and polls. Other domains and the composition root reach
 * it only through this file.
 */
export { voiceDomain, type VoiceDomainDeps } from "./voice-domain.ts";
export { voiceMigrations } from "./migrations.ts";
export { voiceRetentionRules } from "./retention.ts";
export { ORGANISER_ROLES, POLL_CREATOR_ROLES } from "./councils/index.ts";
export { publicHazards, type PublicHazard } from "./hazards.ts";
