/**
 * "我的" for ideas: the news of each step my ideas take (a guardian also hears of their
 * children's), in the child-friendly words the server writes, new ones marked and then
 * counted as read; and my ideas with their moderation status and stage, each withdrawable
 * while it is pending or public. A tap on one opens its card on the map.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { dateText } from "./idea-format.ts";
import { kindMark, stageName } from "./idea-kinds.ts";
import { type IdeaNotification, type OwnIdea, fetchMyIdeas, fetchNotifications, markNotificationsRead, withdrawIdea } from "./ideas-api.ts";
import { OPEN_IDEA_EVENT } from "./idea-events.ts";
import { type IdeasMessageKey, vt } from "./ideas-messages.ts";
import "./ideas.css";

/** Asks the map page to open an idea's card; elsewhere the link opens the map with it. */
function openLink(id: string, label: string): HTMLElement {
  const link = el("a", { class: "link-button", href: `/?idea=${encodeURIComponent(id)}`, "data-open-idea": id }, label);
  link.addEventListener("click", (event) => {
    if (location.pathname !== "/" && location.pathname !== "/index.html") return;
    event.preventDefault();
    window.dispatchEvent(new CustomEvent(OPEN_IDEA_EVENT, { detail: id }));
  });
  return link;
}

function newsItem(item: IdeaNotification): HTMLElement {
  return el(
    "li",
    { class: "idea-news-item", "data-read": String(item.read), "data-event": item.event, "data-stage": item.stage ?? "" },
    el("p", { class: "idea-news-head" },
      item.read ? null : el("span", { class: "unread-tag" }, vt("unread")),
      el("strong", {}, item.ideaTitle),
      item.forChild ? el("span", { class: "muted" }, vt("forChild", { name: item.forChild })) : null,
      el("time", { class: "muted", datetime: item.createdAt.slice(0, 10) }, dateText(item.createdAt, getLanguage()))),
    el("p", { class: "idea-news-message" }, pick(item.message)),
    openLink(item.ideaId, vt("seeIdea")),
  );
}

function myIdeaItem(idea: OwnIdea): HTMLElement {
  const withdraw = idea.status === "pending" || idea.status === "published" ? el("button", { type: "button", class: "button button-quiet button-small", "data-withdraw": idea.id }, vt("withdrawIdea")) : null;
  withdraw?.addEventListener("click", () => {
    withdraw.disabled = true;
    withdrawIdea(idea.id).then(() => {
      const badge = withdraw.closest("li")?.querySelector(".status-badge");
      if (badge) {
        badge.textContent = vt("status_withdrawn");
        badge.setAttribute("data-status", "withdrawn");
      }
      withdraw.remove();
    }, () => (withdraw.disabled = false));
  });
  return el(
    "li",
    { class: "own-review", "data-idea": idea.id },
    kindMark(idea.kind),
    el("strong", {}, idea.title),
    el("span", { class: "status-badge", "data-status": idea.status }, vt(`status_${idea.status}` as IdeasMessageKey)),
    el("p", { class: "own-review-body idea-own-actions" }, el("span", { class: "stage-badge", "data-stage": idea.stage }, stageName(idea.stage)), openLink(idea.id, vt("seeIdea")), withdraw),
  );
}

/** The section, filled once loaded; new notifications are marked read after they are shown. */
export function ideaNews(): HTMLElement {
  const slot = el("div", { class: "idea-news-section", id: "idea-news" });
  void Promise.all([fetchNotifications(), fetchMyIdeas()]).then(([{ notifications }, mine]) => {
    replaceChildren(
      slot,
      el("h3", { class: "panel-subtitle" }, vt("notificationsTitle")),
      notifications.length === 0 ? el("p", { class: "muted" }, vt("noNotifications")) : el("ul", { class: "idea-news" }, ...notifications.map(newsItem)),
      el("h3", { class: "panel-subtitle" }, vt("myIdeas")),
      mine.length === 0 ? el("p", { class: "muted" }, vt("noMyIdeas")) : el("ul", { class: "own-reviews" }, ...mine.map(myIdeaItem)),
    );
    slot.dataset.loaded = "true";
    const newest = notifications.filter((n) => !n.read).map((n) => n.createdAt).sort().pop();
    if (newest) void markNotificationsRead(newest).catch(() => undefined);
  }, (error: unknown) => {
    replaceChildren(slot, el("p", { class: "muted" }, vt("loadIdeasFailed")));
    console.error(error);
  });
  return slot;
}
