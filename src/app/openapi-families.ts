/**
 * The OpenAPI paths of family accounts, reviews, corrections and moderation, merged into
 * the document served at /api/openapi.json. Member paths use the `member` cookie; changes
 * need the header `X-Tongxing-Request: 1`. Refused texts answer 422 with `details.reasons`.
 */
const p = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const json = (description: string) => ({ description, content: { "application/json": {} } });
const body = (description: string, type = "application/json") => ({ required: true, description, content: { [type]: {} } });
const errors = { "400": { description: "Invalid input {code, message, field}" }, "401": { description: "Not signed in" }, "403": { description: "Not allowed, or the change header is missing" }, "404": { description: "Not found, or not yours" } };
const member = { security: [{ member: [] }] };
const staff = { security: [{ session: [] }] };
const limited = { "429": { description: "Rate limited" } };

export const FAMILY_PATHS = {
  "/api/safety/check": { post: { summary: "The verdict posting would give: pass / hold / block, with reasons and spans", requestBody: body("{text, audience: child|adult}"), responses: { "200": json("{verdict, reasons}"), "400": errors["400"], ...limited } } },
  "/api/privacy/child": { get: { summary: "The child privacy notice and user agreement, with their version", responses: { "200": json("Notice") } } },
  "/api/members/register": { post: { summary: "Sign up with a mainland mobile or e-mail (14 or older)", requestBody: body("{login, password, nickname, birthYear, acceptAgreement: true}"), responses: { ...errors, "201": json("Member; sets the member cookie"), "403": { description: "guardian_required: under 14" }, "409": { description: "Login taken" }, ...limited } } },
  "/api/members/login": { post: { summary: "Sign in; the session token is rotated", requestBody: body("{login, password}"), responses: { "200": json("Member"), "401": { description: "Wrong login or password" }, "423": { description: "Locked after 5 failures" }, ...limited } } },
  "/api/members/logout": { post: { summary: "Sign out", responses: { "200": json("Signed out") } } },
  "/api/members/me": {
    get: { ...member, summary: "My account", responses: { "200": json("Member"), ...errors } },
    delete: { ...member, summary: "Delete my account, my children's accounts and all their data", responses: { "200": json("Deleted"), ...errors } },
  },
  "/api/members/session": { get: { summary: "The signed-in member, or null (never 401)", responses: { "200": json("{member}") } } },
  "/api/members/me/reviews": { get: { ...member, summary: "My reviews with their status and hold reasons", responses: { "200": json("Reviews"), ...errors } } },
  "/api/family/children": {
    get: { ...member, summary: "My children's accounts", responses: { "200": json("Children"), ...errors } },
    post: { ...member, summary: "Create a child's account with consent, or record a refusal", requestBody: body("{login, password, nickname, birthYear, consent: {decision: agreed|refused, policyVersion}}"), responses: { "201": json("Child and consent record"), "200": json("Refusal recorded"), ...errors } },
  },
  "/api/family/children/{id}": { delete: { ...member, summary: "Delete a child's account and all its data (consent withdrawn)", parameters: [p("id", "Child account id")], responses: { "200": json("Deleted"), ...errors } } },
  "/api/family/children/{id}/reviews": { get: { ...member, summary: "What the child posted, with status", parameters: [p("id", "Child account id")], responses: { "200": json("Reviews"), ...errors } } },
  "/api/family/children/{id}/reviews/{reviewId}": { delete: { ...member, summary: "Withdraw a child's post", parameters: [p("id", "Child account id"), p("reviewId", "Review id")], responses: { "200": json("Withdrawn"), ...errors } } },
  "/api/family/consents": { get: { ...member, summary: "My consent records", responses: { "200": json("Consent records"), ...errors } } },
  "/api/places/{id}/reviews": {
    get: { summary: "Rating summary and latest published reviews (nicknames only)", parameters: [p("id", "Place id")], responses: { "200": json("Summary and reviews") } },
    post: { ...member, summary: "Post a review: published (adult, clean), pending (child, or held words), or 422", parameters: [p("id", "Place id")], requestBody: body("{rating: 1-5, body}"), responses: { "201": json("Review with status"), "422": { description: "held_for_safety (a child's personal information) or blocked_by_safety; details.reasons" }, ...errors, ...limited } },
  },
  "/api/reviews/{id}": { delete: { ...member, summary: "Withdraw my review", parameters: [p("id", "Review id")], responses: { "200": json("Withdrawn"), ...errors } } },
  "/api/reviews/{id}/photos": { post: { ...member, summary: "Add a photo (JPEG/PNG/WebP, 8 MB; metadata stripped, resized)", parameters: [p("id", "Review id")], requestBody: body("The image", "image/jpeg"), responses: { "201": json("Review"), "415": { description: "Not an image" }, ...errors, ...limited } } },
  "/api/reviews/{id}/helpful": { post: { ...member, summary: "Mark a review helpful or not", parameters: [p("id", "Review id")], requestBody: body("{helpful: boolean}"), responses: { "200": json("Count"), ...errors } } },
  "/api/review-photos/{id}": { get: { summary: "A review photo, when its review is visible to the viewer", parameters: [p("id", "Photo id")], responses: { "200": { description: "JPEG", content: { "image/jpeg": {} } }, "404": { description: "Not found or not visible" } } } },
  "/api/places/{id}/corrections": { post: { summary: "Report wrong information about a place", parameters: [p("id", "Place id")], requestBody: body("{kind: closed|moved|facility_missing|hours_wrong|other, detail, lon?, lat?}"), responses: { "201": json("Received"), ...errors, ...limited } } },
  "/api/content-reports": { post: { ...member, summary: "Report content; 3 reports hide it until reviewed", requestBody: body("{targetType: review, targetId, reason, detail}"), responses: { "201": json("Received"), "409": { description: "Already reported, or your own" }, ...errors, ...limited } } },
  "/api/appeals": {
    get: { ...member, summary: "My appeals", responses: { "200": json("Appeals"), ...errors } },
    post: { ...member, summary: "Appeal a hidden or removed post of mine", requestBody: body("{targetType, targetId, text}"), responses: { "201": json("Appeal"), "409": { description: "Not hidden, or already appealed" }, ...errors } },
  },
  "/api/takedown-notices": { post: { summary: "Notice of bullying or doxxing; the item is hidden at once", requestBody: body("{targetType, targetId, kind, contact, detail}"), responses: { "201": json("Notice"), ...errors, ...limited } } },
  "/api/moderation/queue": { get: { ...staff, summary: "Items awaiting moderation, queue sizes and oldest entries (moderator)", responses: { "200": json("Queue"), ...errors } } },
  "/api/moderation/items/{type}/{id}": { get: { ...staff, summary: "An item with its reports, decisions and appeals", parameters: [p("type", "review"), p("id", "Item id")], responses: { "200": json("Item"), ...errors } } },
  "/api/moderation/items/{type}/{id}/decisions": { post: { ...staff, summary: "approve / hide / remove / warn / suspend, with a reason", parameters: [p("type", "review"), p("id", "Item id")], requestBody: body("{action, reason, suspendDays?}"), responses: { "200": json("Item"), ...errors } } },
  "/api/moderation/appeals": { get: { ...staff, summary: "Open appeals", responses: { "200": json("Appeals"), ...errors } } },
  "/api/moderation/appeals/{id}": { post: { ...staff, summary: "Decide an appeal", parameters: [p("id", "Appeal id")], requestBody: body("{decision: upheld|overturned, reason}"), responses: { "200": json("Decided"), ...errors } } },
  "/api/moderation/takedowns": { get: { ...staff, summary: "Takedown notices and their outcomes", responses: { "200": json("Notices"), ...errors } } },
  "/api/moderation/takedowns/{id}": { post: { ...staff, summary: "Decide a notice", parameters: [p("id", "Notice id")], requestBody: body("{decision: taken_down|rejected, reason}"), responses: { "200": json("Decided"), ...errors } } },
  "/api/moderation/corrections": { get: { ...staff, summary: "Open data-quality reports with their place", responses: { "200": json("Corrections"), ...errors } } },
  "/api/moderation/corrections/{id}": { post: { ...staff, summary: "Resolve a report, fixing the place (hours, facilities, position, removal)", parameters: [p("id", "Correction id")], requestBody: body("{decision: fixed|rejected, note, fix?}"), responses: { "200": json("Correction"), ...errors } } },
} as const;

export const MEMBER_SECURITY_SCHEME = { member: { type: "apiKey", in: "cookie", name: "tx_member" } } as const;
