/**
 * The staff sign-in form: username and password, the server's refusal in words (wrong
 * password, account locked, too many attempts) and a link to the public progress page for
 * anyone who came here by mistake.
 */
import { el } from "../../shared/dom.ts";
import { t } from "./accounts-messages.ts";
import { signIn, type StaffUser } from "./staff-session-api.ts";
import { errorText } from "../../shared/error-text.ts";

/** The form; `signedIn` is called with the user once the server accepts the password. */
export function signInForm(signedIn: (user: StaffUser) => void): HTMLElement {
  const username = el("input", { id: "username", name: "username", class: "input", autocomplete: "username", required: true, autocapitalize: "none", spellcheck: "false" });
  const password = el("input", { id: "password", name: "password", type: "password", class: "input", autocomplete: "current-password", required: true });
  const message = el("p", { class: "form-message", id: "sign-in-message", role: "alert" });
  const button = el("button", { type: "submit", class: "button button-primary sign-in-button" }, t("signIn"));
  const form = el(
    "form",
    { class: "sign-in-form", id: "sign-in-form", "aria-labelledby": "sign-in-title" },
    el("h1", { id: "sign-in-title", class: "sign-in-title" }, t("signInTitle")),
    el("p", { class: "muted" }, t("signInIntro")),
    el("div", { class: "form-field" }, el("label", { for: "username", class: "field-label" }, t("username")), username),
    el("div", { class: "form-field" }, el("label", { for: "password", class: "field-label" }, t("password")), password),
    button,
    message,
    el("p", { class: "sign-in-public" }, el("a", { href: "/progress.html" }, t("publicProgressLink"))),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (username.value.trim() === "" || password.value === "") {
      message.textContent = t("fillBoth");
      return;
    }
    button.disabled = true;
    message.textContent = "";
    signIn(username.value.trim(), password.value)
      .then(signedIn)
      .catch((error: unknown) => {
        message.textContent = errorText(error);
        button.disabled = false;
        password.select();
      });
  });
  return el("div", { class: "sign-in" }, form);
}
