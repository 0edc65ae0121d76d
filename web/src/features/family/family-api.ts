/**
 * Client of the family API: the member session, children's accounts with consent, reviews
 * with photos, helpful votes, reports and corrections. The session is an HttpOnly cookie;
 * sendJson adds the change header the server demands. The bodies are typed by the contract
 * (src/core/api); only types are imported, so zod stays out of the browser.
 */
import type { ChildInput, ConfirmInput, MemberLoginInput, SignupInput } from "../../../../src/core/api/families.ts";
import type { CorrectionInput } from "../../../../src/core/api/places.ts";
import type { HelpfulInput, ReviewInput } from "../../../../src/core/api/reviews.ts";
import type { ContentReportInput, SafetyCheckInput } from "../../../../src/core/api/safety.ts";
import type { CorrectionKind, ReportReason } from "../../../../src/core/community.ts";
import { getJson } from "../../shared/api.ts";
import { field, getField, send, sendField } from "../../shared/http.ts";

export interface Member {
  readonly id: string;
  readonly kind: "adult" | "child";
  readonly login: string;
  readonly nickname: string;
  readonly birthYear: number | null;
  readonly guardian: boolean;
  readonly status: "active" | "suspended";
  readonly suspendedUntil: string | null;
}

export interface PublicReview {
  readonly id: string;
  readonly nickname: string;
  readonly rating: number;
  readonly body: string;
  readonly createdAt: string;
  readonly helpfulCount: number;
  readonly helpfulByMe: boolean;
  readonly photos: readonly string[];
}

export interface OwnReview extends PublicReview {
  readonly placeId: string;
  readonly status: "pending" | "published" | "hidden" | "removed";
}

export interface SafetyReason {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly message: { zh: string; en: string };
}

/** The signed-in member, or null (also when the server cannot be reached). */
export async function fetchMember(): Promise<Member | null> {
  try {
    return await getField<Member | null>("/api/members/session", "member");
  } catch {
    return null;
  }
}

export const signInMember = (login: string, password: string) => sendField<Member>("POST", "/api/members/login", { login, password } satisfies MemberLoginInput, "member");
export const signOutMember = () => send("POST", "/api/members/logout");
/** Signs up: the server sends a code to the phone or e-mail and answers with what to tell the person. */
export const registerAdult = (input: Omit<SignupInput, "acceptAgreement">) =>
  sendField<{ zh: string; en: string }>("POST", "/api/members/register", { ...input, acceptAgreement: true } satisfies SignupInput, "message");
/** The code from the message: the new account, signed in. */
export const confirmSignUp = (login: string, code: string) => sendField<Member>("POST", "/api/members/register/confirm", { login, code } satisfies ConfirmInput, "member");

export const fetchChildren = () => getField<Member[]>("/api/family/children", "children");
export const createChild = (input: ChildInput) =>
  sendField<Member | null>("POST", "/api/family/children", input, "child");
export const deleteChild = (id: string) => send("DELETE", `/api/family/children/${id}`);
export const fetchChildReviews = (id: string) => getField<OwnReview[]>(`/api/family/children/${id}/reviews`, "reviews");
export const withdrawChildReview = (childId: string, reviewId: string) => send("DELETE", `/api/family/children/${childId}/reviews/${reviewId}`);
export const fetchMyReviews = () => getField<OwnReview[]>("/api/members/me/reviews", "reviews");
export const withdrawReview = (id: string) => send("DELETE", `/api/reviews/${id}`);

export async function fetchPlaceReviews(placeId: string): Promise<{ summary: { count: number; average: number | null }; reviews: PublicReview[] }> {
  const body = await getJson(`/api/places/${encodeURIComponent(placeId)}/reviews?limit=5`);
  return { summary: field(body, "summary"), reviews: field(body, "reviews") };
}

export const postReview = (placeId: string, rating: number, body: string) =>
  sendField<OwnReview>("POST", `/api/places/${encodeURIComponent(placeId)}/reviews`, { rating, body } satisfies ReviewInput, "review");
/** The photo keeps its own type (image/jpeg, image/png…), which the server sniffs and checks. */
export const addPhoto = async (reviewId: string, file: Blob) =>
  field<OwnReview>(await send("POST", `/api/reviews/${reviewId}/photos`, file, { "content-type": file.type || "application/octet-stream" }), "review");
export const voteHelpful = (reviewId: string, helpful: boolean) => sendField<number>("POST", `/api/reviews/${reviewId}/helpful`, { helpful } satisfies HelpfulInput, "helpfulCount");
export const reportReview = (reviewId: string, reason: ReportReason) => send("POST", "/api/content-reports", { targetType: "review", targetId: reviewId, reason, detail: "" } satisfies ContentReportInput);
export const sendCorrection = (placeId: string, kind: CorrectionKind, detail: string) => send("POST", `/api/places/${encodeURIComponent(placeId)}/corrections`, { kind, detail } satisfies CorrectionInput);

/** The verdict the server would give, for a hint while typing. */
export async function checkText(text: string, audience: SafetyCheckInput["audience"]): Promise<{ verdict: string; reasons: SafetyReason[] }> {
  const body = await send("POST", "/api/safety/check", { text, audience } satisfies SafetyCheckInput);
  return { verdict: field(body, "verdict"), reasons: field(body, "reasons") };
}
