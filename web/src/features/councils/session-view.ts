/**
 * A council session as the public and its members see it: its date and state (a planned
 * one's time and place only for members, guardians and organisers), the agenda with each
 * item's moderated thread, the minutes, attendance as counts per age band (never names),
 * and the decisions, with a link to the idea a sent decision became.
 */
import { AGE_BANDS, AGE_BAND_LABELS } from "../../../../src/core/api/councils-vocabulary.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { errorLine, reasonList, reasonsOf } from "../family/form-parts.ts";
import { dateText } from "../../shared/date-text.ts";
import { type Session, fetchPosts, postToItem } from "./councils-api.ts";
import { ct } from "./councils-messages.ts";

/** Whether the viewer may post in threads (a member of the council). */
export interface SessionViewOptions {
  readonly canPost: boolean;
}

function thread(councilId: string, item: Session["agenda"][number], options: SessionViewOptions): HTMLElement {
  const list = el("div", { class: "council-thread-list" }, el("p", { class: "muted" }, ct("loading")));
  const load = (): void => {
    fetchPosts(councilId, item.id).then((posts) => replaceChildren(list, posts.length === 0 ? el("p", { class: "muted" }, ct("noPosts"))
      : el("ul", { class: "review-list" }, ...posts.map((p) => el("li", { class: "review", "data-post": p.id },
        el("p", { class: "review-head" }, el("strong", {}, p.nickname), el("span", { class: "muted" }, dateText(p.createdAt, getLanguage()))),
        el("p", { class: "review-body" }, p.body))))), () => replaceChildren(list, el("p", { class: "muted" }, ct("loadFailed"))));
  };
  const box = el("details", { class: "council-thread", "data-item": item.id }, el("summary", { class: "link-button" }, ct("thread", { n: item.postCount })), list);
  box.addEventListener("toggle", () => {
    if (box.open && !box.dataset.loaded) {
      box.dataset.loaded = "true";
      load();
    }
  });
  if (!options.canPost) return (box.append(el("p", { class: "muted" }, ct("membersOnly"))), box);
  const id = `post-${item.id}`;
  const text = el("textarea", { id, class: "text-input", rows: 2, maxlength: 300, minlength: 2, required: true });
  const error = errorLine();
  const outcome = el("div", { "aria-live": "polite" });
  const send = el("button", { type: "submit", class: "button button-primary button-small" }, ct("post"));
  const form = el("form", { class: "family-form" }, el("label", { for: id, class: "field-label" }, ct("writePost")), text, error.node, send, outcome);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    send.disabled = true;
    postToItem(councilId, item.id, text.value.trim()).then((post) => {
      text.value = "";
      replaceChildren(outcome, el("p", { class: "success-note" }, ct(post.status === "published" ? "postPosted" : "postPending")));
      load();
    }, (e: unknown) => {
      const reasons = reasonsOf(e);
      if (reasons) replaceChildren(outcome, el("div", { class: "held-note", role: "alert" }, reasonList(reasons)));
      else error.show(e);
    }).finally(() => (send.disabled = false));
  });
  box.append(form);
  return box;
}

function agendaItem(councilId: string, item: Session["agenda"][number], options: SessionViewOptions): HTMLElement {
  const kind = item.kind === "idea" ? ct("itemIdea") : item.kind === "poll" ? ct("itemPoll") : ct("itemFree");
  const href = item.refId ? (item.kind === "idea" ? `/?idea=${encodeURIComponent(item.refId)}` : `/polls.html?poll=${encodeURIComponent(item.refId)}`) : null;
  return el("li", { class: "agenda-item" },
    el("p", { class: "agenda-head" }, el("span", { class: "stage-badge" }, kind), el("strong", {}, item.title), href ? el("a", { href, class: "link-button" }, ct("seeLinked")) : null),
    item.text ? el("p", { class: "agenda-text" }, item.text) : null,
    thread(councilId, item, options));
}

function attendance(session: Session): HTMLElement | null {
  const total = AGE_BANDS.reduce((sum, band) => sum + (session.attendance[band] ?? 0), 0);
  if (session.state !== "held") return null;
  return el("div", { class: "council-attendance" },
    el("h4", { class: "field-label" }, ct("attendance"), " · ", ct("attendanceTotal", { n: total })),
    el("ul", { class: "attendance-bands" }, ...AGE_BANDS.map((band) => el("li", { "data-band": band }, el("span", { class: "attendance-count" }, String(session.attendance[band] ?? 0)), el("span", {}, pick(AGE_BAND_LABELS[band]))))));
}

/** One session of a council. */
export function sessionView(councilId: string, session: Session, options: SessionViewOptions): HTMLElement {
  const when = session.startsAt ? new Date(session.startsAt).toLocaleString(getLanguage() === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" }) : dateText(session.date, getLanguage());
  return el("article", { class: "council-session", "data-session": session.id, "data-state": session.state },
    el("h3", { class: "session-head" }, el("span", { class: "state-badge", "data-state": session.state === "held" ? "approved" : session.state === "planned" ? "submitted" : "returned" }, ct(session.state)),
      el("strong", {}, ct("when", { when })), session.place ? el("span", { class: "muted" }, ct("where", { where: session.place })) : null),
    session.agenda.length ? el("h4", { class: "field-label" }, ct("agenda")) : null,
    session.agenda.length ? el("ol", { class: "agenda-list" }, ...session.agenda.map((item) => agendaItem(councilId, item, options))) : null,
    session.minutes ? el("h4", { class: "field-label" }, ct("minutes")) : null,
    session.minutes ? el("p", { class: "council-minutes" }, session.minutes) : null,
    attendance(session),
    session.decisions.length ? el("h4", { class: "field-label" }, ct("decisions")) : null,
    session.decisions.length ? el("ul", { class: "council-decisions" }, ...session.decisions.map((d) => el("li", { "data-decision": d.id, "data-state": d.state },
      el("strong", {}, d.title), " ", el("span", {}, d.text),
      d.state === "sent" ? el("span", { class: "stage-badge", "data-stage": "sent" }, ct("decisionSent")) : null,
      d.ideaId ? el("a", { href: `/?idea=${encodeURIComponent(d.ideaId)}`, class: "link-button" }, ct("followIdea")) : null))) : null);
}
