/**
 * Signing in (adults and children alike) and signing up (14 and older; younger children
 * are sent to a guardian). Signing up sends a code to the phone or e-mail; the code form
 * that follows creates the account. Signing in and confirming end by setting the member session.
 */
import { GUARDIAN_REQUIRED_UNDER, youngestAge } from "../../../../src/core/community.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { confirmSignUp, registerAdult, signInMember } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { errorLine, field } from "./form-parts.ts";
import { setMember } from "./member-session.ts";

export function signInForm(): HTMLElement {
  const login = field(ft("loginLabel"), { name: "login", autocomplete: "username", required: true, maxlength: 254, id: "member-login" });
  const password = field(ft("password"), { name: "password", type: "password", autocomplete: "current-password", required: true, maxlength: 200, id: "member-password" });
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-primary", id: "member-sign-in" }, ft("signIn"));
  const form = el("form", { class: "family-form", id: "sign-in-form" }, login.wrap, password.wrap, error.node, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    submit.disabled = true;
    signInMember(login.input.value, password.input.value)
      .then((member) => setMember(member))
      .catch((e: unknown) => error.show(e))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

export function registerForm(): HTMLElement {
  const login = field(ft("phoneOrEmail"), { name: "login", autocomplete: "username", required: true, maxlength: 254 });
  const nickname = field(ft("nickname"), { name: "nickname", required: true, maxlength: 16 });
  const birthYear = field(ft("birthYear"), { name: "birthYear", type: "number", inputmode: "numeric", required: true, min: 1900, max: new Date().getFullYear() });
  const password = field(ft("password"), { name: "password", type: "password", autocomplete: "new-password", required: true, minlength: 8, maxlength: 200 });
  const agree = el("input", { type: "checkbox", id: "register-agree", required: true });
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-primary" }, ft("register"));
  const form = el(
    "form",
    { class: "family-form", id: "register-form" },
    login.wrap, nickname.wrap, birthYear.wrap, password.wrap,
    el("p", { class: "field-hint" }, ft("passwordHint")),
    el("div", { class: "check-row" }, agree, el("label", { for: "register-agree" }, ft("agreeTerms"), " · ", el("a", { href: "/privacy.html", target: "_blank" }, ft("privacyLink")))),
    error.node,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    const year = Number(birthYear.input.value);
    if (youngestAge(year, new Date().toISOString().slice(0, 10)) < GUARDIAN_REQUIRED_UNDER) {
      error.node.hidden = false;
      error.node.textContent = ft("under14");
      return;
    }
    submit.disabled = true;
    registerAdult({ login: login.input.value, password: password.input.value, nickname: nickname.input.value, birthYear: year })
      .then((message) => form.replaceWith(codeForm(login.input.value, message)))
      .catch((e: unknown) => error.show(e))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/** The second step of signing up: the code sent to the phone or e-mail. */
function codeForm(login: string, message: { zh: string; en: string }): HTMLElement {
  const code = field(ft("code"), { name: "code", inputmode: "numeric", autocomplete: "one-time-code", required: true, pattern: "\\d{6}", maxlength: 6, id: "register-code" });
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-primary", id: "register-confirm" }, ft("confirm"));
  const form = el("form", { class: "family-form", id: "register-code-form" }, el("p", { class: "success-note", role: "status" }, pick(message)), code.wrap, error.node, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    submit.disabled = true;
    confirmSignUp(login, code.input.value.trim())
      .then((member) => setMember(member))
      .catch((e: unknown) => error.show(e))
      .finally(() => (submit.disabled = false));
  });
  return form;
}
