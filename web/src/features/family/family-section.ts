/**
 * A guardian's family: each child's account with what the child posted (withdrawable) and
 * a delete button, and the form to create a child's account. The form shows the child
 * privacy rules of the current version in full; the guardian agrees or refuses, and either
 * answer is recorded by the server.
 */
import { CHILD_PRIVACY_NOTICE, CHILD_PRIVACY_VERSION } from "../../../../src/core/child-privacy.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { type Member, createChild, deleteChild, fetchChildReviews, fetchChildren, withdrawChildReview } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { errorLine, field } from "./form-parts.ts";
import { ownReviewList } from "./review-list.ts";

async function childCard(child: Member, refresh: () => void): Promise<HTMLElement> {
  const reviews = await fetchChildReviews(child.id);
  const remove = el("button", { type: "button", class: "button button-danger button-small" }, ft("deleteChild"));
  remove.addEventListener("click", () => {
    if (!confirm(ft("confirmDelete", { name: child.nickname }))) return;
    remove.disabled = true;
    deleteChild(child.id).then(() => {
      announce(ft("deleted"));
      refresh();
    }, () => (remove.disabled = false));
  });
  return el(
    "li",
    // data-child is the name the guardian chose; the sign-in name adds the family code.
    { class: "child-card", "data-child": child.login.split("@")[0]!, "data-login": child.login },
    el("h4", { class: "child-name" }, child.nickname),
    el("p", { class: "child-login" }, ft("childSignIn", { login: child.login })),
    el("p", { class: "field-label" }, ft("childPosts")),
    ownReviewList(reviews, (review) => withdrawChildReview(child.id, review.id)),
    remove,
  );
}

function privacyNotice(): HTMLElement {
  return el(
    "details",
    { class: "privacy-notice", open: true },
    el("summary", {}, ft("privacyTitle", { v: CHILD_PRIVACY_VERSION })),
    ...CHILD_PRIVACY_NOTICE.map((section) => el("section", {}, el("h4", {}, pick(section.heading)), el("p", {}, pick(section.body)))),
  );
}

function addChildForm(refresh: () => void): HTMLElement {
  const login = field(ft("childLogin"), { name: "child-login", required: true, pattern: "[a-z][a-z0-9._\\-]{3,23}", maxlength: 24, id: "child-login" });
  const nickname = field(ft("childNickname"), { name: "child-nickname", required: true, maxlength: 16, id: "child-nickname" });
  const birthYear = field(ft("birthYear"), { name: "child-birth-year", type: "number", required: true, min: new Date().getFullYear() - 17, max: new Date().getFullYear(), id: "child-birth-year" });
  const password = field(ft("password"), { name: "child-password", type: "password", autocomplete: "new-password", required: true, minlength: 8, id: "child-password" });
  const error = errorLine();
  const agree = el("button", { type: "submit", class: "button button-primary", id: "consent-agree" }, ft("agreeCreate"));
  const refuse = el("button", { type: "button", class: "button button-quiet", id: "consent-refuse" }, ft("refuse"));
  const form = el("form", { class: "family-form", id: "add-child-form" }, login.wrap, nickname.wrap, birthYear.wrap, password.wrap, privacyNotice(), error.node, el("div", { class: "button-row" }, agree, refuse));
  const send = (decision: "agreed" | "refused") => {
    error.clear();
    agree.disabled = refuse.disabled = true;
    createChild({ login: login.input.value, password: password.input.value, nickname: nickname.input.value, birthYear: Number(birthYear.input.value), consent: { decision, policyVersion: CHILD_PRIVACY_VERSION } })
      .then((child) => {
        announce(child ? ft("childCreated", { name: child.nickname, login: child.login }) : ft("refusedNote"));
        refresh();
      })
      .catch((e: unknown) => error.show(e))
      .finally(() => (agree.disabled = refuse.disabled = false));
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send("agreed");
  });
  refuse.addEventListener("click", () => send("refused"));
  return el("details", { class: "add-child" }, el("summary", { class: "button button-secondary", id: "add-child" }, ft("addChild")), form);
}

/** Renders the family section into `slot` and redraws it after any change. */
export async function showFamily(slot: HTMLElement): Promise<void> {
  const refresh = () => void showFamily(slot);
  const children = await fetchChildren();
  const cards = await Promise.all(children.map((child) => childCard(child, refresh)));
  replaceChildren(
    slot,
    el("h3", { class: "panel-subtitle" }, ft("myFamily")),
    cards.length === 0 ? el("p", { class: "muted" }, ft("noChildren")) : el("ul", { class: "child-list" }, ...cards),
    addChildForm(refresh),
  );
}
