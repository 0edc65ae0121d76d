/**
 * Writing a review on a place card: stars, text, an optional photo. No rating is chosen for
 * the writer: posting without one says so and puts focus on the stars. While a child types,
 * the safety check runs (debounced) and warns at once about a phone number or an address;
 * on posting, a held text is explained kindly and stays in the box to be fixed.
 */
import { REVIEW_MAX_LENGTH } from "../../../../src/core/community.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { addPhoto, checkText, type Member, postReview } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { errorLine, reasonList, reasonsOf } from "./form-parts.ts";

const CHECK_DELAY_MS = 400;

function starPicker(): { node: HTMLElement; value(): number | null; focus(): void } {
  const name = `rating-${Math.random().toString(36).slice(2)}`;
  const options = [1, 2, 3, 4, 5].map((n) => {
    const input = el("input", { type: "radio", name, value: n, id: `${name}-${n}`, class: "visually-hidden" });
    return el("span", { class: "star-option" }, input, el("label", { for: `${name}-${n}`, title: ft("stars", { n }) }, el("span", { "aria-hidden": "true" }, "★"), el("span", { class: "visually-hidden" }, ft("stars", { n }))));
  });
  const node = el("fieldset", { class: "star-picker" }, el("legend", { class: "field-label" }, ft("yourRating")), ...options);
  const checked = (): HTMLInputElement | null => node.querySelector<HTMLInputElement>("input:checked");
  return {
    node,
    value: () => (checked() ? Number(checked()!.value) : null),
    focus: () => node.querySelector<HTMLInputElement>("input")?.focus(),
  };
}

export function reviewForm(placeId: string, member: Member, onPosted: () => void): HTMLElement {
  const stars = starPicker();
  const id = `review-text-${placeId.replace(/\W/g, "-")}`;
  const text = el("textarea", { id, class: "text-input review-text", maxlength: REVIEW_MAX_LENGTH, rows: 3, required: true, minlength: 2 });
  // The browser's own file button speaks the browser's language, not the page's: it is hidden
  // (still focusable and labelled) behind our button and the chosen file's name.
  const photo = el("input", { type: "file", accept: "image/jpeg,image/png,image/webp", id: `${id}-photo`, class: "photo-input visually-hidden", "aria-describedby": `${id}-photo-name` });
  const photoName = el("span", { class: "muted photo-name", id: `${id}-photo-name` }, ft("noPhotoChosen"));
  photo.addEventListener("change", () => (photoName.textContent = photo.files?.[0]?.name ?? ft("noPhotoChosen")));
  const hint = el("div", { class: "safety-hint", "aria-live": "polite" });
  const outcome = el("div", { class: "review-outcome", "aria-live": "polite", id: "review-outcome" });
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-primary", id: "review-submit" }, ft("post"));
  const form = el(
    "form",
    { class: "family-form review-form", id: "review-form" },
    stars.node,
    el("label", { for: id, class: "field-label" }, ft("reviewText")),
    text,
    member.kind === "child" ? el("p", { class: "field-hint" }, ft("checkingHint")) : null,
    hint,
    el("span", { class: "field-label" }, ft("addPhoto")),
    el("div", { class: "photo-picker" }, photo, el("label", { for: `${id}-photo`, class: "button button-quiet button-small photo-button" }, ft("choosePhoto")), photoName),
    error.node,
    submit,
    outcome,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (text.value.trim().length < 2) return replaceChildren(hint);
      checkText(text.value, member.kind)
        .then((result) => replaceChildren(hint, result.verdict === "pass" ? null : reasonList(result.reasons)))
        .catch(() => replaceChildren(hint));
    }, CHECK_DELAY_MS);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    replaceChildren(outcome);
    const rating = stars.value();
    if (rating === null) {
      error.say(ft("chooseRating"));
      stars.focus();
      return;
    }
    submit.disabled = true;
    postReview(placeId, rating, text.value)
      .then(async (review) => {
        const file = photo.files?.[0];
        if (file) await addPhoto(review.id, file);
        text.value = "";
        photo.value = "";
        photoName.textContent = ft("noPhotoChosen");
        replaceChildren(hint);
        replaceChildren(outcome, el("p", { class: "success-note", "data-status": review.status }, review.status === "published" ? ft("posted") : ft("pendingNote")));
        onPosted();
      })
      .catch((e: unknown) => {
        const reasons = reasonsOf(e);
        if (!reasons) return error.show(e);
        replaceChildren(outcome, el("div", { class: "held-note", role: "alert", "data-held": "true" }, el("strong", {}, ft("heldTitle")), reasonList(reasons)));
      })
      .finally(() => (submit.disabled = false));
  });
  return form;
}
