/**
 * The venue staff page's forms: opening (open today, closed today, temporarily closed with
 * reason and reopening time), crowding (quiet, busy, full, clear) and the notice (text up to
 * 140 characters, end at most 30 days ahead). Each button sends one change; `send` does the
 * request and tells the person what happened.
 */
import type { StatusChangeInput } from "../../../../src/core/api/live.ts";
import { CROWDING_LEVELS, NOTICE_MAX_LENGTH } from "../../../../src/core/api/live-vocabulary.ts";
import { el } from "../../shared/dom.ts";
import { t } from "./live-messages.ts";

/** A `datetime-local` value (the person's local time) as ISO 8601, or undefined when empty. */
export function localInputToIso(value: string): string | undefined {
  if (value.trim() === "") return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el("div", { class: "form-field" }, el("label", { for: id, class: "field-label" }, label), input);
}

const button = (text: string, onClick: () => void, primary = false, attrs: Record<string, string> = {}): HTMLButtonElement => {
  const b = el("button", { type: "button", class: primary ? "button button-primary" : "button", ...attrs }, text);
  b.addEventListener("click", onClick);
  return b;
};

/** The three fieldsets; `send` posts a change. */
export function venueForms(send: (change: StatusChangeInput) => void): HTMLElement[] {
  const reason = el("input", { id: "venue-reason", class: "input", maxlength: NOTICE_MAX_LENGTH });
  const until = el("input", { id: "venue-until", class: "input", type: "datetime-local" });
  const reasonValue = () => (reason.value.trim() === "" ? null : reason.value.trim());
  const opening = el(
    "fieldset", { class: "venue-opening" },
    el("legend", {}, t("venueOpening")),
    field("venue-reason", t("venueReason"), reason),
    field("venue-until", t("venueUntil"), until),
    el("div", { class: "venue-buttons" },
      button(t("venueSetOpen"), () => send({ facet: "opening", state: "open" }), false, { "data-set": "open" }),
      button(t("venueSetClosedToday"), () => send({ facet: "opening", state: "closed_today", reason: reasonValue() }), true, { "data-set": "closed_today" }),
      button(t("venueSetTemporary"), () => send({ facet: "opening", state: "temporarily_closed", reason: reasonValue(), until: localInputToIso(until.value) }), false, { "data-set": "temporarily_closed" })),
  );
  const crowding = el(
    "fieldset", { class: "venue-crowding" },
    el("legend", {}, t("venueCrowding")),
    el("div", { class: "venue-buttons" },
      ...CROWDING_LEVELS.map((level) => button(t(`liveCrowding_${level}`), () => send({ facet: "crowding", level }), false, { "data-set": level })),
      button(t("venueClearCrowding"), () => send({ facet: "crowding", level: null }))),
  );
  const text = el("textarea", { id: "venue-notice", class: "textarea", maxlength: NOTICE_MAX_LENGTH, rows: 3 });
  const noticeUntil = el("input", { id: "venue-notice-until", class: "input", type: "datetime-local" });
  const notice = el(
    "fieldset", { class: "venue-notice" },
    el("legend", {}, t("liveNotice")),
    field("venue-notice", t("venueNoticeText"), text),
    field("venue-notice-until", t("venueNoticeUntil"), noticeUntil),
    el("div", { class: "venue-buttons" },
      button(t("venuePublish"), () => send({ facet: "notice", text: text.value.trim(), until: localInputToIso(noticeUntil.value) }), true),
      button(t("venueClearNotice"), () => send({ facet: "notice", text: null }))),
  );
  return [opening, crowding, notice];
}
