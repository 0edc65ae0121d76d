/** Small form pieces the family features share: labelled inputs and an error line. */
import { ApiError } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { type SafetyReason } from "./family-api.ts";
import { type FamilyMessageKey, ft } from "./family-messages.ts";

let serial = 0;

/** A label and an input, joined by id. */
export function field(label: string, attributes: Record<string, string | number | boolean>): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = typeof attributes.id === "string" ? attributes.id : `family-field-${++serial}`;
  const input = el("input", { class: "text-input", ...attributes, id });
  return { wrap: el("div", { class: "form-field" }, el("label", { for: id, class: "field-label" }, label), input), input };
}

/** Our own words for an error whose message the server gave in English only. */
function codeWords(error: ApiError): string {
  const byCode: Record<string, FamilyMessageKey> = {
    invalid_parameter: "errorInvalid", invalid_body: "errorInvalid", conflict: "errorConflict", rate_limited: "errorRateLimited",
    unauthenticated: "errorSignIn", forbidden: "errorForbidden", network: "errorNetwork",
  };
  return ft(byCode[error.code] ?? "errorGeneric");
}

const HAS_CHINESE = /[\u3400-\u9fff]/;

/**
 * What went wrong in the reader's language: the server's words when it gave them in both
 * languages (password rules) or in the page's language (it answers Accept-Language); a
 * Chinese page never shows an English-only server message, but our words for its code.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return getLanguage() === "zh" ? ft("errorGeneric") : String(error instanceof Error ? error.message : error);
  if (error.code === "account_locked") return ft("locked");
  const details = error.details as { message?: { zh: string; en: string } } | undefined;
  const message = details?.message ? pick(details.message) : error.message;
  return getLanguage() === "zh" && !HAS_CHINESE.test(message) ? codeWords(error) : message;
}

/** An element that shows an error message (role=alert) or nothing. */
export function errorLine(): { node: HTMLElement; show(error: unknown): void; say(text: string): void; clear(): void } {
  const node = el("p", { class: "form-error", role: "alert", hidden: true });
  return {
    node,
    show(error) {
      node.hidden = false;
      node.textContent = ft("failed", { message: errorMessage(error) });
    },
    say(text) {
      node.hidden = false;
      node.textContent = text;
    },
    clear() {
      node.hidden = true;
      node.textContent = "";
    },
  };
}

/** The kind messages of the safety guard, one per kind, in the reader's language. */
export function reasonList(reasons: readonly SafetyReason[]): HTMLElement {
  const unique = [...new Map(reasons.map((r) => [r.kind, r])).values()];
  return el("ul", { class: "safety-reasons" }, ...unique.map((r) => el("li", {}, pick(r.message))));
}

/** The reasons carried by a 422 from the posting path, if any. */
export function reasonsOf(error: unknown): SafetyReason[] | null {
  if (!(error instanceof ApiError) || (error.code !== "held_for_safety" && error.code !== "blocked_by_safety")) return null;
  const details = error.details as { reasons?: SafetyReason[] } | undefined;
  return details?.reasons ?? [];
}
