/**
 * The "我的" button in the top bar and the account panel it opens: sign in or sign up when
 * signed out; when signed in, the news of my ideas' steps and my ideas (features/ideas),
 * my reviews with their status, my children (for a guardian) and sign-out. The panel is a
 * dialog that closes with its button or Escape.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { onLanguageChange, t } from "../../shared/i18n.ts";
import { type Member, fetchMyReviews, signOutMember, withdrawReview } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { showFamily } from "./family-section.ts";
import { currentMember, onMemberChange, setAccountCloser, setAccountOpener, setMember } from "./member-session.ts";
import { ownReviewList } from "./review-list.ts";
import { registerForm, signInForm } from "./sign-in-forms.ts";

function signedOutView(): HTMLElement[] {
  const signInTab = el("button", { type: "button", class: "tab", "aria-pressed": "true" }, ft("signIn"));
  const registerTab = el("button", { type: "button", class: "tab", "aria-pressed": "false", id: "register-tab" }, ft("register"));
  const body = el("div", {}, signInForm());
  signInTab.addEventListener("click", () => {
    signInTab.setAttribute("aria-pressed", "true");
    registerTab.setAttribute("aria-pressed", "false");
    replaceChildren(body, signInForm());
  });
  registerTab.addEventListener("click", () => {
    registerTab.setAttribute("aria-pressed", "true");
    signInTab.setAttribute("aria-pressed", "false");
    replaceChildren(body, registerForm());
  });
  return [el("div", { class: "tabs" }, signInTab, registerTab), body];
}

function signedInView(member: Member): HTMLElement[] {
  const out = el("button", { type: "button", class: "button button-quiet", id: "member-sign-out" }, ft("signOut"));
  out.addEventListener("click", () => void signOutMember().finally(() => setMember(null)));
  const mine = el("div", { class: "my-reviews" });
  void fetchMyReviews().then((reviews) => replaceChildren(mine, el("h3", { class: "panel-subtitle" }, ft("myReviews")), ownReviewList(reviews, (r) => withdrawReview(r.id))));
  const family = el("div", { class: "family", id: "family" });
  // The ideas' news load with their own file when the panel opens, not with the account button.
  const news = el("div", { class: "idea-news-section" });
  void import("../ideas/idea-news.ts").then(({ ideaNews }) => news.replaceWith(ideaNews()), (error: unknown) => console.error(error));
  if (member.kind === "adult") void showFamily(family);
  const parts: Array<HTMLElement | null> = [
    el("p", { class: "member-hello", id: "member-hello" }, ft("hello", { name: member.nickname }), el("span", { class: "muted" }, ` · ${ft(member.kind === "child" ? "childAccount" : "adultAccount")}`)),
    member.status === "suspended" ? el("p", { class: "form-error", role: "alert" }, ft("suspended", { until: member.suspendedUntil?.slice(0, 10) ?? "" })) : null,
    news,
    mine,
    member.kind === "adult" ? family : null,
    out,
  ];
  return parts.filter((node): node is HTMLElement => node !== null);
}

/** A person: the usual mark of "my account". */
const PERSON_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 15 15" width="1.25em" height="1.25em" fill="currentColor" aria-hidden="true" focusable="false">' +
  '<circle cx="7.5" cy="4.2" r="3"/><path d="M1.5 14c0-3.6 2.7-5.8 6-5.8s6 2.2 6 5.8z"/></svg>';

/** Mounts the button in `actions` and the panel in `panel` (an empty hidden section). */
export function mountAccount(actions: HTMLElement, panel: HTMLElement): void {
  // On phones only the icon shows (the label is for desktops and screen readers).
  const label = el("span", { class: "button-label" });
  const button = el("button", { type: "button", class: "icon-button account-button", id: "account-button", "aria-haspopup": "dialog", "aria-expanded": "false" }, label);
  button.insertAdjacentHTML("afterbegin", PERSON_ICON);
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "account-title");

  const close = (): void => {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  };
  const render = (): void => {
    const member = currentMember();
    label.textContent = member ? member.nickname : ft("account");
    button.title = ft("accountTitle");
    button.dataset.signedIn = String(member !== null);
    if (panel.hidden) return;
    const closeButton = el("button", { type: "button", class: "icon-button card-close", "aria-label": t("close") }, "×");
    closeButton.addEventListener("click", close);
    replaceChildren(panel, closeButton, el("h2", { id: "account-title", class: "card-title", tabindex: -1 }, ft("accountTitle")), ...(member ? signedInView(member) : signedOutView()));
  };
  const open = (): void => {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    render();
    document.getElementById("account-title")?.focus();
  };
  button.addEventListener("click", () => (panel.hidden ? open() : close()));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) close();
  });
  actions.prepend(button);
  setAccountOpener(open);
  setAccountCloser(() => {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  });
  onMemberChange(render);
  onLanguageChange(render);
  render();
}
