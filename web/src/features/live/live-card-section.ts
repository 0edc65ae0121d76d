/**
 * The place card's live-status section (a CardSection, card-sections.ts): the venue's
 * word on today (open, closed today, temporarily closed until…), how crowded, its notice
 * and when it was said. Nothing when the venue said nothing that still holds. The card
 * redraws when the store's places change, so a change on the stream shows here at once.
 */
import type { PlaceFeature } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { t } from "./live-messages.ts";
import { liveOf } from "./live-merge.ts";
import { crowdingText, openingText, saidAt } from "./live-text.ts";
import "./live.css";

/** The section for `place`, or null. */
export function liveStatusSection(place: PlaceFeature): Node | null {
  const status = liveOf(place);
  if (!status || (!status.opening && !status.crowding && !status.notice)) return null;
  const opening = openingText(status);
  const crowding = crowdingText(status);
  const reason = status.opening && status.opening.state !== "open" ? status.opening.reason : null;
  return el(
    "section",
    { class: "live-status", "aria-label": t("liveTitle"), "data-live-opening": status.opening?.state ?? "none" },
    opening ? el("p", { class: "live-badge", "data-state": status.opening!.state }, opening) : null,
    reason ? el("p", { class: "live-reason" }, t("liveReason", { reason })) : null,
    crowding ? el("p", { class: "live-crowding", "data-level": status.crowding!.level }, `${t("liveCrowdingLabel")}：${crowding}`) : null,
    status.notice ? el("div", { class: "live-notice", role: "note" }, el("strong", {}, t("liveNotice")), " ", el("span", { lang: "zh-CN" }, status.notice.text)) : null,
    el("p", { class: "live-time" }, saidAt(status) ?? ""),
  );
}
