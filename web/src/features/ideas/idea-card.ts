/**
 * One idea's card: its picture and kind, title, who shared it (a nickname) and when, the
 * text and photos, 我也想要 (one per member, tapped again to take it back), the path it has
 * walked with each step dated (and what is still to come), the result's photos, and the
 * moderated comments with a box to write one.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { currentMember } from "../family/member-session.ts";
import { errorLine, reasonList, reasonsOf } from "../family/form-parts.ts";
import { photoStrip } from "../family/photo-viewer.ts";

import { dateText, pathSteps, type PathStep } from "./idea-format.ts";
import { IDEA_COMMENT_MAX, kindMark, kindName, stageName } from "./idea-kinds.ts";
import { type IdeaStep, type LonLat, type PublicIdea, fetchComments, fetchIdea, postComment, support } from "./ideas-api.ts";
import { PIN_SVG, withPicture } from "./idea-icons.ts";
import { vt } from "./ideas-messages.ts";

/** What the card may ask of the panel. */
export interface CardActions {
  openIdea(id: string): void;
  signIn(): void;
  focusOn(lonLat: LonLat): void;
}

const day = (iso: string): string => dateText(iso, getLanguage());

/** Whether everyone may see the idea (the public view has no status; the own view says it). */
function isPublic(idea: PublicIdea): boolean {
  return !("status" in idea) || idea.status === "published";
}

/** Whether the signed-in member wrote this idea (the own view names its author by nickname only; a child's guardian may support). */
function isMine(idea: PublicIdea): boolean {
  const member = currentMember();
  return member !== null && member.nickname === idea.nickname && (member.kind === "child") === idea.byChild;
}

function supportButton(idea: PublicIdea, actions: CardActions): HTMLElement {
  // The author's own view carries the moderation status: an author does not support their own idea.
  if ("status" in idea && idea.supportedByMe === false && isMine(idea)) return el("p", { class: "muted idea-support-row" }, `❤ ${vt("supports", { n: idea.supportCount })}`);
  let count = idea.supportCount;
  let mine = idea.supportedByMe;
  const button = el("button", { type: "button", class: "button idea-support", id: "idea-support" });
  const note = el("p", { class: "field-hint", "aria-live": "polite" });
  const render = (): void => {
    button.textContent = `❤ ${vt("wantTooCount", { n: count })}`;
    button.setAttribute("aria-pressed", String(mine));
    note.textContent = mine ? vt("supportedNote") : "";
  };
  button.addEventListener("click", () => {
    if (!currentMember()) return actions.signIn();
    button.disabled = true;
    support(idea.id, !mine).then((answer) => {
      count = answer.supportCount;
      mine = answer.supportedByMe;
      render();
    }, (error: unknown) => {
      note.textContent = vt("loadIdeasFailed");
      console.error(error);
    }).finally(() => (button.disabled = false));
  });
  render();
  return el("div", { class: "idea-support-row" }, button, note);
}

function stepItem(step: PathStep): HTMLElement {
  return el(
    "li",
    { class: "idea-step", "data-state": step.state, "data-stage": step.stage },
    el("span", { class: "idea-step-dot", "aria-hidden": "true" }, step.state === "done" ? "✓" : step.state === "now" ? "●" : ""),
    el("span", { class: "idea-step-body" },
      el("strong", { class: "idea-step-name" }, stageName(step.stage)),
      step.at ? el("time", { class: "idea-step-date", datetime: step.at.slice(0, 10) }, day(step.at)) : null,
      step.state === "now" && !step.at ? el("span", { class: "muted" }, vt("noAnswerYet")) : null,
      step.text ? el("span", { class: "idea-step-text" }, step.text) : null,
      step.by ? el("span", { class: "idea-step-by" }, vt("willDoBy", { date: day(step.by) })) : null,
      step.unitName ? el("span", { class: "muted" }, vt("sentTo", { unit: step.unitName })) : null),
  );
}

function historySection(idea: PublicIdea, history: readonly IdeaStep[]): HTMLElement {
  return el(
    "section",
    { class: "idea-history", "aria-labelledby": "idea-history-title" },
    el("h3", { id: "idea-history-title", class: "card-section-title" }, vt("history")),
    idea.unitName ? el("p", { class: "muted" }, vt("sentTo", { unit: idea.unitName }), idea.taskNumber ? ` · ${vt("taskLine", { n: idea.taskNumber })}` : "") : null,
    el("ol", { class: "idea-steps" }, ...pathSteps(idea.stage, history).map(stepItem)),
    idea.resultPhotos.length ? el("h4", { class: "field-label" }, vt("resultPhotos")) : null,
    idea.resultPhotos.length ? photoStrip(idea.resultPhotos, { width: 120, height: 90 }) : null,
  );
}

function commentForm(idea: PublicIdea, refresh: () => void): HTMLElement {
  const id = `idea-comment-${idea.id}`;
  const text = el("textarea", { id, class: "text-input", rows: 2, maxlength: IDEA_COMMENT_MAX, minlength: 2, required: true });
  const error = errorLine();
  const outcome = el("div", { "aria-live": "polite" });
  const submit = el("button", { type: "submit", class: "button button-primary button-small", id: "idea-comment-submit" }, vt("postComment"));
  const form = el("form", { class: "family-form idea-comment-form" }, el("label", { for: id, class: "field-label" }, vt("writeComment")), text, error.node, submit, outcome);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    submit.disabled = true;
    postComment(idea.id, text.value).then((comment) => {
      text.value = "";
      const published = comment.status === undefined || comment.status === "published";
      replaceChildren(outcome, el("p", { class: "success-note", "data-status": comment.status ?? "published" }, vt(published ? "commentPosted" : "commentPending")));
      if (published) refresh();
    }, (e: unknown) => {
      const reasons = reasonsOf(e);
      if (!reasons) return error.show(e);
      replaceChildren(outcome, el("div", { class: "held-note", role: "alert" }, reasonList(reasons)));
    }).finally(() => (submit.disabled = false));
  });
  return form;
}

function commentsSection(idea: PublicIdea, actions: CardActions): HTMLElement {
  const list = el("div", { class: "idea-comments-list" });
  const load = (): void => {
    fetchComments(idea.id).then((comments) => replaceChildren(list, comments.length === 0
      ? el("p", { class: "muted" }, vt("noComments"))
      : el("ul", { class: "review-list" }, ...comments.map((c) => el("li", { class: "review" },
        el("p", { class: "review-head" }, el("strong", {}, c.nickname), el("span", { class: "muted" }, day(c.createdAt))),
        el("p", { class: "review-body" }, c.body))))), () => replaceChildren(list, el("p", { class: "muted" }, vt("loadIdeasFailed"))));
  };
  load();
  const signIn = el("button", { type: "button", class: "button button-quiet button-small" }, vt("signInButton"));
  signIn.addEventListener("click", () => actions.signIn());
  return el(
    "section",
    { class: "idea-comments", "aria-labelledby": "idea-comments-title" },
    el("h3", { id: "idea-comments-title", class: "card-section-title" }, vt("commentsTitle")),
    list,
    currentMember() ? commentForm(idea, load) : el("p", { class: "muted" }, vt("signInFirst"), " ", signIn),
  );
}

/** The card of the idea `id`, loaded from the server, with the idea it shows. */
export async function ideaCard(id: string, actions: CardActions): Promise<{ node: HTMLElement; idea: PublicIdea }> {
  const { idea, history } = await fetchIdea(id);
  return { node: cardNode(idea, history, actions), idea };
}

/** The idea's drawing, shown once the idea is public (never on an author's own idea still waiting for a moderator). */
function drawingOf(idea: PublicIdea): HTMLElement | null {
  if (!idea.drawing || !isPublic(idea)) return null;
  return el("figure", { class: "idea-drawing-shown" }, photoStrip([idea.drawing], { width: 160, height: 120 }), el("figcaption", { class: "muted" }, vt("drawingTitle")));
}

function cardNode(idea: PublicIdea, history: readonly IdeaStep[], actions: CardActions): HTMLElement {
  const place = idea.placeName ?? idea.district;
  const merged = idea.mergedInto ? el("button", { type: "button", class: "button button-quiet button-small" }, vt("openMerged")) : null;
  merged?.addEventListener("click", () => actions.openIdea(idea.mergedInto!));
  const where = place ? withPicture("button", { type: "button", class: "link-button idea-where" }, PIN_SVG, place) : null;
  where?.addEventListener("click", () => actions.focusOn([idea.lon, idea.lat]));
  return el(
    "article",
    { class: "idea-card", "data-idea": idea.id, "data-stage": idea.stage },
    el("p", { class: "idea-kind" }, kindMark(idea.kind), el("span", {}, kindName(idea.kind)), el("span", { class: "stage-badge", "data-stage": idea.stage }, stageName(idea.stage))),
    el("h3", { class: "idea-title", id: "idea-card-title", tabindex: -1 }, idea.title),
    el("p", { class: "muted idea-by" }, vt("postedBy", { name: idea.nickname, date: day(idea.publishedAt ?? idea.createdAt) }), idea.byChild ? ` · ${vt("byChild")}` : ""),
    where,
    el("p", { class: "idea-text" }, idea.text),
    idea.photos.length ? photoStrip(idea.photos, { width: 120, height: 90 }) : null,
    drawingOf(idea),
    idea.mergedInto ? el("p", { class: "card-note" }, vt("mergedInto"), " ", merged) : null,
    idea.overdue ? el("p", { class: "card-note idea-overdue" }, vt("noAnswerYet")) : null,
    // An idea waiting for a moderator (its author's own view) has no supports or comments yet.
    isPublic(idea) ? supportButton(idea, actions) : null,
    historySection(idea, history),
    isPublic(idea) ? commentsSection(idea, actions) : null,
  );
}
