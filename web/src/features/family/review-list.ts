/**
 * A list of a member's own reviews (or a child's, for the guardian) with each one's
 * status and a withdraw button. Text is set as text, never as HTML.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import type { OwnReview } from "./family-api.ts";
import { type FamilyMessageKey, ft } from "./family-messages.ts";
import { errorLine } from "./form-parts.ts";

export function ownReviewList(reviews: readonly OwnReview[], withdraw: (review: OwnReview) => Promise<unknown>): HTMLElement {
  if (reviews.length === 0) return el("p", { class: "muted" }, ft("noPosts"));
  const items = reviews.map((review) => {
    const error = errorLine();
    const button = el("button", { type: "button", class: "button button-quiet button-small" }, ft("withdraw"));
    const item = el(
      "li",
      { class: "own-review", "data-review": review.id, "data-status": review.status },
      el("span", { class: "status-badge", "data-status": review.status }, ft(`status_${review.status}` as FamilyMessageKey)),
      el("span", { class: "stars", "aria-label": ft("stars", { n: review.rating }) }, "★".repeat(review.rating)),
      el("p", { class: "own-review-body" }, review.body),
      button,
      error.node,
    );
    button.addEventListener("click", () => {
      button.disabled = true;
      withdraw(review)
        .then(() => replaceChildren(item, el("span", { class: "muted" }, ft("withdrawn"))))
        .catch((e: unknown) => {
          button.disabled = false;
          error.show(e);
        });
    });
    return item;
  });
  return el("ul", { class: "own-reviews" }, ...items);
}
