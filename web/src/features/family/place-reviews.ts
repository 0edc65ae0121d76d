/**
 * The reviews part of a place card: the rating summary, the latest published reviews
 * (nickname, stars, text, photos) with "helpful" and "report", a way to write one, and
 * "report wrong information". It loads on its own, so the card opens at once.
 */
import { REPORT_LABELS, REPORT_REASONS, type ReportReason } from "../../../../src/core/community.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { type PublicReview, fetchPlaceReviews, reportReview, voteHelpful } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { correctionForm } from "./correction-form.ts";
import { currentMember, openAccount } from "./member-session.ts";
import { reviewForm } from "./review-form.ts";
import { errorMessage } from "./form-parts.ts";
import { photoStrip } from "./photo-viewer.ts";

function reportMenu(review: PublicReview): HTMLElement {
  const select = el("select", { class: "select select-small", "aria-label": ft("reportReason") }, ...REPORT_REASONS.map((r) => el("option", { value: r }, pick(REPORT_LABELS[r]))));
  const send = el("button", { type: "button", class: "button button-quiet button-small" }, ft("send"));
  send.addEventListener("click", () => {
    send.disabled = true;
    reportReview(review.id, select.value as ReportReason).then(() => announce(ft("reported")), (e: unknown) => announce(ft("failed", { message: errorMessage(e) }), "warning"));
  });
  return el("details", { class: "report-menu" }, el("summary", { class: "link-button" }, ft("report")), select, send);
}

function reviewItem(review: PublicReview): HTMLElement {
  const member = currentMember();
  const helpful = el("button", { type: "button", class: "button button-quiet button-small", "aria-pressed": String(review.helpfulByMe) }, `${ft("helpful")} · ${review.helpfulCount}`);
  helpful.addEventListener("click", () => {
    if (!member) return openAccount();
    const next = helpful.getAttribute("aria-pressed") !== "true";
    voteHelpful(review.id, next).then((count) => {
      helpful.setAttribute("aria-pressed", String(next));
      helpful.textContent = `${ft("helpful")} · ${count}`;
    }, () => undefined);
  });
  return el(
    "li",
    { class: "review", "data-review": review.id },
    el("p", { class: "review-head" }, el("strong", { class: "review-nickname" }, review.nickname), el("span", { class: "stars", "aria-label": ft("stars", { n: review.rating }) }, "★".repeat(review.rating)), el("time", { class: "muted", datetime: review.createdAt }, review.createdAt)),
    el("p", { class: "review-body" }, review.body),
    review.photos.length ? photoStrip(review.photos, { width: 96, height: 72 }) : null,
    el("div", { class: "review-actions" }, helpful, member ? reportMenu(review) : null),
  );
}

/** A section that fills itself with the place's reviews. */
export function placeReviews(placeId: string): HTMLElement {
  const section = el("section", { class: "card-reviews", "aria-labelledby": "card-reviews-title" });
  const load = async (): Promise<void> => {
    const { summary, reviews } = await fetchPlaceReviews(placeId);
    const member = currentMember();
    const write = member
      ? el("details", { class: "write-review" }, el("summary", { class: "button button-secondary", id: "write-review" }, ft("writeReview")), reviewForm(placeId, member, () => undefined))
      : el("button", { type: "button", class: "button button-secondary", id: "sign-in-to-review" }, ft("signInToReview"));
    if (!member) write.addEventListener("click", openAccount);
    replaceChildren(
      section,
      el("h3", { class: "card-section-title", id: "card-reviews-title" }, ft("reviews"), summary.average === null ? null : el("span", { class: "rating-summary" }, ` ★ ${ft("ratingSummary", { avg: summary.average.toFixed(1), n: summary.count })}`)),
      reviews.length === 0 ? el("p", { class: "muted" }, ft("noReviews")) : el("ul", { class: "review-list" }, ...reviews.map(reviewItem)),
      write,
      correctionForm(placeId),
    );
    section.dataset.loaded = String(reviews.length);
  };
  void load().catch(() => replaceChildren(section));
  return section;
}
