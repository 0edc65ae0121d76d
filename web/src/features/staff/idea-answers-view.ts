/**
 * A unit's answers to the children's ideas sent to it: each idea with its dated history
 * and a form for the next step (received, under study, accepted with what and by when, in
 * progress, done with a photo of the result, or not adopted with a reason a child can
 * read). The server checks the order; the form offers only the steps that may follow.
 */
import type { IdeaAnswerStage, IdeaStage } from "../ideas/idea-kinds.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { errorText } from "../../shared/error-text.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { dateText } from "../ideas/idea-format.ts";
import { stageName } from "../ideas/idea-kinds.ts";
import { fetchIdea } from "../ideas/ideas-api.ts";
import { type StaffIdea, addResultPhoto, answer, fetchAssigned } from "./voice-staff-api.ts";
import { ideaHead } from "./idea-staff-parts.ts";
import { st } from "./staff-voice-messages.ts";
import { nextAnswers } from "./voice-staff-rules.ts";

function answerForm(context: StaffContext, idea: StaffIdea, refresh: () => void): HTMLElement {
  const id = `answer-${idea.id}`;
  const stages = nextAnswers(idea.stage as IdeaStage);
  if (stages.length === 0) return el("p", { class: "muted" }, stageName(idea.stage));
  const stage = el("select", { id: `${id}-stage`, class: "select answer-stage" }, ...stages.map((s) => el("option", { value: s }, stageName(s))));
  const textLabel = el("label", { for: `${id}-text`, class: "field-label" }, st("answerText"));
  const text = el("textarea", { id: `${id}-text`, class: "textarea answer-text", rows: 2, maxlength: 500 });
  const by = el("input", { id: `${id}-by`, class: "input answer-by", type: "date" });
  const byField = el("div", { class: "form-field" }, el("label", { for: by.id, class: "field-label" }, st("byDate")), by);
  const photo = el("input", { id: `${id}-photo`, type: "file", accept: "image/jpeg,image/png,image/webp", class: "answer-photo" });
  const photoField = el("div", { class: "form-field" }, el("label", { for: photo.id, class: "field-label" }, st("resultPhoto")), photo);
  const status = el("p", { class: "form-message", role: "status" });
  const sync = (): void => {
    const chosen = stage.value as IdeaAnswerStage;
    textLabel.textContent = st(chosen === "accepted" ? "answerTextAccepted" : chosen === "not_adopted" ? "answerTextNotAdopted" : "answerText");
    byField.hidden = chosen !== "accepted";
    photoField.hidden = chosen !== "done";
  };
  stage.addEventListener("change", sync);
  sync();
  const send = el("button", { type: "button", class: "button button-primary button-small", "data-action": "answer" }, st("sendAnswer"));
  send.addEventListener("click", () => {
    const chosen = stage.value as IdeaAnswerStage;
    send.disabled = true;
    const file = photo.files?.[0];
    const upload = chosen === "done" && file ? addResultPhoto(idea.id, file) : Promise.resolve();
    upload.then(() => answer(idea.id, { stage: chosen, text: text.value.trim(), ...(chosen === "accepted" && by.value ? { by: by.value } : {}) })).then(() => {
      context.say(st("answerSent", { stage: stageName(chosen) }));
      refresh();
    }, (error: unknown) => {
      status.textContent = errorText(error);
      send.disabled = false;
    });
  });
  return el("div", { class: "answer-form" },
    el("div", { class: "form-field" }, el("label", { for: stage.id, class: "field-label" }, st("stageLabel")), stage),
    el("div", { class: "form-field" }, textLabel, text), byField, photoField,
    el("div", { class: "form-actions" }, send), status);
}

function historyList(id: string): HTMLElement {
  const list = el("ol", { class: "answer-history" });
  fetchIdea(id).then(({ history }) => replaceChildren(list, ...history.map((step) => el("li", {},
    el("strong", {}, stageName(step.stage)), " · ", dateText(step.at, getLanguage()), step.text ? ` · ${step.text}` : "",
    step.by ? ` · ${dateText(step.by, getLanguage())}` : ""))), () => undefined);
  return el("details", { class: "answer-history-box" }, el("summary", { class: "link-button" }, st("historyTitle")), list);
}

/** The answers view of a unit user. */
export async function showIdeaAnswers(context: StaffContext, slot: HTMLElement): Promise<void> {
  const ideas = await fetchAssigned();
  const refresh = (): void => void showIdeaAnswers(context, slot);
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, st("answersTitle")),
    el("p", { class: "muted" }, st("answersIntro")),
    ideas.length === 0 ? el("p", { class: "empty-note" }, st("answersEmpty")) : el("ul", { class: "staff-ideas" }, ...ideas.map((idea) => el("li", { class: "staff-idea", "data-idea": idea.id },
      ideaHead(idea), el("p", { class: "item-text" }, idea.text), historyList(idea.id), answerForm(context, idea, refresh)))),
  );
}
