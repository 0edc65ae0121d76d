/** "Report wrong information" on a place card: what is wrong, a note, sent to staff. */
import { CORRECTION_DETAIL_MAX, CORRECTION_KINDS, CORRECTION_LABELS, type CorrectionKind } from "../../../../src/core/community.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { sendCorrection } from "./family-api.ts";
import { ft } from "./family-messages.ts";
import { errorLine } from "./form-parts.ts";

export function correctionForm(placeId: string): HTMLElement {
  const slug = placeId.replace(/\W/g, "-");
  const kind = el("select", { id: `correction-kind-${slug}`, class: "select" }, ...CORRECTION_KINDS.map((k) => el("option", { value: k }, pick(CORRECTION_LABELS[k]))));
  const detail = el("textarea", { id: `correction-detail-${slug}`, class: "text-input", rows: 2, maxlength: CORRECTION_DETAIL_MAX });
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-secondary" }, ft("send"));
  const form = el(
    "form",
    { class: "family-form" },
    el("label", { for: kind.id, class: "field-label" }, ft("wrongInfoKind")), kind,
    el("label", { for: detail.id, class: "field-label" }, ft("wrongInfoDetail")), detail,
    error.node, submit,
  );
  const wrap = el("details", { class: "correction" }, el("summary", { class: "link-button" }, ft("wrongInfo")), form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    sendCorrection(placeId, kind.value as CorrectionKind, detail.value)
      .then(() => replaceChildren(form, el("p", { class: "success-note" }, ft("wrongInfoThanks"))))
      .catch((e: unknown) => error.show(e))
      .finally(() => (submit.disabled = false));
  });
  return wrap;
}
