/** Child safety: the word filter, the personal-information guard, the verdict API and moderation. */
export { AUDIENCES, Guard, type GuardResult, type Audience, type Reason } from "./guard.ts";
export { HarmClassifier } from "./classifier.ts";
export { WordFilter, readLexicon } from "./word-filter.ts";
export { safetyDomain, type SafetyDomainDeps } from "./safety-domain.ts";
export { type CheckedText, RISK_HOLD_SCORE, type Refusal, refusalError, refusalOf } from "./refusal.ts";
export type { ContentAdapter, MemberSanctions, ModeratedItem, ModeratedStatus, RiskSpan } from "./moderated-content.ts";
export { ModerationStore } from "./moderation-store.ts";
export { ModerationService } from "./moderation-service.ts";
export { safetyMigrations } from "./migrations.ts";
export { safetyRetentionRules } from "./retention.ts";
export { MAX_CHECK_LENGTH } from "./safety-routes.ts";
export { screenNicknameWith } from "./nickname-screen.ts";
