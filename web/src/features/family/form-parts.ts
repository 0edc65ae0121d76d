/** Small form pieces the family features share: labelled inputs and an error line. */
import { ApiError } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { type SafetyReason } from "./family-api.ts";
import { ft } from "./family-messages.ts";

let serial = 0;

/** A label and an input, joined by id. */
export function field(label: string, attributes: Record<string, string | number | boolean>): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = typeof attributes.id === "string" ? attributes.id : `family-field-${++serial}`;
  const input = el("input", { class: "text-input", ...attributes, id });
  return { wrap: el("div", { class: "form-field" }, el("label", { for: id, class: "field-label" }, label), input), input };
}

/** What went wrong in the reader's language where the server says it in both (password rules), else its words. */
function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  if (error.code === "account_locked") return ft("locked");
  const details = error.details as { message?: { zh: string; en: string } } | undefined;
  return details?.message ? pick(details.message) : error.message;
}

/** An element that shows an error message (role=alert) or nothing. */
export function errorLine(): { node: HTMLElement; show(error: unknown): void; clear(): void } {
  const node = el("p", { class: "form-error", role: "alert", hidden: true });
  return {
    node,
    show(error) {
      node.hidden = false;
      node.textContent = ft("failed", { message: errorMessage(error) });
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
