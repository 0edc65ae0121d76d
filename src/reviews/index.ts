/** Reviews of places (ratings, text, photos, helpful votes) and "report wrong information". */
export { ReviewStore } from "./review-store.ts";
export { ReviewService } from "./review-service.ts";
export { reviewsDomain, type ReviewsDomainDeps } from "./reviews-domain.ts";
export { reviewModeration } from "./review-moderation.ts";
export { CorrectionStore } from "./corrections.ts";
export { reviewMigrations } from "./migrations.ts";
export { reviewRetentionRules } from "./retention.ts";
export { ACCEPTED_PHOTO_TYPES, processPhoto } from "./review-photos.ts";
