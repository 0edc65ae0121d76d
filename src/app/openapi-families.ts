/**
 * The OpenAPI paths of family accounts, reviews, corrections and moderation, merged into
 * the document served at /api/openapi.json. Refused texts answer 422 with
 * `details.reasons`; who may call each is in access-table.ts.
 */
import { childReviewParams, moderationItemParams, placeIdParams, uuidParams } from "../core/api/paths.ts";
import { reviewListQuery } from "../core/api/reviews.ts";
import { fileBody, jsonBody } from "./openapi-bodies.ts";
import { type DraftPaths, created, file, json, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";

const uuid = (description: string) => pathParameters(uuidParams(description));
const placeId = pathParameters(placeIdParams);
const item = pathParameters(moderationItemParams);
const refused = refusal("422", "held_for_safety (a child's personal information) or blocked_by_safety; details.reasons");
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Safety check, member accounts, children, reviews, corrections, reports, appeals, notices and moderation. */
export const FAMILY_PATHS: DraftPaths = {
  "/api/safety/check": { post: { summary: "The verdict posting would give: pass / hold / block, with reasons and spans", requestBody: jsonBody("safetyCheck", "The text and who would post it"), limited: true, responses: ok("{verdict, reasons}") } },
  "/api/privacy/child": { get: { summary: "The child privacy notice and user agreement, with their version", responses: ok("Notice") } },
  "/api/members/register": {
    post: {
      summary: "Sign up with a mainland mobile or e-mail (14 or older): a code is sent there; the answer is the same whether the address has an account or not",
      requestBody: jsonBody("register", "The new account"),
      limited: true,
      responses: { "202": json("Check your messages") },
    },
  },
  "/api/members/register/confirm": { post: { summary: "Confirm a sign-up with the code sent; sets the tx_member cookie", requestBody: jsonBody("confirmSignup", "The address and its code"), limited: true, responses: created("Member") } },
  "/api/members/login": { post: { summary: "Member sign-in; the session token is rotated", requestBody: jsonBody("memberLogin", "Login and password"), limited: true, responses: { ...ok("Member"), ...refusal("423", "This sign-in is paused after repeated wrong passwords from this device or address (the same answer for any name)") } } },
  "/api/members/logout": { post: { summary: "Member sign-out", responses: ok("Signed out") } },
  "/api/members/me": {
    get: { summary: "My account", responses: ok("Member") },
    delete: { summary: "Delete my account, my children's accounts and all their data", responses: ok("Deleted") },
  },
  "/api/members/session": { get: { summary: "The signed-in member, or null (never 401)", responses: ok("{member}") } },
  "/api/members/me/reviews": { get: { summary: "My reviews with their status and hold reasons", responses: ok("Reviews") } },
  "/api/family/children": {
    get: { summary: "My children's accounts", responses: ok("Children") },
    post: {
      summary: "Create a child's account with consent, or record a refusal",
      requestBody: jsonBody("child", "The child's account and the guardian's decision on the privacy rules of that version"),
      limited: true,
      responses: { ...created("Child and consent record"), ...ok("Refusal recorded"), ...refusal("409", "Login taken") },
    },
  },
  "/api/family/children/{id}": { delete: { summary: "Delete a child's account and all its data (consent withdrawn)", parameters: uuid("Child account id"), responses: ok("Deleted") } },
  "/api/family/children/{id}/reviews": { get: { summary: "What my child posted, with status", parameters: uuid("Child account id"), responses: ok("Reviews") } },
  "/api/family/children/{id}/reviews/{reviewId}": { delete: { summary: "Withdraw a review of my child", parameters: pathParameters(childReviewParams), responses: ok("Withdrawn") } },
  "/api/family/consents": { get: { summary: "My consent records", responses: ok("Consents") } },
  "/api/places/{id}/reviews": {
    get: { summary: "Rating summary and the latest published reviews", parameters: [...placeId, ...queryParameters(reviewListQuery)], responses: ok("Summary and reviews") },
    post: {
      summary: "Post a review: published (adult, clean), pending (child, or held words), or 422",
      parameters: placeId,
      requestBody: jsonBody("review", "Rating and text"),
      limited: true,
      responses: { ...created("Review with status"), ...refused },
    },
  },
  "/api/reviews/{id}": { delete: { summary: "Withdraw my review", parameters: uuid("Review id"), responses: ok("Withdrawn") } },
  "/api/reviews/{id}/photos": {
    post: {
      summary: "Add a photo (JPEG, PNG or WebP, 8 MB; metadata stripped, resized)",
      parameters: uuid("Review id"),
      requestBody: fileBody("The image", PHOTO_TYPES),
      limited: true,
      responses: { ...created("Review"), ...refusal("409", "Already 3 photos, or the review is not pending or published") },
    },
  },
  "/api/reviews/{id}/helpful": { post: { summary: "Mark a review helpful or not", parameters: uuid("Review id"), requestBody: jsonBody("helpful", "The vote"), responses: { ...ok("Count"), ...refusal("409", "Your own review") } } },
  "/api/review-photos/{id}": { get: { summary: "A review photo, when its review is visible to the viewer", parameters: uuid("Photo id"), responses: { "200": file("JPEG", "image/jpeg") } } },
  "/api/places/{id}/corrections": { post: { summary: "Report wrong information about a place", parameters: placeId, requestBody: jsonBody("correction", "What is wrong"), limited: true, responses: { ...created("Received"), ...refused } } },
  "/api/content-reports": { post: { summary: "Report a published post; 3 households' reports hide it until reviewed", requestBody: jsonBody("contentReport", "What and why"), limited: true, responses: { ...created("Received"), ...refusal("409", "Already reported, or your own") } } },
  "/api/appeals": {
    get: { summary: "My appeals", responses: ok("Appeals") },
    post: { summary: "Appeal a hidden or removed post of mine", requestBody: jsonBody("appeal", "Which post and why"), limited: true, responses: { ...created("Appeal"), ...refusal("409", "Not hidden, or already appealed"), ...refused } },
  },
  "/api/takedown-notices": { post: { summary: "Notice of bullying or doxxing; the post is hidden at once", requestBody: jsonBody("takedown", "Which post, what, and how to reach you"), limited: true, responses: created("Notice") } },
  "/api/moderation/queue": { get: { summary: "Items awaiting moderation, riskiest first (risk, score and spans per item), queue sizes and oldest entries", responses: ok("Queue") } },
  "/api/moderation/items/{type}/{id}": { get: { summary: "An item with its reports, decisions and appeals", parameters: item, responses: ok("Item") } },
  "/api/moderation/items/{type}/{id}/decisions": {
    post: {
      summary: "approve / hide / remove / warn / suspend, with a reason",
      parameters: item,
      requestBody: jsonBody("moderationDecision", "The decision; approval names the statusAt seen"),
      responses: { ...ok("Item"), ...refusal("409", "The item changed since it was seen") },
    },
  },
  "/api/moderation/appeals": { get: { summary: "Open appeals", responses: ok("Appeals") } },
  "/api/moderation/appeals/{id}": { post: { summary: "Decide an appeal", parameters: uuid("Appeal id"), requestBody: jsonBody("appealDecision", "The decision"), responses: ok("Decided") } },
  "/api/moderation/takedowns": { get: { summary: "Takedown notices and their outcomes", responses: ok("Notices") } },
  "/api/moderation/takedowns/{id}": { post: { summary: "Decide a notice", parameters: uuid("Notice id"), requestBody: jsonBody("takedownDecision", "The decision"), responses: ok("Decided") } },
  "/api/moderation/corrections": { get: { summary: "Open data-quality reports with their place", responses: ok("Corrections") } },
  "/api/moderation/corrections/{id}": { post: { summary: "Resolve a report, fixing the place (hours, facilities, position, removal)", parameters: uuid("Correction id"), requestBody: jsonBody("correctionDecision", "The decision and the fix"), responses: ok("Correction") } },
};
