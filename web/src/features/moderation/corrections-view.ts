/**
 * The data-quality queue: what families reported wrong about a place, with the place as
 * it is now; staff fix it (new hours, move to the reported position, or remove) or reject.
 */
import type { CorrectionDecision, PlaceFix } from "../../../../src/core/api/places.ts";
import { CORRECTION_LABELS, type CorrectionKind } from "../../../../src/core/community.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { type Correction, fetchCorrections, resolveCorrection } from "./moderation-api.ts";
import { mt } from "./moderation-messages.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

function correctionCard(correction: Correction, refresh: () => void): HTMLElement {
  const id = `correction-${correction.id}`;
  const note = el("input", { id: `${id}-note`, class: "text-input", maxlength: 300 });
  const hours = el("input", { id: `${id}-hours`, class: "text-input", maxlength: 200, placeholder: correction.place?.openingHours ?? "Mo-Su 08:00-18:00" });
  const move = el("input", { type: "checkbox", id: `${id}-move`, disabled: correction.lon === null });
  const remove = el("input", { type: "checkbox", id: `${id}-remove` });
  const status = el("p", { class: "form-note", role: "status" });
  const send = (decision: CorrectionDecision["decision"]) => {
    if (note.value.trim().length < 2) {
      status.textContent = mt("reasonNeeded");
      return note.focus();
    }
    const fix: PlaceFix = {};
    if (hours.value.trim()) fix.openingHours = hours.value.trim();
    if (move.checked && correction.lon !== null) Object.assign(fix, { lon: correction.lon, lat: correction.lat });
    if (remove.checked) Object.assign(fix, { remove: true });
    resolveCorrection(correction.id, { decision, note: note.value.trim(), ...(decision === "fixed" && Object.keys(fix).length ? { fix } : {}) }).then(refresh, (e: unknown) => (status.textContent = errorText(e)));
  };
  const fixed = el("button", { type: "button", class: "button button-primary button-small" }, mt("fixed"));
  const reject = el("button", { type: "button", class: "button button-quiet button-small" }, mt("reject"));
  fixed.addEventListener("click", () => send("fixed"));
  reject.addEventListener("click", () => send("rejected"));
  return el("li", { class: "moderation-item", "data-correction": correction.id },
    el("p", { class: "item-head" }, el("strong", {}, correction.place?.name ?? correction.placeId), el("span", { class: "status-pill" }, pick(CORRECTION_LABELS[correction.kind as CorrectionKind] ?? { zh: correction.kind, en: correction.kind }))),
    correction.detail ? el("p", { class: "item-text" }, correction.detail) : null,
    correction.lon !== null ? el("p", { class: "muted" }, mt("reported", { lon: correction.lon.toFixed(5), lat: (correction.lat ?? 0).toFixed(5) })) : null,
    el("label", { for: hours.id, class: "field-label" }, mt("newHours")), hours,
    el("div", { class: "check-row" }, move, el("label", { for: move.id }, mt("moveToReported"))),
    el("div", { class: "check-row" }, remove, el("label", { for: remove.id }, mt("removePlace"))),
    el("label", { for: note.id, class: "field-label" }, mt("note")), note,
    el("div", { class: "button-row" }, fixed, reject), status);
}

export async function showCorrections(context: StaffContext, slot: HTMLElement): Promise<void> {
  const corrections = await fetchCorrections();
  const refresh = () => {
    context.say(mt("done"));
    void showCorrections(context, slot);
  };
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, mt("correctionsTitle")),
    corrections.length === 0 ? el("p", { class: "empty-note" }, mt("noCorrections")) : el("ul", { class: "moderation-list" }, ...corrections.map((c) => correctionCard(c, refresh))),
  );
}
