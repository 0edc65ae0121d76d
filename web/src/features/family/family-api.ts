/**
 * Client of the family API: the member session, children's accounts with consent, reviews
 * with photos, helpful votes, reports and corrections. The session is an HttpOnly cookie;
 * sendJson adds the change header the server demands.
 */
import type { CorrectionKind, ReportReason } from "../../../../src/core/community.ts";
import { getJson, property, sendJson } from "../../shared/api.ts";

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
    return property<Member | null>(await getJson("/api/members/session"), "member");
  } catch {
    return null;
  }
}

export const signInMember = async (login: string, password: string) => property<Member>(await sendJson("POST", "/api/members/login", { login, password }), "member");
export const signOutMember = () => sendJson("POST", "/api/members/logout");
/** Signs up: the server sends a code to the phone or e-mail and answers with what to tell the person. */
export const registerAdult = async (input: { login: string; password: string; nickname: string; birthYear: number }) =>
  property<{ zh: string; en: string }>(await sendJson("POST", "/api/members/register", { ...input, acceptAgreement: true }), "message");
/** The code from the message: the new account, signed in. */
export const confirmSignUp = async (login: string, code: string) => property<Member>(await sendJson("POST", "/api/members/register/confirm", { login, code }), "member");

export const fetchChildren = async () => property<Member[]>(await getJson("/api/family/children"), "children");
export const createChild = async (input: { login: string; password: string; nickname: string; birthYear: number; consent: { decision: "agreed" | "refused"; policyVersion: string } }) =>
  property<Member | null>(await sendJson("POST", "/api/family/children", input), "child");
export const deleteChild = (id: string) => sendJson("DELETE", `/api/family/children/${id}`);
export const fetchChildReviews = async (id: string) => property<OwnReview[]>(await getJson(`/api/family/children/${id}/reviews`), "reviews");
export const withdrawChildReview = (childId: string, reviewId: string) => sendJson("DELETE", `/api/family/children/${childId}/reviews/${reviewId}`);
export const fetchMyReviews = async () => property<OwnReview[]>(await getJson("/api/members/me/reviews"), "reviews");
export const withdrawReview = (id: string) => sendJson("DELETE", `/api/reviews/${id}`);

export async function fetchPlaceReviews(placeId: string): Promise<{ summary: { count: number; average: number | null }; reviews: PublicReview[] }> {
  const body = await getJson(`/api/places/${encodeURIComponent(placeId)}/reviews?limit=5`);
  return { summary: property(body, "summary"), reviews: property(body, "reviews") };
}

export const postReview = async (placeId: string, rating: number, body: string) =>
  property<OwnReview>(await sendJson("POST", `/api/places/${encodeURIComponent(placeId)}/reviews`, { rating, body }), "review");
export const addPhoto = async (reviewId: string, file: Blob) => property<OwnReview>(await sendJson("POST", `/api/reviews/${reviewId}/photos`, file), "review");
export const voteHelpful = async (reviewId: string, helpful: boolean) => property<number>(await sendJson("POST", `/api/reviews/${reviewId}/helpful`, { helpful }), "helpfulCount");
export const reportReview = (reviewId: string, reason: ReportReason) => sendJson("POST", "/api/content-reports", { targetType: "review", targetId: reviewId, reason, detail: "" });
export const sendCorrection = (placeId: string, kind: CorrectionKind, detail: string) => sendJson("POST", `/api/places/${encodeURIComponent(placeId)}/corrections`, { kind, detail });

/** The verdict the server would give, for a hint while typing. */
export async function checkText(text: string, audience: "child" | "adult"): Promise<{ verdict: string; reasons: SafetyReason[] }> {
  const body = await sendJson("POST", "/api/safety/check", { text, audience });
  return { verdict: property(body, "verdict"), reasons: property(body, "reasons") };
}
