/**
 * The moderator's view: the size and age of each queue, then every item awaiting a
 * decision (pending and hidden), riskiest first, with the place it is about (name, linked to
 * the map), its risk and classifier score, its text with what the guard found marked (each
 * mark titled with the rule), its photos (opened large on a click) and reports; a reason is
 * required for every decision. Below, open appeals and notices.
 */
import { MODERATION_ACTIONS as ACTIONS } from "../../../../src/core/community.ts";
import { fetchPlace } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { photoStrip } from "../family/photo-viewer.ts";
import { errorText } from "../../shared/error-text.ts";
import {
  type Appeal, type ModeratedItem, type Notice, type QueueSummary,
  decideAppeal, decideItem, decideNotice, fetchAppeals, fetchNotices, fetchQueue,
} from "./moderation-api.ts";
import { markPieces } from "./marked-text.ts";
import { type ModerationMessageKey, ageText, mt } from "./moderation-messages.ts";
import type { StaffContext } from "../accounts/staff-context.ts";

/** Where each kind of content's photos are read (reviews' by default). */
const PHOTO_PATHS: Readonly<Record<string, string>> = { idea: "idea-photos", guide: "guide-photos" };

function queueCards(queues: readonly QueueSummary[], now: string): HTMLElement {
  return el("ul", { class: "queue-cards" }, ...queues.map((q) => el(
    "li",
    { class: "queue-card", "data-queue": q.name },
    el("span", { class: "queue-size" }, String(q.size)),
    el("span", { class: "queue-name" }, mt(`queue_${q.name}` as ModerationMessageKey)),
    el("span", { class: "queue-age" }, mt("oldest", { age: q.oldestAt ? ageText(q.oldestAt, now) : mt("none") })),
  )));
}

/** A reason box and buttons; each button calls `act` with the reason, then `after`. */
function decisionBar<A extends string>(actions: readonly A[], label: (a: A) => string, act: (action: A, reason: string) => Promise<unknown>, after: () => void): HTMLElement {
  const id = `reason-${Math.random().toString(36).slice(2)}`;
  const reason = el("input", { id, class: "text-input reason-input", maxlength: 300 });
  const status = el("p", { class: "form-note", role: "status" });
  const buttons = actions.map((action) => {
    const button = el("button", { type: "button", class: `button ${action === "approve" || action === "overturned" ? "button-primary" : "button-quiet"} button-small`, "data-action": action }, label(action));
    button.addEventListener("click", () => {
      if (reason.value.trim().length < 2) {
        status.textContent = mt("reasonNeeded");
        reason.focus();
        return;
      }
      for (const b of buttons) b.disabled = true;
      act(action, reason.value.trim()).then(after, (error: unknown) => {
        status.textContent = errorText(error);
        for (const b of buttons) b.disabled = false;
      });
    });
    return button;
  });
  return el("div", { class: "decision-bar" }, el("label", { for: id, class: "field-label" }, mt("reason")), reason, el("div", { class: "button-row" }, ...buttons), status);
}

/** "评价的地点：南湖公园", the name a link to the place on the map; filled in once the place loads. */
function placeLine(placeId: string): HTMLElement {
  const name = el("a", { class: "item-place-link", href: `/?place=${encodeURIComponent(placeId)}`, target: "_blank", rel: "noopener" }, placeId);
  const line = el("p", { class: "item-place", "data-place": placeId }, mt("aboutPlace"), name);
  fetchPlace(placeId).then((place) => {
    const { zh, en } = place.properties.name;
    name.textContent = (getLanguage() === "zh" ? (zh ?? en) : (en ?? zh)) ?? placeId;
    name.setAttribute("href", `/?region=${encodeURIComponent(place.properties.regionId)}&place=${encodeURIComponent(placeId)}`);
  }, () => line.append(" ", mt("placeGone")));
  return line;
}

/** The text with the guard's findings marked, each mark titled with the rules behind it. */
function markedText(item: ModeratedItem): Array<string | HTMLElement> {
  return markPieces(item.text, item.spans ?? []).map((piece) => (piece.rules ? el("mark", { class: "guard-span", title: mt("spanTitle", { rule: piece.rules.join(", ") }) }, piece.text) : piece.text));
}

function itemCard(item: ModeratedItem, now: string, refresh: () => void): HTMLElement {
  const kinds = [...new Set(item.holdReasons.map((r) => r.category ?? r.kind))];
  return el(
    "li",
    { class: "moderation-item", "data-item": item.id, "data-status": item.status },
    el("p", { class: "item-head" },
      el("span", { class: "status-pill", "data-status": item.status }, mt(`queue_${item.status === "hidden" ? "hidden" : "pending"}` as ModerationMessageKey)),
      el("strong", {}, item.authorNickname),
      item.authorIsMinor ? el("span", { class: "minor-tag" }, mt("minor")) : null,
      item.rating ? el("span", { class: "stars" }, "★".repeat(item.rating)) : null,
      el("span", { class: "muted" }, ageText(item.statusAt, now)),
      item.reportCount > 0 ? el("span", { class: "muted" }, mt("reports", { n: item.reportCount })) : null,
      item.risk !== undefined ? el("span", { class: "risk-badge", "data-risk": item.risk.toFixed(2) }, mt("risk", { risk: item.risk.toFixed(2), score: (item.score ?? 0).toFixed(2) })) : null),
    item.placeId ? placeLine(item.placeId) : null,
    el("p", { class: "item-text" }, ...markedText(item)),
    kinds.length ? el("p", { class: "item-flags" }, mt("heldFor", { kinds: kinds.join(", ") })) : null,
    item.photoIds.length ? photoStrip(item.photoIds.map((id) => `/api/${PHOTO_PATHS[item.type] ?? "review-photos"}/${id}`), { width: 120, height: 90 }) : null,
    decisionBar(item.authorIsStaff ? ACTIONS.filter((a) => a !== "warn" && a !== "suspend") : ACTIONS, (a) => mt(`action_${a}`), (action, reason) => decideItem(item, action, reason, action === "suspend" ? 7 : undefined), refresh),
  );
}

function appealCard(appeal: Appeal, now: string, refresh: () => void): HTMLElement {
  return el("li", { class: "moderation-item", "data-appeal": appeal.id },
    el("p", { class: "item-head" }, el("span", { class: "muted" }, `${appeal.targetType} · ${ageText(appeal.createdAt, now)}`)),
    el("p", { class: "item-text" }, appeal.body),
    decisionBar(["overturned", "upheld"] as const, (a) => mt(a === "upheld" ? "uphold" : "overturn"), (decision, reason) => decideAppeal(appeal.id, decision, reason), refresh));
}

function noticeCard(notice: Notice, now: string, refresh: () => void): HTMLElement {
  return el("li", { class: "moderation-item", "data-notice": notice.id },
    el("p", { class: "item-head" }, el("strong", {}, notice.kind), el("span", { class: "muted" }, `${notice.contact} · ${ageText(notice.receivedAt, now)}`)),
    el("p", { class: "item-text" }, notice.detail),
    decisionBar(["taken_down", "rejected"] as const, (a) => mt(a === "taken_down" ? "takeDown" : "reject"), (decision, reason) => decideNotice(notice.id, decision, reason), refresh));
}

export async function showModeration(context: StaffContext, slot: HTMLElement): Promise<void> {
  const [queue, appeals, notices] = await Promise.all([fetchQueue(), fetchAppeals(), fetchNotices()]);
  const refresh = () => {
    context.say(mt("done"));
    void showModeration(context, slot);
  };
  const open = notices.filter((n) => n.status === "open");
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, mt("moderationTitle")),
    queueCards(queue.queues, queue.now),
    queue.items.length === 0 ? null : el("p", { class: "form-note" }, mt("riskOrder")),
    queue.items.length === 0 ? el("p", { class: "empty-note" }, mt("empty")) : el("ul", { class: "moderation-list" }, ...queue.items.map((item) => itemCard(item, queue.now, refresh))),
    appeals.length ? el("h3", {}, mt("appealsTitle")) : null,
    appeals.length ? el("ul", { class: "moderation-list" }, ...appeals.map((a) => appealCard(a, queue.now, refresh))) : null,
    open.length ? el("h3", {}, mt("noticesTitle")) : null,
    open.length ? el("ul", { class: "moderation-list" }, ...open.map((n) => noticeCard(n, queue.now, refresh))) : null,
  );
}
