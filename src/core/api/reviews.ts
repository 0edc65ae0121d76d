/**
 * The contract of reviews: the review a member posts (POST /api/places/{id}/reviews), the
 * helpful vote (POST /api/reviews/{id}/helpful) and the list query (GET
 * /api/places/{id}/reviews). The handlers parse with these; the OpenAPI document is
 * generated from them and the web client sends the types inferred from them.
 */
import { z } from "zod";
import { REVIEW_MAX_LENGTH, REVIEW_MAX_RATING, REVIEW_MIN_RATING } from "../community.ts";
import { both } from "./messages.ts";

/** POST /api/places/{id}/reviews: a rating and a text without control characters. */
export const reviewSchema = z.object({
  rating: z.number().int().min(REVIEW_MIN_RATING).max(REVIEW_MAX_RATING),
  body: z.string().trim().min(2).max(REVIEW_MAX_LENGTH).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters")),
}).strict();
/** What posting a review sends. */
export type ReviewInput = z.infer<typeof reviewSchema>;

/** POST /api/reviews/{id}/helpful. */
export const helpfulSchema = z.object({ helpful: z.boolean() }).strict();
/** What a helpful vote sends. */
export type HelpfulInput = z.infer<typeof helpfulSchema>;

/** GET /api/places/{id}/reviews. */
export const reviewListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(5)
    .meta({ type: "integer", minimum: 1, maximum: 50, description: "Most reviews", example: 5 }),
}).strict();
