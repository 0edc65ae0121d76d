/** Reviews of places (ratings, text, photos, helpful votes) and "report wrong information". */
export { ReviewStore } from "./review-store.ts";
export { ReviewService } from "./review-service.ts";
export { registerReviewRoutes } from "./review-routes.ts";
export { reviewModeration } from "./review-moderation.ts";
export { CorrectionStore } from "./corrections.ts";
export { registerCorrectionRoutes } from "./correction-routes.ts";
